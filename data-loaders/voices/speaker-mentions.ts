import type { TermMatch } from "../terms/match-terms.ts";
import { MentionScanner, type ScanResources } from "./mention-scanner.ts";
import { WordScanner } from "./word-scanner.ts";
import type { SpeechCues } from "./speech-cues.ts";
import type { Block, Language, Sentence, Span, SpeakerType } from "../schema/record.ts";

/** A word of the body, `[start, end)`, with its sentence. */
export interface Word extends Span {
  readonly text: string;
  readonly lower: string;
  readonly capitalised: boolean;
  readonly sentence: number;
}

/**
 * A place where the text names (or refers back to) someone who could be quoted. `name` and `type` are
 * filled in by resolution: a pronoun or surname takes its antecedent's; null when nothing was found.
 */
export interface SpeakerMention extends Span {
  readonly sentence: number;
  readonly kind: "person" | "body" | "group" | "anonymous" | "document" | "pronoun" | "relative" | "surname" | "phrase";
  readonly name: string | null;
  readonly type: SpeakerType | null;
  /** How the name was reached: written out, from a title alone, or by referring back. */
  readonly resolvedBy: "name" | "title" | "title-reference" | "pronoun" | "relative" | "surname" | "phrase" | null;
  /** True when a preposition stands right before it (or before the phrase it is coordinated with). */
  readonly afterPreposition: boolean;
}

/** Term matches the speaker finder reads, by group of the combined term index. */
export interface SpeakerMatches {
  readonly actor: readonly TermMatch[];
  readonly outlet: readonly TermMatch[];
  readonly title: readonly TermMatch[];
  readonly group: readonly TermMatch[];
  readonly anonymous: readonly TermMatch[];
  readonly document: readonly TermMatch[];
  readonly body: readonly TermMatch[];
  /** Speech cues and verbs of thought: a name followed by one is a subject, not an adjective ("Russia believes"). */
  readonly cue: readonly TermMatch[];
  readonly thought: readonly TermMatch[];
}

const UPPER_FIRST = /^\p{Lu}/u;
/** Articles, skipped before and stripped from the front of speaker phrases. */
export const ARTICLES: ReadonlySet<string> = new Set(["the", "a", "an", "de", "het", "een"]);
/** How many sentences back a pronoun may look for its antecedent. */
export const PRONOUN_REACH = 3;

/**
 * The words of the analysed sentences in `only` (all when omitted), in order, leaving out words inside
 * quotation marks.
 */
export function sentenceWords(
  text: string,
  blocks: readonly Block[],
  sentences: readonly Sentence[],
  quoted: readonly Span[],
  only?: ReadonlySet<number>,
): Word[] {
  const words: Word[] = [];
  const scanner = new WordScanner();
  let q = 0;
  for (const sentence of sentences) {
    const kind = blocks[sentence.block]?.kind;
    if (kind !== "paragraph" && kind !== "heading") continue;
    if (only && !only.has(sentence.index)) continue;
    // WORD's words, read without the expression where the text is ASCII (word-scanner.ts).
    for (let from = sentence.start; scanner.next(text, from, sentence.end); from = scanner.end) {
      const start = scanner.start;
      while (q < quoted.length && quoted[q]!.end <= start) q++;
      if (q < quoted.length && quoted[q]!.start <= start) continue;
      // A word never ends in a stop: WORD takes one only between letters ("U.S" of "U.S.").
      const value = text.slice(start, scanner.end);
      const code = value.charCodeAt(0);
      words.push({
        start,
        end: start + value.length,
        text: value,
        lower: value.toLowerCase(),
        capitalised: code < 128 ? code >= 65 && code <= 90 : UPPER_FIRST.test(value),
        sentence: sentence.index,
      });
    }
  }
  return words;
}

/**
 * Finds every speaker mention in the analysed sentences and resolves it to a canonical name and a type:
 * - titled people ("minister van Buitenlandse Zaken Sergey Lavrov", "onderzoeker Damjan Krnjevic-Miskovic")
 *   and people with a title in apposition ("Danila Krylov, onderzoeker bij …"), typed by the title;
 * - a title with no name ("the CNN correspondent"): the outlet it names, or the title itself;
 * - leaders of the actor gazetteer under any alias (Poetin → Vladimir Putin), typed government;
 * - named bodies with one name across languages (ministerie van Buitenlandse Zaken → Ministry of Foreign
 *   Affairs, with the nationality before it), countries and blocs (Peking → China), outlets (typed by kind);
 * - unnamed groups ("Chinese analisten"), anonymous sources ("een kennis"), documents ("Artikel 4 van het
 *   verdrag", "douanecijfers");
 * - other names: two to four capitalised words that are not an organisation or place (typed "other");
 * - back-references: a surname of a person named earlier, he/she/hij/zij (the last person named within
 *   three sentences), they (the last group or body), and a relative pronoun right after a name ("…, die").
 * A person's type is the first one any of their mentions gives. Mentions inside quotation marks are left
 * out: a quoted speaker speaks, the people they name do not.
 */
