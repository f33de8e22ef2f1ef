import { createHash } from "node:crypto";
import { z } from "zod";
import { codebookHeader, type CodebookStamp, type EntryTerm } from "./codebook.ts";
import type { CorpusError } from "./corpus-error.ts";
import { compileTerm } from "./term-pattern.ts";
import type { Language } from "./types.ts";

const perLanguage = z.object({ en: z.array(z.string()).min(1, "needs at least one cue"), nl: z.array(z.string()).min(1, "needs at least one cue") }).strict();
const words = z.object({ en: z.array(z.string().regex(/^\p{L}+$/u, "must be one word")), nl: z.array(z.string().regex(/^\p{L}+$/u, "must be one word")) }).strict();
const schema = z.object({ ...codebookHeader, cues: perLanguage, soCalled: perLanguage, authorCredit: words, byline: words }).strict();

/** A list of compiled terms per language, in the shape the term matcher indexes. */
export interface TermList {
  readonly id: string;
  readonly terms: Readonly<Record<Language, readonly EntryTerm[]>>;
}

/** Compiled speech cues: reporting verbs and attribution phrases, and distancing words ("so-called"). */
export interface SpeechCues {
  readonly stamp: CodebookStamp;
  readonly cues: TermList;
  readonly soCalled: TermList;
  /** Verbs that credit an author when they close a sentence with a name, per language (lower case). */
  readonly authorCredit: Readonly<Record<Language, readonly string[]>>;
  /** Byline words that open a line with an author's name ("By", "Door"), per language. */
  readonly byline: Readonly<Record<Language, readonly string[]>>;
}

/** Validates and compiles `corpus/codebooks/speech-cues.yaml`; errors name the list, language and item. */
export function compileSpeechCues(
  raw: unknown,
  bytes: Uint8Array,
  file: string,
): { readonly speechCues: SpeechCues | null; readonly errors: readonly CorpusError[] } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { speechCues: null, errors: parsed.error.issues.map((issue) => ({ file, field: issue.path.map(String).join(".") || "file", message: issue.message })) };
  }
  const errors: CorpusError[] = [];
  const compileList = (list: "cues" | "soCalled"): TermList => {
    const terms: Record<Language, EntryTerm[]> = { en: [], nl: [] };
    for (const language of ["en", "nl"] as const) {
      parsed.data[list][language].forEach((term, i) => {
        try {
          terms[language].push({ term: compileTerm(term), form: null });
        } catch (error) {
          errors.push({ file, field: `${list}.${language}.${i}`, message: `term ${JSON.stringify(term)} ${(error as Error).message}` });
        }
      });
    }
    return { id: list, terms };
  };
  const cues = compileList("cues");
  const soCalled = compileList("soCalled");
  if (errors.length) return { speechCues: null, errors };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const lower = (list: { en: string[]; nl: string[] }) => ({ en: list.en.map((w) => w.toLowerCase()), nl: list.nl.map((w) => w.toLowerCase()) });
  return {
    speechCues: { stamp: { id: parsed.data.id, version: parsed.data.version, sha256 }, cues, soCalled, authorCredit: lower(parsed.data.authorCredit), byline: lower(parsed.data.byline) },
    errors: [],
  };
}
