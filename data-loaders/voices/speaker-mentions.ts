import type { Gazetteer } from "../terms/gazetteer.ts";
import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import type { TermMatch } from "../terms/match-terms.ts";
import type { OutletGazetteer } from "./outlets.ts";
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

const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’.][\p{L}\p{M}\p{N}]+)*/gu;
const UPPER_FIRST = /^\p{Lu}/u;
/** Lower-case words inside a name ("Ursula von der Leyen", "Luiz Inácio Lula da Silva", "Thomas a Kempis"). */
const NAME_PARTICLES = new Set([
  "van",
  "von",
  "de",
  "der",
  "den",
  "bin",
  "ibn",
  "al",
  "el",
  "la",
  "le",
  "ten",
  "ter",
  "da",
  "di",
  "du",
  "del",
  "della",
  "dos",
  "das",
  "do",
  "a",
]);
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
  let q = 0;
  for (const sentence of sentences) {
    const kind = blocks[sentence.block]?.kind;
    if (kind !== "paragraph" && kind !== "heading") continue;
    if (only && !only.has(sentence.index)) continue;
    WORD.lastIndex = sentence.start;
    for (let m = WORD.exec(text); m && m.index < sentence.end; m = WORD.exec(text)) {
      const start = m.index;
      while (q < quoted.length && quoted[q]!.end <= start) q++;
      if (q < quoted.length && quoted[q]!.start <= start) continue;
      // A word never ends in a stop: WORD takes one only between letters ("U.S" of "U.S.").
      const value = m[0];
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
  resources: { readonly speechCues: SpeechCues; readonly gazetteer: Gazetteer; readonly outlets: OutletGazetteer },
): SpeakerMention[] {
  const speakerWords = resources.speechCues.speakers;
  const grammar = speakerWords.grammar;
  const fn = grammar.functionWords[language];
  const org = grammar.organisationWords[language];
  const wordIndexAt = new Map(words.map((w, i) => [w.start, i]));
  const actors = new Map(resources.gazetteer.actors.map((a) => [a.id, a]));
  const outlets = new Map(resources.outlets.outlets.map((o) => [o.id, o]));
  // An actor alias used as a proper name ("Peking", "the Americans"), not as an adjective ("Russische").
  const proper = new Map<TermMatch, boolean>();
  const properActor = (m: TermMatch) => {
    let value = proper.get(m);
    if (value === undefined) {
      value = actors.get(m.entry)!.terms[language].some(({ term }) => {
        if (!term.caseSensitive) return false;
        term.regex.lastIndex = m.start;
        const found = term.regex.exec(text);
        return !!found && m.start + found[0].length === m.end;
      });
      proper.set(m, value);
    }
    return value;
  };
  const actorStarting = new Map(matches.actor.map((m) => [m.start, m]));
  const outletStarting = new Map(matches.outlet.map((m) => [m.start, m]));
  const titleStarting = new Map(matches.title.map((m) => [m.start, m]));
  const pronoun = new Set([...grammar.personPronouns[language], ...grammar.groupPronouns[language], ...grammar.relativePronouns[language]]);
  const cueStarts = new Set([...matches.cue, ...matches.thought].map((m) => m.start));
  const actorOfWord = matchOfWord(words, matches.actor);
  const outletOfWord = matchOfWord(words, matches.outlet);
  const titleOfWord = matchOfWord(words, matches.title);
  const isAdjectiveActor = (i: number) => {
    const m = actorOfWord[i];
    return !!m && !properActor(m);
  };
  const isNameWord = (i: number) => {
    const w = words[i];
    return (
      !!w && w.capitalised && !fn.has(w.lower) && !org.has(w.lower) && !pronoun.has(w.lower) && !titleOfWord[i] && !isAdjectiveActor(i)
    );
  };
  const sameSentence = (i: number, j: number) => words[i]?.sentence === words[j]?.sentence;
  /** Words i..j-1 are joined only by spaces (no punctuation between them). */
  const adjacent = (i: number) =>
    /^[\s\u00A0]+$/u.test(text.slice(words[i]!.end, words[i + 1]?.start ?? words[i]!.end)) && sameSentence(i, i + 1);
  /** A name run from word i: capitalised words and particles between them, at most four name words. */
  const isParticle = (k: number) => k < words.length && NAME_PARTICLES.has(words[k]!.lower);
  const nameRun = (i: number): number => {
    let j = i;
    let names = 0;
    while (j < words.length && names < 4) {
      if (isNameWord(j)) names++;
      else if (!(names > 0 && isParticle(j) && (isNameWord(j + 1) || (isParticle(j + 1) && isNameWord(j + 2))))) break;
      if (!adjacent(j)) return j + 1;
      j++;
    }
    return j;
  };
  const phrase = (i: number, j: number) => text.slice(words[i]!.start, words[j - 1]!.end).replace(/\s+/g, " ");
  const stripArticle = (s: string) => {
    const space = s.indexOf(" ");
    return space > 0 && ARTICLES.has(s.slice(0, space).toLowerCase()) ? s.slice(space + 1) : s;
  };
  /**
   * The first match of `list` (sorted by start) lying within [start, end) and passing `test`: a binary
   * search to `start`, then a scan of the matches that start before `end` (so finding costs the span's
   * matches, not the article's).
   */
  const firstWithin = (list: readonly TermMatch[], start: number, end: number, test: (m: TermMatch) => boolean = () => true) => {
    for (let i = lastStartingAtOrBefore(list, start - 1) + 1; i < list.length && list[i]!.start < end; i++) {
      const m = list[i]!;
      if (m.end <= end && test(m)) return m;
    }
    return undefined;
  };
  /** The first match of `list` (sorted by start) starting in [from, to) and passing `test`. */
  const firstStartingIn = (list: readonly TermMatch[], from: number, to: number, test: (m: TermMatch) => boolean) => {
    for (let i = lastStartingAtOrBefore(list, from - 1) + 1; i < list.length && list[i]!.start < to; i++)
      if (test(list[i]!)) return list[i];
    return undefined;
  };
  const raw: RawMention[] = [];
  // Every mention names someone and covers at least one character: a term match that ends inside a longer
  // token ("report" in "report.pdf") must not become an empty speaker.
  const add = (m: RawMention) => {
    if (m.end > m.start && m.name?.trim() !== "") raw.push(m);
  };
  /** The country of a nationality adjective or name in [start, end) ("Russian", "Chinese"), as an actor id. */
  const nationIn = (start: number, end: number) =>
    firstWithin(matches.actor, start, end, (a) => actors.get(a.entry)!.kind !== "leader")?.entry ?? null;
  /** A leader of the gazetteer named in [start, end), for the country they lead. */
  const leaderIn = (start: number, end: number) => {
    const m = firstWithin(matches.actor, start, end, (a) => actors.get(a.entry)!.kind === "leader");
    return m ? actors.get(m.entry)! : null;
  };
  const wordAt = (offset: number) => wordIndexAt.get(offset) ?? -1;
  /** Extends a phrase start back over nationality adjectives, capitalised words and outlets (up to 3). */
  const extendLeft = (i: number, allowCapitalised: boolean) => {
    let k = i;
    while (k > 0 && i - k < 3 && sameSentence(k - 1, i) && adjacent(k - 1)) {
      const prev = k - 1;
      if (actorOfWord[prev] || outletOfWord[prev] || (allowCapitalised && words[prev]!.capitalised && !fn.has(words[prev]!.lower))) k--;
      else break;
    }
    return k;
  };

  // Titles, with the name after them ("president Poetin", "minister van Financiën Anton Siluanov").
  for (const title of matches.title) {
    const i = wordAt(title.start);
    if (i < 0) continue;
    let j = i;
    while (j < words.length && words[j]!.end <= title.end) j++;
    const type = title.entry as SpeakerType;
    let nameStart = -1;
    let nameEnd = -1;
    if (j < words.length && sameSentence(i, j) && isNameWord(j) && /^[\s\u00A0]+$/u.test(text.slice(words[j - 1]!.end, words[j]!.start))) {
      nameStart = j;
      nameEnd = nameRun(j);
    } else if (j < words.length && sameSentence(i, j) && (words[j]!.lower === "van" || words[j]!.lower === "of")) {
      // A department ("van Buitenlandse Zaken", "van de SVR"), then the name: after a comma, or the last two
      // capitalised words of the run.
      let k = j + 1;
      if (k < words.length && ARTICLES.has(words[k]!.lower)) k++;
      let end = k;
      while (
        end < words.length &&
        sameSentence(i, end) &&
        end - k < 8 &&
        (words[end]!.capitalised || ["voor", "van", "of", "for", "de", "the", "and", "en"].includes(words[end]!.lower))
      ) {
        end++;
        if (/,/.test(text.slice(words[end - 1]!.end, words[end]?.start ?? words[end - 1]!.end))) break;
      }
      const commaAfter = end < words.length && /,/.test(text.slice(words[end - 1]!.end, words[end]!.start));
      if (commaAfter && isNameWord(end)) {
        nameStart = end;
        nameEnd = nameRun(end);
      } else if (end - k >= 3 && isNameWord(end - 1) && isNameWord(end - 2)) {
        nameStart = end - 2;
        nameEnd = end;
      } else j = end;
    }
    const start = words[extendLeft(i, true)]!.start;
    const titleWords = text.slice(title.start, title.end).toLowerCase().replace(/\s+/gu, " ");
    if (nameStart >= 0) {
      const written = phrase(nameStart, nameEnd);
      const leader = leaderIn(words[nameStart]!.start, words[nameEnd - 1]!.end);
      add({
        start,
        end: words[nameEnd - 1]!.end,
        sentence: words[i]!.sentence,
        kind: "person",
        name: leader?.label ?? written,
        type,
        resolvedBy: "name",
        title: titleWords,
        nation: nationIn(start, title.start) ?? leader?.country ?? null,
      });
      continue;
    }
    // A title with no name: the outlet it names ("the CNN correspondent"), or the title itself; a title in
    // apposition after a name ("Danila Krylov, onderzoeker bij …") is part of that name's mention.
    const phraseStart = extendLeft(i, false);
    let b = phraseStart - 1;
    // Over up to two modifiers and an article: "Hogan Gidley, a former director of …".
    for (let n = 0; n < 2 && b >= 0 && /^\p{Ll}+$/u.test(words[b]!.text) && !ARTICLES.has(words[b]!.lower) && !fn.has(words[b]!.lower); n++)
      b--;
    if (b >= 0 && ARTICLES.has(words[b]!.lower)) b--;
    if (b >= 0 && sameSentence(b, i) && isNameWord(b) && /^\s*,\s*$/u.test(text.slice(words[b]!.end, words[b + 1]!.start))) continue;
    const outlet = firstWithin(matches.outlet, words[phraseStart]!.start, title.start);
    if (outlet) {
      const o = outlets.get(outlet.entry)!;
      add({
        start: words[phraseStart]!.start,
        end: title.end,
        sentence: words[i]!.sentence,
        kind: "person",
        name: o.name,
        type: o.kind,
        resolvedBy: "title",
      });
    } else {
      add({
        start: words[phraseStart]!.start,
        end: words[Math.max(j, i + 1) - 1]!.end,
        sentence: words[i]!.sentence,
        kind: "person",
        name: stripArticle(phrase(phraseStart, Math.max(j, i + 1))),
        type,
        resolvedBy: "title",
        title: titleWords,
        nation: nationIn(words[phraseStart]!.start, title.start),
      });
    }
  }
  for (const m of matches.body) {
    const i = wordAt(m.start);
    if (i < 0) continue;
    const body = speakerWords.bodyNames[Number(m.entry)]!;
    const k = extendLeft(i, false);
    const nationality = k < i ? firstWithin(matches.actor, words[k]!.start, m.start) : undefined;
    const name = nationality ? `${body.name} (${actors.get(nationality.entry)!.label})` : body.name;
    add({ start: words[k]!.start, end: m.end, sentence: words[i]!.sentence, kind: "body", name, type: body.type, resolvedBy: "name" });
  }
  for (const m of matches.group) {
    const i = wordAt(m.start);
    if (i < 0) continue;
    let k = i;
    while (
      k > 0 &&
      i - k < 2 &&
      sameSentence(k - 1, i) &&
      adjacent(k - 1) &&
      (speakerWords.groupModifiers[language].has(words[k - 1]!.lower) || !!actorOfWord[k - 1])
    )
      k--;
    add({
      start: words[k]!.start,
      end: m.end,
      sentence: words[i]!.sentence,
      kind: "group",
      name: text.slice(words[k]!.start, m.end).replace(/\s+/g, " "),
      type: "unnamed-group",
      resolvedBy: "name",
    });
  }
  for (const m of matches.anonymous) {
    const i = wordAt(m.start);
    if (i < 0) continue;
    add({
      start: m.start,
      end: m.end,
      sentence: words[i]!.sentence,
      kind: "anonymous",
      name: text.slice(m.start, m.end).toLowerCase().replace(/\s+/g, " "),
      type: "anonymous",
      resolvedBy: "name",
    });
  }
  for (const m of matches.document) {
    const i = wordAt(m.start);
    if (i < 0) continue;
    // Modifiers before ("douane statistieken", "strategisch partnerschapsverdrag"), a number after ("Artikel 4"),
    // and what it belongs to ("Artikel 4 van het … verdrag").
    let k = i;
    while (
      k > 0 &&
      i - k < 2 &&
      sameSentence(k - 1, i) &&
      adjacent(k - 1) &&
      !words[k - 1]!.capitalised &&
      !fn.has(words[k - 1]!.lower) &&
      !grammar.prepositions[language].has(words[k - 1]!.lower) &&
      !grammar.auxiliaries[language].has(words[k - 1]!.lower)
    )
      k--;
    let j = i + 1;
    while (j < words.length && words[j]!.end <= m.end) j++;
    if (j < words.length && sameSentence(i, j) && /^\d+$/.test(words[j]!.text)) j++;
    const ofPhrase =
      j < words.length && (words[j]!.lower === "van" || words[j]!.lower === "of")
        ? firstStartingIn(
            matches.document,
            words[j]!.start + 1,
            words[j]!.end + 30,
            (d) => wordAt(d.start) > 0 && sameSentence(i, wordAt(d.start)),
          )
        : undefined;
    const end = ofPhrase ? ofPhrase.end : words[j - 1]!.end;
    add({
      start: words[k]!.start,
      end,
      sentence: words[i]!.sentence,
      kind: "document",
      name: stripArticle(text.slice(words[k]!.start, end).replace(/\s+/g, " ")),
      type: "document",
      resolvedBy: "name",
    });
  }
  for (const m of matches.actor) {
    const i = wordAt(m.start);
    if (i < 0 || !properActor(m)) continue;
    const actor = actors.get(m.entry)!;
    // A country's name used as an adjective ("Chinese military aid"): a lower-case word follows that is not
    // a verb we know. (People's names are not adjectives: "Lavrov arrived".)
    let j = i;
    while (j < words.length && words[j]!.end <= m.end) j++;
    const next = words[j];
    if (
      next &&
      adjacent(j - 1) &&
      /^\p{Ll}/u.test(next.text) &&
      !cueStarts.has(next.start) &&
      !fn.has(next.lower) &&
      !grammar.auxiliaries[language].has(next.lower) &&
      !grammar.prepositions[language].has(next.lower) &&
      actor.kind !== "leader"
    )
      continue;
    add({
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
  for (const m of matches.outlet) {
    const i = wordAt(m.start);
    if (i < 0) continue;
    const o = outlets.get(m.entry)!;
    add({ start: m.start, end: m.end, sentence: words[i]!.sentence, kind: "body", name: o.name, type: o.kind, resolvedBy: "name" });
  }
  // Other names: runs of two or more capitalised words that are not an organisation's ("Instituut voor
  // Wetenschappelijke Informatie": a run right after a preposition that follows a capitalised word).
  for (let i = 0; i < words.length; i++) {
    if (!isNameWord(i) || actorStarting.has(words[i]!.start) || outletStarting.has(words[i]!.start)) continue;
    const j = nameRun(i);
    const names = words.slice(i, j).filter((w) => w.capitalised).length;
    const prev = words[i - 1];
    const insideOrganisation =
      !!prev &&
      sameSentence(i - 1, i) &&
      prev.capitalised === false &&
      grammar.prepositions[language].has(prev.lower) &&
      !!words[i - 2]?.capitalised &&
      sameSentence(i - 2, i);
    const orgAfter = j < words.length && sameSentence(i, j) && org.has(words[j]!.lower) && adjacent(j - 1);
    if (names >= 2 && !insideOrganisation && !orgAfter && !(prev && isNameWord(i - 1) && adjacent(i - 1))) {
      // A title in apposition: "Danila Krylov, onderzoeker bij …".
      const after = text.slice(words[j - 1]!.end, words[j - 1]!.end + 12);
      const appositive = /^\s*,\s*(?:(?:de|het|een|the|a|an)\s+)?/iu.exec(after);
      const nextTitle = appositive ? titleStarting.get(words[j - 1]!.end + appositive[0].length) : undefined;
      const leader = leaderIn(words[i]!.start, words[j - 1]!.end);
      add({
        start: words[i]!.start,
        end: words[j - 1]!.end,
        sentence: words[i]!.sentence,
        kind: "person",
        name: leader?.label ?? phrase(i, j),
        type: (nextTitle?.entry as SpeakerType | undefined) ?? "other",
        resolvedBy: "name",
        title: nextTitle ? text.slice(nextTitle.start, nextTitle.end).toLowerCase().replace(/\s+/gu, " ") : null,
        nation: leader?.country ?? null,
      });
      i = j - 1;
    } else if (names === 1 && j === i + 1) {
      // "Mr. Hedge", "Sen. Cruz", "dhr. Jansen": a surname after an honorific names a person even when the
      // text never gave the full name.
      const honorific =
        !!prev &&
        sameSentence(i - 1, i) &&
        grammar.honorifics[language].has(prev.lower) &&
        /^\.?\s+$/u.test(text.slice(prev.end, words[i]!.start));
      // So does a lone name right before a speech cue ("”, Viguerie notes.", "Scarborough continued"),
      // when no full name comes earlier.
      // Not a sentence's first word (any word is capitalised there: "Gisteren waarschuwde") unless a quotation
      // closes right before it, and not a possessive ("Trump's repeated calls").
      const next = words[i + 1];
      const inside =
        (!!prev && sameSentence(i - 1, i)) || /[”"’»]\s*,?\s*$/u.test(text.slice(Math.max(0, words[i]!.start - 4), words[i]!.start));
      const beforeCue =
        inside &&
        !/['’]s$/u.test(words[i]!.text) &&
        !!next &&
        sameSentence(i, i + 1) &&
        cueStarts.has(next.start) &&
        /^\s+$/u.test(text.slice(words[i]!.end, next.start));
      add({
        start: honorific ? prev.start : words[i]!.start,
        end: words[i]!.end,
        sentence: words[i]!.sentence,
        kind: "surname",
        name: honorific || beforeCue ? words[i]!.text.replace(/['’]s$/u, "") : null,
        type: null,
        resolvedBy: null,
      });
    }
  }
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    if (grammar.personPronouns[language].has(w.lower) || grammar.groupPronouns[language].has(w.lower)) {
      add({ start: w.start, end: w.end, sentence: w.sentence, kind: "pronoun", name: null, type: null, resolvedBy: null });
    } else if (
      grammar.relativePronouns[language].has(w.lower) &&
      i > 0 &&
      sameSentence(i - 1, i) &&
      /^\s*,\s*$/u.test(text.slice(words[i - 1]!.end, w.start))
    ) {
      add({ start: w.start, end: w.end, sentence: w.sentence, kind: "relative", name: null, type: null, resolvedBy: null });
    }
  }
  return resolve(text, language, words, wordIndexAt, keepLongest(raw), resources.speechCues);
}

/** How many mentions a pronoun looks back over at most (within PRONOUN_REACH sentences): a bound for long sentences. */
const ANTECEDENT_REACH = 100;
/** How many people named before it a bare title looks back over (a bound, so the look is constant time). */
const TITLE_REACH = 200;

/** A mention as the finder makes it: with the title and country the text gives a person, for later references. */
type RawMention = Omit<SpeakerMention, "afterPreposition"> & {
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
  const grammar = cues.speakers.grammar;
  const typeOf = new Map<string, SpeakerType>();
  for (const m of mentions) {
    if (m.kind !== "person" || !m.name || !m.type) continue;
    if (!typeOf.has(m.name) || typeOf.get(m.name) === "other") typeOf.set(m.name, m.type);
  }
  const surnames = (name: string) => {
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
  };
  // The last person named whose full name ends with each surname key; and, for names written surname
  // first ("Han Zheng" … "Han said"), whose name starts with it (tried second).
  const lastPersonWithSurname = new Map<string, string>();
  const lastPersonWithFirstName = new Map<string, string>();
  const resolved: SpeakerMention[] = [];
  const afterPreposition = (m: Span, previous: readonly SpeakerMention[]): boolean => {
    let i = (wordIndexAt.get(m.start) ?? 0) - 1;
    while (i >= 0 && ARTICLES.has(words[i]!.lower)) i--;
    const before = words[i];
    if (!before || before.sentence !== words[wordIndexAt.get(m.start)!]!.sentence) return false;
    // Only words joined by spaces make a phrase: in "At one point, she said" "she" is not after "at".
    const joined = (k: number, to: number) => /^\s+$/u.test(text.slice(words[k]!.end, to));
    if (!/^[\s\p{L}]+$/u.test(text.slice(before.end, m.start))) return false;
    if (grammar.prepositions[language].has(before.lower)) return true;
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
      const conjunct = previous.findLast((p) => p.end <= before.start);
      return !!conjunct && conjunct.afterPreposition && before.start - conjunct.end < 3;
    }
    return false;
  };
  // The people named so far, with the title and country the text gives them, for "the president" later.
  const named: RawMention[] = [];
  const byNameTail = new Map<string, RawMention>();
  for (const m of mentions) {
    let out: Omit<SpeakerMention, "afterPreposition"> | null = withoutTitle(m);
    if (m.kind === "person" && m.resolvedBy === "title" && m.title) {
      const person = titleAntecedent(m, named, grammar.genericTitles[language]);
      if (person) out = { ...out, name: person.name, type: typeOf.get(person.name!) ?? person.type, resolvedBy: "title-reference" };
    } else if (m.kind === "person" && m.name && m.resolvedBy === "name" && byNameTail.has(m.name.toLowerCase())) {
      // A surname of several words with its particles ("Messe a Tiati" after "Xavier Messe a Tiati").
      const full = byNameTail.get(m.name.toLowerCase())!;
      out = { ...out, name: full.name, type: typeOf.get(full.name!) ?? full.type, resolvedBy: "surname" };
    } else if (m.kind === "person" && m.name) {
      if (m.resolvedBy === "name") {
        named.push(m);
        // Every tail of two words or more of a full name, for the surname of several words later.
        const parts = m.name.toLowerCase().split(/\s+/u);
        for (let k = 1; k <= parts.length - 2; k++) byNameTail.set(parts.slice(k).join(" "), m);
      }
      const keys = surnames(m.name);
      for (const key of keys) lastPersonWithSurname.set(key, m.name);
      const parts = m.name.split(/\s+/u);
      if (parts.length > 1) lastPersonWithFirstName.set(parts[0]!.toLowerCase(), m.name);
      out = { ...out, type: typeOf.get(m.name) ?? m.type };
    } else if (m.kind === "surname") {
      // After an honorific or before a cue the mention's name is the surname itself ("Mr. Hedge": "Hedge").
      const key = (m.name ?? text.slice(m.start, m.end)).toLowerCase().replace(/['’]s$/, "");
      const person = lastPersonWithSurname.get(key) ?? lastPersonWithFirstName.get(key);
      if (person) out = { ...m, name: person, type: typeOf.get(person) ?? "other", resolvedBy: "surname" };
      else if (m.name) {
        out = { ...m, kind: "person", type: "other", resolvedBy: "name" };
        lastPersonWithSurname.set(key, m.name);
      } else out = null;
    } else if (m.kind === "pronoun") {
      const lower = text.slice(m.start, m.end).toLowerCase();
      const personal = grammar.personPronouns[language].has(lower);
      const group = grammar.groupPronouns[language].has(lower);
      // Back through the mentions in text order, no further than PRONOUN_REACH sentences.
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
      out = { ...m, name: antecedent?.name ?? null, type: antecedent?.type ?? null, resolvedBy: antecedent ? "pronoun" : null };
    } else if (m.kind === "relative") {
      const antecedent = resolved.findLast((p) => p.end <= m.start);
      const near = antecedent && /^\s*,\s*$/u.test(text.slice(antecedent.end, m.start));
      out = near && antecedent.name ? { ...m, name: antecedent.name, type: antecedent.type, resolvedBy: "relative" } : null;
    }
    if (out) resolved.push({ ...out, afterPreposition: afterPreposition(out, resolved) });
  }
  return resolved;
}
