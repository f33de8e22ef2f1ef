import { z } from "zod";
import { readLicence } from "./licence.ts";
import { type CorpusError, schemaErrors } from "./corpus-error.ts";
import { LANGUAGES } from "../schema/enums.ts";
import { languageName } from "./import-languages.ts";
import type { ArticleMeta, Language, Provenance } from "../schema/record.ts";

/** Article ids become file names and URLs, so they are restricted to a safe alphabet. */
export const ARTICLE_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/**
 * Endings an id may not have: the site publishes `articles/<id>.json` and `rows/<id>.json`, and a web
 * server reads an id ending in a file extension as that file. A trailing dot is
 * dropped by Windows file systems.
 */
const RESERVED_ID_ENDING = /(\.(html?|json|md|js|ts|css|zip|csv|txt)|\.)$/i;

/**
 * Names Windows reserves for devices, in any case and before any extension: a published `articles/CON.json`
 * or `rows/nul.v2.json` cannot be written or read there. (COM0 and LPT0 are on Microsoft's list too.)
 * https://learn.microsoft.com/windows/win32/fileio/naming-a-file
 */
const WINDOWS_DEVICE_NAME = /^(?:con|prn|aux|nul|com\d|lpt\d)(?:\.|$)/i;

/** The fields an article's metadata reads by name; any other key is kept in `meta.extra`. */
export const KNOWN_FIELDS: ReadonlySet<string> = new Set([
  "id",
  "language",
  "title",
  "outlet",
  "published",
  "url",
  "author",
  "provenance",
  "text",
]);

/**
 * Whether `value` is an ISO 8601 calendar date that names a real day (YYYY-MM-DD, or a date-time), or one of
 * reduced precision: a year (YYYY) or a month (YYYY-MM).
 * @example isIsoDate("2024-02-29") // true
 * @example isIsoDate("2023-02-29") // false
 * @example isIsoDate("2022-02") // true
 */
