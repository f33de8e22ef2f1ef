/**
 * The public build (`npm run build -- --public`, or PUBLISH=public): the same analysis, without the text of
 * any article whose licence is not open. What a closed article keeps: its metadata, URL, licence and the
 * SHA-256 of its text (public.json), its numbers, codes and scores, sentence numbers and offsets, and each
 * matched term (at most MATCHED_TERM_WORDS words); keyword-in-context lines keep at most `snippetWords`
 * words on either side (default 0), quoted speech excerpts none, the search index keeps how often it has
 * each word (not in which sentence) and the keyness lists see its words one at a time (no two-word phrases). Open articles (CC
 * BY, CC BY-SA, CC0, public domain) are published in full, with their attribution.
 * Why: Media Cloud shares URLs and aggregates, not text; HathiTrust publishes unordered per-page word
 * counts; an 11-word extract can be a reproduction (Infopaq, C-5/08); overlapping n-grams rebuild texts.
 */
import { createHash } from "node:crypto";
import { CorpusValidationError } from "../reading/corpus-error.ts";
import { readLicence, type Licence } from "../reading/licence.ts";
import { OPEN_LICENCES } from "../schema/enums.ts";
import type { ArticleRecord } from "../schema/record.ts";
import type { ArticleRows, ConcordanceLine, ExerciseSet } from "../schema/site-outputs.ts";
import type { ExerciseSetInput } from "../compare/exercise-sets.ts";
import type { ArticleView, ViewLine } from "./article-view.ts";
import type { FoldedSentences } from "./search-index.ts";
import { findLeaks, type ClosedTextIndex } from "./leak-check.ts";

/** How a public build publishes: the corpus's default licence and the snippet policy. */
export interface PublicSettings {
  /** The licence of an article that states none (LICENCE; default unknown, which is closed). */
  readonly defaultLicence: Licence;
  /** Words of context a keyword-in-context line of a closed article keeps on either side (SNIPPET_WORDS; default 0). */
  readonly snippetWords: number;
}

/** A matched term longer than this (a rhetorical question is a whole sentence) is cut to its first words and "…". */
export const MATCHED_TERM_WORDS = 3;

/**
 * A closed article's speaker name longer than this is cut to its first words and "…": a longer "name" is a
 * clause the attribution took for one (on 2,000 synthetic articles, one of 6,852 names: 8 words, which the
 * leak check found), and the leak check's run is 8 words.
 */
export const SPEAKER_WORDS = 6;

/**
 * The public build's settings from the environment, or null for the full build (PUBLISH unset or "full").
 * A wrong value is a located error naming the setting.
 * @example publicSettings({ PUBLISH: "public", SNIPPET_WORDS: "2" }) // { defaultLicence: "unknown", snippetWords: 2 }
 */
export function publicSettings(env: Readonly<Record<string, string | undefined>>): PublicSettings | null {
  const publish = env.PUBLISH ?? "";
  if (publish === "" || publish === "full") return null;
  const wrong = (file: string, message: string) => new CorpusValidationError([{ file, field: "setting", message }]);
  if (publish !== "public") throw wrong("PUBLISH", `must be public or full, not ${JSON.stringify(publish)}`);
  const licence = readLicence(env.LICENCE, "unknown", "LICENCE", "setting");
  if (licence.error) throw new CorpusValidationError([licence.error]);
  const snippetWords = Number(env.SNIPPET_WORDS ?? 0);
  if (!Number.isInteger(snippetWords) || snippetWords < 0 || snippetWords > 5)
    throw wrong("SNIPPET_WORDS", `must be a whole number from 0 to 5, not ${JSON.stringify(env.SNIPPET_WORDS)}`);
  return { defaultLicence: licence.licence, snippetWords };
}

/** What public.json says of one article: enough to find it, cite it and check a copy of it. */
export interface PublishedArticle {
  readonly id: string;
  readonly url: string | null;
  readonly licence: Licence;
  /** Whether its text is published (an open licence). */
  readonly open: boolean;
  /** For an open text: who to credit, as its metadata says (author, outlet, title, URL, licence). */
  readonly attribution: string | null;
  /** SHA-256 of its body as read (UTF-8), so that a reviewer can check they hold the same text. */
  readonly textSha256: string;
}

/** An article's licence (its own, else the corpus default), whether it is open, and its attribution. */
export function publishedArticle(record: Pick<ArticleRecord, "id" | "meta" | "text">, settings: PublicSettings): PublishedArticle {
  const own = readLicence(record.meta.extra?.licence, settings.defaultLicence, record.id, "licence");
  if (own.error) throw new CorpusValidationError([own.error]);
  const open = OPEN_LICENCES.has(own.licence);
  const { author, outlet, title, url } = record.meta;
  const credit = [author, outlet, title ? `"${title}"` : null, url].filter(Boolean).join(", ");
  return {
    id: record.id,
    url: url ?? null,
    licence: own.licence,
    open,
    attribution: open ? `${credit || record.id} (${own.licence})` : null,
    textSha256: createHash("sha256").update(record.text).digest("hex"),
  };
}

