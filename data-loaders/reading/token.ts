/** A word token, `[start, end)` into the article body, with its sentence index. Internal to the pipeline. */
export interface Token {
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** wink-nlp token type: "word", "number", "punctuation", "currency", "emoji", … */
  readonly type: string;
  readonly value: string;
  /**
   * For a token that starts a word (a letter or digit with no letter before it): its leading word
   * (term-pattern.ts leadingWord), lower-cased, which the term matcher looks terms up by; otherwise "".
   */
  readonly word: string;
}
