/**
 * The second step of findSpeakerMentions (speaker-mentions.ts): resolves the scanner's raw mentions in
 * text order, a surname, pronoun, relative pronoun or bare title to the person or group it refers back
 * to, and settles each person's type.
 */
import { ARTICLES, type RawMention, type SpeakerMention, type Word } from "./mention-types.ts";
import type { SpeechCues } from "./speech-cues.ts";
import type { Language, Span, SpeakerType } from "../schema/record.ts";

/** How many sentences back a pronoun may look for its antecedent. */
export const PRONOUN_REACH = 3;

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
export function resolve(
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
