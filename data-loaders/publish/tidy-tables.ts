import type { ArticleRecord } from "../schema/record.ts";

/** A column of a tidy table: its name, type and meaning (the export's data dictionary is written from these). */
export interface Column {
  readonly name: string;
  readonly type: "string" | "integer" | "double";
  readonly description: string;
}

/** A tidy table: one row per observation, one column per variable, the rows as arrays in column order. */
export interface TidyTable {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly Column[];
}

type Cell = string | number | null;
const s = (name: string, description: string): Column => ({ name, type: "string", description });
const i = (name: string, description: string): Column => ({ name, type: "integer", description });
const d = (name: string, description: string): Column => ({ name, type: "double", description });

/** The tables `npm run export` writes, in order, with their columns. Offsets are UTF-16 code units into the record's `text`. */
export const TIDY_TABLES: readonly TidyTable[] = [
  {
    name: "articles",
    description: "one row per article",
    columns: [
      s("article", "article id"),
      s("language", "en or nl"),
      s("title", "display title"),
      s("outlet", "declared outlet, or empty"),
      s("published", "declared date as written (2022, 2022-02, 2022-02-24), or empty"),
      s("author", "declared author, or empty"),
      i("words", "word tokens"),
      i("sentences", "sentences"),
      d("tone", "article tone, -1..1 (empty without paragraph sentences)"),
      d("own_voice_tone", "tone leaving out sentences inside direct quotations"),
      i("markers", "framing markers"),
      i("devices", "rhetorical devices"),
      i("attributions", "attributions"),
    ],
  },
  {
    name: "sentences",
    description: "one row per sentence",
    columns: [
      s("article", "article id"),
      i("sentence", "sentence index in the article"),
      i("start", "offset of the sentence's first character"),
      i("end", "offset after its last character"),
      s("block_kind", "heading, paragraph, boilerplate or source-line (only paragraphs count toward tone)"),
      d("tone", "sentence tone, -1..1"),
      s("quote", "direct when at least half the sentence is inside a direct quotation, else empty"),
    ],
  },
  {
    name: "markers",
    description: "one row per framing marker",
    columns: [
      s("article", "article id"),
      s("frame", "framing codebook entry id"),
      s("codebook_term", "the codebook term that matched"),
      s("term", "the words as written"),
      s("form", "the term's form label (personified, generic), or empty"),
      s("quote", "direct or scare when inside quotation marks, else empty"),
      i("sentence", "sentence index"),
      i("start", "offset of the match"),
      i("end", "offset after the match"),
    ],
  },
  {
    name: "devices",
    description: "one row per rhetorical device",
    columns: [
      s("article", "article id"),
      s("device", "devices codebook entry id"),
      s("term", "the words as written"),
      s("quote", "direct or scare when inside quotation marks, else empty"),
      i("sentence", "sentence index"),
      i("start", "offset of the match"),
      i("end", "offset after the match"),
    ],
  },
  {
    name: "attributions",
    description: "one row per quotation, piece of reported speech or reported thought",
    columns: [
      s("article", "article id"),
      s("kind", "direct, mixed, indirect or thought"),
      s("speaker", "canonical speaker, or empty when none was found"),
      s("speaker_type", "government, state-media, other-media, expert, document, anonymous, unnamed-group, other, or empty"),
      s("cue", "the cue as written"),
      s("cue_rule", "the rule that found the cue"),
      d("cue_probability", "the learned cue detector's probability for the cue (English), or empty"),
      s("speaker_rule", "the sieve that found the speaker"),
      s("resolved_by", "name, title, title-reference, pronoun, relative, surname or phrase"),
      i("sentence", "sentence in which the quotation or content starts"),
      i("quote_start", "offset of the quotation or reported content"),
      i("quote_end", "offset after it"),
      i("cue_start", "offset of the cue"),
      i("cue_end", "offset after the cue"),
      i("speaker_start", "offset of the words naming the speaker"),
      i("speaker_end", "offset after them"),
    ],
  },
  {
    name: "outlets",
    description: "one row per outlet or author the text names",
    columns: [
      s("article", "article id"),
      s("name", "canonical name when the outlet gazetteer knows it, else as written"),
      s("outlet_id", "outlet gazetteer id, or empty"),
      s("kind", "state-media or other-media, or empty"),
      s("role", "cited, origin, author-credit or wire-credit"),
      i("start", "offset"),
      i("end", "offset after it"),
    ],
  },
  {
    name: "actor_tone",
    description: "one row per article and actor mentioned",
    columns: [
      s("article", "article id"),
      s("actor", "actor gazetteer id"),
      s("camp", "the actor's camp"),
      i("mentions", "mentions of the actor"),
      i("sentences", "sentences mentioning it"),
      d("tone", "tone of those paragraph sentences, -1..1, or empty"),
    ],
  },
];

/** The rows of every tidy table for one record, keyed by table name, cells in column order. */
export function tidyRows(record: ArticleRecord): Record<string, Cell[][]> {
  const id = record.id;
  const sentenceTone = new Map(record.sentiment.sentences.map((x) => [x.index, x]));
  return {
    articles: [
      [
        id,
        record.language,
        record.title,
        record.meta.outlet,
        record.meta.published,
        record.meta.author,
        record.words,
        record.sentences.length,
        record.sentiment.score,
        record.sentiment.ownVoiceScore,
        record.markers.length,
        record.devices.length,
        record.attributions.length,
      ],
    ],
    sentences: record.sentences.map((x) => [
      id,
      x.index,
      x.start,
      x.end,
      record.blocks[x.block]?.kind ?? null,
      sentenceTone.get(x.index)?.score ?? null,
      sentenceTone.get(x.index)?.quote ?? null,
    ]),
    markers: record.markers.map((m) => [id, m.frame, m.codebookTerm, m.term, m.form, m.quote, m.sentence, m.start, m.end]),
    devices: record.devices.map((m) => [id, m.device, m.term, m.quote, m.sentence, m.start, m.end]),
    attributions: record.attributions.map((a) => [
      id,
      a.kind,
      a.speaker,
      a.speakerType,
      a.cue,
      a.cueRule,
      a.cueModel?.probability ?? null,
      a.speakerRule,
      a.resolvedBy,
      a.sentence,
      a.quote.start,
      a.quote.end,
      a.cueSpan?.start ?? null,
      a.cueSpan?.end ?? null,
      a.speakerSpan?.start ?? null,
      a.speakerSpan?.end ?? null,
    ]),
    outlets: record.outlets.map((o) => [id, o.name, o.id, o.kind, o.role, o.start, o.end]),
    actor_tone: record.actors.tone.map((t) => [id, t.actor, t.camp, t.mentions, t.sentences.length, t.tone]),
  };
}

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, line break or leading/trailing space; null is empty. */
export function csvField(value: Cell): string {
  if (value === null) return "";
  const text = String(value);
  return /[",\r\n]|^\s|\s$/u.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}
