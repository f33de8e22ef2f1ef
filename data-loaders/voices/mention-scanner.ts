/**
 * The passes that find speaker mentions in an article's words (speaker-mentions.ts findSpeakerMentions
 * resolves what they find): titled people, bodies, groups, anonymous sources, documents, gazetteer actors
 * and outlets, other names, and pronouns. Each pass is a method of one scanner, which holds what they share:
 * the text, its words and term matches, and the look-ups made from them once.
 */
import type { Actor, Gazetteer } from "../terms/gazetteer.ts";
import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import type { TermMatch } from "../terms/match-terms.ts";
import type { Outlet, OutletGazetteer } from "./outlets.ts";
import type { SpeechCues } from "./speech-cues.ts";
import type { Language, SpeakerType } from "../schema/record.ts";
import { ARTICLES, type RawMention, type SpeakerMatches, type Word } from "./speaker-mentions.ts";

/** Lower-case words inside a name ("Ursula von der Leyen", "Luiz Inácio Lula da Silva", "Thomas a Kempis"). */
const NAME_PARTICLES: ReadonlySet<string> = new Set(
  ["van", "von", "de", "der", "den", "bin", "ibn", "al", "el", "la", "le", "ten", "ter"].concat([
    "da",
    "di",
    "du",
    "del",
    "della",
    "dos",
    "das",
    "do",
    "a",
  ]),
);
/** Words a department after a title may hold besides capitalised ones ("minister van Buitenlandse Zaken"). */
const DEPARTMENT_WORDS: ReadonlySet<string> = new Set(["voor", "van", "of", "for", "de", "the", "and", "en"]);

/** The resources the scanner reads. */
export interface ScanResources {
  readonly speechCues: SpeechCues;
  readonly gazetteer: Gazetteer;
  readonly outlets: OutletGazetteer;
}

/**
 * The first match of `list` (sorted by start) lying within [start, end) and passing `test`: a binary search
 * to `start`, then a scan of the matches that start before `end` (so finding costs the span's matches, not
 * the article's).
 */
function firstWithin(list: readonly TermMatch[], start: number, end: number, test: (m: TermMatch) => boolean = () => true) {
  for (let i = lastStartingAtOrBefore(list, start - 1) + 1; i < list.length && list[i]!.start < end; i++) {
    const m = list[i]!;
    if (m.end <= end && test(m)) return m;
  }
  return undefined;
}

/** The first match of `list` (sorted by start) starting in [from, to) and passing `test`. */
function firstStartingIn(list: readonly TermMatch[], from: number, to: number, test: (m: TermMatch) => boolean) {
  for (let i = lastStartingAtOrBefore(list, from - 1) + 1; i < list.length && list[i]!.start < to; i++) if (test(list[i]!)) return list[i];
  return undefined;
}

/** For each word, the match that covers it, if any (matches sorted by start). */
function matchOfWord(words: readonly Word[], matches: readonly TermMatch[]): Array<TermMatch | undefined> {
  const out: Array<TermMatch | undefined> = new Array(words.length);
  let w = 0;
  for (const m of matches) {
    while (w < words.length && words[w]!.start < m.start) w++;
    for (let i = w; i < words.length && words[i]!.end <= m.end; i++) out[i] = m;
  }
  return out;
}

/** A phrase without its leading article ("the CNN correspondent" → "CNN correspondent"). */
function stripArticle(s: string): string {
  const space = s.indexOf(" ");
  return space > 0 && ARTICLES.has(s.slice(0, space).toLowerCase()) ? s.slice(space + 1) : s;
}

/** A span of text as a name: its runs of white space made one space. */
function spaced(s: string): string {
  return s.replace(/\s+/g, " ");
}

/** A title as a mention records it: lower case, single spaces. */
function titleText(text: string, title: TermMatch): string {
  return text.slice(title.start, title.end).toLowerCase().replace(/\s+/gu, " ");
}

