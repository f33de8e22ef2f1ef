/**
 * What the mention scanner's passes share (mention-scanner.ts): the text, its words and term matches, the
 * look-ups made from them once, and the word tests every pass makes (a name word, a name run, words joined
 * by spaces). The passes extend ScannerWords: title-mentions.ts, listed-mentions.ts, mention-scanner.ts.
 */
import { byId } from "../common/by-id.ts";
import type { Actor, Gazetteer } from "../terms/gazetteer.ts";
import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import type { TermMatch } from "../terms/match-terms.ts";
import type { Outlet, OutletGazetteer } from "./outlets.ts";
import type { SpeechCues } from "./speech-cues.ts";
import type { Language } from "../schema/record.ts";
import { ARTICLES, type RawMention, type SpeakerMatches, type Word } from "./mention-types.ts";

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
export function firstWithin(list: readonly TermMatch[], start: number, end: number, test: (m: TermMatch) => boolean = () => true) {
  for (let i = lastStartingAtOrBefore(list, start - 1) + 1; i < list.length && list[i]!.start < end; i++) {
    const m = list[i]!;
    if (m.end <= end && test(m)) return m;
  }
  return undefined;
}

/** The first match of `list` (sorted by start) starting in [from, to) and passing `test`. */
export function firstStartingIn(list: readonly TermMatch[], from: number, to: number, test: (m: TermMatch) => boolean) {
  for (let i = lastStartingAtOrBefore(list, from - 1) + 1; i < list.length && list[i]!.start < to; i++) if (test(list[i]!)) return list[i];
  return undefined;
}

/** For each word, the match that covers it, if any (matches sorted by start). */
export function matchOfWord(words: readonly Word[], matches: readonly TermMatch[]): Array<TermMatch | undefined> {
  const out: Array<TermMatch | undefined> = new Array(words.length);
  let w = 0;
  for (const m of matches) {
    while (w < words.length && words[w]!.start < m.start) w++;
    for (let i = w; i < words.length && words[i]!.end <= m.end; i++) out[i] = m;
  }
  return out;
}

/** A phrase without its leading article ("the CNN correspondent" → "CNN correspondent"). */
export function stripArticle(s: string): string {
  const space = s.indexOf(" ");
  return space > 0 && ARTICLES.has(s.slice(0, space).toLowerCase()) ? s.slice(space + 1) : s;
}

/** A span of text as a name: its runs of white space made one space. */
export function spaced(s: string): string {
  return s.replace(/\s+/g, " ");
}

/** A title as a mention records it: lower case, single spaces. */
export function titleText(text: string, title: TermMatch): string {
  return text.slice(title.start, title.end).toLowerCase().replace(/\s+/gu, " ");
}

/** The state the passes share and the word tests they make; the passes are methods of its subclasses. */
export abstract class ScannerWords {
  protected readonly grammar: SpeechCues["speakers"]["grammar"];
  protected readonly fn: ReadonlySet<string>;
  protected readonly org: ReadonlySet<string>;
  protected readonly wordIndexAt: ReadonlyMap<number, number>;
  protected readonly actors: ReadonlyMap<string, Actor>;
  protected readonly outlets: ReadonlyMap<string, Outlet>;
  protected readonly proper = new Map<TermMatch, boolean>();
  protected readonly pronoun: ReadonlySet<string>;
  protected readonly cueStarts: ReadonlySet<number>;
  protected readonly actorOfWord: Array<TermMatch | undefined>;
  protected readonly outletOfWord: Array<TermMatch | undefined>;
  protected readonly titleOfWord: Array<TermMatch | undefined>;
  protected readonly titleStarting: ReadonlyMap<number, TermMatch>;
  protected readonly raw: RawMention[] = [];

