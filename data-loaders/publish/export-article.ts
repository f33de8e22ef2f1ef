/**
 * One article as the tidy tables read it (tidy-tables.ts): its record, what is known of it beside the
 * record (licence, the corpus's labels, the site's source and provenance), and its text as the export may
 * show it. In a public build (PUBLISH=public) a closed article's text stays out exactly as the site keeps
 * it out (public-build.ts): no sentence, quotation or context, each matched term at most
 * MATCHED_TERM_WORDS words, the title only if declared.
 */
import { summarizeRecord } from "../compare/summarize-record.ts";
import type { AnalysisResources } from "../pipeline/analyze-article.ts";
import type { ArticleRecord } from "../schema/record.ts";
import type { ArticleSummary } from "../schema/site-outputs.ts";
import { codePointOffsets } from "./code-points.ts";
import { articleInputSha256 } from "./corpus-hash.ts";
import { matchedTerm, publishedArticle, type PublicSettings, type PublishedArticle } from "./public-build.ts";

/** The labels pages show for the ids in records (codebook entries, actors, camps), by kind and id. */
export interface ExportLabels {
  readonly frame: ReadonlyMap<string, string>;
  readonly device: ReadonlyMap<string, string>;
  readonly actor: ReadonlyMap<string, string>;
  readonly camp: ReadonlyMap<string, string>;
}

/** The labels of the codebooks and gazetteer the records were made with. */
export function exportLabels(resources: Pick<AnalysisResources, "framing" | "devices" | "gazetteer">): ExportLabels {
  const byId = (items: ReadonlyArray<{ readonly id: string; readonly label: string }>) => new Map(items.map((x) => [x.id, x.label]));
  return {
    frame: byId(resources.framing.entries),
    device: byId(resources.devices.entries),
    actor: byId(resources.gazetteer.actors),
    camp: byId(resources.gazetteer.camps),
  };
}

/** How the export treats text: the licence settings, and whether this is a public build. */
export interface ExportSettings {
  readonly labels: ExportLabels;
  /** The licence defaults (LICENCE) for the licence column; a full build shows every text all the same. */
  readonly licences: PublicSettings;
  /** Whether closed articles' text is kept out (PUBLISH=public). */
  readonly public: boolean;
}

/** One article as the tidy tables read it (see the module's comment). */
export interface ExportArticle {
  readonly record: ArticleRecord;
  readonly labels: ExportLabels;
  /** Its overview row as the pages show it (source, provenance label, title source …). */
  readonly summary: ArticleSummary;
  /** Its licence, whether its text is open, and the SHA-256 of its text. */
  readonly published: PublishedArticle;
  /** SHA-256 of its id, metadata and text as read: its part of the corpus hash (corpus-hash.ts). */
  readonly inputSha256: string;
  /** Whether its text is exported (always in a full build; an open licence in a public one). */
  readonly textShown: boolean;
  /** The text from `start` to `end` (UTF-16 offsets), or null when its text is not shown or there is no span. */
  text(span: { readonly start: number; readonly end: number } | null | undefined): string | null;
  /** The text of sentence `index`, or null (see text). */
  sentenceText(index: number): string | null;
  /** Words as written (a matched term, a cue) as the export shows them: cut to MATCHED_TERM_WORDS when the text is not shown. */
  written(words: string | null): string | null;
  /** A UTF-16 offset into the text as a code-point offset. */
  codePoint(offset: number | null | undefined): number | null;
}

/** An article's export view (ExportArticle) under `settings`. */
export function exportArticle(record: ArticleRecord, settings: ExportSettings): ExportArticle {
  const published = publishedArticle(record, settings.licences);
  const textShown = !settings.public || published.open;
  const sentences = new Map(record.sentences.map((s) => [s.index, s]));
  const toCodePoint = codePointOffsets(record.text);
  const text: ExportArticle["text"] = (span) => (textShown && span ? record.text.slice(span.start, span.end) : null);
  const summary = summarizeRecord(record);
  return {
    record,
    labels: settings.labels,
    // A closed article's title is shown only if declared, as on the public site (public-build.ts closedView).
    summary: textShown || summary.titleSource === "front-matter" ? summary : { ...summary, title: summary.id },
    published,
    inputSha256: articleInputSha256(record),
    textShown,
    text,
    sentenceText: (index) => text(sentences.get(index)),
    written: (words) => (words === null || textShown ? words : matchedTerm(words)),
    codePoint: (offset) => (offset === null || offset === undefined ? null : toCodePoint(offset)),
  };
}
