import { checkCodebookVersion, versionsSchema, type VersionCheck } from "./codebook-version.ts";
import { createHash } from "node:crypto";
import { z } from "zod";
import { type CorpusError, schemaErrors } from "../reading/corpus-error.ts";
import { compileTerm, type CompiledTerm } from "./term-pattern.ts";
import type { Language } from "../schema/record.ts";
import { LANGUAGES, languageSchema } from "../schema/enums.ts";

/**
 * Codebooks: the framing codebook (frames) and the rhetorical-devices codebook (devices) share one format.
 * Each entry has an id, a label, a definition a student can apply by hand, per-language terms, examples,
 * counter-examples and a source note. A device may instead name a built-in detector (scare quotes,
 * rhetorical questions) whose parameters live in the same file.
 */

const termEntry = z.union([
  z.string(),
  z
    .object({
      term: z.string(),
      caseSensitive: z.boolean().optional(),
      form: z
        .string()
        .regex(/^[a-z][a-z-]*$/, "must be lower-case words joined by dashes")
        .optional(),
    })
    .strict(),
]);

const example = z.object({ language: languageSchema, text: z.string().min(1, "is empty"), note: z.string().optional() }).strict();

const entrySchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case letters, digits and dashes, starting with a letter"),
    label: z.string().min(1, "is empty"),
    definition: z.string().min(20, "is too short to apply by hand (write at least a sentence)"),
    terms: z.record(z.string(), z.array(termEntry)).optional(),
    detector: z
      .object({ name: z.enum(["scare-quotes", "rhetorical-questions"]), maxWords: z.number().int().min(1).max(12).optional() })
      .strict()
      .optional(),
    examples: z.array(example).min(1, "needs at least one example"),
    counterExamples: z.array(example).default([]),
    source: z.string().min(1, "is empty"),
  })
  .strict();

/** The header every codebook-like data file has: identity, version, licence and source. */
export const codebookHeader = {
  id: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case letters, digits and dashes"),
  title: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "must be a semantic version such as 1.0.0"),
  licence: z.string().min(1),
  source: z.string().min(1),
};

const codebookSchema = z
  .object({ ...codebookHeader, versions: versionsSchema, entries: z.array(entrySchema).min(1, "needs at least one entry") })
  .strict();

export type CodebookExample = z.infer<typeof example>;

/** One term of an entry, compiled. */
export interface EntryTerm {
  readonly term: CompiledTerm;
  /** A label for how the term is used, e.g. "personified" or "generic" for the hegemon frame. */
  readonly form: string | null;
}

/** A frame or device, with its terms compiled per language. */
export interface CodebookEntry {
  readonly id: string;
  readonly label: string;
  readonly definition: string;
  readonly terms: Readonly<Record<Language, readonly EntryTerm[]>>;
  readonly detector: { readonly name: "scare-quotes" | "rhetorical-questions"; readonly maxWords: number } | null;
  readonly examples: readonly CodebookExample[];
  readonly counterExamples: readonly CodebookExample[];
  readonly source: string;
  /** The terms as written in the file, per language, for the codebook page. */
  readonly written: Readonly<Record<Language, readonly { term: string; form: string | null; caseSensitive: boolean }[]>>;
}

export interface Codebook {
  readonly id: string;
  readonly title: string;
  readonly version: string;
  /** SHA-256 of the file's bytes: any edit, even to a comment, changes it. */
  readonly sha256: string;
  readonly licence: string;
  readonly source: string;
  readonly entries: readonly CodebookEntry[];
  /** Whether the content is the one recorded for this version (the file's `versions` list). */
  readonly versionCheck: VersionCheck;
}

/** The identity of a codebook, written into every record that used it. */
export interface CodebookStamp {
  readonly id: string;
  readonly version: string;
  readonly sha256: string;
}

export function codebookStamp(codebook: Codebook): CodebookStamp {
  return { id: codebook.id, version: codebook.version, sha256: codebook.sha256 };
}

/**
 * Validates and compiles a parsed codebook file. Every problem is returned with the file, the entry id
 * (`entries.hegemon.terms.nl.2`) and the reason: unknown language, empty or invalid term, a term that cannot
 * compile or that could match unboundedly, duplicate ids, missing terms for a language.
 * @param requireTerms frames must have terms in both languages; devices may use a detector instead
 */