  constructor(
    protected readonly text: string,
    protected readonly language: Language,
    protected readonly words: readonly Word[],
    protected readonly matches: SpeakerMatches,
    protected readonly resources: ScanResources,
  ) {
    this.grammar = resources.speechCues.speakers.grammar;
    this.fn = this.grammar.functionWords[language];
    this.org = this.grammar.organisationWords[language];
    // Filled in a loop: no [start, index] pair is made per word.
    const wordIndexAt = new Map<number, number>();
    for (let i = 0; i < words.length; i++) wordIndexAt.set(words[i]!.start, i);
    this.wordIndexAt = wordIndexAt;
    this.actors = byId(resources.gazetteer.actors);
    this.outlets = byId(resources.outlets.outlets);
    const g = this.grammar;
    this.pronoun = new Set([...g.personPronouns[language], ...g.groupPronouns[language], ...g.relativePronouns[language]]);
    this.cueStarts = new Set([...matches.cue, ...matches.thought].map((m) => m.start));
    this.actorOfWord = matchOfWord(words, matches.actor);
    this.outletOfWord = matchOfWord(words, matches.outlet);
    this.titleOfWord = matchOfWord(words, matches.title);
    this.titleStarting = new Map(matches.title.map((m) => [m.start, m]));
  }

  // Word tests shared by the passes.

  /** An actor alias used as a proper name ("Peking", "the Americans"), not as an adjective ("Russische"). */
  protected properActor(m: TermMatch): boolean {
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

  protected isNameWord(i: number): boolean {
    const w = this.words[i];
    if (!w || !w.capitalised || this.fn.has(w.lower) || this.org.has(w.lower) || this.pronoun.has(w.lower) || this.titleOfWord[i])
      return false;
    const actor = this.actorOfWord[i];
    return !actor || this.properActor(actor);
  }

  protected sameSentence(i: number, j: number): boolean {
    return this.words[i]?.sentence === this.words[j]?.sentence;
  }

  /** Words i and i + 1 are joined only by spaces (no punctuation between them), in one sentence. */
  protected adjacent(i: number): boolean {
    const w = this.words[i]!;
    return /^[\s\u00A0]+$/u.test(this.text.slice(w.end, this.words[i + 1]?.start ?? w.end)) && this.sameSentence(i, i + 1);
  }

  protected isParticle(k: number): boolean {
    return k < this.words.length && NAME_PARTICLES.has(this.words[k]!.lower);
  }

  /** A name run from word i: capitalised words and particles between them, at most four name words. */
  protected nameRun(i: number): number {
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

  protected phrase(i: number, j: number): string {
    return spaced(this.text.slice(this.words[i]!.start, this.words[j - 1]!.end));
  }

  /** Every mention names someone and covers at least one character ("report" in "report.pdf" does not). */
  protected add(m: RawMention): void {
    if (m.end > m.start && m.name?.trim() !== "") this.raw.push(m);
  }

  /** The country of a nationality adjective or name in [start, end) ("Russian", "Chinese"), as an actor id. */
  protected nationIn(start: number, end: number): string | null {
    return firstWithin(this.matches.actor, start, end, (a) => this.actors.get(a.entry)!.kind !== "leader")?.entry ?? null;
  }

  /** A leader of the gazetteer named in [start, end), for the country they lead. */
  protected leaderIn(start: number, end: number): Actor | null {
    const m = firstWithin(this.matches.actor, start, end, (a) => this.actors.get(a.entry)!.kind === "leader");
    return m ? this.actors.get(m.entry)! : null;
  }

  protected wordAt(offset: number): number {
    return this.wordIndexAt.get(offset) ?? -1;
  }

  /** The index of the first word after a match starting at word i. */
  protected wordAfter(i: number, m: TermMatch): number {
    let j = i;
    while (j < this.words.length && this.words[j]!.end <= m.end) j++;
    return j;
  }

  /** Extends a phrase start back over nationality adjectives, capitalised words and outlets (up to 3). */
  protected extendLeft(i: number, allowCapitalised: boolean): number {
    let k = i;
    while (k > 0 && i - k < 3 && this.sameSentence(k - 1, i) && this.adjacent(k - 1)) {
      const prev = this.words[k - 1]!;
      if (this.actorOfWord[k - 1] || this.outletOfWord[k - 1] || (allowCapitalised && prev.capitalised && !this.fn.has(prev.lower))) k--;
      else break;
    }
    return k;
  }
}
