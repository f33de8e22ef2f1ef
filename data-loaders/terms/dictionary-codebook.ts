/**
 * Turns a dictionary (dictionary-formats.ts) into a codebook and a codebook back into a dictionary. A
 * dictionary word becomes a term when the term syntax says the same thing: a `*` at a word's start or end
 * and phrases of several words carry over; a `?` wildcard, a `*` inside a word, braces and anything the term
 * compiler rejects (a regular expression, a wildcard beside fewer than 4 letters) are listed, never guessed.
 */
import { compileTerm, termForms } from "./term-pattern.ts";
import type { DictionaryCategory } from "./dictionary-formats.ts";
import type { Language } from "../schema/record.ts";

/** A problem with one entry of a conversion: the category or entry, and what could not be carried over. */
export interface ConversionProblem {
  readonly entry: string;
  readonly message: string;
}

/** Why a dictionary word cannot be a term, or null when it can. */
function unrepresentable(word: string): string | null {
  if (word.includes("?")) return `"?" (one character) has no equivalent in the term syntax`;
  if (/[{},]/.test(word)) return "braces and commas are term syntax, not letters";
  try {
    compileTerm(word);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

/** An entry id from a category path: lower-case letters, digits and dashes, starting with a letter. */
function entryId(path: readonly string[], taken: Set<string>): string {
  const slug = path
    .join("-")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  const base = /^[a-z]/.test(slug) ? slug : `category-${slug || "unnamed"}`;
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/** The placeholders an imported codebook carries until its user edits them. */
export const PLACEHOLDER = "EDIT ME";

/**
 * A codebook (as its YAML would hold it) with one entry per category and the words as terms in `language`,
 * plus every word or category that could not be carried over. Header, definitions and examples are
 * placeholders marked EDIT ME: the example check fails until real examples are written.
 */
export function dictionaryToCodebook(
  categories: readonly DictionaryCategory[],
  options: { readonly id: string; readonly file: string; readonly format: string; readonly language: Language },
): { codebook: Record<string, unknown>; problems: ConversionProblem[] } {
  const problems: ConversionProblem[] = [];
  const taken = new Set<string>();
  const entries = [];
  for (const category of categories) {
    const name = category.path.join(".");
    const terms: string[] = [];
    for (const word of category.words) {
      const why = unrepresentable(word.trim());
      if (why) problems.push({ entry: name, message: `${JSON.stringify(word)} left out: ${why}` });
      else if (!terms.includes(word.trim())) terms.push(word.trim());
    }
    if (!terms.length) {
      problems.push({ entry: name, message: "left out: no word of the category can be a term" });
      continue;
    }
    entries.push({
      id: entryId(category.path, taken),
      label: name,
      definition: `${PLACEHOLDER}: the ${options.format} category "${name}"; write a definition a student can apply by hand.`,
      terms: { [options.language]: terms },
      examples: [{ language: options.language, text: `${PLACEHOLDER}: write a sentence this entry must find.` }],
      counterExamples: [],
      source: `Category "${name}" of ${options.file}.`,
    });
  }
  const codebook = {
    id: options.id,
    title: `${PLACEHOLDER}: imported from ${options.file}`,
    version: "0.1.0",
    licence: `${PLACEHOLDER}: the dictionary's licence`,
    source: `${PLACEHOLDER}: imported from ${options.file} (${options.format}); say who made the dictionary and where it is published.`,
    entries,
  };
  return { codebook, problems };
}

/** A compiled codebook's entries, reduced to what export needs. */
export interface ExportableEntry {
  readonly id: string;
  readonly detector: unknown;
  readonly written: Readonly<Record<Language, readonly { term: string; form: string | null; caseSensitive: boolean }[]>>;
}

/**
 * The categories of a codebook's entries in `language`, braces expanded into plain forms; what a dictionary
 * cannot say (a case-sensitive term, a form label, a built-in detector) is listed.
 */
export function codebookToDictionary(
  entries: readonly ExportableEntry[],
  language: Language,
): { categories: DictionaryCategory[]; problems: ConversionProblem[] } {
  const problems: ConversionProblem[] = [];
  const categories: DictionaryCategory[] = [];
  for (const entry of entries) {
    if (entry.detector) problems.push({ entry: entry.id, message: "its built-in detector cannot be written as words" });
    const words: string[] = [];
    for (const { term, form, caseSensitive } of entry.written[language]) {
      if (caseSensitive) problems.push({ entry: entry.id, message: `${JSON.stringify(term)} is case-sensitive; the dictionary is not` });
      if (form) problems.push({ entry: entry.id, message: `${JSON.stringify(term)}: its form "${form}" is not kept` });
      for (const word of termForms(term)) if (!words.includes(word)) words.push(word);
    }
    if (words.length) categories.push({ path: [entry.id], words });
  }
  return { categories, problems };
}
