// The learned cue detector's candidates and features (data-loaders/voices/cue-features.ts), one family at a
// time, on sentences written for the test, and how detectCues turns accepted tokens into cues.
import { describe, expect, it } from "vitest";
import { cueReading, readText } from "../../data-loaders/pipeline/analyze-article.ts";
import { cueCandidates, englishStem } from "../../data-loaders/voices/cue-features.ts";
import { detectCues } from "../../data-loaders/voices/detect-cues.ts";
import { sharedResources } from "../helpers.ts";

/** The candidates of a text: each with its word as written and its features. */
function candidates(text: string) {
  const reading = cueReading(readText(text, "en", sharedResources()), sharedResources());
  return cueCandidates(reading).map((c) => ({ word: text.slice(c.start, c.end), features: c.features, listSpan: c.listSpan }));
}
/** The features of the one candidate written `word`. */
function featuresOf(text: string, word: string): string[] {
  const found = candidates(text).filter((c) => c.word === word);
  expect(found, `one candidate "${word}"`).toHaveLength(1);
  return found[0]!.features;
}

describe("englishStem(word)", () => {
  it("strips a regular inflection so unseen forms share a weight", () => {
    expect(["says", "claimed", "arguing", "denied", "replies", "press", "said"].map(englishStem)).toEqual([
      "say",
      "claim",
      "argu",
      "deny",
      "reply",
      "press",
      "said",
    ]);
  });
});

describe("cueCandidates(reading): which tokens are scored", () => {
  it("scores verbs and listed words, not nouns, determiners or words inside quotation marks", () => {
    const words = candidates(`The minister said that the “report says nothing” about it, according to aides.`).map((c) => c.word);
    expect(words).toContain("said");
    expect(words).toContain("according");
    expect(words).not.toContain("minister");
    expect(words).not.toContain("says");
  });
  it("leaves out headings", () => {
    expect(candidates("Putin Says No\n\nHe said it twice.").map((c) => c.word)).toEqual(["said"]);
  });
  it("gives a listed word its whole list match, so 'according to' is one cue", () => {
    const according = candidates("The talks failed, according to Reuters.").find((c) => c.word === "according")!;
    expect(according.listSpan).toEqual({ start: 18, end: 30 });
    expect(according.features).toContain("list=preposition");
  });
});

describe("cue features by family", () => {
  it("the word: its form, stem and ending", () => {
    expect(featuresOf("He claimed victory.", "claimed")).toEqual(expect.arrayContaining(["w=claimed", "s=claim", "suf=med"]));
  });
  it("parts of speech: its tag, its neighbours' and the pairs with its stem", () => {
    expect(featuresOf("He claimed victory.", "claimed")).toEqual(
      expect.arrayContaining(["t=VERB", "t-1=PRON", "t+1=NOUN", "w|t=claimed|VERB", "s|t-1=claim|PRON"]),
    );
  });
  it("neighbouring words, punctuation included", () => {
    expect(featuresOf("She warned that prices would rise.", "warned")).toEqual(
      expect.arrayContaining(["w-1=she", "w+1=that", "s|w+1=warn|that", "before-that"]),
    );
  });
  it("lists: the list and entry that hold it, and the rules' verb reading", () => {
    expect(featuresOf("She warned that prices would rise.", "warned")).toEqual(expect.arrayContaining(["list=cue", "listed-verb"]));
    expect(featuresOf("Putin believes that the West is weak.", "believes")).toEqual(
      expect.arrayContaining(["list=thought", "entry=thought:thought"]),
    );
  });
  it("quotation marks: a quotation closing just before it, or opening just after", () => {
    expect(featuresOf("“We will win,” she said.", "said")).toEqual(expect.arrayContaining(["after-quote", "sentence-quote", "last-word"]));
    expect(featuresOf("She said: “We will win.”", "said")).toEqual(expect.arrayContaining(["before-quote", "before-colon"]));
  });
  it("the sentence: its first word, a comma before it, a complementizer soon after, subject and clause", () => {
    expect(featuresOf("Prices rose, analysts said.", "said")).toEqual(expect.arrayContaining(["subject=noun", "last-word"]));
    expect(featuresOf("Prices rose, saying nothing.", "saying")).toEqual(expect.arrayContaining(["after-comma"]));
    expect(featuresOf("He told reporters that it was over.", "told")).toEqual(
      expect.arrayContaining(["that-soon", "subject=person-pronoun"]),
    );
    expect(featuresOf("She believes the deal will fail.", "believes")).toContain("clause-after=clause");
    expect(featuresOf("Said the minister: no.", "Said")).toContain("first-word");
  });
  it("a capital inside the sentence keeps the word apart from the lower-case verb's", () => {
    expect(featuresOf("Trump Says Mexico Will Pay, he writes.", "Says")).toEqual(
      expect.arrayContaining(["capitalised", "w=Says", "s=Say"]),
    );
    expect(featuresOf("Trump Says Mexico Will Pay, he writes.", "writes")).not.toContain("capitalised");
  });
});

describe("detectCues(reading, model)", () => {
  const reading = (text: string) => cueReading(readText(text, "en", sharedResources()), sharedResources());
  const everyVerb = {
    threshold: 0.5,
    bias: -5,
    weights: new Map([
      ["t=VERB", 10],
      ["list=preposition", 10],
    ]),
  };
  it("joins accepted tokens separated only by spaces into one cue, and keeps each cue's reasons", () => {
    const text = "He kept saying it, according to aides.";
    const cues = detectCues(reading(text), everyVerb);
    expect(cues.map((c) => text.slice(c.start, c.end))).toEqual(["kept saying", "according to"]);
    expect(cues[0]!.reasons[0]).toEqual({ feature: "t=VERB", weight: 10 });
    expect(cues[0]!.probability).toBeGreaterThan(0.99);
  });
  it("accepts nothing below the model's threshold", () => {
    expect(detectCues(reading("He said it."), { ...everyVerb, threshold: 0.9999999 })).toEqual([]);
  });
});