/** Finds the raw mentions of one article's words (see findSpeakerMentions); `scan` runs every pass. */
export class MentionScanner {
  private readonly grammar: SpeechCues["speakers"]["grammar"];
  private readonly fn: ReadonlySet<string>;
  private readonly org: ReadonlySet<string>;
  private readonly wordIndexAt: ReadonlyMap<number, number>;
  private readonly actors: ReadonlyMap<string, Actor>;
  private readonly outlets: ReadonlyMap<string, Outlet>;
  private readonly proper = new Map<TermMatch, boolean>();
  private readonly pronoun: ReadonlySet<string>;
  private readonly cueStarts: ReadonlySet<number>;
  private readonly actorOfWord: Array<TermMatch | undefined>;
  private readonly outletOfWord: Array<TermMatch | undefined>;
  private readonly titleOfWord: Array<TermMatch | undefined>;
  private readonly titleStarting: ReadonlyMap<number, TermMatch>;
  private readonly raw: RawMention[] = [];

  constructor(
    private readonly text: string,
    private readonly language: Language,
    private readonly words: readonly Word[],
    private readonly matches: SpeakerMatches,
    private readonly resources: ScanResources,
  ) {
    this.grammar = resources.speechCues.speakers.grammar;
    this.fn = this.grammar.functionWords[language];
    this.org = this.grammar.organisationWords[language];
    // Filled in a loop: no [start, index] pair is made per word.
    const wordIndexAt = new Map<number, number>();
    for (let i = 0; i < words.length; i++) wordIndexAt.set(words[i]!.start, i);
    this.wordIndexAt = wordIndexAt;
    this.actors = new Map(resources.gazetteer.actors.map((a) => [a.id, a]));
    this.outlets = new Map(resources.outlets.outlets.map((o) => [o.id, o]));
    const g = this.grammar;
    this.pronoun = new Set([...g.personPronouns[language], ...g.groupPronouns[language], ...g.relativePronouns[language]]);
    this.cueStarts = new Set([...matches.cue, ...matches.thought].map((m) => m.start));
    this.actorOfWord = matchOfWord(words, matches.actor);
    this.outletOfWord = matchOfWord(words, matches.outlet);
    this.titleOfWord = matchOfWord(words, matches.title);
    this.titleStarting = new Map(matches.title.map((m) => [m.start, m]));
  }

  /** Every pass, in order: the raw mentions found (overlapping ones included). */
  scan(): RawMention[] {
    for (const title of this.matches.title) this.titled(title);
    for (const m of this.matches.body) this.body(m);
    for (const m of this.matches.group) this.group(m);
    for (const m of this.matches.anonymous) this.anonymous(m);
    for (const m of this.matches.document) this.document(m);
    for (const m of this.matches.actor) this.actor(m);
    for (const m of this.matches.outlet) this.outlet(m);
    this.names();
    this.pronouns();
    return this.raw;
  }

  // Word tests shared by the passes.

  /** An actor alias used as a proper name ("Peking", "the Americans"), not as an adjective ("Russische"). */
  private properActor(m: TermMatch): boolean {
    let value = this.proper.get(m);
    if (value === undefined) {
      value = this.actors.get(m.entry)!.terms[this.language].some(({ term }) => {
        if (!term.caseSensitive) return false;
        term.regex.lastIndex = m.start;
        const found = term.regex.exec(this.text);
        return !!found && m.start + found[0].length === m.end;
      });
      this.proper.set(m, value);
    }
    return value;
  }

  private isNameWord(i: number): boolean {
    const w = this.words[i];
    if (!w || !w.capitalised || this.fn.has(w.lower) || this.org.has(w.lower) || this.pronoun.has(w.lower) || this.titleOfWord[i])
      return false;
    const actor = this.actorOfWord[i];
    return !actor || this.properActor(actor);
  }

  private sameSentence(i: number, j: number): boolean {
    return this.words[i]?.sentence === this.words[j]?.sentence;
  }

  /** Words i and i + 1 are joined only by spaces (no punctuation between them), in one sentence. */
  private adjacent(i: number): boolean {
    const w = this.words[i]!;
    return /^[\s\u00A0]+$/u.test(this.text.slice(w.end, this.words[i + 1]?.start ?? w.end)) && this.sameSentence(i, i + 1);
  }

  private isParticle(k: number): boolean {
    return k < this.words.length && NAME_PARTICLES.has(this.words[k]!.lower);
  }

  /** A name run from word i: capitalised words and particles between them, at most four name words. */
  private nameRun(i: number): number {
    let j = i;
    let names = 0;
    while (j < this.words.length && names < 4) {
      if (this.isNameWord(j)) names++;
      else if (!(names > 0 && this.isParticle(j) && (this.isNameWord(j + 1) || (this.isParticle(j + 1) && this.isNameWord(j + 2))))) break;
      if (!this.adjacent(j)) return j + 1;
      j++;
    }
    return j;
  }

