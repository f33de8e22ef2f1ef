/**
 * An article as a news database's batch export gives it (a Nexis Uni `.docx` or `.rtf`, a Factiva HTML
 * export): what nexis-export.ts and factiva-html.ts return, and import-batch.ts reads as a row.
 */
import type { CorpusError } from "./corpus-error.ts";

/** One article of an export: its fields, the rest of its metadata, its text, and what was wrong with it. */
export interface ExportArticle {
  /** title, published (ISO), outlet, author, language, id: each field the export gives this article. */
  readonly fields: Readonly<Record<string, string>>;
  /** Everything else the export says of it (section, length, load_date …), kept in `meta.extra`. */
  readonly extra: Readonly<Record<string, string>>;
  /** Paragraphs separated by a blank line. */
  readonly text: string;
  readonly warnings: readonly string[];
  readonly errors: readonly CorpusError[];
}