export function findSpeakerMentions(
  text: string,
  language: Language,
  words: readonly Word[],
  matches: SpeakerMatches,
  resources: ScanResources,
): SpeakerMention[] {
  const raw = new MentionScanner(text, language, words, matches, resources).scan();
  const wordIndexAt = new Map(words.map((w, i) => [w.start, i]));
  return resolve(text, language, words, wordIndexAt, keepLongest(raw), resources.speechCues);
}

/** Relative pronouns that only refer to people ("who"): one may refer back over an apposition. Dutch "die" refers to anything. */
const PERSON_RELATIVES: Readonly<Record<Language, ReadonlySet<string>>> = { en: new Set(["who"]), nl: new Set() };
/** Relative pronouns that never refer to a person ("which"). */
const NOT_PERSON_RELATIVES: Readonly<Record<Language, ReadonlySet<string>>> = { en: new Set(["which"]), nl: new Set() };
/** What lies between a person and "who" across one apposition: a comma, a phrase with no clause punctuation or quotation mark, a comma. */
const APPOSITION_GAP = /^\s*,[^,;:.!?"“”()]{1,80},\s*$/u;

/** How many mentions a pronoun looks back over at most (within PRONOUN_REACH sentences): a bound for long sentences. */
const ANTECEDENT_REACH = 100;
/** How many people named before it a bare title looks back over (a bound, so the look is constant time). */
const TITLE_REACH = 200;

/** A mention as the finder makes it: with the title and country the text gives a person, for later references. */
export type RawMention = Omit<SpeakerMention, "afterPreposition"> & {
  /** The title the text gives the person ("president", "minister van buitenlandse zaken"), lower-cased. */
  readonly title?: string | null;
  /** The person's country, from a nationality before the title or the gazetteer (an actor id). */
  readonly nation?: string | null;
};

function withoutTitle({ title: _title, nation: _nation, ...mention }: RawMention): Omit<SpeakerMention, "afterPreposition"> {
  return mention;
}

/**
 * The person a bare title refers back to (the rule "title-reference"): the last person named before it
 * with the same title ("Russian President Vladimir Putin" … "the president"), or, for a title any head of
 * government holds ("the Russian leader", "de Chinese leider"), the last government person of the same
 * country. When either gives a country, the countries must agree. Null when no one fits: the title stays
 * its own speaker.
 * @example "Russian President Vladimir Putin met Xi. The president said …" // "the president" → Vladimir Putin
 */
function titleAntecedent(m: RawMention, named: readonly RawMention[], generic: ReadonlySet<string>): RawMention | null {
  const word = m.title!.split(" ").pop()!;
  for (let k = named.length - 1; k >= 0 && k >= named.length - TITLE_REACH; k--) {
    const p = named[k]!;
    if (p.end > m.start) continue;
    const sameNation = !m.nation || !p.nation || m.nation === p.nation;
    if (p.title === m.title && sameNation) return p;
    if (generic.has(word) && m.nation && p.nation === m.nation && p.type === "government") return p;
  }
  return null;
}

/** Of overlapping mentions, keeps the longest (the first found on a tie). */
function keepLongest<T extends Span>(mentions: readonly T[]): T[] {
  const order = mentions.map((m, i) => ({ m, i })).sort((a, b) => b.m.end - b.m.start - (a.m.end - a.m.start) || a.i - b.i);
  // Characters already covered by a longer mention (a mask, so the check costs the mention's length, not
  // the number of mentions kept).
  const covered = new Uint8Array(mentions.reduce((max, m) => Math.max(max, m.end), 0));
  const kept: T[] = [];
  for (const { m } of order) {
    if (covered.subarray(m.start, m.end).includes(1)) continue;
    covered.fill(1, m.start, m.end);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** The surname keys of a full name: its last word, and each part of a double-barrelled one ("Krnjevic-Miskovic"). */
function surnameKeys(name: string): string[] {
  const parts = name.split(/\s+/);
  const last = parts[parts.length - 1]!;
  return parts.length > 1
    ? [
        last.toLowerCase(),
        ...last
          .split("-")
          .slice(1)
          .map((p) => p.toLowerCase()),
      ]
    : [];
}

/**
 * Resolves back-references in text order and settles each person's type: surnames to the last person
 * whose full name ends with them (dropped when there is none: a lone capitalised word is not a name),
 * pronouns to the last person (or group) within reach, relative pronouns to the mention before the comma.
 */
function resolve(
  text: string,
  language: Language,
  words: readonly Word[],
  wordIndexAt: ReadonlyMap<number, number>,
  mentions: readonly RawMention[],
  cues: SpeechCues,
): SpeakerMention[] {
  const resolver = new MentionResolver(text, language, words, wordIndexAt, mentions, cues);
  for (const m of mentions) resolver.add(m);
  return resolver.resolved;
}

/** The state of resolve as it goes through the mentions in text order: who was named so far, and how. */
class MentionResolver {
  readonly resolved: SpeakerMention[] = [];
  private readonly grammar: SpeechCues["speakers"]["grammar"];
  /** Each person's type: the first one any of their mentions gives. */
  private readonly typeOf = new Map<string, SpeakerType>();
  // The last person named whose full name ends with each surname key; and, for names written surname
  // first ("Han Zheng" … "Han said"), whose name starts with it (tried second).
  private readonly lastPersonWithSurname = new Map<string, string>();
  private readonly lastPersonWithFirstName = new Map<string, string>();
  /** The people named so far, with the title and country the text gives them, for "the president" later. */
  private readonly named: RawMention[] = [];
  /** Every tail of two words or more of a full name, for a surname of several words later. */
  private readonly byNameTail = new Map<string, RawMention>();

  constructor(
    private readonly text: string,
    private readonly language: Language,
    private readonly words: readonly Word[],
    private readonly wordIndexAt: ReadonlyMap<number, number>,
    mentions: readonly RawMention[],
    cues: SpeechCues,
  ) {
    this.grammar = cues.speakers.grammar;
    for (const m of mentions) {
      if (m.kind !== "person" || !m.name || !m.type) continue;
      if (!this.typeOf.has(m.name) || this.typeOf.get(m.name) === "other") this.typeOf.set(m.name, m.type);
    }
  }

  /** Resolves the next mention in text order and keeps it (a surname or relative pronoun that resolves to no one is dropped). */
  add(m: RawMention): void {
    const out = this.resolve(m);
    if (out) this.resolved.push({ ...out, afterPreposition: this.afterPreposition(out) });
  }

  private resolve(m: RawMention): Omit<SpeakerMention, "afterPreposition"> | null {
    const out = withoutTitle(m);
    if (m.kind === "person" && m.resolvedBy === "title" && m.title) {
      const person = titleAntecedent(m, this.named, this.grammar.genericTitles[this.language]);
      return person
        ? { ...out, name: person.name, type: this.typeOf.get(person.name!) ?? person.type, resolvedBy: "title-reference" }
        : out;
    }
    if (m.kind === "person" && m.name && m.resolvedBy === "name" && this.byNameTail.has(m.name.toLowerCase())) {
      // A surname of several words with its particles ("Messe a Tiati" after "Xavier Messe a Tiati").
      const full = this.byNameTail.get(m.name.toLowerCase())!;
      return { ...out, name: full.name, type: this.typeOf.get(full.name!) ?? full.type, resolvedBy: "surname" };
    }
    if (m.kind === "person" && m.name) return { ...out, type: this.person(m, m.name) };
    if (m.kind === "surname") return this.surname(m);
    if (m.kind === "pronoun") return this.pronoun(m);
    if (m.kind === "relative") {
      const antecedent = this.relativeAntecedent(m);
      return antecedent?.name ? { ...m, name: antecedent.name, type: antecedent.type, resolvedBy: "relative" } : null;
    }
    return out;
  }

  /**
   * What a relative pronoun refers to: the mention right before its comma ("Tom Smith, who"), except a
   * person for a pronoun that never means one ("which"); or, for a pronoun that only means people
   * ("who"), the person before an apposition of one clause ("Maren Holt, a senior analyst at a bank,
   * who"), when no mention stands right before the comma.
   */
  private relativeAntecedent(m: RawMention): SpeakerMention | null {
    const antecedent = this.resolved.findLast((p) => p.end <= m.start);
    if (!antecedent || antecedent.sentence !== m.sentence) return null;
    const lower = this.text.slice(m.start, m.end).toLowerCase();
    const person = antecedent.kind === "person" || antecedent.kind === "surname" || antecedent.kind === "pronoun";
    const gap = this.text.slice(antecedent.end, m.start);
    if (/^\s*,\s*$/u.test(gap)) return person && NOT_PERSON_RELATIVES[this.language].has(lower) ? null : antecedent;
    const overApposition = PERSON_RELATIVES[this.language].has(lower) && APPOSITION_GAP.test(gap);
    return overApposition && (antecedent.kind === "person" || antecedent.kind === "surname") ? antecedent : null;
  }

  /** Notes a person named (for titles, surnames and first names later) and returns their type. */
  private person(m: RawMention, name: string): SpeakerType | null {
    if (m.resolvedBy === "name") {
      this.named.push(m);
      const parts = name.toLowerCase().split(/\s+/u);
      for (let k = 1; k <= parts.length - 2; k++) this.byNameTail.set(parts.slice(k).join(" "), m);
    }
    for (const key of surnameKeys(name)) this.lastPersonWithSurname.set(key, name);
    const parts = name.split(/\s+/u);
    if (parts.length > 1) this.lastPersonWithFirstName.set(parts[0]!.toLowerCase(), name);
    return this.typeOf.get(name) ?? m.type;
  }

  /** A surname: the last person with it; after an honorific or before a cue, the surname itself ("Mr. Hedge": "Hedge"). */
  private surname(m: RawMention): Omit<SpeakerMention, "afterPreposition"> | null {
    const key = (m.name ?? this.text.slice(m.start, m.end)).toLowerCase().replace(/['’]s$/, "");
    const person = this.lastPersonWithSurname.get(key) ?? this.lastPersonWithFirstName.get(key);
    if (person) return { ...m, name: person, type: this.typeOf.get(person) ?? "other", resolvedBy: "surname" };
    if (!m.name) return null;
    this.lastPersonWithSurname.set(key, m.name);
    return { ...m, kind: "person", type: "other", resolvedBy: "name" };
  }

  /** A pronoun: the last person (or group, for "they") back through the mentions, no further than PRONOUN_REACH sentences. */
  private pronoun(m: RawMention): Omit<SpeakerMention, "afterPreposition"> {
    const lower = this.text.slice(m.start, m.end).toLowerCase();
    const personal = this.grammar.personPronouns[this.language].has(lower);
    const group = this.grammar.groupPronouns[this.language].has(lower);
    const { resolved } = this;
    let antecedent: SpeakerMention | undefined;
    for (
      let k = resolved.length - 1;
      k >= 0 && k >= resolved.length - ANTECEDENT_REACH && m.sentence - resolved[k]!.sentence <= PRONOUN_REACH;
      k--
    ) {
      const p = resolved[k]!;
      const fits =
        (personal && (p.kind === "person" || p.kind === "surname" || (p.kind === "pronoun" && p.type !== "unnamed-group"))) ||
        (group && (p.kind === "group" || p.kind === "body"));
      if (p.end <= m.start && p.name !== null && fits) {
        antecedent = p;
        break;
      }
    }
    return { ...m, name: antecedent?.name ?? null, type: antecedent?.type ?? null, resolvedBy: antecedent ? "pronoun" : null };
  }

  /** Whether a preposition stands right before the mention, over up to two adjectives, or before the phrase it is coordinated with. */
  private afterPreposition(m: Span): boolean {
    const { text, words, grammar, language } = this;
    let i = (this.wordIndexAt.get(m.start) ?? 0) - 1;
    while (i >= 0 && ARTICLES.has(words[i]!.lower)) i--;
    const before = words[i];
    if (!before || before.sentence !== words[this.wordIndexAt.get(m.start)!]!.sentence) return false;
    if (!/^[\s\p{L}]+$/u.test(text.slice(before.end, m.start))) return false;
    if (grammar.prepositions[language].has(before.lower)) return true;
    // Only words joined by spaces make a phrase: in "At one point, she said" "she" is not after "at". (Made
    // after the early answers: tsx names every closure it creates, which costs more than the tests above.)
    const joined = (k: number, to: number) => /^\s+$/u.test(text.slice(words[k]!.end, to));
    // Over up to two adjectives: "in northeastern China".
    for (
      let k = i, n = 0;
      k > 0 &&
      n < 2 &&
      joined(k - 1, words[k]!.start) &&
      /^\p{Ll}+$/u.test(words[k]!.text) &&
      !grammar.functionWords[language].has(words[k]!.lower) &&
      !grammar.auxiliaries[language].has(words[k]!.lower);
      k--, n++
    ) {
      const prev = words[k - 1];
      if (prev && prev.sentence === before.sentence && grammar.prepositions[language].has(prev.lower)) return true;
    }
    // Coordinated with a prepositional object: "tussen Rusland en de DVK".
    if (before.lower === "and" || before.lower === "en" || before.lower === "or" || before.lower === "of") {
      const conjunct = this.resolved.findLast((p) => p.end <= before.start);
      return !!conjunct && conjunct.afterPreposition && before.start - conjunct.end < 3;
    }
    return false;
  }
}
