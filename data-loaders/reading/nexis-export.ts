/**
 * Splits a Nexis Uni (LexisNexis) batch export, as paragraphs of its `.docx` or `.rtf`, into articles with
 * their metadata, by the rules of LexisNexisTools' `lnt_read` for Nexis Uni files (Gruber, R package
 * LexisNexisTools 1.0, `lnt_parse_uni`), each a named function below:
 * - {@link removeCoverPage}: the cover page (user, job number, search terms) ends at the last page break, or
 *   the last run of three or more empty paragraphs, before the first article's "Body" line (or its end);
 * - {@link splitAtEndOfDocument}: each article ends with a line "End of Document" (when no line is exactly
 *   that, with a line ending so);
 * - {@link readHeader}: above the line "Body", the first line is the headline, the second the outlet, the
 *   first later line holding a date ("March 5, 2024 Tuesday") the date; "Byline:" the author, and other
 *   "Key: value" lines ("Length:", "Section:") kept as they are;
 * - {@link readBody}: below "Body", the text, up to a line "Classification", below which "Language:",
 *   "Load-Date:" and the other index lines are kept as metadata; "Load-Date:", "Update:", "Graphic:" and
 *   "Dateline:" lines are kept as metadata wherever they stand, not as text.
 * An article without a "Body" line is kept whole as text, without metadata (LexisNexisTools calls it a
 * graphic), and reported.
 */
import type { CorpusError } from "./corpus-error.ts";
import type { ExportArticle } from "./database-export.ts";
import { PAGE_BREAK } from "./docx-document.ts";
import { looksLikeDate, newsDate } from "./news-date.ts";

/** What a Nexis export split into: its articles, the "End of Document" lines counted, and errors about the file. */
export interface NexisSplit {
  readonly articles: readonly ExportArticle[];
  readonly ends: number;
  readonly errors: readonly CorpusError[];
}

const END = /^End of Document$/;
const END_OF_LINE = /\s*End of Document$/;
const BODY = /^Body$/;
const CLASSIFICATION = /^Classification$/;
/** "Length: 512 words", with the no-break space Nexis writes after the colon. */
const KEY_VALUE = /^([A-Z][A-Za-z-]*(?: [A-Za-z-]+)?):[\s\u00a0]*(.*)$/;
/** Lines LexisNexisTools keeps out of the text (its `exclude_lines`). */
const METADATA_LINES = /^(Load-Date|Update|Graphic|Dateline):/i;

const clean = (line: string) => line.replace(/[\s\u00a0]+/g, " ").trim();
/** "Load-Date" → "load_date": a metadata key as `meta.extra` keeps it. */
const extraKey = (key: string) => key.toLowerCase().replace(/[^a-z0-9]+/g, "_");

/**
 * Whether a document's paragraphs are a Nexis Uni export: a line "End of Document", or (an export whose
 * ends are missing, which {@link splitNexisExport} reports) a line "Body" and a line "Load-Date:".
 */
export function looksLikeNexisExport(paragraphs: readonly string[]): boolean {
  const lines = paragraphs.flatMap((p) => p.split("\n")).map(clean);
  return lines.some((l) => END_OF_LINE.test(l)) || (lines.some((l) => BODY.test(l)) && lines.some((l) => /^Load-Date:/.test(l)));
}

/**
 * The paragraphs of an export without its cover page (see the module comment), so that the first article
 * begins at the first line left.
 */
export function removeCoverPage(paragraphs: readonly string[]): readonly string[] {
  // The first article's "Body" line, or (an article without one) its end.
  const body = paragraphs.findIndex((p) => BODY.test(clean(p)) || END_OF_LINE.test(clean(p)));
  if (body < 0) return paragraphs;
  let start = 0;
  let empties = 0;
  for (let i = 0; i < body; i++) {
    const line = paragraphs[i]!;
    if (line.includes(PAGE_BREAK)) start = i + 1;
    empties = clean(line) === "" ? empties + 1 : 0;
    if (empties >= 3) start = i + 1;
  }
  return paragraphs.slice(start);
}

/** The articles' lines (trimmed, empty ones left out), each up to its "End of Document", and what follows the last. */
export function splitAtEndOfDocument(paragraphs: readonly string[]): { chunks: string[][]; rest: string[] } {
  const lines = paragraphs.flatMap((p) => p.split("\n").map(clean)).filter((line) => line !== "");
  // LexisNexisTools' fallback: when no line is exactly "End of Document", a line ending with it ends an article.
  const end = lines.some((line) => END.test(line)) ? END : END_OF_LINE;
  const chunks: string[][] = [];
  let current: string[] = [];
  for (const line of lines) {
    if (!end.test(line)) current.push(line);
    else {
      const before = line.replace(END_OF_LINE, "").trim();
      if (before) current.push(before);
      chunks.push(current);
      current = [];
    }
  }
  return { chunks, rest: current };
}

