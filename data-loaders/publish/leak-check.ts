/**
 * The public build's leak check: does a published text hold a run of a closed article's words?
 *
 * Each closed article (one whose licence does not allow publishing it) is cut into words, and two things are
 * remembered of it, as hashes of word sequences: every run of `runWords` consecutive words (its shingles),
 * and every sentence of at least `minSentenceWords` words (a shorter sentence than a shingle, which the
 * shingles would miss). A published text is cut into words the same way and each of its positions is
 * looked up: prefix hashes (a polynomial hash modulo two primes below 2^26, exact in doubles) give any
 * run's hash in constant time, so the scan is linear in the text. Why eight words: the EU Court of Justice
 * held an 11-word extract can reproduce part of a work (Infopaq, C-5/08), so a run of 8 is flagged well
 * below it, while a matched term (at most a few words) and a speaker's name never are.
 * Words are maximal runs of letters and digits, lower-cased after NFC normalisation: punctuation, quotes and
 * markup between them do not hide a run. A word no closed article has breaks every run through it.
 */

/** How long a run of a closed article's words must be to be a leak. */
export interface LeakPolicy {
  /** A run of this many consecutive words of a closed article is a leak (default 8). */
  readonly runWords: number;
  /** A whole sentence of a closed article of at least this many words is a leak (default 4). */
  readonly minSentenceWords: number;
}

export const DEFAULT_LEAK_POLICY: LeakPolicy = { runWords: 8, minSentenceWords: 4 };

/** An article the check protects: its text, its language (for sentence breaks), and text it may show (its declared title). */
export interface ClosedArticle {
  readonly id: string;
  readonly language: string;
  readonly text: string;
  /** Metadata published on purpose (a declared headline): runs inside it are not leaks. */
  readonly published?: readonly string[];
}

/** A run of closed words found in a published text: where it starts and ends (in words) and the words. */
export interface LeakRun {
  readonly start: number;
  readonly end: number;
  readonly words: readonly string[];
}

const P1 = 67108859;
const P2 = 67108837;
const BASE = 1000003;
const WORD = /[\p{L}\p{N}]+/gu;

/** The words of `text`, lower-cased, NFC-normalised: maximal runs of letters and digits. */
export function wordsOf(text: string): string[] {
  return text.normalize("NFC").toLowerCase().match(WORD) ?? [];
}

/** Multiplies modulo a prime below 2^26 without leaving the doubles' exact range. */
function mulMod(a: number, b: number, p: number): number {
  return (a * b) % p;
}

/** Prefix hashes of a sequence of word ids, modulo both primes. */
export class PrefixHash {
  private readonly h1: Float64Array;
  private readonly h2: Float64Array;

  constructor(ids: ArrayLike<number>) {
    this.h1 = new Float64Array(ids.length + 1);
    this.h2 = new Float64Array(ids.length + 1);
    for (let i = 0; i < ids.length; i++) {
      this.h1[i + 1] = (mulMod(this.h1[i]!, BASE, P1) + ids[i]!) % P1;
      this.h2[i + 1] = (mulMod(this.h2[i]!, BASE, P2) + ids[i]!) % P2;
    }
  }

  /** The hash of ids[start, start + length), as one number below 2^52. */
  of(start: number, length: number, powers: Powers): number {
    const end = start + length;
    const a = (this.h1[end]! - mulMod(this.h1[start]!, powers.p1[length]!, P1) + P1) % P1;
    const b = (this.h2[end]! - mulMod(this.h2[start]!, powers.p2[length]!, P2) + P2) % P2;
    return a * P2 + b;
  }
}

/** BASE^k modulo each prime, for k up to a run's length. */
interface Powers {
  readonly p1: Float64Array;
  readonly p2: Float64Array;
}

function powersUpTo(n: number): Powers {
  const p1 = new Float64Array(n + 1);
  const p2 = new Float64Array(n + 1);
  p1[0] = p2[0] = 1;
  for (let k = 1; k <= n; k++) {
    p1[k] = mulMod(p1[k - 1]!, BASE, P1);
    p2[k] = mulMod(p2[k - 1]!, BASE, P2);
  }
  return { p1, p2 };
}

/** The sentences of `text` (Intl.Segmenter's sentence breaks for the article's language). */
function sentencesOf(text: string, language: string): string[] {
  const segmenter = new Intl.Segmenter(language, { granularity: "sentence" });
  return [...segmenter.segment(text)].map((s) => s.segment);
}

/**
 * What the check remembers of the closed articles: their vocabulary, the hashes of their runs of
 * `runWords` words, and of their sentences by length. Built once; {@link findLeaks} then scans any text.
 * @example
 * const index = new ClosedTextIndex([{ id: "a", language: "en", text: "One two three four five six seven eight." }]);
 * findLeaks(index, "say one two three four five six seven eight nine").length // 1
 */
