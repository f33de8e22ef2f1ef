import type { Span } from "../schema/record.ts";

/**
 * The BIO tags of attribution as a sequence (Pareti 2015's cue–source–content triples, tagged as Ramshaw
 * & Marcus 1995 tag chunks): "O" outside, "B-X" a token that opens a part X, "I-X" one that continues it.
 */
export const ATTRIBUTION_TAGS = ["O", "B-CUE", "I-CUE", "B-SOURCE", "I-SOURCE", "B-CONTENT", "I-CONTENT"] as const;

/** A part of an attribution. */
export type AttributionPart = "CUE" | "SOURCE" | "CONTENT";

/** An annotated attribution: its parts as lists of character ranges (a part may be discontinuous, or absent). */
export interface AnnotatedParts {
  readonly cue: readonly Span[] | null;
  readonly source: readonly Span[] | null;
  readonly content?: readonly Span[] | null;
}

/** A run of tokens with one part's tag: token indices [first, last] and its character span. */
export interface TaggedSegment extends Span {
  readonly part: AttributionPart;
  readonly first: number;
  readonly last: number;
}

/** Where annotations overlap (a nested attribution inside another's content), the cue wins, then the source. */
const PRIORITY: readonly AttributionPart[] = ["CONTENT", "SOURCE", "CUE"];

/**
 * The gold tag of every token: a token overlapping an annotated range of a part gets that part's tag
 * (cue over source over content where they overlap); the first token of each range is "B-", the others
 * "I-". Linear in tokens plus the covered tokens of each range (ranges are located by binary search).
 * @example goldTags([{ start: 0, end: 5 }, { start: 6, end: 10 }], [{ cue: [{ start: 6, end: 10 }], source: [{ start: 0, end: 5 }] }]) // ["B-SOURCE", "B-CUE"]
 */
export function goldTags(tokens: readonly Span[], annotations: readonly AnnotatedParts[]): string[] {
  const part = new Array<number>(tokens.length).fill(-1);
  const range = new Array<string>(tokens.length).fill("");
  PRIORITY.forEach((name, rank) => {
    annotations.forEach((a, i) => {
      const ranges = name === "CUE" ? a.cue : name === "SOURCE" ? a.source : a.content;
      (ranges ?? []).forEach((r, j) => {
        for (let t = firstEndingAfter(tokens, r.start); t < tokens.length && tokens[t]!.start < r.end; t++) {
          if (rank < part[t]!) continue;
          part[t] = rank;
          range[t] = `${rank}:${i}:${j}`;
        }
      });
    });
  });
  return tokens.map((_, t) => {
    if (part[t] === -1) return "O";
    const opens = t === 0 || range[t - 1] !== range[t];
    return `${opens ? "B" : "I"}-${PRIORITY[part[t]!]}`;
  });
}

/** The index of the first token ending after `offset` (tokens sorted and not overlapping). */
function firstEndingAfter(tokens: readonly Span[], offset: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The tagged runs of a sentence's tokens: each "B-X" with the "I-X" after it is one segment of part X,
 * spanning its first token's start to its last token's end.
 * @example taggedSegments([{ start: 0, end: 5 }, { start: 6, end: 10 }], ["B-SOURCE", "B-CUE"]).map((s) => s.part) // ["SOURCE", "CUE"]
 */
export function taggedSegments(tokens: readonly Span[], tags: readonly string[]): TaggedSegment[] {
  const out: TaggedSegment[] = [];
  tags.forEach((tag, t) => {
    if (tag === "O") return;
    const part = tag.slice(2) as AttributionPart;
    const last = out[out.length - 1];
    if (tag.startsWith("I-") && last && last.part === part && last.last === t - 1) {
      out[out.length - 1] = { ...last, last: t, end: tokens[t]!.end };
      return;
    }
    out.push({ part, first: t, last: t, start: tokens[t]!.start, end: tokens[t]!.end });
  });
  return out;
}

/** One attribution read off a tagged sentence: a cue with the source and content nearest to it (or null). */
export interface SequenceAttribution {
  readonly cue: Span;
  readonly source: Span | null;
  readonly content: Span | null;
}

/**
 * The attributions of one tagged sentence: every cue segment, with the source segment and the content
 * segment nearest to it in tokens (ties to the one before the cue, as an English subject precedes its
 * verb). A source or content may serve several cues ("said and added"). Linear in the segments: one sweep
 * forward finds each cue's nearest part before it, one backward its nearest after it.
 * @example pairSegments(segments).map((a) => a.source) // the nearest source of each cue
 */
export function pairSegments(segments: readonly TaggedSegment[]): SequenceAttribution[] {
  const cues = segments.filter((s) => s.part === "CUE");
  const nearest = (part: AttributionPart): Array<Span | null> => {
    const before = new Array<TaggedSegment | null>(cues.length).fill(null);
    const after = new Array<TaggedSegment | null>(cues.length).fill(null);
    let seen: TaggedSegment | null = null;
    let c = 0;
    for (const s of segments) {
      if (s.part === part) seen = s;
      else if (s.part === "CUE") before[c++] = seen;
    }
    seen = null;
    c = cues.length;
    for (let i = segments.length - 1; i >= 0; i--) {
      const s = segments[i]!;
      if (s.part === part) seen = s;
      else if (s.part === "CUE") after[--c] = seen;
    }
    return cues.map((cue, i) => {
      const b = before[i];
      const a = after[i];
      const chosen = b && (!a || cue.first - b.last <= a.first - cue.last) ? b : a;
      return chosen ? { start: chosen.start, end: chosen.end } : null;
    });
  };
  const sources = nearest("SOURCE");
  const contents = nearest("CONTENT");
  return cues.map((cue, i) => ({ cue: { start: cue.start, end: cue.end }, source: sources[i]!, content: contents[i]! }));
}