/**
 * Publishes what a public build says of each article: public/articles.json, the whole list in one file for
 * a reviewer checking their copy (no page loads it), and the same entries in pages aligned with the corpus
 * index's (public/articles/<page>.json: the articles of index/<page>.json, `pageSize` a page, in id
 * order), which the pages fetch for the articles they show. `published` is in the corpus index's order.
 */
export function publishPublicArticles(
  files: { fetched(name: string, content: object): void },
  policy: PublicSettings,
  published: readonly PublishedArticle[],
  pageSize: number,
): void {
  files.fetched("public/articles.json", { policy, articles: published });
  for (let first = 0, page = 0; first < published.length; first += pageSize, page++)
    files.fetched(`public/articles/${page}.json`, { page, first, articles: published.slice(first, first + pageSize) });
}

/** At most `n` words of `text` from its start (or, with `fromEnd`, its end). */
function someWords(text: string, n: number, fromEnd = false): string {
  if (n === 0) return "";
  const words = text.split(/\s+/).filter(Boolean);
  return (fromEnd ? words.slice(-n) : words.slice(0, n)).join(" ");
}

/** A matched term as the public build shows it: itself, or its first `most` (MATCHED_TERM_WORDS) words and "…". */
export function matchedTerm(term: string, most = MATCHED_TERM_WORDS): string {
  const words = term.split(/\s+/).filter(Boolean);
  return words.length > most ? `${words.slice(0, most).join(" ")} …` : term;
}

/** A closed article's keyword-in-context line: the matched term and at most `snippetWords` words each side. */
function closedLine(line: ViewLine, snippetWords: number): ViewLine {
  const parsed = JSON.parse(line.json.toString()) as ConcordanceLine;
  const term = matchedTerm(line.term);
  const form = line.form === null ? null : matchedTerm(line.form);
  const published = {
    ...parsed,
    term,
    form,
    left: someWords(parsed.left, snippetWords, true),
    match: matchedTerm(parsed.match),
    right: someWords(parsed.right, snippetWords),
  };
  return { ...line, term, form, json: Buffer.from(JSON.stringify(published)) };
}

/** Words at each end of a closed article's sentence that its text-fragment link publishes (one for a short sentence). */
export const FRAGMENT_WORDS = 2;

/**
 * A sentence's first and last words, for a link to it at its source (#:~:text=start,end; the reader's
 * src/components/text-fragment.ts): FRAGMENT_WORDS at each end, one if the sentence has no more than
 * 2 × FRAGMENT_WORDS words, the start alone if it has one; punctuation at the outer ends left off.
 * @example sentenceEnds("“The West is in decline,” he said.") // ["The West", "he said"]
 */
export function sentenceEnds(sentence: string): [string, string | null] {
  const words = sentence.split(/\s+/).filter(Boolean);
  const n = words.length > 2 * FRAGMENT_WORDS ? FRAGMENT_WORDS : 1;
  const start = words
    .slice(0, n)
    .join(" ")
    .replace(/^[^\p{L}\p{N}]+/u, "");
  const end =
    words.length > 1
      ? words
          .slice(-n)
          .join(" ")
          .replace(/[^\p{L}\p{N}]+$/u, "")
      : null;
  return [start, end];
}

/**
 * The sentences of an article that the pages' figures link to (the reader at #s-<n>): those of its
 * keyword-in-context lines (the frames and devices concordances, the outlet profile's and Frames together's
 * drill-downs) and of its attributions (Who speaks, the outlet profile's speakers), in order. Search links
 * a closed hit to the source URL itself; reuse passages are found after an article's rows are written.
 * @example linkedSentences([{ sentence: 4 }, { sentence: 1 }], [{ sentence: 4 }]) // [1, 4]
 */
export function linkedSentences(
  lines: ReadonlyArray<Pick<ConcordanceLine, "sentence">>,
  attributions: ReadonlyArray<{ readonly sentence: number }>,
): number[] {
  return [...new Set([...lines, ...attributions].map((row) => row.sentence))].sort((a, b) => a - b);
}

/**
 * The view of a closed article as the public build publishes it: its title only if declared (else its id),
 * its keyword-in-context lines cut (closedLine), its attributions without their excerpts (and a speaker name
 * of more than SPEAKER_WORDS words cut), and the ends of
 * each sentence a figure links to (linkedSentences), for a text-fragment link (sentenceEnds); its rows file
 * made again from these. Its text file and record are not published at all (publish-corpus.ts).
 */