export class ClosedTextIndex {
  readonly policy: LeakPolicy;
  private readonly vocabulary = new Map<string, number>();
  private readonly runs = new Set<number>();
  /** Sentences shorter than a run, by their length in words. */
  private readonly sentences = new Map<number, Set<number>>();
  readonly powers: Powers;

  constructor(articles: Iterable<ClosedArticle>, policy: LeakPolicy = DEFAULT_LEAK_POLICY) {
    if (!(policy.runWords >= 2 && policy.minSentenceWords >= 1)) throw new Error(`leak check: invalid policy ${JSON.stringify(policy)}`);
    this.policy = policy;
    this.powers = powersUpTo(policy.runWords);
    for (const article of articles) this.add(article);
  }

  /** Remembers one more closed article (what it publishes on purpose is forgotten again, see ClosedArticle). */
  add(article: ClosedArticle): void {
    const allowed = new Set<number>();
    for (const text of article.published ?? []) this.remember(this.idsOf(wordsOf(text), true), allowed, allowed);
    for (const sentence of sentencesOf(article.text, article.language)) this.rememberSentence(this.idsOf(wordsOf(sentence), true));
    this.remember(this.idsOf(wordsOf(article.text), true), this.runs);
    for (const hash of allowed) {
      this.runs.delete(hash);
      for (const set of this.sentences.values()) set.delete(hash);
    }
  }

  /** Each word's id (from 1), adding new words when `grow`; 0 for a word no closed article has. */
  idsOf(words: readonly string[], grow = false): Int32Array {
    const ids = new Int32Array(words.length);
    words.forEach((word, i) => {
      let id = this.vocabulary.get(word);
      if (id === undefined && grow) this.vocabulary.set(word, (id = this.vocabulary.size + 1));
      ids[i] = id ?? 0;
    });
    return ids;
  }

  /** Adds the hash of every run of `runWords` ids to `runs` (and, for allowed text, of every shorter span to `spans`). */
  private remember(ids: Int32Array, runs: Set<number>, spans?: Set<number>): void {
    const prefix = new PrefixHash(ids);
    const n = this.policy.runWords;
    for (let start = 0; start + n <= ids.length; start++) runs.add(prefix.of(start, n, this.powers));
    if (!spans) return;
    for (let length = this.policy.minSentenceWords; length < n; length++)
      for (let start = 0; start + length <= ids.length; start++) spans.add(prefix.of(start, length, this.powers));
  }

  private rememberSentence(ids: Int32Array): void {
    if (ids.length < this.policy.minSentenceWords || ids.length >= this.policy.runWords) return;
    const hashes = this.sentences.get(ids.length) ?? new Set<number>();
    hashes.add(new PrefixHash(ids).of(0, ids.length, this.powers));
    this.sentences.set(ids.length, hashes);
  }

  /** Whether ids[start, start + length) is a closed run or sentence. */
  holds(prefix: PrefixHash, start: number, length: number): boolean {
    const hash = prefix.of(start, length, this.powers);
    return length === this.policy.runWords ? this.runs.has(hash) : (this.sentences.get(length)?.has(hash) ?? false);
  }

  /** The sentence lengths remembered, shortest first. */
  sentenceLengths(): number[] {
    return [...this.sentences.keys()].sort((a, b) => a - b);
  }

  /** Prefix hashes of a text's ids (for {@link holds}). */
  prefix(ids: Int32Array): PrefixHash {
    return new PrefixHash(ids);
  }
}

/**
 * The runs of a closed article's words in `text`: overlapping or touching hits merged into one run, in
 * order. Empty when the text shows nothing of the closed articles beyond the policy.
 */
export function findLeaks(index: ClosedTextIndex, text: string): LeakRun[] {
  const words = wordsOf(text);
  const ids = index.idsOf(words);
  const prefix = index.prefix(ids);
  const lengths = [...index.sentenceLengths(), index.policy.runWords];
  // The next position holding a word no closed article has: no run crosses it.
  const unknownAfter = new Int32Array(ids.length + 1).fill(ids.length);
  for (let i = ids.length - 1; i >= 0; i--) unknownAfter[i] = ids[i] === 0 ? i : unknownAfter[i + 1]!;
  const runs: LeakRun[] = [];
  let open: { start: number; end: number } | null = null;
  for (let start = 0; start < ids.length; start++) {
    for (const length of lengths) {
      if (start + length > unknownAfter[start]!) break;
      if (!index.holds(prefix, start, length)) continue;
      if (open && start <= open.end) open.end = Math.max(open.end, start + length);
      else {
        if (open) runs.push({ ...open, words: words.slice(open.start, open.end) });
        open = { start, end: start + length };
      }
    }
  }
  if (open) runs.push({ ...open, words: words.slice(open.start, open.end) });
  return runs;
}
