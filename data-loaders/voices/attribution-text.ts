/**
 * What the steps of attributeQuotes (attribute-quotes.ts) share: the input, one article's text, words and
 * mentions as the sieves read them, where a span stands (in a paragraph, inside a quotation), and the
 * record an attribution makes. The steps extend AttributionText: attribution-cues.ts, direct-quotations.ts,
 * reported-speech.ts, attribute-quotes.ts.
 */
import { sentenceAt, type Quotation } from "../terms/find-quotations.ts";
import type { TermMatch } from "../terms/match-terms.ts";
import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import type { SpeakerMention, Word } from "./mention-types.ts";
import { wordsBetween, type Cue, type CueEvidence, type SieveContext } from "./sieve-context.ts";
import type { SpeechCues } from "./speech-cues.ts";
import type { PartsOfSpeech } from "./verb-reading.ts";
import type { DetectedCue } from "./detect-cues.ts";
import type { ThresholdModel } from "./attribution-model.ts";
import type { SpeakerCandidate } from "./speaker-features.ts";
import type { PairDecision } from "./pair-model.ts";
import type { AttributionRecord, Block, CueRule, Language, OutletRecord, Sentence, Span, SpeakerRule } from "../schema/record.ts";

/** Everything the attribution step reads, prepared by readText and findSpeakerMentions. */
export interface AttributionInput {
  /** The masked body. */
  readonly text: string;
  readonly language: Language;
  readonly blocks: readonly Block[];
  readonly sentences: readonly Sentence[];
  readonly words: readonly Word[];
  readonly quotations: readonly Quotation[];
  /** Speech cues ("said", "zei", "volgens") and source prepositions ("according to", "volgens", "aldus"). */
  readonly cues: readonly TermMatch[];
  readonly sourcePrepositions: readonly TermMatch[];
  /** Verbs of thought ("believes", "vreest") and document verbs ("shows"), entries "thought" and "clause"; cues whose next name is their object ("told"). */
  readonly thoughtCues: readonly TermMatch[];
  readonly objectCues: readonly TermMatch[];
  /** English: the cues the learned detector accepted, which replace the lists' cues and their verb reading; null in Dutch. */
  readonly learnedCues: readonly DetectedCue[] | null;
  /** Part-of-speech tags of the sentences with a cue (English), or null. */
  readonly tags: PartsOfSpeech | null;
  /** English: the learned speaker ranker, which weighs every sieve's answer; null: the first sieve that finds one decides. */
  readonly speakerModel: ThresholdModel | null;
  /** The nouns that may head a speaker described by a phrase, for the ranker (attribution-model.ts). */
  readonly speakerHeads: ReadonlySet<string>;
  /** English, optional: the pair model, which keeps or drops each learned cue with its best speaker (voices/pair-model.ts). */
  readonly pairDecision?: PairDecision | null;
  /** For fitting the ranker and the pair model only: told each cue's candidate speakers, and what the sieves read. */
  readonly observeSpeakers?: (cue: Cue, candidates: readonly SpeakerCandidate[], ctx: SieveContext) => void;
  readonly mentions: readonly SpeakerMention[];
  /** Author credits found by detectOutlets: "…, schrijft Pepe Escobar" is the author, not a quoted voice. */
  readonly outlets: readonly OutletRecord[];
  readonly speechCues: SpeechCues;
}

/**
 * Whether a mention is a possessive that owns the word after it ("the Russian leader's aides", "Trump's
 * repeated calls"): it names whose aides or calls they are, not who speaks, so it is no speaker (the noun
 * phrase it opens may be). It still counts as a name pronouns can refer back to.
 * @example ownsNext("The Russian leader's aides said", { start: 4, end: 20 }) // true
 */
