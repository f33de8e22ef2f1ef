import type { TermMatch } from "../terms/match-terms.ts";
import type { SpeakerType } from "../schema/record.ts";
import { ARTICLES } from "./mention-types.ts";
import { firstWithin, ScannerWords, stripArticle, titleText } from "./scanner-words.ts";

/** Words a department after a title may hold besides capitalised ones ("minister van Buitenlandse Zaken"). */
const DEPARTMENT_WORDS: ReadonlySet<string> = new Set(["voor", "van", "of", "for", "de", "the", "and", "en"]);

/** The title pass of the mention scanner: "president Poetin", "minister van Financiën Anton Siluanov", "the CNN correspondent". */
export abstract class TitleMentions extends ScannerWords {
  protected titled(title: TermMatch): void {
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
  protected nameAfterTitle(i: number, j: number): { nameStart: number; nameEnd: number; j: number } {
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
  protected titledPerson(title: TermMatch, i: number, nameStart: number, nameEnd: number): void {
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
  protected bareTitle(title: TermMatch, i: number, j: number): void {
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
  protected inApposition(i: number, phraseStart: number): boolean {
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
}
