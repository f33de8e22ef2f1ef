/**
 * Shared types of the analysis library. An {@link ArticleRecord} is what the CLI prints (one JSON line per
 * article) and what the Framework loaders publish; its schema is documented in the README and in
 * `data-loaders/record-schema.json`, and changes to it are listed in CHANGELOG.md.
 */

/** Languages the analysers support. */
export type Language = "en" | "nl";

/** What the text itself says about where it came from, as recorded by whoever added it to the corpus. */
export interface Provenance {
  /** Author credited in the text ("… schrijft Pepe Escobar"). */
  readonly creditedAuthor: string | null;
  /** Outlets or sites named in an origin line ("Bron: www.rt.com"). */
  readonly origin: readonly string[];
  /** Outlets the text says it summarises ("We vatten enkele artikels … samen. Bronnen: Global Times"). */
  readonly summaryOf: readonly string[];
  /** Language or outlet the text says it was translated from. */
  readonly translatedFrom: string | null;
  /** Where in the text the above was read, for a reviewer to check. */
  readonly evidence: string | null;
}

/** Article metadata: the declared fields, plus any unknown fields kept verbatim in `extra`. */
export interface ArticleMeta {
  readonly title: string | null;
  readonly outlet: string | null;
  /** ISO 8601 date (YYYY-MM-DD) or date-time, as declared. */
  readonly published: string | null;
  readonly url: string | null;
  readonly author: string | null;
  readonly provenance: Provenance;
  /** Where the article was read from: a path relative to the corpus input, or `file.jsonl:line`. */
  readonly source: string;
  /** Front-matter or JSONL fields this schema does not know, kept as given (keys sorted). */
  readonly extra: Readonly<Record<string, unknown>>;
}

/** A validated article, ready for analysis. */
export interface Article {
  readonly id: string;
  readonly language: Language;
  readonly languageSource: "declared" | "detected";
  /** The body exactly as it stands in the file; every offset in a record indexes this string. */
  readonly text: string;
  readonly meta: ArticleMeta;
}

/** Kinds of block a body is segmented into. */
export type BlockKind = "heading" | "paragraph" | "boilerplate" | "source-line";

/** A run of body text, `[start, end)` in UTF-16 code units of `Article.text`. */
export interface Block {
  readonly index: number;
  readonly kind: BlockKind;
  readonly start: number;
  readonly end: number;
  /** For boilerplate, source lines and headings: the id of the pattern or rule that decided the kind. */
  readonly rule: string | null;
}

/** A sentence, `[start, end)` into `Article.text`, inside block `block`. */
export interface Sentence {
  readonly index: number;
  readonly start: number;
  readonly end: number;
  readonly block: number;
}

/** A word token, `[start, end)` into `Article.text`, with its sentence index. Internal to the pipeline. */
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

/** Where a marker stands: inside a direct quotation, inside scare quotes, or in the author's own words (null). */
export type QuoteContext = "direct" | "scare" | null;

/** A quoted span as published: marks included; a direct quotation or a scare quote, and the rule that decided. */
export interface QuotationRecord {
  readonly start: number;
  readonly end: number;
  readonly kind: "direct" | "scare";
  readonly reason: string;
  readonly sentence: number;
}

/** One occurrence of a framing codebook term. */
export interface FramingMarker {
  readonly frame: string;
  /** The surface form as it stands in the body ("Hegemon’s", "vazalstaat"). */
  readonly term: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  /** The term's form label from the codebook ("personified", "generic"), or null. */
  readonly form: string | null;
  readonly quote: QuoteContext;
}

/** One occurrence of a rhetorical device; the same shape as a framing marker, keyed by `device`. */
export interface DeviceMarker {
  readonly device: string;
  readonly term: string;
  readonly start: number;
  readonly end: number;
  readonly sentence: number;
  readonly quote: QuoteContext;
}

/** Sentiment of an article, its sentences and their words, on a -1..1 scale. */
export interface SentimentRecord {
  readonly method: { readonly id: string; readonly rules: string; readonly lexicon: string };
  /** Mean sentence score over paragraph sentences; null if there are none. */
  readonly score: number | null;
  /** The same, leaving out sentences inside a direct quotation: the author's own voice. */
  readonly ownVoiceScore: number | null;
  readonly sentences: readonly {
    readonly index: number;
    readonly score: number;
    /** "direct" when at least half of the sentence is inside a direct quotation. */
    readonly quote: "direct" | null;
    /** Each scored word's share of the sentence score; the values sum to `score`. */
    readonly contributions: readonly { readonly start: number; readonly end: number; readonly value: number }[];
  }[];
}

