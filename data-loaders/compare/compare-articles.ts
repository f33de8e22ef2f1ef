import type { Codebook } from "../terms/codebook.ts";
import { maskRanges } from "../reading/find-markup.ts";
import { meanInterval, meanTable, rateTable, type ArticleCounts, type BootstrapOptions, type MeanRow, type RateRow } from "./rate-statistics.ts";
import type { Gazetteer } from "../terms/gazetteer.ts";
import type { ArticleSummary } from "./summarize-record.ts";
import type { ArticleRecord } from "../schema/types.ts";

/** The groupings every comparison page offers, with the summary field each reads. */
export const GROUPINGS: ReadonlyArray<{ readonly id: string; readonly label: string; readonly value: (row: ArticleSummary) => string | null }> = [
  { id: "all", label: "whole corpus", value: () => "all articles" },
  { id: "language", label: "language", value: (row) => row.language },
  { id: "provenance", label: "provenance stated in the text", value: (row) => row.provenanceKind },
  { id: "outlet", label: "outlet", value: (row) => row.outlet },
  { id: "author", label: "author", value: (row) => row.author },
];

/** Everything a comparison page (frames or devices) shows, computed from the overview rows. */
export interface Comparison {
  readonly categories: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  readonly groupings: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  /** Pooled rates per 1,000 words with 95% bootstrap intervals, for every grouping. */
  readonly rates: readonly RateRow[];
  /** Count and rate per article and category, for heatmaps. */
  readonly perArticle: ReadonlyArray<{ readonly id: string; readonly title: string; readonly category: string; readonly count: number; readonly rate: number }>;
}

/**
 * Builds the comparison tables for one codebook: `kind` "frames" reads each row's frame counts, "devices"
 * its device counts. Categories are the codebook's entries, in codebook order.
 */
export function compareArticles(rows: readonly ArticleSummary[], codebook: Codebook, kind: "frames" | "devices", options: BootstrapOptions = {}): Comparison {
  const categories = codebook.entries.map((entry) => ({ id: entry.id, label: entry.label }));
  const ids = categories.map((c) => c.id);
  const counts: ArticleCounts[] = rows.map((row) => ({
    id: row.id,
    words: row.words,
    counts: kind === "frames" ? row.frames : row.devices,
    groups: Object.fromEntries(GROUPINGS.map((g) => [g.id, g.value(row) ?? "not recorded"])),
  }));
  const rates = GROUPINGS.flatMap((grouping) => rateTable(counts, grouping.id, ids, options));
  const perArticle = rows.flatMap((row) =>
    ids.map((category) => {
      const count = (kind === "frames" ? row.frames : row.devices)[category] ?? 0;
      return { id: row.id, title: row.title, category, count, rate: row.words ? (1000 * count) / row.words : 0 };
    }),
  );
  return { categories, groupings: GROUPINGS.map(({ id, label }) => ({ id, label })), rates, perArticle };
}

/** One keyword-in-context line. */
export interface ConcordanceLine {
  readonly article: string;
  readonly kind: "frame" | "device";
  readonly category: string;
  readonly term: string;
  readonly form: string | null;
  readonly quote: "direct" | "scare" | null;
  readonly sentence: number;
  readonly start: number;
  readonly left: string;
  readonly match: string;
  readonly right: string;
}

const CONTEXT = 70;

/**
 * Keyword-in-context lines for every marker and device of a record: up to 70 characters either side, from
 * the body with Markdown syntax hidden and white space collapsed, so a line reads as the reader shows it.
 */
export function concordanceLines(record: ArticleRecord): ConcordanceLine[] {
  const visible = maskRanges(record.text, record.markup);
  const squash = (text: string) => text.replace(/\s+/g, " ");
  const line = (kind: ConcordanceLine["kind"], category: string, m: { term: string; start: number; end: number; sentence: number; quote: ConcordanceLine["quote"] }, form: string | null): ConcordanceLine => ({
    article: record.id,
    kind,
    category,
    term: m.term,
    form,
    quote: m.quote,
    sentence: m.sentence,
    start: m.start,
    left: squash(visible.slice(Math.max(0, m.start - CONTEXT), m.start)).trimStart(),
    match: squash(visible.slice(m.start, m.end)),
    right: squash(visible.slice(m.end, m.end + CONTEXT)).trimEnd(),
  });
  return [
    ...record.markers.map((m) => line("frame", m.frame, m, m.form)),
    ...record.devices.map((d) => line("device", d.device, d, null)),
  ];
}

/** The parts of a codebook a reader needs: everything but the compiled patterns. */
export function codebookView(codebook: Codebook) {
  return {
    id: codebook.id,
    title: codebook.title,
    version: codebook.version,
    sha256: codebook.sha256,
    licence: codebook.licence,
    source: codebook.source,
    entries: codebook.entries.map((entry) => ({
      id: entry.id,
      label: entry.label,
      definition: entry.definition,
      terms: entry.written,
      detector: entry.detector,
      examples: entry.examples,
      counterExamples: entry.counterExamples,
      source: entry.source,
    })),
  };
}

/** What the Tone page shows: article tone, tone by group, and tone toward each actor in each article. */
export interface ToneComparison {
  readonly camps: Gazetteer["camps"];
  readonly inGroup: string;
  readonly outGroup: string;
  readonly actors: ReadonlyArray<{ readonly id: string; readonly label: string; readonly camp: string; readonly kind: string }>;
  readonly groupings: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  /**
   * Per article: tone overall (with a 95% bootstrap interval over its paragraph sentences), in the author's
   * voice, toward each camp, and the gap.
   */
  readonly articles: ReadonlyArray<
    Pick<ArticleSummary, "id" | "title" | "tone" | "ownVoiceTone" | "inGroupTone" | "outGroupTone" | "toneGap"> & { readonly toneLow: number | null; readonly toneHigh: number | null }
  >;
  /** Means by group with bootstrap intervals, for every grouping and measure. */
  readonly groups: readonly MeanRow[];
  /** Per article and actor: mentions, tone of the sentences that mention it, and those sentences. */
  readonly actorTone: ReadonlyArray<{ readonly id: string; readonly actor: string; readonly mentions: number; readonly tone: number | null; readonly sentences: readonly number[] }>;
}

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
    groups: Object.fromEntries(GROUPINGS.map((g) => [g.id, g.value(row) ?? "not recorded"])),
    values: Object.fromEntries(measures.map((m) => [m, row[m]])),
  }));
  return {
    camps: gazetteer.camps,
    inGroup: gazetteer.inGroup,
    outGroup: gazetteer.outGroup,
    actors: gazetteer.actors.map(({ id, label, camp, kind }) => ({ id, label, camp, kind })),
    groupings: GROUPINGS.map(({ id, label }) => ({ id, label })),
    articles: rows.map(({ id, title, tone, ownVoiceTone, inGroupTone, outGroupTone, toneGap }) => {
      const { low, high } = meanInterval(sentenceScores.get(id) ?? [], `article\u0000${id}`, options);
      return { id, title, tone, toneLow: low, toneHigh: high, ownVoiceTone, inGroupTone, outGroupTone, toneGap };
    }),
    groups: GROUPINGS.flatMap((g) => meanTable(items, g.id, measures, options)),
    actorTone,
  };
}
