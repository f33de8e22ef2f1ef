// Types for the part of @nlpjs/lang-nl (MIT, no types shipped) that the analysis uses.
declare module "@nlpjs/lang-nl" {
  /** The Snowball-style Dutch stemmer whose stems key the Pattern lexicon shipped in the same package. */
  export class StemmerNl {
    stemWord(word: string): string;
  }
  /** The package's list of 142 Dutch function words. */
  export class StopwordsNl {
    isStopword(word: string): boolean;
  }
}
