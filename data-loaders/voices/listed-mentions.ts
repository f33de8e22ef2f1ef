import type { TermMatch } from "../terms/match-terms.ts";
import type { Word } from "./mention-types.ts";
import { firstStartingIn, firstWithin, spaced, stripArticle } from "./scanner-words.ts";
import { TitleMentions } from "./title-mentions.ts";

/**
 * The passes of the mention scanner over listed terms: bodies, groups, anonymous sources and documents from
 * the speech cues' lists, and the gazetteers' actors used as names and outlets.
 */
export abstract class ListedMentions extends TitleMentions {
  /** A named body, with the nationality before it ("Russian Ministry of Foreign Affairs"). */
  protected body(m: TermMatch): void {
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
  protected group(m: TermMatch): void {
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

  protected anonymous(m: TermMatch): void {
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
  protected document(m: TermMatch): void {
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
  protected actor(m: TermMatch): void {
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

  protected outlet(m: TermMatch): void {
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
}