  private phrase(i: number, j: number): string {
    return spaced(this.text.slice(this.words[i]!.start, this.words[j - 1]!.end));
  }

  /** Every mention names someone and covers at least one character ("report" in "report.pdf" does not). */
  private add(m: RawMention): void {
    if (m.end > m.start && m.name?.trim() !== "") this.raw.push(m);
  }

  /** The country of a nationality adjective or name in [start, end) ("Russian", "Chinese"), as an actor id. */
  private nationIn(start: number, end: number): string | null {
    return firstWithin(this.matches.actor, start, end, (a) => this.actors.get(a.entry)!.kind !== "leader")?.entry ?? null;
  }

  /** A leader of the gazetteer named in [start, end), for the country they lead. */
  private leaderIn(start: number, end: number): Actor | null {
    const m = firstWithin(this.matches.actor, start, end, (a) => this.actors.get(a.entry)!.kind === "leader");
    return m ? this.actors.get(m.entry)! : null;
  }

  private wordAt(offset: number): number {
    return this.wordIndexAt.get(offset) ?? -1;
  }

  /** The index of the first word after a match starting at word i. */
  private wordAfter(i: number, m: TermMatch): number {
    let j = i;
    while (j < this.words.length && this.words[j]!.end <= m.end) j++;
    return j;
  }

  /** Extends a phrase start back over nationality adjectives, capitalised words and outlets (up to 3). */
  private extendLeft(i: number, allowCapitalised: boolean): number {
    let k = i;
    while (k > 0 && i - k < 3 && this.sameSentence(k - 1, i) && this.adjacent(k - 1)) {
      const prev = this.words[k - 1]!;
      if (this.actorOfWord[k - 1] || this.outletOfWord[k - 1] || (allowCapitalised && prev.capitalised && !this.fn.has(prev.lower))) k--;
      else break;
    }
    return k;
  }

  // Titles: "president Poetin", "minister van Financiën Anton Siluanov", "the CNN correspondent".

  private titled(title: TermMatch): void {
    const i = this.wordAt(title.start);
    if (i < 0) return;
    const { nameStart, nameEnd, j } = this.nameAfterTitle(i, this.wordAfter(i, title));
    if (nameStart >= 0) this.titledPerson(title, i, nameStart, nameEnd);
    else this.bareTitle(title, i, j);
  }

  /**
   * The name after a title ending before word j: right after it, or after a department ("van Buitenlandse
   * Zaken", "van de SVR") and a comma, or the last two capitalised words of the department's run. No name:
   * -1, and j past the department.
   */
  private nameAfterTitle(i: number, j: number): { nameStart: number; nameEnd: number; j: number } {
    const { words, text } = this;
    if (j >= words.length || !this.sameSentence(i, j)) return { nameStart: -1, nameEnd: -1, j };
    if (this.isNameWord(j) && /^[\s\u00A0]+$/u.test(text.slice(words[j - 1]!.end, words[j]!.start)))
      return { nameStart: j, nameEnd: this.nameRun(j), j };
    if (words[j]!.lower !== "van" && words[j]!.lower !== "of") return { nameStart: -1, nameEnd: -1, j };
    let k = j + 1;
    if (k < words.length && ARTICLES.has(words[k]!.lower)) k++;
    let end = k;
    while (
      end < words.length &&
      this.sameSentence(i, end) &&
      end - k < 8 &&
      (words[end]!.capitalised || DEPARTMENT_WORDS.has(words[end]!.lower))
    ) {
      end++;
      if (/,/.test(text.slice(words[end - 1]!.end, words[end]?.start ?? words[end - 1]!.end))) break;
    }
    const commaAfter = end < words.length && /,/.test(text.slice(words[end - 1]!.end, words[end]!.start));
    if (commaAfter && this.isNameWord(end)) return { nameStart: end, nameEnd: this.nameRun(end), j };
    if (end - k >= 3 && this.isNameWord(end - 1) && this.isNameWord(end - 2)) return { nameStart: end - 2, nameEnd: end, j };
    return { nameStart: -1, nameEnd: -1, j: end };
  }

