import { meanInterval, meanTable, type BootstrapOptions } from "./rate-statistics.ts";
import type { Gazetteer } from "../terms/gazetteer.ts";
import { GROUPINGS, groupingLabels, groupValues } from "./groupings.ts";
import type { ArticleSummary, ToneComparison } from "../schema/site-outputs.ts";

/**
 * Builds the Tone page's data from the overview rows, each article's paragraph sentence scores (for its
 * interval) and the records' actor tone.
 */
export function compareTone(
  rows: readonly ArticleSummary[],
  sentenceScores: ReadonlyMap<string, readonly number[]>,
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
      const { low, high } = meanInterval(sentenceScores.get(id) ?? [], `article\u0000${id}`, options);
      return { id, title, tone, toneLow: low, toneHigh: high, ownVoiceTone, inGroupTone, outGroupTone, toneGap };
    }),
    groups: GROUPINGS.flatMap((g) => meanTable(items, g.id, measures, options)),
    actorTone,
  };
}