export function closedView(view: ArticleView, settings: PublicSettings): ArticleView {
  const summary = view.summary.titleSource === "front-matter" ? view.summary : { ...view.summary, title: view.summary.id };
  const attributions = view.attributions.map((row) => ({
    ...row,
    speaker: row.speaker === null ? null : matchedTerm(row.speaker, SPEAKER_WORDS),
    excerpt: "",
  }));
  const rows = JSON.parse(view.rowsJson.toString()) as ArticleRows;
  const { sentences } = JSON.parse(view.textJson.toString()) as { sentences: Array<[number, string]> };
  const lines = view.concordance.map((line) => JSON.parse(line.json.toString()) as ConcordanceLine);
  const linked = new Set(linkedSentences(lines, attributions));
  const fragments = sentences
    .filter(([index]) => linked.has(index))
    .map(([index, sentence]) => [index, ...sentenceEnds(sentence)] as const);
  return {
    ...view,
    summary,
    attributions,
    concordance: view.concordance.map((line) => closedLine(line, settings.snippetWords)),
    rowsJson: Buffer.from(JSON.stringify({ ...rows, summary, attributions, fragments } satisfies ArticleRows)),
  };
}

/**
 * A closed article's words as the keyness lists see them in the public build: each word alone, in its
 * sentence, so that keyness counts no two-word phrase of it. (The search index keeps only how often the
 * article has each word: search-index.ts.)
 */
export function unorderedWords(words: FoldedSentences): FoldedSentences {
  return {
    vocabulary: words.vocabulary,
    sentences: words.sentences.flatMap(([index, numbers]) => [...numbers].sort((a, b) => a - b).map((n) => [index, [n]] as const)),
  };
}

/**
 * `value` (a corpus-wide file's content, such as the hand check's comparison) with every row about a
 * closed article shown as the public build shows a matched term: each string but the article's id cut to
 * MATCHED_TERM_WORDS words. A row is any object with an `article` field.
 */
export function withoutClosedText<T>(value: T, closed: ReadonlySet<string>): T {
  const walk = (node: unknown, inClosed: boolean): unknown => {
    if (typeof node === "string") return inClosed ? matchedTerm(node) : node;
    if (Array.isArray(node)) return node.map((child) => walk(child, inClosed));
    if (!node || typeof node !== "object") return node;
    const row = node as Record<string, unknown>;
    const closedRow = inClosed || (typeof row.article === "string" && closed.has(row.article));
    return Object.fromEntries(Object.entries(row).map(([key, child]) => [key, key === "article" ? child : walk(child, closedRow)]));
  };
  return walk(value, false) as T;
}

/** What the public build puts where a codebook example quotes a closed article. */
export const WITHHELD_EXAMPLE = "(an example quoted from a closed article: not published in this build)";

/**
 * `value` (the codebooks' view) with every string that shows a closed article's text (leak-check.ts:
 * a run of its words or one of its sentences) replaced by WITHHELD_EXAMPLE: codebook examples are often
 * quoted from the corpus.
 */
export function withoutClosedQuotes<T>(value: T, index: ClosedTextIndex): T {
  const walk = (node: unknown): unknown => {
    if (typeof node === "string") return findLeaks(index, node).length ? WITHHELD_EXAMPLE : node;
    if (Array.isArray(node)) return node.map(walk);
    if (!node || typeof node !== "object") return node;
    return Object.fromEntries(Object.entries(node).map(([key, child]) => [key, walk(child)]));
  };
  return walk(value) as T;
}

/**
 * The teacher's exception, before the sets are resolved: a public build keeps an exercise item on a closed
 * article only if the teacher marked it `quotable` (allowed only in a set that states its `exception`).
 */
export function teachableSets(sets: readonly ExerciseSetInput[], closed: ReadonlySet<string>): ExerciseSetInput[] {
  return sets.map((set) => ({ ...set, items: set.items.filter((item) => !closed.has(item.article) || item.quotable) }));
}

/**
 * The teacher's exception, once the sets are resolved: an item on a closed article is published as the
 * one sentence quoted (`quoted: true`, shown with its set's exception), without the sentences around it.
 */
export function quotedItems(sets: readonly ExerciseSet[], closed: ReadonlySet<string>): ExerciseSet[] {
  return sets.map((set) => ({
    ...set,
    items: set.items.map((item) => (closed.has(item.article) ? { ...item, before: null, after: null, quoted: true as const } : item)),
  }));
}

/**
 * The sentences a built site's exercises.json quotes from closed articles under a stated exception (items
 * `quoted: true` in a set with an `exception`), by article: the leak check allows these and says how many.
 * @example exceptionQuotes({sets: [{exception: "teaching", items: [{article: "a", text: "One.", quoted: true}]}]}) // Map { "a" => ["One."] }
 */
export function exceptionQuotes(exercises: {
  readonly sets: ReadonlyArray<
    Pick<ExerciseSet, "exception"> & { readonly items: ReadonlyArray<Pick<ExerciseSet["items"][number], "article" | "text" | "quoted">> }
  >;
}): Map<string, string[]> {
  const quotes = new Map<string, string[]>();
  for (const set of exercises.sets)
    for (const item of set.items)
      if (set.exception && item.quoted) quotes.set(item.article, [...(quotes.get(item.article) ?? []), item.text]);
  return quotes;
}