export function compileCodebook(
  raw: unknown,
  bytes: Uint8Array,
  file: string,
  options: { requireTerms: boolean },
): { readonly codebook: Codebook | null; readonly errors: readonly CorpusError[] } {
  const parsed = codebookSchema.safeParse(raw);
  if (!parsed.success) {
    return { codebook: null, errors: schemaErrors(parsed.error.issues, file, { fieldOf: entryFieldOf(raw) }) };
  }
  const errors: CorpusError[] = [];
  const seen = new Set<string>();
  const entries: CodebookEntry[] = [];
  for (const entry of parsed.data.entries) {
    if (seen.has(entry.id)) errors.push({ file, field: `entries.${entry.id}.id`, message: `duplicate id "${entry.id}"` });
    seen.add(entry.id);
    entries.push(compileEntry(entry, file, options, errors));
  }
  if (errors.length) return { codebook: null, errors };
  const { id, title, version, licence, source } = parsed.data;
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  // The content as written (before the schema's defaults), so that `npm run codebook -- stamp` hashes the same.
  const versionCheck = checkCodebookVersion(raw, version, parsed.data.versions ?? []);
  return { codebook: { id, title, version, sha256, licence, source: source.trim(), entries, versionCheck }, errors: [] };
}

type ParsedEntry = z.infer<typeof codebookSchema>["entries"][number];

/** Names an entry in a schema error's field by its id (`entries.hegemon.label`) where the file gives one, else by its index. */
function entryFieldOf(raw: unknown): (path: readonly PropertyKey[]) => string {
  const entryIds = Array.isArray((raw as { entries?: unknown })?.entries)
    ? (raw as { entries: unknown[] }).entries.map((e) =>
        e && typeof e === "object" && typeof (e as { id?: unknown }).id === "string" ? (e as { id: string }).id : null,
      )
    : [];
  return (path) =>
    path
      .map((part, i) => (i === 1 && path[0] === "entries" && typeof part === "number" && entryIds[part] ? entryIds[part] : String(part)))
      .join(".");
}

/** One validated entry compiled, its problems added to errors (unknown language, a term that does not compile, missing terms). */
function compileEntry(entry: ParsedEntry, file: string, options: { requireTerms: boolean }, errors: CorpusError[]): CodebookEntry {
  const at = `entries.${entry.id}`;
  const { terms, written } = compileEntryTerms(entry, file, errors);
  if (!entry.detector && (options.requireTerms || !entry.terms)) {
    for (const language of LANGUAGES) {
      if (!entry.terms?.[language]?.length) errors.push({ file, field: `${at}.terms.${language}`, message: "needs at least one term" });
    }
  }
  return {
    id: entry.id,
    label: entry.label,
    definition: entry.definition.trim(),
    terms,
    detector: entry.detector ? { name: entry.detector.name, maxWords: entry.detector.maxWords ?? 4 } : null,
    examples: entry.examples,
    counterExamples: entry.counterExamples,
    source: entry.source.trim(),
    written,
  };
}

/** An entry's terms per language, compiled (compileTerm) and as written for the published codebook. */
function compileEntryTerms(entry: ParsedEntry, file: string, errors: CorpusError[]): Pick<CodebookEntry, "terms" | "written"> {
  const at = `entries.${entry.id}`;
  const terms: Record<Language, EntryTerm[]> = { en: [], nl: [] };
  const written: Record<Language, { term: string; form: string | null; caseSensitive: boolean }[]> = { en: [], nl: [] };
  for (const [language, list] of Object.entries(entry.terms ?? {})) {
    if (!(LANGUAGES as readonly string[]).includes(language)) {
      errors.push({ file, field: `${at}.terms.${language}`, message: `unknown language "${language}": use en or nl` });
      continue;
    }
    list.forEach((item, i) => {
      const spec = typeof item === "string" ? { term: item } : item;
      try {
        const term = compileTerm(spec.term, { caseSensitive: spec.caseSensitive ?? false });
        terms[language as Language].push({ term, form: spec.form ?? null });
        written[language as Language].push({ term: term.source, form: spec.form ?? null, caseSensitive: term.caseSensitive });
      } catch (error) {
        errors.push({
          file,
          field: `${at}.terms.${language}.${i}`,
          message: `term ${JSON.stringify(spec.term)} ${(error as Error).message}`,
        });
      }
    });
  }
  return { terms, written };
}
