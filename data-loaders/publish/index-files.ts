// The corpus index as the pages get it: a small manifest every page loads (index.json) and the index
// itself in pages of INDEX_PAGE_SIZE articles in id order (index/<page>.json), fetched only when a page
// shows or names those articles. No page downloads the whole index, so what a page loads does not grow
// with the corpus (schemas: indexManifestSchema and indexPageSchema in schema/corpus-outputs.ts).
import { compareIds } from "../common/compare-ids.ts";
import type { ArticleSummary, IndexManifest, IndexPage } from "../schema/site-outputs.ts";

/**
 * Articles per index page. A list shows at most 60 articles and fetches the index page of each (filter
 * matches may lie on as many pages), so a page's index share is at most 60 pages of 100 articles (about
 * 10 KB each), whatever the corpus size; the manifest grows by one first id per 100 articles.
 */
export const INDEX_PAGE_SIZE = 100;

/** A column of few distinct values: the values in order of first appearance, and each entry's code. */
function coded<T>(values: readonly T[]): { values: T[]; codes: number[] } {
  const distinct = new Map<T, number>();
  const codes = values.map((value) => {
    if (!distinct.has(value)) distinct.set(value, distinct.size);
    return distinct.get(value)!;
  });
  return { values: [...distinct.keys()], codes };
}

/** Index page `page`: the overview rows' fields of `rows` (articles first … first + rows.length − 1) as columns. */
export function indexPage(rows: readonly ArticleSummary[], page: number, first: number): Omit<IndexPage, "build"> {
  return {
    page,
    first,
    count: rows.length,
    columns: {
      id: rows.map((r) => r.id),
      title: rows.map((r) => r.title),
      words: rows.map((r) => r.words),
      sentences: rows.map((r) => r.sentences),
      titleSource: coded(rows.map((r) => r.titleSource)),
      language: coded(rows.map((r) => r.language)),
      languageSource: coded(rows.map((r) => r.languageSource)),
      provenanceKind: coded(rows.map((r) => r.provenanceKind)),
      provenance: coded(rows.map((r) => r.provenance)),
      outlet: coded(rows.map((r) => r.outlet)),
      sourceName: coded(rows.map((r) => r.sourceName)),
      sourceBasis: coded(rows.map((r) => r.sourceBasis)),
      author: coded(rows.map((r) => r.author)),
      published: coded(rows.map((r) => r.published)),
      frameIds: coded(rows.map((r) => Object.keys(r.frames).join(" "))),
    },
  };
}

/** Counts of `rows` by `key`, as [key, count] in code-unit order of the key (null first). */
function countsBy<T>(rows: readonly T[], key: (row: T) => string): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return [...groups].sort((a, b) => compareIds(a[0], b[0]));
}

/** The sum of the articles' words. */
const wordsOf = (rows: readonly ArticleSummary[]) => rows.reduce((sum, r) => sum + r.words, 0);

/**
 * The manifest (index.json, without its build stamp and corpus) and the pages of the corpus index, for
 * `summary` in id order, `pageSize` articles a page.
 * @example indexFiles(rows, 1000).manifest.firstIds // ["a-001", "a-1001", …]: page k starts at article k × 1000
 */
export function indexFiles(
  summary: readonly ArticleSummary[],
  pageSize = INDEX_PAGE_SIZE,
): { manifest: Omit<IndexManifest, "build" | "corpus" | "filter">; pages: Array<Omit<IndexPage, "build">> } {
  const pages: Array<Omit<IndexPage, "build">> = [];
  for (let first = 0; first < summary.length; first += pageSize)
    pages.push(indexPage(summary.slice(first, first + pageSize), pages.length, first));
  const languages = countsBy(summary, (r) => r.language).map(([, rows]) => ({
    language: rows[0]!.language,
    articles: rows.length,
    words: wordsOf(rows),
  }));
  const provenance = countsBy(summary, (r) => r.provenanceKind)
    .map(([, rows]) => ({ provenanceKind: rows[0]!.provenanceKind, articles: rows.length }))
    .sort((a, b) => b.articles - a.articles || compareIds(a.provenanceKind, b.provenanceKind));
  // Keyed so that no name (null) sorts first and a name's bases follow it in order.
  const sources = countsBy(summary, (r) => (r.sourceName === null ? "" : `\u0001${r.sourceName}\u0000${r.sourceBasis}`)).map(
    ([, rows]) => ({ sourceName: rows[0]!.sourceName, sourceBasis: rows[0]!.sourceBasis, articles: rows.length }),
  );
  const dated = summary.filter((r) => r.published);
  return {
    manifest: {
      count: summary.length,
      words: wordsOf(summary),
      pageSize,
      firstIds: pages.map((p) => p.columns.id[0]!),
      languages,
      provenance,
      sources,
      dated: { year: dated.length, month: dated.filter((r) => r.published!.length >= 7).length },
    },
    pages,
  };
}
