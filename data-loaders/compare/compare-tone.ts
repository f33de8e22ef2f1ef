import { meanInterval, type BootstrapOptions } from "./rate-statistics.ts";
import { toneWeight } from "../tone/article-sentiment.ts";
import type { Gazetteer } from "../terms/gazetteer.ts";
import { GROUPINGS, groupingLabels, groupValues } from "./groupings.ts";
import type { ArticleSummary, MeanRow, ToneComparison } from "../schema/site-outputs.ts";

/** The means the Tone page compares, per article and by group. */
const TONE_MEASURES = ["tone", "ownVoiceTone", "inGroupTone", "outGroupTone", "toneGap"] as const;

/** What the Tone page's tables are computed from. */
export interface ToneTableInput {
  readonly items: ReadonlyArray<{
    readonly groups: Readonly<Record<string, string>>;
    readonly values: Readonly<Record<string, number | null>>;
  }>;
  readonly measures: readonly string[];
  readonly groupings: readonly string[];
}

/** What the Tone page's tables are computed from (bootstrap-tables.ts). */
export function toneTableInput(rows: readonly ArticleSummary[]): ToneTableInput {
  return {
    items: rows.map((row) => ({
      groups: groupValues(row),
      values: Object.fromEntries(TONE_MEASURES.map((m) => [m, row[m]])),
    })),
    measures: TONE_MEASURES,
    groupings: GROUPINGS.map((g) => g.id),
  };
}

/**
 * The Tone page's corpus-wide data: the camps and actors, and each grouping's means with bootstrap
 * intervals (bootstrap-tables.ts). What is shown per article (its tone interval, tone toward each actor)
 * is in the article's rows file (articleToneInterval, the record's actor tone).
 */
export function toneComparison(gazetteer: Gazetteer, groups: MeanRow[]): ToneComparison {
  return {
    camps: gazetteer.camps,
    inGroup: gazetteer.inGroup,
    outGroup: gazetteer.outGroup,
    actors: gazetteer.actors.map(({ id, label, camp, kind }) => ({ id, label, camp, kind })),
    groupings: groupingLabels(),
    groups,
  };
}

/**
 * An article's tone with a 95% bootstrap interval over its paragraph sentence scores, weighted as the
 * article's tone is (negative sentences count their language's negativeWeight).
 */
export function articleToneInterval(
  id: string,
  scores: readonly number[],
  negativeWeight: number,
  options: BootstrapOptions = {},
): { low: number | null; high: number | null } {
  const { low, high } = meanInterval(scores, `article\u0000${id}`, options, (score) => toneWeight(score, negativeWeight));
  return { low, high };
}