export function isIsoDate(value: string): boolean {
  // Reduced precision (ISO 8601 calendar dates): a year, or a year and month.
  if (/^\d{4}(?:-(?:0[1-9]|1[0-2]))?$/.test(value)) return true;
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:T([01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,9})?)?(?:Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

const optionalText = z
  .string({ error: (issue) => `must be text or null, not ${describe(issue.input)}` })
  .nullish()
  .transform((value) => (value == null || value.trim() === "" ? null : value));

const textList = z
  .union([z.string(), z.array(z.string({ error: (issue) => `must be text, not ${describe(issue.input)}` }))], {
    error: (issue) => `must be text or a list of text, not ${describe(issue.input)}`,
  })
  .nullish()
  .transform((value) => (value == null ? [] : (Array.isArray(value) ? value : [value]).filter((v) => v.trim() !== "")));

const provenanceSchema = z
  .looseObject({
    creditedAuthor: optionalText,
    origin: textList,
    summaryOf: textList,
    translatedFrom: optionalText,
    evidence: optionalText,
  })
  .nullish();

const metadataSchema = z.looseObject({
  id: z
    .string({
      error: (issue) => (issue.input === undefined || issue.input === null ? "is missing" : `must be text, not ${describe(issue.input)}`),
    })
    .refine((id) => id.trim() !== "", "is empty")
    .refine((id) => id.trim() === "" || ARTICLE_ID_PATTERN.test(id), {
      error: (issue) =>
        `${JSON.stringify(issue.input)} is not a valid id: use letters, digits, ".", "_" or "-" (at most 128), starting with a letter or digit`,
    })
    .refine((id) => !ARTICLE_ID_PATTERN.test(id) || !RESERVED_ID_ENDING.test(id), {
      error: (issue) =>
        `${JSON.stringify(issue.input)} is not a valid id: it may not end in "." or a file extension such as ".html" or ".json"`,
    })
    .refine((id) => !ARTICLE_ID_PATTERN.test(id) || RESERVED_ID_ENDING.test(id) || !WINDOWS_DEVICE_NAME.test(id), {
      error: (issue) => {
        const name = String(issue.input).split(".")[0]!;
        return `${JSON.stringify(issue.input)} is not a valid id: Windows reserves the name ${JSON.stringify(name)} for a device, so its published file (articles/${String(issue.input)}.json) could not be written or opened there; rename it`;
      },
    }),
  language: z
    .enum(LANGUAGES, {
      error: (issue) => {
        // A language the pipeline does not analyse ("de") is named as such; anything else is no language code.
        const name = typeof issue.input === "string" ? languageName(issue.input) : null;
        return name
          ? `${JSON.stringify(issue.input)} (${name}) is not analysed: only English ("en") and Dutch ("nl") are; take the article out of the corpus`
          : `unknown language ${JSON.stringify(issue.input)}: use "en" or "nl", or leave it out to detect it`;
      },
    })
    .nullish(),
  title: optionalText,
  outlet: optionalText,
  published: z
    .union([z.string(), z.date(), z.number()], {
      error: (issue) => `must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or null, not ${describe(issue.input)}`,
    })
    .nullish()
    // A bare year in YAML (published: 2022) is a number: the year as written.
    .transform((value) => (typeof value === "number" ? String(value) : value))
    .refine((value) => value == null || value instanceof Date || value === "" || isIsoDate(value), {
      error: (issue) => `${JSON.stringify(issue.input)} is not a valid ISO date (YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM[:SS][Z])`,
    })
    .transform((value) => (value == null || value === "" ? null : value instanceof Date ? value.toISOString().slice(0, 10) : value)),
  url: optionalText,
  author: optionalText,
  provenance: provenanceSchema,
});

/** The metadata part of a validated article, before its language is settled. */
export interface ValidatedMetadata {
  readonly id: string;
  readonly language: Language | null;
  readonly meta: Omit<ArticleMeta, "source">;
}

/**
 * Validates raw metadata (parsed front matter or a JSONL object, without the body) and returns either the
 * normalised metadata or every problem found, each naming `file` and the field.
 * Unknown fields are never rejected: they are kept, with sorted keys, in `meta.extra`.
 * @example validateMetadata({ id: "a", language: "fr" }, "a.md").errors[0].message
 *   // '"fr" (French) is not analysed: only English ("en") and Dutch ("nl") are; take the article out of the corpus'
 */
export function validateMetadata(
  raw: Readonly<Record<string, unknown>>,
  file: string,
): { readonly value: ValidatedMetadata | null; readonly errors: readonly CorpusError[] } {
  const parsed = metadataSchema.safeParse(raw);
  if (!parsed.success) {
    return { value: null, errors: schemaErrors(parsed.error.issues, file, { whole: "front matter" }) };
  }
  // An article's licence is kept with the other fields of its own (meta.extra.licence), checked here.
  const licence = readLicence(raw.licence, "unknown", file, "licence");
  if (licence.error) return { value: null, errors: [licence.error] };
  const data = parsed.data;
  const extra: Record<string, unknown> = {};
  for (const key of Object.keys(raw).sort()) if (!KNOWN_FIELDS.has(key)) extra[key] = raw[key];
  const provenance: Provenance = {
    creditedAuthor: data.provenance?.creditedAuthor ?? null,
    origin: data.provenance?.origin ?? [],
    summaryOf: data.provenance?.summaryOf ?? [],
    translatedFrom: data.provenance?.translatedFrom ?? null,
    evidence: data.provenance?.evidence ?? null,
  };
  return {
    value: {
      id: data.id,
      language: data.language ?? null,
      meta: {
        title: data.title,
        outlet: data.outlet,
        published: data.published,
        url: data.url,
        author: data.author,
        provenance,
        extra,
      },
    },
    errors: [],
  };
}

function describe(value: unknown): string {
  if (value === undefined) return "nothing";
  if (value === null) return "null";
  if (Array.isArray(value)) return "a list";
  if (typeof value === "object") return "a mapping";
  return `${typeof value} ${JSON.stringify(value)}`;
}
