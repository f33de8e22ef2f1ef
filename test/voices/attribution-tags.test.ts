// Attribution as BIO tags (data-loaders/voices/attribution-tags.ts): annotated spans to token tags, tags
// back to segments, and each cue paired with its nearest source and content. Tokens and spans made up.
import { describe, expect, it } from "vitest";
import { goldTags, pairSegments, taggedSegments } from "../../data-loaders/voices/attribution-tags.ts";

/** The tokens of a text split at spaces, as character spans. */
function tokensOf(text: string) {
  const out: Array<{ start: number; end: number }> = [];
  for (const m of text.matchAll(/\S+/gu)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}
const at = (text: string, part: string) => ({ start: text.indexOf(part), end: text.indexOf(part) + part.length });

describe("goldTags(tokens, annotations)", () => {
  const text = "The minister said the talks failed";
  it("tags each part's first token B- and the rest I-, and everything else O", () => {
    const tags = goldTags(tokensOf(text), [
      { cue: [at(text, "said")], source: [at(text, "The minister")], content: [at(text, "the talks failed")] },
    ]);
    expect(tags).toEqual(["B-SOURCE", "I-SOURCE", "B-CUE", "B-CONTENT", "I-CONTENT", "I-CONTENT"]);
  });
  it("lets a nested attribution's cue and source win over the content that holds them", () => {
    const nested = "He said Lavrov claimed victory";
    const tags = goldTags(tokensOf(nested), [
      { cue: [at(nested, "said")], source: [at(nested, "He")], content: [at(nested, "Lavrov claimed victory")] },
      { cue: [at(nested, "claimed")], source: [at(nested, "Lavrov")], content: [at(nested, "victory")] },
    ]);
    expect(tags).toEqual(["B-SOURCE", "B-CUE", "B-SOURCE", "B-CUE", "B-CONTENT"]);
  });
  it("opens a new segment for each range of a discontinuous part, and tags a token a range only touches", () => {
    const split = "Trump , he said , won";
    const tags = goldTags(tokensOf(split), [
      { cue: [at(split, "said")], source: [at(split, "Trump"), { start: 8, end: 9 }], content: null },
    ]);
    expect(tags).toEqual(["B-SOURCE", "O", "B-SOURCE", "B-CUE", "O", "O"]);
  });
});

describe("taggedSegments(tokens, tags) and pairSegments(segments)", () => {
  const text = "Aides of Putin said and Lavrov added that talks failed";
  const tokens = tokensOf(text);
  const tags = ["B-SOURCE", "I-SOURCE", "I-SOURCE", "B-CUE", "O", "B-SOURCE", "B-CUE", "O", "B-CONTENT", "I-CONTENT"];
  it("joins a B- tag and the I- tags after it into one segment with its character span", () => {
    const segments = taggedSegments(tokens, tags);
    expect(segments.map((s) => [s.part, text.slice(s.start, s.end)])).toEqual([
      ["SOURCE", "Aides of Putin"],
      ["CUE", "said"],
      ["SOURCE", "Lavrov"],
      ["CUE", "added"],
      ["CONTENT", "talks failed"],
    ]);
  });
  it("pairs each cue with the nearest source and content, a shared content serving both", () => {
    const pairs = pairSegments(taggedSegments(tokens, tags));
    const show = (s: { start: number; end: number } | null) => (s ? text.slice(s.start, s.end) : null);
    expect(pairs.map((p) => [show(p.cue), show(p.source), show(p.content)])).toEqual([
      ["said", "Aides of Putin", "talks failed"],
      ["added", "Lavrov", "talks failed"],
    ]);
  });
  it("prefers the source before the cue when two stand equally near", () => {
    const even = "Putin said Lavrov";
    const pairs = pairSegments(taggedSegments(tokensOf(even), ["B-SOURCE", "B-CUE", "B-SOURCE"]));
    expect(even.slice(pairs[0]!.source!.start, pairs[0]!.source!.end)).toBe("Putin");
  });
  it("gives a cue with no source or content in its sentence none", () => {
    expect(pairSegments(taggedSegments(tokensOf("it said"), ["O", "B-CUE"]))).toEqual([
      { cue: { start: 3, end: 7 }, source: null, content: null },
    ]);
  });
});
