import { meanInterval, meanTable, type BootstrapOptions } from "./rate-statistics.ts";
import { toneWeight } from "../tone/article-sentiment.ts";
import type { Gazetteer } from "../terms/gazetteer.ts";
import { GROUPINGS, groupingLabels, groupValues } from "./groupings.ts";
import type { ArticleSummary, ToneComparison } from "../schema/site-outputs.ts";

/**
 * Builds the Tone page's data from the overview rows, each article's paragraph sentence scores (for its
 * interval, weighted as the article's tone is: negative sentences count their language's negativeWeight) and the
 * records' actor tone.
 */
export function compareTone(
  rows: readonly ArticleSummary[],
  sentenceScores: ReadonlyMap<string, { readonly scores: readonly number[]; readonly negativeWeight: number }>,
  actorTone: ToneComparison["actorTone"],
  gazetteer: Gazetteer,
  options: BootstrapOptions = {},
): ToneComparison {
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
    articles: rows.map(({ id, title, tone, ownVoiceTone, inGroupTone, outGroupTone, toneGap }) => {
      const { scores = [], negativeWeight = 1 } = sentenceScores.get(id) ?? {};
      const { low, high } = meanInterval(scores, `article\u0000${id}`, options, (score) => toneWeight(score, negativeWeight));
      return { id, title, tone, toneLow: low, toneHigh: high, ownVoiceTone, inGroupTone, outGroupTone, toneGap };
    }),
    groups: GROUPINGS.flatMap((g) => meanTable(items, g.id, measures, options)),
    actorTone,
  };
}
