import { sentenceAt } from "../terms/find-quotations.ts";
import type { CueSpeaker } from "./sieve-context.ts";
import { DirectQuotations } from "./direct-quotations.ts";
import { record, span } from "./attribution-text.ts";
import type { AttributionRecord, CueRule, Span } from "../schema/record.ts";

/** How many characters either side of a cue its reported content is looked for in (punctuation, "that"). */
const CONTENT_REACH = 2000;
/** Words of a clause after a verb of thought that make it reported thought: "believes (that) …", "wants to …". */
const CLAUSE_TAGS = new Set(["PRON", "PROPN", "DET", "NOUN", "NUM"]);

function wordsIn(s: string): number {
  return s.split(/\s+/u).filter((w) => /\p{L}/u.test(w)).length;
}

/** The reported speech and thought step of attributeQuotes: a cue's indirect speech or thought and its content. */
export abstract class ReportedSpeech extends DirectQuotations {
  /** A cue's indirect speech or thought, when it reports something: its content, speaker and rules; else null. */
  protected reported(r: CueSpeaker): AttributionRecord | null {
    const kind = r.cue.kind;
    // A learned cue reports whatever follows it: the detector has decided; a listed one needs a speaker or a clause.
    if (r.cue.needsClause ? !this.opensClause(r.cue) : !r.cue.learned && kind === "speech" && !r.speaker && !this.opensThatClause(r.cue))
      return null;
    const content = this.reportedContent(r);
    if (!content) return null;
    const cueRule: CueRule = r.cue.learned
      ? "cue-model"
      : kind === "thought"
        ? "thought-verb"
        : kind === "preposition"
          ? "source-preposition"
          : "reporting-verb";
    return record(
      r.speaker,
      kind === "thought" ? "thought" : "indirect",
      this.written(r.cue),
      content,
      span(r.cue),
      sentenceAt(this.sentences, content.start),
      { cue: cueRule, speaker: r.rule, evidence: r.evidence ?? r.cue.evidence },
    );
  }

  /**
   * Whether a verb of thought introduces what is thought: a that-clause, an infinitive ("wants to", "hoopt
   * te"), or (English) a clause whose subject comes right after it ("believes the deal will fail").
   */
  protected opensClause(cue: Span): boolean {
    if (this.opensThatClause(cue)) return true;
    const { words } = this;
    const tags = this.input.tags;
    const i = (this.wordIndex.get(cue.start) ?? -1) + this.countWords(cue);
    const next = words[i];
    if (!next || next.start - cue.end > 2 || next.sentence !== words[i - 1]?.sentence) return false;
    if (next.lower === (this.language === "en" ? "to" : "te")) return true;
    if (!tags || !CLAUSE_TAGS.has(tags.get(next.start) ?? "")) return false;
    for (let k = i + 1; k < i + 5 && words[k]?.sentence === next.sentence; k++) {
      const tag = tags.get(words[k]!.start);
      if (tag === "VERB" || tag === "AUX") return true;
      if (tag === "ADP" || tag === "PUNCT") return false;
    }
    return false;
  }

  /** The reported content of indirect speech: the sentence on the far side of the cue and speaker. */
  protected reportedContent(r: CueSpeaker): Span | null {
    const { text, grammar, language } = this;
    const sentence = this.sentences[sentenceAt(this.sentences, r.cue.start)]!;
    const frameStart = Math.min(r.cue.start, r.speaker?.start ?? r.cue.start);
    const frameEnd = Math.max(r.cue.end, r.speaker && r.side === "after" ? r.speaker.end : r.cue.end);
    // At most CONTENT_REACH characters either side are read, so a cue's work is bounded in any sentence.
    const from = Math.max(sentence.start, frameStart - CONTENT_REACH);
    const before = text.slice(from, frameStart);
    const after = text.slice(frameEnd, Math.min(sentence.end, frameEnd + CONTENT_REACH));
    // "…, reported CNN on 22 March." / "…, aldus de minister." / "…, Xi said to Putin as he left": the content
    // comes first when only a short tail or a prepositional phrase follows the cue.
    const comma = before.lastIndexOf(",");
    const trailing = after.replace(/[\s.!?…]+$/u, "");
    const tailWords = trailing.split(/\s+/u).filter((w) => /\p{L}/u.test(w));
    const that = /^(?:[^.;:!?]*?\s)??(?:that|dat)\s/iu.exec(after.slice(0, 120));
    if (
      (comma > 0 || (comma === 0 && from > sentence.start)) &&
      !that &&
      (tailWords.length <= 4 || grammar.prepositions[language].has(tailWords[0]!.toLowerCase()))
    )
      return this.trim(sentence.start, from + comma);
    return this.trim(that && wordsIn(that[0]) <= 8 ? frameEnd + that[0].length : frameEnd, sentence.end);
  }

  /** [start, end) without the punctuation and white space at its ends; null when no word is left. */
  protected trim(start: number, end: number): Span | null {
    const { text } = this;
    while (start < end && /[\s,:;–—]/u.test(text[start]!)) start++;
    while (end > start && /[\s]/u.test(text[end - 1]!)) end--;
    // Reported content has at least one word ("Hoe zal het Westen reageren?" reports nothing).
    return end > start && /\p{L}/u.test(text.slice(start, end)) ? { start, end } : null;
  }
}
