/**
 * Offsets in Unicode code points, for readers whose strings are indexed that way (Python's `str`, R's
 * `substr` on UTF-8, Rust's `chars()`), beside the record's offsets in UTF-16 code units (JavaScript, Java,
 * .NET). They differ only after a character outside the Basic Multilingual Plane (an emoji, 𝕏), which
 * UTF-16 writes as two code units (a surrogate pair) and a code point counts once.
 */

/**
 * A function from a UTF-16 offset into `text` to the same position in code points. Text without
 * surrogates (nearly all news text) maps to itself; otherwise one pass numbers every position.
 * @example codePointOffsets("a😀b")(3) // 2: "a" and "😀" are two code points, three code units
 */
export function codePointOffsets(text: string): (offset: number) => number {
  // Without the u flag a character class matches single code units, so this finds any surrogate.
  if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
  const positions = new Uint32Array(text.length + 1);
  let codePoints = 0;
  for (let k = 0; k < text.length; k++) {
    // The low half of a pair continues its code point (an offset there is inside the character); a lone
    // surrogate counts as one code point, as Python reads it.
    const secondHalf = k > 0 && isHigh(text.charCodeAt(k - 1)) && isLow(text.charCodeAt(k));
    positions[k] = secondHalf ? codePoints - 1 : codePoints;
    if (!secondHalf) codePoints++;
  }
  positions[text.length] = codePoints;
  return (offset) => positions[offset]!;
}

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
