import { createHash } from "node:crypto";
import { join } from "node:path";
import { articleToneInterval } from "../compare/compare-tone.ts";
import { concordanceLines } from "../compare/concordance.ts";
import { voiceRows } from "../compare/compare-voices.ts";
import { summarizeRecord } from "../compare/summarize-record.ts";
import { articleInputSha256 } from "./corpus-hash.ts";
import { foldSentences, searchableSentences, type FoldedSentences } from "./search-index.ts";
import { openRecordCache, type RecordCache } from "../pipeline/record-cache.ts";
import { codeFingerprint } from "../pipeline/analysis-stamp.ts";
import { paragraphSentenceScores } from "../tone/article-sentiment.ts";
import { pipelineCodes } from "../compare/coding-frame.ts";
import { articleFacts, type ArticleFacts } from "../compare/outlet-facts.ts";
import type { ArticleRecord } from "../schema/record.ts";
import type { ArticleRows, ArticleSummary, ConcordanceLine, VoiceRow } from "../schema/site-outputs.ts";

/**
 * What the site takes from one record, beside the record itself: its overview row, its keyword-in-context
 * lines, its attributions as rows, the outlets it names, its rows and text files (as the JSON they are
 * published as, without the build stamp) and its sentences' folded words. Computing it costs about as much as
 * reading the record back (the tone interval is 2,000 bootstrap resamples of the article's sentences), so
 * it is cached next to the records, ready to publish: a rebuild neither folds words nor serialises again.
 */
export interface ArticleView {
  readonly summary: ArticleSummary;
  /** Its keyword-in-context lines, each with its JSON as published (ViewLine). */
  readonly concordance: readonly ViewLine[];
  readonly attributions: readonly VoiceRow[];
  readonly outlets: ArticleRecord["outlets"];
  /** rows/<id>.json without the build stamp: the JSON of an ArticleRows, as UTF-8 bytes. */
  readonly rowsJson: Buffer;
  /**
   * text/<id>.json without the build stamp: the JSON of { id, sentences }, the searchable sentences
   * (headings and paragraphs) as the reader shows them, [sentence index, text]; UTF-8 bytes.
   */
  readonly textJson: Buffer;
  /** The searchable sentences' folded words (searchWords), numbered: each distinct word once (FoldedSentences). */
  readonly words: FoldedSentences;
  /** SHA-256 of what was read of the article (id, metadata and text), whatever analysed it. */
  readonly input: string;
  /** The pipeline's codes of the searchable sentences, for the coding pages: [task, [[position, code]]]. */
  readonly coding: ReturnType<typeof pipelineCodes>;
  /** Its tone in its own voice and in quotations, and where each frame and device stands, for the outlet profiles. */
  readonly facts: ArticleFacts;
  /** For each searchable sentence, in order, its paragraph's number among the article's paragraphs (from 0), or −1 in a heading: for reuse. */
  readonly paragraphOf: readonly number[];
}

/**
 * A keyword-in-context line as a view keeps it: the fields the concordance is ordered, paged and counted by
 * (listConcordance), and the whole line's JSON as its page publishes it, as UTF-8 bytes: a rebuild neither
 * parses a line's context nor serialises it again. (Its fields are named here, not taken from
 * compare-frames.ts's ConcordanceKey: the view cache's key follows this file's imports.)
 */
export interface ViewLine extends Pick<ConcordanceLine, "article" | "kind" | "category" | "term" | "codebookTerm" | "form" | "start"> {
  readonly json: Buffer;
}

/** A line as a view keeps it (ViewLine); every one is made here, so that all have one shape. */
function viewLine({ article, kind, category, term, codebookTerm, form, start }: Omit<ViewLine, "json">, json: Buffer): ViewLine {
  return { article, kind, category, term, codebookTerm, form, start, json };
}

/** A line's fields but its json as the cache stores them (the article is the view's). */
type StoredKey = [kind: ViewLine["kind"], category: string, term: string, codebookTerm: string | null, form: string | null, start: number];

/** What a view is computed with beside the record: per language, the negative-sentence weight. */
export type ViewSettings = Readonly<Record<ArticleRecord["language"], { readonly negativeWeight: number }>>;

/** The view of a record (its JSON as published), with its language's settings. */
export function articleView(record: ArticleRecord, { negativeWeight }: ViewSettings[ArticleRecord["language"]]): ArticleView {
  const summary = summarizeRecord(record);
  const attributions = voiceRows(record);
  const interval = articleToneInterval(record.id, paragraphSentenceScores(record), negativeWeight);
  const sentences = searchableSentences(record);
  const paragraphs = new Map(record.blocks.filter((b) => b.kind === "paragraph").map((b, n) => [b.index, n]));
  const blockOf = new Map(record.sentences.map((s) => [s.index, s.block]));
  return {
    summary,
    concordance: concordanceLines(record).map((line) => viewLine(line, Buffer.from(JSON.stringify(line)))),
    attributions,
    outlets: record.outlets,
    facts: articleFacts(record, negativeWeight),
    textJson: Buffer.from(JSON.stringify({ id: record.id, sentences })),
    words: foldSentences(sentences),
    coding: pipelineCodes(
      record,
      sentences.map(([index]) => index),
    ),
    paragraphOf: sentences.map(([index]) => paragraphs.get(blockOf.get(index)!) ?? -1),
    input: articleInputSha256(record),
    rowsJson: Buffer.from(
      JSON.stringify({
        summary,
        toneLow: interval.low,
        toneHigh: interval.high,
        actorTone: record.actors.tone.map((t) => ({
          id: record.id,
          actor: t.actor,
          mentions: t.mentions,
          tone: t.tone,
          sentences: t.sentences,
        })),
        attributions,
      } satisfies ArticleRows),
    ),
  };
}