/**
 * Splits a Nexis Uni export into articles. `file` names the export in errors; each article is `file#n`.
 * @example splitNexisExport(["Title", "Outlet", "March 5, 2024", "Body", "Text.", "End of Document"], "x.docx").articles[0]?.fields.published // "2024-03-05"
 */
export function splitNexisExport(paragraphs: readonly string[], file: string): NexisSplit {
  const { chunks, rest } = splitAtEndOfDocument(removeCoverPage(paragraphs));
  const errors: CorpusError[] = [];
  if (!chunks.length) {
    const message = `has no line "End of Document", which ends each article of a Nexis Uni export: not a Nexis export, or one cut short`;
    return { articles: [], ends: 0, errors: [{ file, field: "End of Document", message }] };
  }
  if (rest.length) {
    const message = `${rest.length} line(s) after the last "End of Document" (from "${rest[0]!.slice(0, 60)}"): an article whose end is missing?`;
    errors.push({ file, field: "End of Document", message });
  }
  const articles = chunks.map((lines, index) => readArticle(lines, `${file}#${index + 1}`));
  if (articles[0] && coverPageLeft(chunks[0]!)) {
    const warning = `the cover page was not found (no page break or three empty paragraphs before the first article): its lines are read as this article's header`;
    articles[0] = { ...articles[0], warnings: [...articles[0].warnings, warning] };
  }
  return { articles, ends: chunks.length, errors };
}

/** Whether the first article's header still holds the cover page's lines ("Job Number:", "Search Terms:"). */
function coverPageLeft(lines: readonly string[]): boolean {
  const body = lines.findIndex((line) => BODY.test(line));
  return lines.slice(0, body < 0 ? lines.length : body).some((line) => /^(User Name|Job Number|Search Terms|Date and Time):/i.test(line));
}

/** One article's lines (between two "End of Document" lines) read as fields, metadata and text. */
function readArticle(lines: readonly string[], at: string): ExportArticle {
  const body = lines.findIndex((line) => BODY.test(line));
  if (body < 0) {
    const warning = `no line "Body": kept whole as text, without metadata (LexisNexisTools calls it a graphic)`;
    return { fields: {}, extra: {}, text: lines.join("\n\n"), warnings: [warning], errors: [] };
  }
  const header = readHeader(lines.slice(0, body), at);
  const rest = readBody(lines.slice(body + 1));
  const fields = { ...header.fields, ...rest.fields };
  return { fields, extra: { ...header.extra, ...rest.extra }, text: rest.text, warnings: [], errors: header.errors };
}

/** The lines above "Body": headline, outlet, date, byline and "Key: value" lines (see the module comment). */
export function readHeader(
  lines: readonly string[],
  at: string,
): { fields: Record<string, string>; extra: Record<string, string>; errors: CorpusError[] } {
  const fields: Record<string, string> = {};
  const extra: Record<string, string> = {};
  const errors: CorpusError[] = [];
  const others: string[] = [];
  lines.forEach((line, index) => {
    const keyed = KEY_VALUE.exec(line);
    if (index === 0) fields.title = line;
    else if (index === 1 && !keyed) fields.outlet = line;
    else if (keyed && keyed[1] === "Byline") fields.author = keyed[2]!;
    else if (keyed) extra[extraKey(keyed[1]!)] = keyed[2]!;
    else if (fields.published === undefined && looksLikeDate(line)) {
      const date = newsDate(line);
      if (date) fields.published = date;
      else errors.push({ file: at, field: "published", message: `"${line}" is not a date this reader knows (month in English or Dutch)` });
    } else others.push(line);
  });
  if (others.length) extra.header = others.join(" | ");
  return { fields, extra, errors };
}

/** The lines below "Body": the text up to "Classification", and the metadata lines (see the module comment). */
export function readBody(lines: readonly string[]): { fields: Record<string, string>; extra: Record<string, string>; text: string } {
  const classification = lines.findIndex((line) => CLASSIFICATION.test(line));
  const textLines = classification < 0 ? lines : lines.slice(0, classification);
  const indexLines = classification < 0 ? [] : lines.slice(classification + 1);
  const extra: Record<string, string> = {};
  const text: string[] = [];
  for (const line of textLines) {
    const keyed = METADATA_LINES.test(line) ? KEY_VALUE.exec(line) : null;
    if (keyed) extra[extraKey(keyed[1]!)] = keyed[2]!;
    else text.push(line);
  }
  for (const line of indexLines) {
    const keyed = KEY_VALUE.exec(line);
    const key = keyed ? extraKey(keyed[1]!) : null;
    if (key) extra[key] = keyed![2]!;
    else extra.classification = extra.classification ? `${extra.classification} | ${line}` : line;
  }
  const fields: Record<string, string> = {};
  if (extra.language) fields.language = extra.language;
  return { fields, extra, text: text.join("\n\n") };
}
