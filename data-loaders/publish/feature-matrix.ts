/**
 * The document-feature matrix `npm run export` writes, for quanteda, scikit-learn or any sparse-matrix
 * reader: `dfm` holds one row per article and word it uses (sparse triplets doc, feature, count) and
 * `dfm_features` names the features. The words are the keyness lists' and the search index's (the Keywords
 * page): each heading and paragraph sentence's words as searchWords folds them (lower case, no diacritics,
 * runs of letters and digits; search-index.ts), counted per article; the keyness lists' two-word phrases
 * are left out. Word counts without positions are what the public build publishes of a closed article too
 * (public-build.ts unorderedWords), so the matrix is the same in both builds.
 */
import { compareIds } from "../common/compare-ids.ts";
import type { ArticleRecord } from "../schema/record.ts";
import { foldSentences, searchableSentences } from "./search-index.ts";
import type { Cell, Column, TableDescription } from "./tidy-columns.ts";

/** The matrix's two tables as the data dictionary documents them; rows are written in these columns' order. */
export const FEATURE_TABLES = [
  {
    name: "dfm",
    description: "the document-feature matrix as sparse triplets: one row per article and word it uses, by doc then feature",
    columns: [
      { name: "doc", type: "integer", description: "the article's row in the articles table, from 0 (articles in id order)" },
      { name: "article", type: "string", description: "article id" },
      { name: "feature", type: "integer", description: "the word's row in dfm_features, from 0" },
      { name: "count", type: "integer", description: "occurrences of the word in the article's headings and paragraphs" },
    ],
  },
  {
    name: "dfm_features",
    description: "the features (columns) of the document-feature matrix: folded words in code-unit order",
    columns: [
      { name: "feature", type: "integer", description: "feature number, from 0: the column of the matrix" },
      { name: "word", type: "string", description: "the word as the keyness lists fold it (lower case, diacritics removed)" },
      { name: "documents", type: "integer", description: "articles using it" },
      { name: "count", type: "integer", description: "occurrences in the corpus" },
    ],
  },
] as const satisfies readonly TableDescription[];

type Row<T extends TableDescription> = Record<T["columns"][number]["name"], Cell>;

/**
 * An article's words as the keyness lists count them, with their counts, in code-unit order.
 * @example articleWordCounts(record) // [["de", 4], ["hegemon", 2], …]
 */
export function articleWordCounts(record: ArticleRecord): Array<[string, number]> {
  const { vocabulary, sentences } = foldSentences(searchableSentences(record));
  const counts = new Array<number>(vocabulary.length).fill(0);
  for (const [, words] of sentences) for (const k of words) counts[k]!++;
  return vocabulary.map((word, k): [string, number] => [word, counts[k]!]).sort(([a], [b]) => compareIds(a, b));
}

/** Collects articles' word counts in the order of the articles table, then hands out the two tables' rows. */
export class FeatureMatrixBuilder {
  private readonly articles: Array<{ readonly id: string; readonly counts: Array<[string, number]> }> = [];

  /** Adds the next article (in the articles table's order). */
  add(record: ArticleRecord): void {
    this.articles.push({ id: record.id, counts: articleWordCounts(record) });
  }

  /** The rows of `dfm` and `dfm_features`, cells in their columns' order. */
  rows(): { readonly dfm: Cell[][]; readonly dfm_features: Cell[][] } {
    const totals = new Map<string, { documents: number; count: number }>();
    for (const { counts } of this.articles)
      for (const [word, n] of counts) {
        const total = totals.get(word) ?? { documents: 0, count: 0 };
        totals.set(word, { documents: total.documents + 1, count: total.count + n });
      }
    const words = [...totals.keys()].sort(compareIds);
    const feature = new Map(words.map((word, k) => [word, k]));
    const [dfm, features] = FEATURE_TABLES;
    const cells = <T extends TableDescription>(table: T, row: Row<T>) => table.columns.map((c: Column) => row[c.name as keyof Row<T>]);
    return {
      dfm: this.articles.flatMap(({ id, counts }, doc) =>
        counts.map(([word, count]) => cells(dfm, { doc, article: id, feature: feature.get(word)!, count })),
      ),
      dfm_features: words.map((word, k) => cells(features, { feature: k, word, ...totals.get(word)! })),
    };
  }
}