  /** A titled person: the name, a leader of the gazetteer it names, and the nationality before the title. */
  private titledPerson(title: TermMatch, i: number, nameStart: number, nameEnd: number): void {
    const { words } = this;
    const start = words[this.extendLeft(i, true)]!.start;
    const leader = this.leaderIn(words[nameStart]!.start, words[nameEnd - 1]!.end);
    this.add({
      start,
      end: words[nameEnd - 1]!.end,
      sentence: words[i]!.sentence,
      kind: "person",
      name: leader?.label ?? this.phrase(nameStart, nameEnd),
      type: title.entry as SpeakerType,
      resolvedBy: "name",
      title: titleText(this.text, title),
      nation: this.nationIn(start, title.start) ?? leader?.country ?? null,
    });
  }

  /**
   * A title with no name: the outlet it names ("the CNN correspondent"), or the title itself; a title in
   * apposition after a name ("Danila Krylov, onderzoeker bij …") is part of that name's mention instead.
   */
  private bareTitle(title: TermMatch, i: number, j: number): void {
    const { words } = this;
    const phraseStart = this.extendLeft(i, false);
    if (this.inApposition(i, phraseStart)) return;
    const start = words[phraseStart]!.start;
    const sentence = words[i]!.sentence;
    const outlet = firstWithin(this.matches.outlet, start, title.start);
    if (outlet) {
      const o = this.outlets.get(outlet.entry)!;
      this.add({ start, end: title.end, sentence, kind: "person", name: o.name, type: o.kind, resolvedBy: "title" });
      return;
    }
    this.add({
      start,
      end: words[Math.max(j, i + 1) - 1]!.end,
      sentence,
      kind: "person",
      name: stripArticle(this.phrase(phraseStart, Math.max(j, i + 1))),
      type: title.entry as SpeakerType,
      resolvedBy: "title",
      title: titleText(this.text, title),
      nation: this.nationIn(words[phraseStart]!.start, title.start),
    });
  }

  /** Whether a title phrase from word `phraseStart` follows a name and a comma, over up to two modifiers and an article. */
  private inApposition(i: number, phraseStart: number): boolean {
    const { words, fn } = this;
    let b = phraseStart - 1;
    // "Hogan Gidley, a former director of …".
    for (let n = 0; n < 2 && b >= 0 && /^\p{Ll}+$/u.test(words[b]!.text) && !ARTICLES.has(words[b]!.lower) && !fn.has(words[b]!.lower); n++)
      b--;
    if (b >= 0 && ARTICLES.has(words[b]!.lower)) b--;
    return (
      b >= 0 && this.sameSentence(b, i) && this.isNameWord(b) && /^\s*,\s*$/u.test(this.text.slice(words[b]!.end, words[b + 1]!.start))
    );
  }

  // Bodies, groups, anonymous sources and documents, from the speech cues' lists.

  /** A named body, with the nationality before it ("Russian Ministry of Foreign Affairs"). */
  private body(m: TermMatch): void {
    const i = this.wordAt(m.start);
    if (i < 0) return;
    const body = this.resources.speechCues.speakers.bodyNames[Number(m.entry)]!;
    const k = this.extendLeft(i, false);
    const nationality = k < i ? firstWithin(this.matches.actor, this.words[k]!.start, m.start) : undefined;
    const name = nationality ? `${body.name} (${this.actors.get(nationality.entry)!.label})` : body.name;
    this.add({
      start: this.words[k]!.start,
      end: m.end,
      sentence: this.words[i]!.sentence,
      kind: "body",
      name,
      type: body.type,
      resolvedBy: "name",
    });
  }

  /** An unnamed group, with up to two modifiers or nationalities before it ("Chinese analisten"). */
  private group(m: TermMatch): void {
    const { words } = this;
    const i = this.wordAt(m.start);
    if (i < 0) return;
    const modifiers = this.resources.speechCues.speakers.groupModifiers[this.language];
    let k = i;
    while (
      k > 0 &&
      i - k < 2 &&
      this.sameSentence(k - 1, i) &&
      this.adjacent(k - 1) &&
      (modifiers.has(words[k - 1]!.lower) || !!this.actorOfWord[k - 1])
    )
      k--;
    const name = spaced(this.text.slice(words[k]!.start, m.end));
    this.add({
      start: words[k]!.start,
      end: m.end,
      sentence: words[i]!.sentence,
      kind: "group",
      name,
      type: "unnamed-group",
      resolvedBy: "name",
    });
  }

