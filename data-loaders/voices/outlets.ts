import { createHash } from "node:crypto";
import { z } from "zod";
import { byId } from "../common/by-id.ts";
import type { CodebookStamp, EntryTerm } from "../terms/codebook.ts";
import { type CorpusError, schemaErrors } from "../reading/corpus-error.ts";
import type { TermMatch } from "../terms/match-terms.ts";
import type { SpeechCues } from "./speech-cues.ts";
import { compileTerm } from "../terms/term-pattern.ts";
import { findWireCredits } from "./wire-credits.ts";
import type { ArticleMeta, Block, Language, OutletRecord, ProvenanceCheck } from "../schema/record.ts";

const schema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/),
    version: z.string().regex(/^\d+\.\d+\.\d+$/, "must be a semantic version such as 1.0.0"),
    outlets: z.array(
      z
        .object({
          id: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case letters, digits and dashes"),
          name: z.string().min(1),
          kind: z.enum(["state-media", "other-media"]),
          country: z.string().min(1),
          agency: z.boolean().optional().describe("a news agency, whose credit in a dateline or source line is a wire credit"),
          aliases: z.array(z.string()).min(1, "needs at least one alias"),
        })
        .strict(),
    ),
  })
  .strict();

/** An outlet with its aliases compiled (the same terms for both languages). */
export interface Outlet {
  readonly id: string;
  readonly name: string;
  readonly kind: "state-media" | "other-media";
  /** A news agency: its credit in a dateline or a source line is the text's wire credit. */
  readonly agency: boolean;
  readonly terms: Readonly<Record<Language, readonly EntryTerm[]>>;
  /** Lower-cased aliases without "www." and "http(s)://", for matching names in origin lines. */
  readonly keys: readonly string[];
}

export interface OutletGazetteer {
  readonly stamp: CodebookStamp;
  readonly outlets: readonly Outlet[];
}

