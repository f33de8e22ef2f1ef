/**
 * The site's bootstrap tables: the frames and devices rates and the Tone page's means, for every grouping.
 * Computed in the loader's thread or in a thread of their own (bootstrap-thread.ts), from the same input
 * with the same rows.
 */
import { meanTable, type BootstrapOptions } from "./rate-statistics.ts";
import { rateInput, rateRows, type RateInput } from "./compare-frames.ts";
import { toneTableInput, type ToneTableInput } from "./compare-tone.ts";
import type { Codebook } from "../terms/codebook.ts";
import type { ArticleSummary, MeanRow, RateRow } from "../schema/site-outputs.ts";

/** What the tables are computed from (plain data, so that it can be handed to another thread). */
export interface BootstrapInput {
  readonly frames: RateInput;
  readonly devices: RateInput;
  readonly tone: ToneTableInput;
}

/** The tables: rate rows per codebook, mean rows of the Tone page. */
export interface BootstrapTables {
  readonly frames: RateRow[];
  readonly devices: RateRow[];
  readonly tone: MeanRow[];
}

/** The input of the tables from the overview rows and the two codebooks. */
export function bootstrapInput(
  rows: readonly ArticleSummary[],
  codebooks: { readonly framing: Codebook; readonly devices: Codebook },
): BootstrapInput {
  return {
    frames: rateInput(rows, codebooks.framing, "frames"),
    devices: rateInput(rows, codebooks.devices, "devices"),
    tone: toneTableInput(rows),
  };
}

/** The three tables; with `options.drawn`, each group's resamples are drawn once for all three. */
export function bootstrapTables({ frames, devices, tone }: BootstrapInput, options: BootstrapOptions = {}): BootstrapTables {
  return {
    frames: rateRows(frames, options),
    devices: rateRows(devices, options),
    tone: tone.groupings.flatMap((grouping) => meanTable(tone.items, grouping, tone.measures, options)),
  };
}
