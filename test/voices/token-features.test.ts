// The sequence model's token features (data-loaders/voices/token-features.ts) on sentences written for the
// test, one family at a time, and a bound on their number per token, which keeps tagging linear in words.
import { describe, expect, it } from "vitest";
import { cueReading, readText } from "../../data-loaders/pipeline/analyze-article.ts";
import { sentenceFeatures } from "../../data-loaders/voices/token-features.ts";
import { speechDenseTexts } from "../../scripts/speech-dense-texts.ts";
import { sharedResources } from "../helpers.ts";

/** The sentences of a text with each token's word and features. */
function featured(text: string) {
  const reading = cueReading(readText(text, "en", sharedResources()), sharedResources());
  return sentenceFeatures(reading).map((s) => s.tokens.map((t, k) => ({ word: t.value, features: s.features[k]! })));
}
const featuresOf = (text: string, word: string) =>
  featured(text)
    .flat()
    .find((t) => t.word === word)!.features;

describe("sentenceFeatures(reading)", () => {
  it("gives every token of every sentence features, one sentence per list", () => {
    const sentences = featured("The minister said so. Prices rose.");
    expect(sentences.map((s) => s.map((t) => t.word))).toEqual([
      ["The", "minister", "said", "so", "."],
      ["Prices", "rose", "."],
    ]);
    for (const token of sentences.flat()) expect(token.features).toContain("bias");
  });
  it("names a noun's distance to the listed cue after it, and a cue's own list and candidate features", () => {
    expect(featuresOf("The minister said so.", "minister")).toEqual(expect.arrayContaining(["cue-after=1", "cue-before=none", "shape=x"]));
    expect(featuresOf("The minister said so.", "said")).toEqual(
      expect.arrayContaining(["list=cue", "subject=noun", "w-1|w=minister|said"]),
    );
  });
  it("marks words inside a direct quotation and the marks themselves", () => {
    const text = "“We will win,” Putin said.";
    expect(featuresOf(text, "win")).toContain("in-quote");
    expect(featuresOf(text, "“")).toContain("quote-mark");
    expect(featuresOf(text, "Putin")).toContain("quote-in-sentence");
  });
  it("marks a word after a complementizer that follows a listed cue", () => {
    expect(featuresOf("Lavrov said that talks failed.", "talks")).toContain("that-since-cue");
    expect(featuresOf("Lavrov said talks failed.", "talks")).not.toContain("that-since-cue");
  });
  it("keeps the number of features per token bounded on an unpunctuated run of speech verbs and names", () => {
    const most = (words: number) => {
      const text = speechDenseTexts(words).find((t) => t.name === "names and verbs")!.text;
      return Math.max(
        ...featured(text)
          .flat()
          .map((t) => t.features.length),
      );
    };
    expect(most(2000)).toBe(most(200));
  });
});
