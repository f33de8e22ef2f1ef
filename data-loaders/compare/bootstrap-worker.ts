/**
 * The task of a one-thread pool that computes the site's bootstrap tables (the frames and devices rates,
 * the Tone page's means) while the loader's own thread publishes the rest: see bootstrap-thread.ts. Same
 * inputs, same rows as in the loader's thread (the resamples are drawn from the same seeded streams, once
 * per group for the three tables).
 */
import { openRecordCache } from "../pipeline/record-cache.ts";
import { meanTable } from "./rate-statistics.ts";
import { rateRows } from "./compare-frames.ts";
import type { BootstrapInput, BootstrapTables } from "./bootstrap-thread.ts";

/** Answers once this worker has loaded (its module's top level has run): the thread's `ready` task. */
export function ready(): true {
  return true;
}

export default function bootstrapTables({ frames, devices, tone, kept }: BootstrapInput): BootstrapTables {
  const options = { drawn: new Map<string, Uint8Array>(), kept: kept && { store: openRecordCache(kept.folder), salt: kept.salt } };
  return {
    frames: rateRows(frames, options),
    devices: rateRows(devices, options),
    tone: tone.groupings.flatMap((grouping) => meanTable(tone.items, grouping, tone.measures, options)),
  };
}