/** Who the article mentions, and the tone of the sentences that mention them. */
export interface ActorRecord {
  readonly mentions: readonly { readonly actor: string; readonly term: string; readonly start: number; readonly end: number; readonly sentence: number }[];
  /** Per actor: its camp, how often it is mentioned, the sentences that mention it, their mean tone. */
  readonly tone: readonly { readonly actor: string; readonly camp: string; readonly mentions: number; readonly sentences: readonly number[]; readonly tone: number | null }[];
  readonly inGroup: { readonly camp: string; readonly sentences: readonly number[]; readonly tone: number | null };
  readonly outGroup: { readonly camp: string; readonly sentences: readonly number[]; readonly tone: number | null };
  /** In-group tone minus out-group tone; null unless both camps are mentioned in paragraphs. */
  readonly gap: number | null;
}

/** An outlet or author the text names: cited as a source, named in an origin line, or credited. */
export interface OutletRecord {
  /** Canonical name when the outlet gazetteer knows it, else the name as written. */
  readonly name: string;
  readonly id: string | null;
  readonly kind: "state-media" | "other-media" | null;
  readonly role: "cited" | "origin" | "author-credit";
  readonly start: number;
  readonly end: number;
}

/**
 * What kind of voice a speaker is: a government or official (ministers, ministries, governments and their
 * leaders), state media, other media (journalists and outlets), an expert or analyst, a document (treaty,
 * statement, statistics), an anonymous single source ("een kennis", "sources"), an unnamed group ("Chinese
 * analysts"), or "other" (a named person whose role the text does not give).
 */
export type SpeakerType = "government" | "state-media" | "other-media" | "expert" | "document" | "anonymous" | "unnamed-group" | "other";

/** A character range `[start, end)` into the body. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/**
 * One attributed quotation or paraphrase. `quote` is the quoted span (marks included) for direct and mixed
 * quotations, or the reported content for indirect speech. `speaker` is the canonical name (null when no
 * speaker could be found: nothing is guessed); `speakerSpan` is where the text names the speaker in this
 * attribution (a pronoun or surname, when it refers back), and `resolvedBy` says how the name was reached.
 */
export interface AttributionRecord {
  readonly speaker: string | null;
  readonly speakerType: SpeakerType | null;
  readonly kind: "direct" | "indirect" | "mixed";
  /** The cue as written ("said", "voegde eraan toe", "volgens"), ":" for a colon-introduced quote, or null. */
  readonly cue: string | null;
  readonly quote: Span;
  readonly cueSpan: Span | null;
  readonly speakerSpan: Span | null;
  readonly resolvedBy: "name" | "title" | "pronoun" | "relative" | "surname" | null;
  /** Index of the sentence in which the quote or the reported content starts. */
  readonly sentence: number;
}

/** Provenance found in the text beside the provenance the metadata declares. */
export interface ProvenanceCheck {
  readonly declared: { readonly origins: readonly string[]; readonly author: string | null };
  readonly detected: { readonly origins: readonly string[]; readonly authors: readonly string[] };
  /** Empty when the two agree. */
  readonly disagreements: readonly string[];
}

/** The published analysis of one article. */
export interface ArticleRecord {
  readonly schema: string;
  /** Identity (id, version, SHA-256) of each codebook the record was made with. */
  readonly codebooks: {
    readonly framing: { readonly id: string; readonly version: string; readonly sha256: string };
    readonly devices: { readonly id: string; readonly version: string; readonly sha256: string };
    readonly speechCues: { readonly id: string; readonly version: string; readonly sha256: string };
    readonly actors: { readonly id: string; readonly version: string; readonly sha256: string };
    readonly outlets: { readonly id: string; readonly version: string; readonly sha256: string };
  };
  readonly id: string;
  readonly language: Language;
  readonly languageSource: "declared" | "detected";
  /** Display title: the declared title, else the first heading if it opens the article, else the opening words. */
  readonly title: string;
  readonly titleSource: "front-matter" | "first-heading" | "opening-words";
  /** Word tokens in headings and paragraphs (boilerplate and source lines excluded). */
  readonly words: number;
  readonly sentences: readonly Sentence[];
  readonly blocks: readonly Block[];
  /** Markdown syntax characters (`**`, `[`, `](url)`, `#`) as `[start, end)` pairs; hidden in the reader. */
  readonly markup: readonly (readonly [number, number])[];
  readonly quotations: readonly QuotationRecord[];
  readonly markers: readonly FramingMarker[];
  readonly devices: readonly DeviceMarker[];
  readonly sentiment: SentimentRecord;
  readonly actors: ActorRecord;
  readonly outlets: readonly OutletRecord[];
  readonly attributions: readonly AttributionRecord[];
  readonly provenanceCheck: ProvenanceCheck;
  readonly meta: ArticleMeta;
  readonly text: string;
}
