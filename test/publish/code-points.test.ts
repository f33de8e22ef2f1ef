import { describe, expect, it } from "vitest";
import { codePointOffsets } from "../../data-loaders/publish/code-points.ts";

/** The reference: code points before a UTF-16 offset, counted by the string iterator (as Python's len would). */
const reference = (text: string, offset: number) => Array.from(text.slice(0, offset)).length;

describe("codePointOffsets(text)", () => {
  it("maps text without characters beyond the BMP to itself", () => {
    const text = "Eurazië’s “hegemon” — vazallen";
    const toCodePoint = codePointOffsets(text);
    for (let k = 0; k <= text.length; k++) expect(toCodePoint(k)).toBe(k);
  });

  it("counts a surrogate pair once, as the string iterator does, at every character boundary", () => {
    const text = "a😀b 𝕏 said “🇳🇱 yes” 😀";
    const toCodePoint = codePointOffsets(text);
    expect(toCodePoint(3)).toBe(2);
    for (let k = 0; k <= text.length; k++) {
      const insidePair = k > 0 && /[\uD800-\uDBFF]/.test(text[k - 1]!) && /[\uDC00-\uDFFF]/.test(text[k]!);
      if (!insidePair) expect(toCodePoint(k), `offset ${k}`).toBe(reference(text, k));
    }
    expect(toCodePoint(text.length)).toBe(Array.from(text).length);
  });

  it("counts a lone surrogate as one code point", () => {
    const text = "x\uD800y\uDC00z";
    const toCodePoint = codePointOffsets(text);
    expect([0, 1, 2, 3, 4, 5].map(toCodePoint)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(Array.from(text).length).toBe(5);
  });
});
