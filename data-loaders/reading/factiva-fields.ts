/**
 * Factiva's field codes, as its exports ("Full Article/Report plus Indexing") label each article's fields,
 * and an article made of them: the fields and text that factiva-html.ts and factiva-rtf.ts read from the
 * HTML and RTF exports' tables. The codes are those tm.plugin.factiva's `readFactivaHTML` reads.
 */
import type { CorpusError } from "./corpus-error.ts";
import type { ExportArticle } from "./database-export.ts";
import { newsDate } from "./news-date.ts";

/** The codes read as the article's own fields. */
export const FIELD_CODES: Readonly<Record<string, string>> = {
  HD: "title",
  BY: "author",
  PD: "published",
  SN: "outlet",
  LA: "language",
  AN: "id",
};
/** The codes whose paragraphs are the text, in this order. */
export const TEXT_CODES = ["LP", "TD"];
/** Names for the other codes Factiva documents, as `meta.extra` keeps them (any other code by itself, lower case). */
export const EXTRA_NAMES: Readonly<Record<string, string>> = {
  WC: "word_count",
  SC: "source_code",
  SE: "section",
  ED: "edition",
  CY: "copyright",
  NS: "subjects",
  RE: "regions",
  IN: "industries",
  CO: "companies",
  PUB: "publisher",
  PG: "page",
  CLM: "column",
  ET: "time",
  CR: "credit",
};

/** Every code this reader names (a table row with another first cell is not a field). */
export const KNOWN_CODES: ReadonlySet<string> = new Set([
  ...Object.keys(FIELD_CODES),
  ...TEXT_CODES,
  ...Object.keys(EXTRA_NAMES),
  "IPC",
  "IPD",
  "RF",
  "CT",
  "ART",
  "NGC",
]);

/** One field of an article as a table gives it: its code and its paragraphs. */
export interface FactivaField {
  readonly code: string;
  readonly paragraphs: readonly string[];
}

/**
 * An article from its fields: HD, BY, PD (read as an ISO date), SN, LA and AN (without "Document ") as its
 * own fields, LP then TD as its text, every other code in extra by its name ({@link EXTRA_NAMES}, else the
 * code in lower case). `at` names the article in errors.
 * @example factivaArticle([{ code: "PD", paragraphs: ["5 March 2024"] }, { code: "TD", paragraphs: ["Text."] }], "f.html#1").fields.published // "2024-03-05"
 */
export function factivaArticle(rows: readonly FactivaField[], at: string): ExportArticle {
  const fields: Record<string, string> = {};
  const extra: Record<string, string> = {};
  const errors: CorpusError[] = [];
  const text = new Map<string, readonly string[]>();
  for (const { code, paragraphs } of rows) {
    const value = paragraphs.join(" ").trim();
    if (TEXT_CODES.includes(code)) text.set(code, paragraphs);
    else if (FIELD_CODES[code]) fields[FIELD_CODES[code]] = value;
    else extra[EXTRA_NAMES[code] ?? code.toLowerCase()] = value;
  }
  if (fields.id !== undefined) fields.id = fields.id.replace(/^Document\s+/, "");
  if (fields.published !== undefined) {
    const date = newsDate(fields.published);
    if (date) fields.published = date;
    else {
      errors.push({ file: at, field: "published (PD)", message: `"${fields.published}" is not a date this reader knows` });
      delete fields.published;
    }
  }
  const paragraphs = TEXT_CODES.flatMap((code) => text.get(code) ?? []);
  return { fields, extra, text: paragraphs.join("\n\n"), warnings: [], errors };
}