const NEWLINE = 0x0a;

/**
 * A view as the cache stores it, on four lines (JSON.stringify writes no line break): the JSON of everything
 * but its files and its lines' JSON (each line's fields but `json`, as a StoredKey, and the byte length of each line's JSON),
 * then each file's JSON, then its lines' JSON one after another; so that reading it back parses neither file
 * nor any line's context.
 */
function storedView(view: ArticleView): Buffer {
  const { rowsJson, textJson, concordance, ...rest } = view;
  const keys = concordance.map((l): StoredKey => [l.kind, l.category, l.term, l.codebookTerm, l.form, l.start]);
  const lineBytes = concordance.map((line) => line.json.length);
  return Buffer.concat([
    Buffer.from(JSON.stringify({ ...rest, concordance: keys, lineBytes })),
    Buffer.of(NEWLINE),
    rowsJson,
    Buffer.of(NEWLINE),
    textJson,
    Buffer.of(NEWLINE),
    ...concordance.map((line) => line.json),
  ]);
}

/** The view stored by storedView, or null for a file not in its form (computed again, then). */
function readStoredView(bytes: Buffer): ArticleView | null {
  const first = bytes.indexOf(NEWLINE);
  const second = first < 0 ? -1 : bytes.indexOf(NEWLINE, first + 1);
  const third = second < 0 ? -1 : bytes.indexOf(NEWLINE, second + 1);
  if (third < 0) return null;
  type Stored = Omit<ArticleView, "rowsJson" | "textJson" | "concordance"> & {
    readonly concordance: readonly StoredKey[];
    readonly lineBytes: readonly number[];
  };
  const { concordance, lineBytes, ...rest } = JSON.parse(bytes.subarray(0, first).toString()) as Stored;
  let at = third + 1;
  const article = rest.summary.id;
  const lines = concordance.map(([kind, category, term, codebookTerm, form, start], i) =>
    viewLine({ article, kind, category, term, codebookTerm, form, start }, bytes.subarray(at, (at += lineBytes[i]!))),
  );
  if (at !== bytes.length) return null;
  return { ...rest, concordance: lines, rowsJson: bytes.subarray(first + 1, second), textJson: bytes.subarray(second + 1, third) };
}

/**
 * Views of records by their JSON (and, if the caller has it, the JSON's SHA-256, so it is not computed
 * twice), and how many were computed rather than read from the cache so far.
 */
export type ArticleViews = ((json: Buffer, jsonSha256?: string) => ArticleView) & { readonly computed: () => number };

/**
 * Views of records by their JSON (UTF-8 bytes), through a content-addressed cache in `<record cache>/site/`: the key is
 * the SHA-256 of the code this file imports (codeFingerprint), the settings and the SHA-256 of the record's
 * JSON (which carries the analysis code's fingerprint and its codebooks), so a view is only found for the exact
 * record and code that made it; a cached view is read without parsing the record. `cacheFolder` null: no
 * cache. `settings` are each language's negative-sentence weight and tone class bounds (part of the key).
 */
export function articleViews(cacheFolder: string | null, settings: ViewSettings): ArticleViews {
  let computed = 0;
  const compute = (json: Buffer) => {
    computed++;
    const record = JSON.parse(json.toString()) as ArticleRecord;
    return articleView(record, settings[record.language]);
  };
  const viewOf = cacheFolder ? cachedViews(cacheFolder, settings, compute) : compute;
  return Object.assign(viewOf, { computed: () => computed });
}

/** `compute` through the view cache in `<cacheFolder>/site/` (see articleViews). */
function cachedViews(
  cacheFolder: string,
  settings: ViewSettings,
  compute: (json: Buffer) => ArticleView,
): (json: Buffer, jsonSha256?: string) => ArticleView {
  // The view's own code: records no longer carry the fingerprint of what only publishes them.
  const salt = `site-view\n${codeFingerprint("publish/article-view.ts")}\n${JSON.stringify(Object.entries(settings).sort())}\n`;
  const cache: RecordCache = openRecordCache(join(cacheFolder, "site"), salt, { prune: true });
  return (json, jsonSha256 = createHash("sha256").update(json).digest("hex")) => {
    const key = createHash("sha256").update(salt).update(jsonSha256).digest("hex");
    const stored = cache.getBytes(key);
    const cached = stored === null ? null : readStoredView(stored);
    if (cached !== null) return cached;
    const view = compute(json);
    cache.put(key, storedView(view));
    return view;
  };
}
