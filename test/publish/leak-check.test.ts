import { describe, expect, it } from "vitest";
import { zipSync } from "fflate";
import { ClosedTextIndex, findLeaks, wordsOf } from "../../data-loaders/publish/leak-check.ts";
import { publishedTexts } from "../../data-loaders/publish/published-text.ts";

const CLOSED = {
  id: "a",
  language: "en",
  text: "The minister said the talks in Geneva would resume next week after a long pause. Nobody believed her at all.\nShort one.",
  published: ["Talks in Geneva would resume"],
};
const index = new ClosedTextIndex([CLOSED]);

describe("wordsOf(text)", () => {
  it("keeps letters and digits, lower-cased and NFC-normalised, and drops punctuation and quotes", () => {
    expect(wordsOf("“Geneva’s” talks, 2024 — Cafe\u0301!")).toEqual(["geneva", "s", "talks", "2024", "café"]);
  });
});

describe("findLeaks(index, text)", () => {
  it("finds a run of eight closed words through punctuation and case, overlapping hits merged into one run", () => {
    const runs = findLeaks(index, 'Quote: "the TALKS in Geneva, would resume next week after" a pause, she added.');
    expect(runs).toHaveLength(1);
    expect(runs[0]!.words.join(" ")).toBe("the talks in geneva would resume next week after a");
  });

  it("does not flag seven closed words, nor a run broken by a word no closed article has", () => {
    expect(findLeaks(index, "the talks in Geneva would resume next")).toEqual([]);
    expect(findLeaks(index, "the talks in Geneva would zebra resume next week after a")).toEqual([]);
  });

  it("flags a whole closed sentence shorter than a run, but not a shorter one than the policy's minimum", () => {
    expect(findLeaks(index, "x Nobody believed her at all y").map((r) => r.words.join(" "))).toEqual(["nobody believed her at all"]);
    expect(findLeaks(index, "Short one.")).toEqual([]);
  });

  it("allows what the article publishes on purpose (its declared title)", () => {
    expect(findLeaks(index, "Talks in Geneva would resume")).toEqual([]);
  });

  it("reports separate runs separately, in order", () => {
    const text = "the minister said the talks in Geneva would; unrelated filler; resume next week after a long pause nobody believed";
    expect(findLeaks(index, text).map((r) => r.start)).toEqual([0, 10]);
  });

  it("follows a stricter policy when given one", () => {
    const strict = new ClosedTextIndex([CLOSED], { runWords: 3, minSentenceWords: 2 });
    expect(findLeaks(strict, "she said the talks").map((r) => r.words)).toEqual([["said", "the", "talks"]]);
    expect(() => new ClosedTextIndex([CLOSED], { runWords: 1, minSentenceWords: 1 })).toThrow(/leak check: invalid policy/);
  });
});

describe("publishedTexts(name, bytes)", () => {
  const bytes = (text: string) => new TextEncoder().encode(text);
  const run = "the minister said the talks in Geneva would resume";

  it("reads a JSON file's strings with escapes decoded, and split keyword-in-context lines as one text", () => {
    const json = JSON.stringify({ lines: [["the minister said the", "talks", "in Geneva would resume"]] }).replace(
      "minister",
      "minis\\u0074er",
    );
    const [text] = publishedTexts("kwic.json", bytes(json));
    expect(findLeaks(index, text!.text)).toHaveLength(1);
  });

  it("reads HTML with tags removed and entities decoded, and a script's escaped strings", () => {
    const html = `<p>the minister said the talks in&#32;Geneva &amp; would resume</p>`;
    expect(findLeaks(index, publishedTexts("page.html", bytes(html))[0]!.text)).toHaveLength(1);
    const script = `const s = "the minister said the talks in\\u0020Geneva would resume";`;
    expect(findLeaks(index, publishedTexts("page.js", bytes(script))[0]!.text)).toHaveLength(1);
  });

  it("reads each entry of a zip archive by its own name, and skips binary files", () => {
    const zip = zipSync({ "b.csv": bytes(`id,text\n1,"${run}"\n`), "a.png": bytes("\0png") });
    const texts = publishedTexts("site.zip", zip);
    expect(texts.map((t) => t.file)).toEqual(["site.zip!b.csv"]);
    expect(findLeaks(index, texts[0]!.text)).toHaveLength(1);
    expect(publishedTexts("font.woff2", bytes(run))).toEqual([]);
  });
});