  private anonymous(m: TermMatch): void {
    const i = this.wordAt(m.start);
    if (i < 0) return;
    const name = spaced(this.text.slice(m.start, m.end).toLowerCase());
    this.add({
      start: m.start,
      end: m.end,
      sentence: this.words[i]!.sentence,
      kind: "anonymous",
      name,
      type: "anonymous",
      resolvedBy: "name",
    });
  }

  /**
   * A document, with modifiers before ("douane statistieken", "strategisch partnerschapsverdrag"), a number
   * after ("Artikel 4"), and what it belongs to ("Artikel 4 van het … verdrag").
   */
  private document(m: TermMatch): void {
    const { words, grammar, language } = this;
    const i = this.wordAt(m.start);
    if (i < 0) return;
    let k = i;
    const modifier = (w: Word) =>
      !w.capitalised &&
      !this.fn.has(w.lower) &&
      !grammar.prepositions[language].has(w.lower) &&
      !grammar.auxiliaries[language].has(w.lower);
    while (k > 0 && i - k < 2 && this.sameSentence(k - 1, i) && this.adjacent(k - 1) && modifier(words[k - 1]!)) k--;
    let j = this.wordAfter(i + 1, m);
    if (j < words.length && this.sameSentence(i, j) && /^\d+$/.test(words[j]!.text)) j++;
    const ofPhrase =
      j < words.length && (words[j]!.lower === "van" || words[j]!.lower === "of")
        ? firstStartingIn(
            this.matches.document,
            words[j]!.start + 1,
            words[j]!.end + 30,
            (d) => this.wordAt(d.start) > 0 && this.sameSentence(i, this.wordAt(d.start)),
          )
        : undefined;
    const end = ofPhrase ? ofPhrase.end : words[j - 1]!.end;
    const name = stripArticle(spaced(this.text.slice(words[k]!.start, end)));
    this.add({ start: words[k]!.start, end, sentence: words[i]!.sentence, kind: "document", name, type: "document", resolvedBy: "name" });
  }

  // The gazetteers: actors used as names, and outlets.

  /**
   * A gazetteer actor used as a proper name, unless a country's name is used as an adjective ("Chinese
   * military aid": a lower-case word follows that is not a verb we know; people's names are not adjectives).
   */
  private actor(m: TermMatch): void {
    const { words, grammar, language } = this;
    const i = this.wordAt(m.start);
    if (i < 0 || !this.properActor(m)) return;
    const actor = this.actors.get(m.entry)!;
    const j = this.wordAfter(i, m);
    const next = words[j];
    const adjective =
      !!next &&
      this.adjacent(j - 1) &&
      /^\p{Ll}/u.test(next.text) &&
      !this.cueStarts.has(next.start) &&
      !this.fn.has(next.lower) &&
      !grammar.auxiliaries[language].has(next.lower) &&
      !grammar.prepositions[language].has(next.lower);
    if (adjective && actor.kind !== "leader") return;
    this.add({
      start: m.start,
      end: m.end,
      sentence: words[i]!.sentence,
      kind: actor.kind === "leader" ? "person" : "body",
      name: actor.label,
      type: "government",
      resolvedBy: "name",
      nation: actor.country,
    });
  }

  private outlet(m: TermMatch): void {
    const i = this.wordAt(m.start);
    if (i < 0) return;
    const o = this.outlets.get(m.entry)!;
    this.add({
      start: m.start,
      end: m.end,
      sentence: this.words[i]!.sentence,
      kind: "body",
      name: o.name,
      type: o.kind,
      resolvedBy: "name",
    });
  }

  // Other names and pronouns, word by word.

  /**
   * Other names: runs of two or more capitalised words that are not an organisation's ("Instituut voor
   * Wetenschappelijke Informatie": a run right after a preposition that follows a capitalised word), and
   * lone surnames.
   */
  private names(): void {
    const { words } = this;
    const actorStarting = new Set(this.matches.actor.map((m) => m.start));
    const outletStarting = new Set(this.matches.outlet.map((m) => m.start));
    for (let i = 0; i < words.length; i++) {
      if (!this.isNameWord(i) || actorStarting.has(words[i]!.start) || outletStarting.has(words[i]!.start)) continue;
      const j = this.nameRun(i);
      const names = words.slice(i, j).filter((w) => w.capitalised).length;
      if (names >= 2 && !this.insideOrganisation(i, j) && !(i > 0 && this.isNameWord(i - 1) && this.adjacent(i - 1))) {
        this.fullName(i, j);
        i = j - 1;
      } else if (names === 1 && j === i + 1) this.loneName(i);
    }
  }

