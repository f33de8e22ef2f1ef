import { describe, expect, it } from "vitest";
import { SHINGLE_WORDS, hashWord, jaccard, mix32, sharedCount, shingleHashes } from "../../data-loaders/reuse/shingles.ts";
import { SIGNATURE_SIZE, bandKeys, minHashSignature, BANDS } from "../../data-loaders/reuse/min-hash.ts";

const words = (text: string) => text.split(" ");

describe("shingleHashes(words)", () => {
  it("gives one shingle per run of five words, one for a shorter paragraph and none for no words", () => {
    expect(SHINGLE_WORDS).toBe(5);
    expect(shingleHashes(words("a b c d e f g")).length).toBe(3);
    expect(shingleHashes(words("a b c")).length).toBe(1);
    expect(shingleHashes([]).length).toBe(0);
  });

  it("counts a repeated run once and tells word order apart", () => {
    expect(shingleHashes(words("a b c d e a b c d e")).length).toBe(5);
    expect([...shingleHashes(words("a b c d e"))]).not.toEqual([...shingleHashes(words("e d c b a"))]);
  });
});

describe("jaccard(a, b) and sharedCount(a, b)", () => {
  it("agree with the worked example |{2,5}| / |{1,2,5,9}| = 0.5", () => {
    expect(sharedCount(Uint32Array.of(1, 2, 5), Uint32Array.of(2, 5, 9))).toBe(2);
    expect(jaccard(Uint32Array.of(1, 2, 5), Uint32Array.of(2, 5, 9))).toBe(0.5);
    expect(jaccard(new Uint32Array(0), new Uint32Array(0))).toBe(0);
  });
});

describe("hashWord and mix32", () => {
  it("match FNV-1a's and MurmurHash3 fmix32's published values", () => {
    // FNV-1a 32 of "a" is 0xe40c292c (the FNV reference test vectors); fmix32(1) is 0x514e28b7.
    expect(hashWord("a")).toBe(0xe40c292c);
    expect(mix32(1)).toBe(0x514e28b7);
  });
});

describe("minHashSignature(shingles)", () => {
  it("estimates the Jaccard index by the share of equal entries (within four standard errors at 128 hashes)", () => {
    const a = Uint32Array.from({ length: 300 }, (_, i) => i);
    const b = Uint32Array.from({ length: 300 }, (_, i) => i + 100);
    const [x, y] = [minHashSignature(a), minHashSignature(b)];
    const estimate = x.filter((v, i) => v === y[i]).length / SIGNATURE_SIZE;
    const exact = jaccard(a, b); // 200 / 400
    expect(exact).toBe(0.5);
    expect(Math.abs(estimate - exact)).toBeLessThan(4 * Math.sqrt((exact * (1 - exact)) / SIGNATURE_SIZE));
  });

  it("is the same on every run and gives equal band keys to equal sets", () => {
    const set = Uint32Array.of(3, 14, 15, 92);
    expect(minHashSignature(set)).toEqual(minHashSignature(Uint32Array.of(3, 14, 15, 92)));
    expect(bandKeys(minHashSignature(set)).length).toBe(BANDS);
  });
});
