import type { SieveContext } from "./sieve-context.ts";
import type { Sentence } from "../schema/record.ts";

/**
 * The words of one sentence as a sieve walks back over them (speaker-before-cue.ts, subjectPhrase), by their
 * index in the context's words. Methods of one object rather than closures made on every call: the
 * project runs under tsx, which names every function it creates, at a cost larger than these tests.
 */
export class PhraseWalk {
  constructor(
    private readonly ctx: SieveContext,
    private readonly sentence: Sentence,
  ) {}

  /** Whether word k exists and starts inside the sentence (walking back, the sentence's start is the bound). */
  inSentence(k: number): boolean {
    return k >= 0 && this.ctx.words[k]!.start >= this.sentence.start;
  }

  /** Whether only white space stands between word k and offset `to`. */
  spacesAfter(k: number, to: number): boolean {
    return /^\s*$/u.test(this.ctx.text.slice(this.ctx.words[k]!.end, to));
  }

  /** Whether a comma stands between word k − 1 and word k. */
  commaBefore(k: number): boolean {
    return /,/u.test(this.ctx.text.slice(this.ctx.words[k - 1]!.end, this.ctx.words[k]!.start));
  }

  /** Word k's tag ("" untagged). */
  tag(k: number): string {
    return this.ctx.tags?.get(this.ctx.words[k]!.start) ?? "";
  }

  /** Whether word k is a quantifier ("many", "most") of the context's language. */
  isQuantifier(k: number): boolean {
    return this.ctx.grammar.quantifiers[this.ctx.language].has(this.ctx.words[k]!.lower);
  }

  /** Whether word k is in the sentence, a preposition, and joined to the next word by white space only. */
  isPreposition(k: number): boolean {
    const { words, grammar, language } = this.ctx;
    return this.inSentence(k) && grammar.prepositions[language].has(words[k]!.lower) && this.spacesAfter(k, words[k + 1]!.start);
  }

  /**
   * The first word of the phrase ending at word `from`: back over words joined by white space whose tags are
   * `tags`, at most `maxWords` words in all.
   */
  extend(from: number, tags: ReadonlySet<string>, maxWords: number): number {
    let k = from;
    while (
      this.inSentence(k - 1) &&
      from - k < maxWords - 1 &&
      this.spacesAfter(k - 1, this.ctx.words[k]!.start) &&
      tags.has(this.tag(k - 1))
    )
      k--;
    return k;
  }
}