  /** Whether a name run [i, j) belongs to an organisation: after "capitalised word + preposition", or before an organisation word. */
  private insideOrganisation(i: number, j: number): boolean {
    const { words, grammar, language } = this;
    const prev = words[i - 1];
    const afterPreposition =
      !!prev &&
      this.sameSentence(i - 1, i) &&
      !prev.capitalised &&
      grammar.prepositions[language].has(prev.lower) &&
      !!words[i - 2]?.capitalised &&
      this.sameSentence(i - 2, i);
    return afterPreposition || (j < words.length && this.sameSentence(i, j) && this.org.has(words[j]!.lower) && this.adjacent(j - 1));
  }

  /** A full name, typed by a title in apposition ("Danila Krylov, onderzoeker bij …"), or a leader of the gazetteer. */
  private fullName(i: number, j: number): void {
    const { words, text } = this;
    const after = text.slice(words[j - 1]!.end, words[j - 1]!.end + 12);
    const appositive = /^\s*,\s*(?:(?:de|het|een|the|a|an)\s+)?/iu.exec(after);
    const nextTitle = appositive ? this.titleStarting.get(words[j - 1]!.end + appositive[0].length) : undefined;
    const leader = this.leaderIn(words[i]!.start, words[j - 1]!.end);
    this.add({
      start: words[i]!.start,
      end: words[j - 1]!.end,
      sentence: words[i]!.sentence,
      kind: "person",
      name: leader?.label ?? this.phrase(i, j),
      type: (nextTitle?.entry as SpeakerType | undefined) ?? "other",
      resolvedBy: "name",
      title: nextTitle ? titleText(text, nextTitle) : null,
      nation: leader?.country ?? null,
    });
  }

  /**
   * A lone capitalised word: a surname to resolve later. It names a person by itself after an honorific
   * ("Mr. Hedge", "Sen. Cruz", "dhr. Jansen"), and right before a speech cue ("”, Viguerie notes.",
   * "Scarborough continued") when no full name comes earlier; not as a sentence's first word (any word is
   * capitalised there: "Gisteren waarschuwde") unless a quotation closes right before it, nor as a
   * possessive ("Trump's repeated calls").
   */
  private loneName(i: number): void {
    const { words, text } = this;
    const w = words[i]!;
    const prev = words[i - 1];
    const next = words[i + 1];
    const honorific =
      !!prev &&
      this.sameSentence(i - 1, i) &&
      this.grammar.honorifics[this.language].has(prev.lower) &&
      /^\.?\s+$/u.test(text.slice(prev.end, w.start));
    const inside = (!!prev && this.sameSentence(i - 1, i)) || /[”"’»]\s*,?\s*$/u.test(text.slice(Math.max(0, w.start - 4), w.start));
    const beforeCue =
      inside &&
      !/['’]s$/u.test(w.text) &&
      !!next &&
      this.sameSentence(i, i + 1) &&
      this.cueStarts.has(next.start) &&
      /^\s+$/u.test(text.slice(w.end, next.start));
    this.add({
      start: honorific ? prev.start : w.start,
      end: w.end,
      sentence: w.sentence,
      kind: "surname",
      name: honorific || beforeCue ? w.text.replace(/['’]s$/u, "") : null,
      type: null,
      resolvedBy: null,
    });
  }

  /** Personal and group pronouns, and a relative pronoun right after a comma ("…, die"). */
  private pronouns(): void {
    const { words, grammar, language } = this;
    for (let i = 0; i < words.length; i++) {
      const w = words[i]!;
      // No closure per word: tsx names every function it creates, which costs more than the test.
      let kind: "pronoun" | "relative" | null = null;
      if (grammar.personPronouns[language].has(w.lower) || grammar.groupPronouns[language].has(w.lower)) kind = "pronoun";
      else if (
        grammar.relativePronouns[language].has(w.lower) &&
        i > 0 &&
        this.sameSentence(i - 1, i) &&
        /^\s*,\s*$/u.test(this.text.slice(words[i - 1]!.end, w.start))
      )
        kind = "relative";
      if (kind) this.add({ start: w.start, end: w.end, sentence: w.sentence, kind, name: null, type: null, resolvedBy: null });
    }
  }
}
