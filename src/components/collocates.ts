// Collocates and dispersion for the Search page (issue 33 item 5): the words within a window of a query's
// hits, scored against the search index's word counts (portable/collocates.ts), and where in each article
// the hits fall. Computed in the browser from what the search already fetched: the hits, the index shards
// and the hit articles' text files.
import * as Plot from "@observablehq/plot";
import { collocateScores, postingsFrequency, windowCounts, type CollocateWindow } from "./portable/collocates.js";
import type { SearchHit } from "./search-results.js";
import { shardsBetween, wordSpans, type ShardList } from "./search.js";
import type { SearchChunkHead, SearchFrequencies, SearchShard } from "../../data-loaders/schema/site-outputs.ts";

/** One row of the collocates table. */
export interface CollocateRow {
  readonly word: string;
  readonly frequency: number;
  readonly left: number;
  readonly right: number;
  readonly total: number;
  readonly expected: number;
  readonly logLikelihood: number;
  readonly mutualInformation: number;
  readonly tScore: number;
}

/** What the collocates were computed from: hits with an open text, and the corpus size N. */
export interface CollocateSummary {
  readonly rows: CollocateRow[];
  readonly windows: number;
  readonly corpusSize: number;
}

/**
 * Collocates of the hits whose sentence text is in `texts` (article id → sentence → text): windows are
 * counted in those sentences, words with at least `minFrequency` in the windows are kept (the `limit` most
 * frequent), and each is scored with f(c) from the index (`fetchShard`) and N = `corpusSize`. f(n) is the
 * number of windows counted (each collocate's shard from `shardList`), so E is what the counted windows would hold if words were placed at random.
 */
export async function collocates(
  hits: readonly (SearchHit & { readonly id: string })[],
  texts: ReadonlyMap<string, ReadonlyMap<number, string>>,
  options: CollocateWindow & {
    minFrequency: number;
    limit: number;
    corpusSize: number;
    shardList: ShardList;
    /** A shard of the index (postings or a split word's header) or of its word frequencies (search/f/<k>.json). */
    fetchShard: (name: string) => Promise<SearchShard | SearchFrequencies>;
  },
): Promise<CollocateSummary> {
  const nodes = hits.flatMap((hit) => {
    const text = texts.get(hit.id)?.get(hit.sentence);
    return text === undefined ? [] : [{ words: wordSpans(text).map((w) => w.word), position: hit.position, length: hit.length }];
  });
  const span = options.left + options.right;
  if (!nodes.length || !span) return { rows: [], windows: nodes.length, corpusSize: options.corpusSize };
  const kept = windowCounts(nodes, options)
    .filter((c) => c.frequency >= options.minFrequency)
    .slice(0, options.limit);
  const totals = new Map<string, number>();
  await Promise.all(
    [...new Set(kept.flatMap((c) => shardsBetween(options.shardList, c.word, c.word)))].map(async (name) => {
      for (const [word, entry] of (await options.fetchShard(name)).words)
        totals.set(
          word,
          typeof entry === "number"
            ? entry
            : Array.isArray(entry)
              ? postingsFrequency(entry as readonly number[])
              : (entry as SearchChunkHead).occurrences,
        );
    }),
  );
  if (nodes.length * span > options.corpusSize)
    throw new Error(`collocates: ${nodes.length} windows of ${span} words exceed the corpus's ${options.corpusSize}`);
  const rows = kept.flatMap((c) => {
    const total = totals.get(c.word);
    if (total === undefined || total < c.frequency) return [];
    const counts = { observed: c.frequency, nodeFrequency: nodes.length, collocateFrequency: total, corpusSize: options.corpusSize, span };
    return [{ ...c, total, ...collocateScores(counts) }];
  });
  return { rows, windows: nodes.length, corpusSize: options.corpusSize };
}

/** One article's hits for the dispersion plot: relative positions (sentence / sentence count). */
export interface DispersionRow {
  readonly id: string;
  readonly label: string;
  readonly sentences: number;
  readonly hits: readonly { readonly sentence: number; readonly at: number }[];
}

/** The hits grouped by article, in hit order, each with its relative position in the article. */
export function dispersionRows(
  hits: readonly (SearchHit & { readonly id: string })[],
  sentenceCount: (article: number) => number,
  label: (id: string) => string,
): DispersionRow[] {
  const rows = new Map<number, { id: string; label: string; sentences: number; hits: { sentence: number; at: number }[] }>();
  for (const hit of hits) {
    let row = rows.get(hit.article);
    if (!row) rows.set(hit.article, (row = { id: hit.id, label: label(hit.id), sentences: sentenceCount(hit.article), hits: [] }));
    row.hits.push({ sentence: hit.sentence, at: row.sentences > 0 ? hit.sentence / row.sentences : 0 });
  }
  return [...rows.values()];
}

/** An article label cut to fit the plot's margin. */
const shortLabel = (label: string): string => (label.length > 30 ? `${label.slice(0, 29)}…` : label);

/** The dispersion plot: one row per article, a tick at each hit, each tick a link to its sentence. */
export function dispersionPlot(
  rows: readonly DispersionRow[],
  { width, query, href }: { width: number; query: string; href: (id: string, sentence: number) => string },
): SVGSVGElement | HTMLElement {
  const labels = new Map(rows.map((row) => [row.id, row.label]));
  const ticks = rows.flatMap((row) => row.hits.map((hit) => ({ ...hit, id: row.id, label: row.label })));
  return Plot.plot({
    width: Math.max(width, 480),
    height: 40 + 26 * rows.length,
    marginLeft: Math.min(260, Math.max(190, width / 4)),
    ariaLabel: `Dispersion plot: where "${query}" occurs in each of ${rows.length} articles, 0 the start and 1 the end`,
    x: { domain: [0, 1], label: "Position in the article (sentence ÷ sentences) →", grid: true },
    y: { domain: rows.map((r) => r.id), label: null, tickFormat: (id: string) => shortLabel(labels.get(id) ?? id) },
    marks: [
      Plot.frame({ stroke: "#ccc", ariaHidden: "true" }),
      Plot.tickX(ticks, {
        x: "at",
        y: "id",
        stroke: "currentColor",
        strokeWidth: 2,
        href: (d: { id: string; sentence: number }) => href(d.id, d.sentence),
        title: (d: { label: string; sentence: number }) => `${d.label}, sentence ${d.sentence}`,
      }),
    ],
  });
}

/**
 * The hits with `word` in their window (same window as the counts), as keyword-in-context lines' inputs:
 * the hit and its sentence's text.
 */
export function hitsWithCollocate<H extends SearchHit & { readonly id: string }>(
  word: string,
  hits: readonly H[],
  texts: ReadonlyMap<string, ReadonlyMap<number, string>>,
  window: CollocateWindow,
): Array<{ hit: H; text: string }> {
  return hits.flatMap((hit) => {
    const text = texts.get(hit.id)?.get(hit.sentence);
    if (text === undefined) return [];
    const words = wordSpans(text).map((w) => w.word);
    const before = words.slice(Math.max(0, hit.position - window.left), hit.position);
    const after = words.slice(hit.position + hit.length, hit.position + hit.length + window.right);
    return before.includes(word) || after.includes(word) ? [{ hit, text }] : [];
  });
}