export function ownsNext(text: string, m: Span): boolean {
  return /['’]s$/u.test(text.slice(Math.max(m.start, m.end - 2), m.end)) && /^\s+\p{Ll}/u.test(text.slice(m.end, m.end + 3));
}

/** How far (in characters) a cue may stand from the quotation it closes, and from its sentence's end. */
export const CLOSE_REACH = 200;

/** The rules an attribution was made by, and the learned cue's evidence. */
export type Rules = { readonly cue: CueRule | null; readonly speaker: SpeakerRule | null; readonly evidence?: CueEvidence | undefined };

/** An attribution record (the fields in the record's order). */
export function record(
  speaker: SpeakerMention | null,
  kind: AttributionRecord["kind"],
  cue: string | null,
  quote: Span,
  cueSpan: Span | null,
  sentence: number,
  rules: Rules,
): AttributionRecord {
  return {
    speaker: speaker?.name ?? null,
    speakerType: speaker?.name ? speaker.type : null,
    kind,
    cue,
    quote,
    cueSpan,
    speakerSpan: speaker ? { start: speaker.start, end: speaker.end } : null,
    resolvedBy: speaker?.name ? speaker.resolvedBy : null,
    cueRule: rules.cue,
    cueModel: rules.evidence ?? null,
    speakerRule: speaker ? rules.speaker : null,
    sentence,
  };
}

/** A span's offsets alone (a mention or cue copied without its other fields). */
export function span(m: Span): Span {
  return { start: m.start, end: m.end };
}

/** Whether a word lies inside a mention (false when there is none). */
export function inMention(w: Span, m: Span | null): boolean {
  return !!m && w.start >= m.start && w.end <= m.end;
}

/** One article's attribution state (see attributeQuotes), and where a span stands in it. */
export abstract class AttributionText {
  protected readonly text: string;
  protected readonly language: Language;
  protected readonly sentences: readonly Sentence[];
  protected readonly words: readonly Word[];
  protected readonly grammar: SpeechCues["speakers"]["grammar"];
  protected readonly quoted: readonly Quotation[];
  protected readonly credits: readonly OutletRecord[];
  protected readonly wordIndex: ReadonlyMap<number, number>;
  protected readonly ctx: SieveContext;

  constructor(protected readonly input: AttributionInput) {
    this.text = input.text;
    this.language = input.language;
    this.sentences = input.sentences;
    this.words = input.words;
    this.grammar = input.speechCues.speakers.grammar;
    this.quoted = input.quotations;
    this.credits = input.outlets.filter((o) => o.role === "author-credit");
    this.wordIndex = new Map(input.words.map((w, i) => [w.start, i]));
    // Mentions by sentence: a speaker is looked for in the cue's own sentence only.
    const mentionsBySentence = new Map<number, SpeakerMention[]>();
    for (const m of input.mentions) {
      if (this.insideQuote(m) || ownsNext(this.text, m)) continue;
      const list = mentionsBySentence.get(m.sentence);
      if (list) list.push(m);
      else mentionsBySentence.set(m.sentence, [m]);
    }
    this.ctx = {
      text: this.text,
      language: this.language,
      sentences: this.sentences,
      words: input.words,
      mentionsIn: (sentence) => mentionsBySentence.get(sentence) ?? [],
      tags: input.tags,
      grammar: this.grammar,
      quotations: this.quoted.filter((q) => q.kind === "direct"),
    };
  }

  protected inParagraph(offset: number): boolean {
    const s = this.sentences[sentenceAt(this.sentences, offset)];
    return !!s && this.input.blocks[s.block]?.kind === "paragraph";
  }

  /**
   * Whether a span overlaps a quotation. Quotations do not overlap and are sorted by start: the only one
   * that can overlap a span is the last one starting before the span's end (binary search, so attribution
   * stays linear in the article's length).
   */
  protected insideQuote(m: Span): boolean {
    const q = this.quoted[lastStartingAtOrBefore(this.quoted, m.end - 1)];
    return !!q && q.end > m.start;
  }

  /** Whether an author credit ("…, schrijft Pepe Escobar") follows the cue: then it credits, not reports. */
  protected creditsAuthor(c: Span): boolean {
    return this.credits.some((o) => o.start >= c.end && /^\s*$/u.test(this.text.slice(c.end, o.start)));
  }

  /** The lower-cased word right before `offset` in the same sentence, or null. */
  protected wordBefore(offset: number): string | null {
    const i = lastStartingAtOrBefore(this.words, offset - 1);
    const w = this.words[i];
    return w && w.end <= offset && w.sentence === this.words[this.wordIndex.get(offset) ?? -1]?.sentence ? w.lower : null;
  }

  protected written(m: Span): string {
    return this.text.slice(m.start, m.end).replace(/\s+/g, " ");
  }

  protected countWords(m: Span): number {
    return wordsBetween(this.ctx, m.start, m.end).length || 1;
  }
}
