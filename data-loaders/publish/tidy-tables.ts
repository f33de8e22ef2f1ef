/**
 * The tidy tables `npm run export` writes (scripts/export.ts), one row per observation, each column defined
 * once with its meaning and its cell (tidy-columns.ts), so the data dictionary is the code. Offsets are UTF-16
 * code units into the record's `text` (`start`, `end` …), each with a code-point twin appended
 * (`start_codepoint` …); text columns are the record's text between those offsets, as written (Markdown
 * markup included), so that `text.slice(start, end)` in JavaScript and `text[start_codepoint:end_codepoint]`
 * in Python give them back. Columns added since a table was first published go at its end.
 */
import type { ArticleRecord } from "../schema/record.ts";
import type { ExportArticle } from "./export-article.ts";
import { actorTone, attributions, outlets } from "./tidy-voice-tables.ts";
import { codePointColumns, integer, real, text, tidyTable, type Cell, type ColumnOf, type TidyTable } from "./tidy-columns.ts";

const article = text<unknown>("article", "article id", (_, a) => a.record.id);
const hidden = "; empty when the article's text is not exported (a closed article in a public build)";
const sentenceText = text<{ readonly sentence: number }>(
  "sentence_text",
  `the text of the sentence it is in, as written${hidden}`,
  (x, a) => a.sentenceText(x.sentence),
);

const articles = tidyTable("articles", "one row per article", (a: ExportArticle) => [a.record], [
  article,
  text("language", "en or nl", (r) => r.language),
  text("title", "display title (a closed article's id in a public build when no title is declared)", (_, a) => a.summary.title),
  text("outlet", "declared outlet, or empty", (r) => r.meta.outlet),
  text("published", "declared date as written (2022, 2022-02, 2022-02-24), or empty", (r) => r.meta.published),
  text("author", "declared author, or empty", (r) => r.meta.author),
  integer("words", "word tokens", (r) => r.words),
  integer("sentences", "sentences", (r) => r.sentences.length),
  real("tone", "article tone, -1..1 (empty without paragraph sentences)", (r) => r.sentiment.score),
  real("own_voice_tone", "tone leaving out sentences inside direct quotations", (r) => r.sentiment.ownVoiceScore),
  integer("markers", "framing markers", (r) => r.markers.length),
  integer("devices", "rhetorical devices", (r) => r.devices.length),
  integer("attributions", "attributions", (r) => r.attributions.length),
  text("title_source", "where the title comes from (front-matter, first heading, first line …)", (_, a) => a.summary.titleSource),
  text("language_source", "declared or detected", (_, a) => a.summary.languageSource),
  text(
    "source",
    "the source pages group outlets by: declared outlet, else the text's origin line, summary, wire or author credit; empty when none",
    (_, a) => a.summary.sourceName,
  ),
  text(
    "source_basis",
    "where `source` comes from (declared, origin-line, summary, wire-credit, credited-author, none)",
    (_, a) => a.summary.sourceBasis,
  ),
  text(
    "provenance_kind",
    "the strongest statement of origin the text makes (origin-line, wire-credit, summary, translation, credited-author, not-stated)",
    (_, a) => a.summary.provenanceKind,
  ),
  text("provenance", "everything the text states about its origin, as the pages label it", (_, a) => a.summary.provenance),
  text("url", "declared URL, or empty", (r) => r.meta.url),
  text("licence", "the article's licence, else the corpus default (LICENCE), else unknown", (_, a) => a.published.licence),
  text("text_sha256", "SHA-256 of the article's text (UTF-8), to check a copy of it", (_, a) => a.published.textSha256),
  text("input_sha256", "SHA-256 of its id, metadata and text as read: its part of build.json's corpus hash", (_, a) => a.inputSha256),
]);

const sentences = tidyTable(
  "sentences",
  "one row per sentence",
  (a: ExportArticle) => {
    const tone = new Map(a.record.sentiment.sentences.map((x) => [x.index, x]));
    return a.record.sentences.map((s) => ({ ...s, tone: tone.get(s.index) ?? null }));
  },
  [
    article,
    integer("sentence", "sentence index in the article", (s) => s.index),
    integer("start", "offset of the sentence's first character (UTF-16 code units)", (s) => s.start),
    integer("end", "offset after its last character", (s) => s.end),
    text(
      "block_kind",
      "heading, paragraph, boilerplate or source-line (only paragraphs count toward tone)",
      (s, a) => a.record.blocks[s.block]?.kind ?? null,
    ),
    real("tone", "sentence tone, -1..1", (s) => s.tone?.score ?? null),
    text("quote", "direct when at least half the sentence is inside a direct quotation, else empty", (s) => s.tone?.quote ?? null),
    ...codePointColumns<{ start: number; end: number }>("", (s) => s, "the sentence"),
    text("sentence_text", `the sentence as written${hidden}`, (s, a) => a.text(s)),
    integer(
      "tone_class",
      "sentence tone class, -1, 0 or 1: the Dutch news-tone model's (the highest of its three class scores), else the tone's by ±0.05",
      (s) => s.tone?.class ?? null,
    ),
  ],
);

type Marker = ArticleRecord["markers"][number];
type Device = ArticleRecord["devices"][number];
type Match = Marker | Device;

/** The columns a framing marker and a rhetorical device share, after their own: where the match is. */
const matchColumns: ReadonlyArray<ColumnOf<Match>> = [
  text("quote", "direct or scare when inside quotation marks, else empty", (m) => m.quote),
  integer("sentence", "sentence index", (m) => m.sentence),
  integer("start", "offset of the match (UTF-16 code units)", (m) => m.start),
  integer("end", "offset after the match", (m) => m.end),
];
const writtenTerm = text<Match>("term", "the words as written (at most three words and … for a closed article in a public build)", (m, a) =>
  a.written(m.term),
);

const markers = tidyTable("markers", "one row per framing marker", (a: ExportArticle) => a.record.markers, [
  article,
  text("frame", "framing codebook entry id", (m: Marker) => m.frame),
  text("codebook_term", "the codebook term that matched", (m) => m.codebookTerm),
  writtenTerm,
  text("form", "the term's form label (personified, generic), or empty", (m) => m.form),
  ...matchColumns,
  text("frame_label", "the frame's label in the codebook, as the pages show it", (m, a) => a.labels.frame.get(m.frame) ?? null),
  ...codePointColumns<Match>("", (m) => m, "the match"),
  sentenceText,
]);

const devices = tidyTable("devices", "one row per rhetorical device", (a: ExportArticle) => a.record.devices, [
  article,
  text("device", "devices codebook entry id", (m: Device) => m.device),
  writtenTerm,
  ...matchColumns,
  text("device_label", "the device's label in the codebook, as the pages show it", (m, a) => a.labels.device.get(m.device) ?? null),
  ...codePointColumns<Match>("", (m) => m, "the match"),
  sentenceText,
]);

export { csvField } from "./tidy-columns.ts";

/** The tables `npm run export` writes, in order. */
export const TIDY_TABLES: readonly TidyTable[] = [articles, sentences, markers, devices, attributions, outlets, actorTone];

/** The rows of every tidy table for one article, keyed by table name, cells in column order. */
export function tidyRows(article: ExportArticle): Record<string, Cell[][]> {
  return Object.fromEntries(TIDY_TABLES.map((table) => [table.name, table.rows(article)]));
}
