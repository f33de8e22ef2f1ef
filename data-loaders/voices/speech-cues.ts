import { createHash } from "node:crypto";
import { z } from "zod";
import { codebookHeader, type CodebookStamp, type EntryTerm } from "../terms/codebook.ts";
import { type CorpusError, schemaErrors } from "../reading/corpus-error.ts";
import { compileTerm } from "../terms/term-pattern.ts";
import { speakerTypeSchema as speakerType } from "../schema/enums.ts";
import type { Language, SpeakerType } from "../schema/record.ts";

const termList = z
  .object({ en: z.array(z.string()).min(1, "needs at least one term"), nl: z.array(z.string()).min(1, "needs at least one term") })
  .strict();
/** A term list that may be empty in a language (a rule with nothing to say there). */
const optionalTermList = z.object({ en: z.array(z.string()), nl: z.array(z.string()) }).strict();
const oneWord = z.string().regex(/^\p{L}+$/u, "must be one word");
const words = z.object({ en: z.array(oneWord), nl: z.array(oneWord) }).strict();
const lowerWords = z
  .object({
    en: z.array(z.string().regex(/^[\p{Ll}-]+$/u, "must be one lower-case word")),
    nl: z.array(z.string().regex(/^[\p{Ll}-]+$/u, "must be one lower-case word")),
  })
  .strict();
const speakers = z
  .object({
    titles: z.object({ government: termList, expert: termList, "other-media": termList }).strict(),
    groups: termList,
    groupModifiers: lowerWords,
    anonymous: termList,
    documents: termList,
    bodies: z.array(z.object({ name: z.string().min(1), type: speakerType, aliases: termList }).strict()),
    grammar: z
      .object({
        personPronouns: lowerWords,
        groupPronouns: lowerWords,
        relativePronouns: lowerWords,
        prepositions: lowerWords,
        agents: lowerWords,
        complementizers: lowerWords,
        auxiliaries: lowerWords,
        passiveMarkers: lowerWords,
        passiveAuxiliaries: lowerWords,
        negations: lowerWords,
        honorifics: lowerWords,
        genericTitles: lowerWords.optional(),
        quantifiers: lowerWords,
        nonFinite: lowerWords,
        determiners: lowerWords,
        functionWords: lowerWords,
        organisationWords: lowerWords,
      })
      .strict(),
  })
  .strict();
const schema = z
  .object({
    ...codebookHeader,
    cues: termList,
    thoughtCues: termList,
    clauseCues: optionalTermList,
    quoteCues: optionalTermList,
    namingCues: optionalTermList,
    objectCues: optionalTermList,
    idioms: optionalTermList,
    sourcePrepositions: termList,
    soCalled: termList,
    authorCredit: words,
    byline: words,
    speakers,
  })
  .strict();

/** A list of compiled terms per language, in the shape the term matcher indexes. */
export interface TermList {
  readonly id: string;
  readonly terms: Readonly<Record<Language, readonly EntryTerm[]>>;
}

/** Lower-case word sets per language. */
export type WordSets = Readonly<Record<Language, ReadonlySet<string>>>;

/** The words that name and type speakers, compiled. Term lists go into the combined term index. */
export interface SpeakerWords {
  /** Titles, one list per speaker type they give ("government", "expert", "other-media"). */
  readonly titles: readonly TermList[];
  readonly groups: TermList;
  readonly groupModifiers: WordSets;
  readonly anonymous: TermList;
  readonly documents: TermList;
  /** Named bodies; each list's id is its index in `bodyNames`. */
  readonly bodies: readonly TermList[];
  readonly bodyNames: ReadonlyArray<{ readonly name: string; readonly type: SpeakerType }>;
  readonly grammar: Readonly<
    Record<
      | "personPronouns"
      | "groupPronouns"
      | "relativePronouns"
      | "prepositions"
      | "agents"
      | "complementizers"
      | "auxiliaries"
      | "passiveMarkers"
      | "passiveAuxiliaries"
      | "negations"
      | "honorifics"
      | "genericTitles"
      | "quantifiers"
      | "nonFinite"
      | "determiners"
      | "functionWords"
      | "organisationWords",
      WordSets
    >
  >;
}

/** Compiled speech cues: reporting verbs and attribution phrases, distancing words ("so-called"), speaker words. */
export interface SpeechCues {
  readonly stamp: CodebookStamp;
  readonly cues: TermList;
  /** Verbs of thought, belief and intention ("believes", "vreest"): attributions of kind "thought". */
  readonly thoughtCues: TermList;
  /** Verbs that report a document's or a study's words only when a clause follows ("polls show that"). */
  readonly clauseCues: TermList;
  /** Cues only next to a quotation ("“…,” he continued"), never reported speech on their own. */
  readonly quoteCues: TermList;
  /** Naming phrases ("referred to as", "known as"): cues for a quoted name, read as passives. */
  readonly namingCues: TermList;
  /** Cues whose next name is their object ("told Reuters"), never their subject. */
  readonly objectCues: TermList;
  /** Phrases in which a cue word is not a cue ("head of state", "het voor het zeggen hebben"). */
  readonly idioms: TermList;
  /** Cues after which the speaker follows ("according to", "volgens", "aldus"). */
  readonly sourcePrepositions: TermList;
  readonly soCalled: TermList;
  /** Verbs that credit an author when they close a sentence with a name, per language (lower case). */
  readonly authorCredit: Readonly<Record<Language, readonly string[]>>;
  /** Byline words that open a line with an author's name ("By", "Door"), per language. */
  readonly byline: Readonly<Record<Language, readonly string[]>>;
  readonly speakers: SpeakerWords;
}

