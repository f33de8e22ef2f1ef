/**
 * The text the analysers match on, beside the text every offset indexes. Scraped news carries invisible
 * characters that split words for a matcher but not for a reader (a zero-width space in "Heg\u200Bemon", a
 * soft hyphen in "multipo\u00ADlar") and letters written as a base and a combining mark ("Oekrai\u0308ne",
 * NFD, as macOS file names and some CMSs store them). The view drops the invisible characters and composes
 * letters (Unicode NFC), and maps every offset of the view back to the verbatim body.
 */

/**
 * Characters that are invisible inside a word and carry no meaning in English or Dutch text: soft hyphen,
 * zero-width space, zero-width non-joiner and joiner, word joiner, and a byte-order mark inside the text.
 */
const INVISIBLE = /[\u00AD\u200B-\u200D\u2060\uFEFF]/u;
const INVISIBLE_ALL = /[\u00AD\u200B-\u200D\u2060\uFEFF]/gu;
/** A base character with the combining marks that follow it, or a lone invisible character. */
const CLUSTER = /[\u00AD\u200B-\u200D\u2060\uFEFF]|[^\p{M}][\p{M}]*|[\p{M}]+/gsu;

/** The matching view of a body: its text and, unless it equals the body, the offset maps back. */
export interface MatchingView {
  /** The body without invisible characters, in NFC. */
  readonly text: string;
  /**
   * `start[i]`: the body offset where view character `i` begins; `end[i]`: the body offset where a span of
   * the view ending at `i` ends. Both have `text.length + 1` entries. Null when the view is the body.
   */
  readonly maps: { readonly start: Int32Array; readonly end: Int32Array } | null;
}

/**
 * Builds the matching view of `body`. For almost every text (NFC, no invisible characters) it is the body
 * itself and costs one check.
 * @example matchingView("Heg\u200Bemon").text // "Hegemon"
 */
export function matchingView(body: string): MatchingView {
  if (!INVISIBLE.test(body) && body.normalize("NFC") === body) return { text: body, maps: null };
  const parts: string[] = [];
  const starts: number[] = [];
  const ends: number[] = [0];
  for (const match of body.matchAll(CLUSTER)) {
    const cluster = match[0];
    const from = match.index;
    const to = from + cluster.length;
    if (INVISIBLE.test(cluster) && cluster.length === 1) {
      // Dropped: a span that ends just before it still ends there, one that starts after it starts after it.
      continue;
    }
    const composed = cluster.replace(INVISIBLE_ALL, "").normalize("NFC");
    for (let k = 0; k < composed.length; k++) {
      starts.push(from);
      ends.push(k === composed.length - 1 ? to : from);
    }
    parts.push(composed);
  }
  starts.push(body.length);
  return { text: parts.join(""), maps: { start: Int32Array.from(starts), end: Int32Array.from(ends) } };
}

/**
 * Moves every offset of a value computed on the view back to the body: each `start` and `end` number
 * property, anywhere inside objects and arrays, and the pairs of `markup`. Returns a new value.
 */
export function offsetsToBody<T>(value: T, maps: NonNullable<MatchingView["maps"]>): T {
  const walk = (node: unknown, key: string | null): unknown => {
    if (Array.isArray(node)) {
      if (key === "markup") return node.map((pair: [number, number]) => [maps.start[pair[0]]!, maps.end[pair[1]]!]);
      return node.map((item) => walk(item, null));
    }
    if (node === null || typeof node !== "object") return node;
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === "number" && k === "start") out[k] = maps.start[v]!;
      else if (typeof v === "number" && k === "end") out[k] = maps.end[v]!;
      else out[k] = walk(v, k);
    }
    return out;
  };
  return walk(value, null) as T;
}
