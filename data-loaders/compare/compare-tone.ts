import { meanInterval, meanTable, type BootstrapOptions } from "./rate-statistics.ts";
import { toneWeight } from "../tone/article-sentiment.ts";
import type { Gazetteer } from "../terms/gazetteer.ts";
import { GROUPINGS, groupingLabels, groupValues } from "./groupings.ts";
import type { ArticleSummary, ToneComparison } from "../schema/site-outputs.ts";

/**
 * Builds the Tone page's corpus-wide data from the overview rows: the camps and actors, and each
 * grouping's means with bootstrap intervals. What is shown per article (its tone interval, tone toward each
 * actor) is in the article's rows file (articleToneInterval, the record's actor tone).
 */
export function compareTone(rows: readonly ArticleSummary[], gazetteer: Gazetteer, options: BootstrapOptions = {}): ToneComparison {
  const measures = ["tone", "ownVoiceTone", "inGroupTone", "outGroupTone", "toneGap"] as const;
  const items = rows.map((row) => ({
    groups: groupValues(row),
    values: Object.fromEntries(measures.map((m) => [m, row[m]])),
  }));
  return {
    camps: gazetteer.camps,
    inGroup: gazetteer.inGroup,
    outGroup: gazetteer.outGroup,
    actors: gazetteer.actors.map(({ id, label, camp, kind }) => ({ id, label, camp, kind })),
    groupings: groupingLabels(),
    groups: GROUPINGS.flatMap((g) => meanTable(items, g.id, measures, options)),
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