/** Validates and compiles `corpus/codebooks/speech-cues.yaml`; errors name the list, language and item. */
export function compileSpeechCues(
  raw: unknown,
  bytes: Uint8Array,
  file: string,
): { readonly speechCues: SpeechCues | null; readonly errors: readonly CorpusError[] } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { speechCues: null, errors: schemaErrors(parsed.error.issues, file) };
  }
  const data = parsed.data;
  const errors: CorpusError[] = [];
  const compileList = (id: string, field: string, list: WordLists) => compileTermList(id, field, list, file, errors);
  const cues = compileList("cues", "cues", data.cues);
  const thoughtCues = compileList("thought", "thoughtCues", data.thoughtCues);
  const clauseCues = compileList("clause", "clauseCues", data.clauseCues);
  const quoteCues = compileList("quote", "quoteCues", data.quoteCues);
  const namingCues = compileList("naming", "namingCues", data.namingCues);
  const objectCues = compileList("object", "objectCues", data.objectCues);
  const idioms = compileList("idiom", "idioms", data.idioms);
  const sourcePrepositions = compileList("source-prepositions", "sourcePrepositions", data.sourcePrepositions);
  const soCalled = compileList("soCalled", "soCalled", data.soCalled);
  const speakers = compileSpeakerWords(data.speakers, compileList);
  checkSourcePrepositions(cues, data.sourcePrepositions, file, errors);
  if (errors.length) return { speechCues: null, errors };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const lower = (list: WordLists) => ({ en: list.en.map((w) => w.toLowerCase()), nl: list.nl.map((w) => w.toLowerCase()) });
  return {
    speechCues: {
      stamp: { id: data.id, version: data.version, sha256 },
      cues,
      thoughtCues,
      clauseCues,
      quoteCues,
      namingCues,
      objectCues,
      idioms,
      sourcePrepositions,
      soCalled,
      authorCredit: lower(data.authorCredit),
      byline: lower(data.byline),
      speakers,
    },
    errors: [],
  };
}

/** A list of words or terms per language, as the file gives it. */
type WordLists = { en: string[]; nl: string[] };

/**
 * A list's terms compiled per language; a term that does not compile is an error naming its field. Speaker
 * terms with a capital letter match case-sensitively ("CNN", not "cnn").
 */
function compileTermList(id: string, field: string, list: WordLists, file: string, errors: CorpusError[]): TermList {
  const terms: Record<Language, EntryTerm[]> = { en: [], nl: [] };
  for (const language of ["en", "nl"] as const) {
    list[language].forEach((term, i) => {
      try {
        terms[language].push({
          term: compileTerm(term, { caseSensitive: /\p{Lu}/u.test(term) && field.startsWith("speakers") }),
          form: null,
        });
      } catch (error) {
        errors.push({ file, field: `${field}.${language}.${i}`, message: `term ${JSON.stringify(term)} ${(error as Error).message}` });
      }
    });
  }
  return { id, terms };
}

/** The words that name and type speakers: titles, groups, anonymous phrases, documents, named bodies and the grammar's word sets. */
function compileSpeakerWords(
  s: z.infer<typeof schema>["speakers"],
  compileList: (id: string, field: string, list: WordLists) => TermList,
): SpeakerWords {
  const titles = (["government", "expert", "other-media"] as const).map((type) =>
    compileList(type, `speakers.titles.${type}`, s.titles[type]),
  );
  const bodies = s.bodies.map((body, i) => compileList(String(i), `speakers.bodies.${i}.aliases`, body.aliases));
  const sets = (list: WordLists): WordSets => ({ en: new Set(list.en), nl: new Set(list.nl) });
  // genericTitles came with speech cues 3.1.0; an older file has none.
  const lists = { ...s.grammar, genericTitles: s.grammar.genericTitles ?? { en: [], nl: [] } };
  const grammar = Object.fromEntries(Object.entries(lists).map(([key, list]) => [key, sets(list)])) as SpeakerWords["grammar"];
  return {
    titles,
    groups: compileList("group", "speakers.groups", s.groups),
    groupModifiers: sets(s.groupModifiers),
    anonymous: compileList("anonymous", "speakers.anonymous", s.anonymous),
    documents: compileList("document", "speakers.documents", s.documents),
    bodies,
    bodyNames: s.bodies.map(({ name, type }) => ({ name, type })),
    grammar,
  };
}

/** Every source preposition must also be found by a cue, so the quotation finder sees it: else an error. */
function checkSourcePrepositions(cues: TermList, prepositions: WordLists, file: string, errors: CorpusError[]): void {
  const isCue = (language: Language, written: string) =>
    cues.terms[language].some(({ term }) => {
      term.regex.lastIndex = 0;
      return term.regex.exec(written)?.[0].length === written.length;
    });
  for (const language of ["en", "nl"] as const) {
    prepositions[language].forEach((term, i) => {
      if (!isCue(language, term))
        errors.push({
          file,
          field: `sourcePrepositions.${language}.${i}`,
          message: `"${term}" must also be found by a term in cues.${language}`,
        });
    });
  }
}