/** Normalises an outlet name or web address for comparison: lower case, no scheme, "www." or trailing "/". */
export function outletKey(name: string): string {
  return name
    .trim()
    .toLowerCase()
    .replace(/^https?:\/\//, "")
    .replace(/^www\./, "")
    .replace(/\/+$/, "")
    .replace(/['’]/g, "")
    .replace(/\s+/g, " ");
}

/** Validates and compiles the outlet gazetteer; errors name the outlet and the alias. */
export function compileOutlets(
  raw: unknown,
  bytes: Uint8Array,
  file: string,
): { readonly gazetteer: OutletGazetteer | null; readonly errors: readonly CorpusError[] } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { gazetteer: null, errors: schemaErrors(parsed.error.issues, file) };
  }
  const errors: CorpusError[] = [];
  const seen = new Set<string>();
  const outlets: Outlet[] = [];
  for (const outlet of parsed.data.outlets) {
    if (seen.has(outlet.id)) errors.push({ file, field: `outlets.${outlet.id}.id`, message: `duplicate id "${outlet.id}"` });
    seen.add(outlet.id);
    const terms: EntryTerm[] = [];
    const keys: string[] = [];
    outlet.aliases.forEach((alias, i) => {
      try {
        terms.push({ term: compileTerm(alias, { caseSensitive: /\p{Lu}/u.test(alias) }), form: null });
        // Braces expand to several written names; keys are the plain ones and the name itself.
        if (!/[{*]/.test(alias)) keys.push(outletKey(alias));
      } catch (error) {
        errors.push({
          file,
          field: `outlets.${outlet.id}.aliases.${i}`,
          message: `alias ${JSON.stringify(alias)} ${(error as Error).message}`,
        });
      }
    });
    keys.push(outletKey(outlet.name));
    outlets.push({
      id: outlet.id,
      name: outlet.name,
      kind: outlet.kind,
      agency: outlet.agency ?? false,
      terms: { en: terms, nl: terms },
      keys: [...new Set(keys)],
    });
  }
  if (errors.length) return { gazetteer: null, errors };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return { gazetteer: { stamp: { id: parsed.data.id, version: parsed.data.version, sha256 }, outlets }, errors: [] };
}

/** The outlet a written name refers to, if the gazetteer knows it. */
export function findOutlet(gazetteer: OutletGazetteer, name: string): Outlet | null {
  const key = outletKey(name);
  return gazetteer.outlets.find((o) => o.keys.includes(key)) ?? null;
}

/** A capitalised word, or an initial ("J."): a period only where a letter follows or as an initial. */
const NAME_WORD = String.raw`\p{Lu}(?:\.|(?:[\p{L}'’-]|\.(?=\p{L}))*)`;
/** A person's name: one to four capitalised words, with Dutch and other particles between them. */
const NAME = String.raw`${NAME_WORD}(?:\s+(?:(?:van|von|de|der|den|bin|al|la|le)\s+)?${NAME_WORD}){0,3}`;

/** `word` matched with its first letter in either case, the rest as written (no `i` flag: it would make
 * \p{Lu} match lower-case letters too). */
function firstLetterAnyCase(word: string): string {
  const first = word[0]!;
  return `[${first.toLowerCase()}${first.toUpperCase()}]${word.slice(1).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`;
}

interface AuthorPatterns {
  readonly creditPattern: RegExp | null;
  readonly bylinePattern: RegExp | null;
}

/** The author-credit and byline patterns of a language, compiled once per speech-cue file and language. */
const authorPatternsOf = new WeakMap<SpeechCues, Map<Language, AuthorPatterns>>();
function creditPatterns(cues: SpeechCues, language: Language): AuthorPatterns {
  let byLanguage = authorPatternsOf.get(cues);
  if (!byLanguage) authorPatternsOf.set(cues, (byLanguage = new Map()));
  let patterns = byLanguage.get(language);
  if (!patterns) {
    const credit = cues.authorCredit[language].map(firstLetterAnyCase).join("|");
    const byline = cues.byline[language].map(firstLetterAnyCase).join("|");
    patterns = {
      creditPattern: credit ? new RegExp(String.raw`(?:^|[,–—]\s*)(?:${credit})\s+(${NAME})\s*[.!]?\s*$`, "u") : null,
      // A byline may give the author's role in apposition: "By Jane Doe, a political analyst".
      bylinePattern: byline ? new RegExp(String.raw`^(?:${byline})\s+(${NAME})\s*(?:,\s*[^,.!?\n]{1,80})?[.]?\s*$`, "u") : null,
    };
    byLanguage.set(language, patterns);
  }
  return patterns;
}

/**
 * The outlets and authors a text names, each `[start, end)` into the body:
 * - role "cited": an outlet of the gazetteer mentioned in the analysed text ("reported CNN");
 * - role "origin": each name in an origin line ("Bron: www.rt.com", "Bronnen: Global Times, Peoples Daily"),
 *   canonical when the gazetteer knows it, else as written;
 * - role "author-credit": a name closing a sentence after a credit verb ("…, schrijft Pepe Escobar."), or
 *   after a byline word at the start of the first block ("By Jane Doe", "By Jane Doe, a political analyst");
 * - role "wire-credit": a news agency credited as the source of the copy, in a dateline ("MOSCOW, May 16
 *   (Xinhua) --", "(AP) —"), a credit line ("AFP |", "(ANP)") or an origin line ("Bron: ANP")
 *   (voices/wire-credits.ts).
 * A "cited" match inside a wire credit is left out: the credit says more. Sorted by start.
 */
export function detectOutlets(
  masked: string,
  blocks: readonly Block[],
  matches: readonly TermMatch[],
  gazetteer: OutletGazetteer,
  cues: SpeechCues,
  language: Language,
): OutletRecord[] {
  const outlets = byId(gazetteer.outlets);
  const found: OutletRecord[] = matches.map((m) => {
    const outlet = outlets.get(m.entry)!;
    return { name: outlet.name, id: outlet.id, kind: outlet.kind, role: "cited", start: m.start, end: m.end };
  });
  const { creditPattern, bylinePattern } = creditPatterns(cues, language);
  const firstText = firstTextBlock(blocks);
  for (const block of blocks) {
    const text = masked.slice(block.start, block.end);
    if (block.kind === "source-line") {
      found.push(...originNames(block, text, gazetteer));
      continue;
    }
    if (block.kind !== "paragraph" && block.kind !== "heading") continue;
    // A credit closes a sentence: look at each sentence-final stretch of the block.
    let from = 0;
    for (const sentence of text.split(/(?<=[.!?])\s+/u)) {
      const at = text.indexOf(sentence, from);
      from = at + sentence.length;
      const offset = block.start + at;
      const credited = creditPattern?.exec(sentence) ?? (block.index === firstText ? bylinePattern?.exec(sentence) : null);
      if (!credited) continue;
      const name = credited[1]!.replace(/\s+/g, " ").trim();
      const start = offset + credited.index + credited[0].indexOf(credited[1]!);
      found.push({ name, id: null, kind: null, role: "author-credit", start, end: start + credited[1]!.trimEnd().length });
    }
  }
  const wires = findWireCredits(masked, blocks, gazetteer);
  const inCredit = (o: OutletRecord) => o.role === "cited" && wires.some((w) => w.start < o.end && o.start < w.end);
  return [...found.filter((o) => !inCredit(o)), ...wires].sort(
    (a, b) => a.start - b.start || (a.role < b.role ? -1 : a.role > b.role ? 1 : 0),
  );
}

/**
 * The names of an origin line ("Bron: www.rt.com", "Bronnen: Global Times, Peoples Daily"), `text` being the
 * block's masked text: role "origin", or "wire-credit" for a news agency the gazetteer knows.
 */
function originNames(block: Block, text: string, gazetteer: OutletGazetteer): OutletRecord[] {
  const found: OutletRecord[] = [];
  const colon = text.indexOf(":");
  let at = colon + 1;
  for (const part of text.slice(colon + 1).split(/(,|;|&|\s+(?:en|and)\s+)/u)) {
    const start = block.start + at + (part.length - part.trimStart().length);
    at += part.length;
    const name = part.trim();
    if (!name || /^(,|;|&|en|and)$/u.test(name)) continue;
    const outlet = findOutlet(gazetteer, name);
    found.push({
      name: outlet?.name ?? name,
      id: outlet?.id ?? null,
      kind: outlet?.kind ?? null,
      // "Bron: ANP": a news agency named as the source is the text's wire credit.
      role: outlet?.agency ? "wire-credit" : "origin",
      start,
      end: start + name.length,
    });
  }
  return found;
}

function firstTextBlock(blocks: readonly Block[]): number {
  return blocks.find((b) => b.kind === "paragraph" || b.kind === "heading")?.index ?? -1;
}

/**
 * Provenance found in the text beside the provenance the metadata declares: origins (origin lines and wire
 * credits, and the declared `origin` and `summaryOf` lists, compared by outlet where the gazetteer knows the name) and the
 * credited author. A disagreement is anything one side has and the other lacks.
 */
export function checkProvenance(meta: ArticleMeta, outlets: readonly OutletRecord[], gazetteer: OutletGazetteer): ProvenanceCheck {
  const canonical = (name: string) => findOutlet(gazetteer, name)?.name ?? name;
  const declaredOrigins = [...new Set([...meta.provenance.origin, ...meta.provenance.summaryOf].map(canonical))].sort();
  const detectedOrigins = [...new Set(outlets.filter((o) => o.role === "origin" || o.role === "wire-credit").map((o) => o.name))].sort();
  const declaredAuthor = meta.provenance.creditedAuthor ?? meta.author;
  const detectedAuthors = [...new Set(outlets.filter((o) => o.role === "author-credit").map((o) => o.name))].sort();
  const disagreements: string[] = [];
  const key = (s: string) => outletKey(s);
  for (const o of detectedOrigins)
    if (!declaredOrigins.some((d) => key(d) === key(o))) disagreements.push(`the text names ${o} as a source, the metadata does not`);
  for (const d of declaredOrigins)
    if (!detectedOrigins.some((o) => key(o) === key(d)))
      disagreements.push(`the metadata names ${d} as a source, the text has no origin line for it`);
  for (const a of detectedAuthors)
    if (!declaredAuthor || key(declaredAuthor) !== key(a))
      disagreements.push(`the text credits ${a}, the metadata ${declaredAuthor ? `credits ${declaredAuthor}` : "credits no author"}`);
  return {
    declared: { origins: declaredOrigins, author: declaredAuthor },
    detected: { origins: detectedOrigins, authors: detectedAuthors },
    disagreements,
  };
}
