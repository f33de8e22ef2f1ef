/**
 * The passes that find speaker mentions in an article's words (speaker-mentions.ts findSpeakerMentions
 * resolves what they find): titled people, bodies, groups, anonymous sources, documents, gazetteer actors
 * and outlets, other names, and pronouns. Each pass is a method of the scanner; the passes of a family live in
 * a class of their own that the next extends (scanner-words.ts: what they share, the text, its words and term
 * matches and the look-ups made from them once; title-mentions.ts; listed-mentions.ts; this file: names and
 * pronouns, and `scan`, which runs them all).
 */
import type { SpeakerType } from "../schema/record.ts";
import type { RawMention } from "./mention-types.ts";
import { ListedMentions } from "./listed-mentions.ts";
import { titleText } from "./scanner-words.ts";

/** Finds the raw mentions of one article's words (see findSpeakerMentions); `scan` runs every pass. */
export class MentionScanner extends ListedMentions {
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
