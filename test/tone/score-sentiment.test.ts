import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../data-loaders/pipeline/analyze-article.ts";
import { bareArticle } from "../../data-loaders/reading/bare-article.ts";
import { analyzeText, sharedResources } from "../helpers.ts";

const resources = sharedResources();
// The lexicon path, which Dutch reviews keep (Dutch news is scored by the news-tone model, news-tone-model.test.ts).
const lexiconPath = { ...resources, sentiment: { ...resources.sentiment, newsModel: null } };

/** The score of a one-sentence text by the lexicon path, and its contributing words. */
function sentence(text: string, language: "en" | "nl" = "en") {
  const record = analyzeArticle(bareArticle("t", text, language, "t.md"), lexiconPath);
  const first = record.sentiment.sentences[0]!;
  return { score: first.score, words: first.contributions.map((c) => [text.slice(c.start, c.end), c.value] as const), record };
}

describe("scoreSentence: English", () => {
  it("scores positive and negative words with the VADER lexicon", () => {
    expect(sentence("The talks were a great success.").score).toBeGreaterThan(0.5);
    expect(sentence("The talks were a terrible failure.").score).toBeLessThan(-0.5);
  });
  it("negates a word after not, and only within three words", () => {
    expect(sentence("The plan is not good.").score).toBeLessThan(0);
    expect(sentence("The plan is not, as they say, good.").score).toBeGreaterThan(0);
  });
  it("boosts with very and dampens with slightly", () => {
    const plain = sentence("The result is good.").score;
    expect(sentence("The result is very good.").score).toBeGreaterThan(plain);
    expect(sentence("The result is slightly good.").score).toBeLessThan(plain);
  });
  it("weighs the clause after but more", () => {
    expect(sentence("The start was good but the end was terrible.").score).toBeLessThan(0);
  });
  it("does not score a capitalised word inside a sentence as a word (it is a name)", () => {
    expect(sentence("They played the Great Game in Asia.").words.map(([word]) => word)).not.toContain("Great");
    expect(sentence("Great players won.").words.map(([word]) => word)).toContain("Great");
  });
  it("reads capitals in a mixed-case sentence and exclamation marks as emphasis", () => {
    expect(sentence("The deal is GOOD.").score).toBeGreaterThan(sentence("The deal is good.").score);
    expect(sentence("The deal is good!").score).toBeGreaterThan(sentence("The deal is good.").score);
  });
});

describe("scoreSentence: Dutch", () => {
  it("scores through the stemmed Pattern lexicon", () => {
    expect(sentence("Het was een prachtige dag.", "nl").score).toBeGreaterThan(0.3);
    expect(sentence("Het boek is saai en slecht.", "nl").score).toBeLessThan(-0.3);
  });
  it("negates with niet, geen and nooit before the word", () => {
    expect(sentence("Het boek is niet goed.", "nl").score).toBeLessThan(0);
    expect(sentence("Dit is nooit mooi geweest.", "nl").score).toBeLessThan(0);
  });
  it("negates with a clause-final niet after the word", () => {
    expect(sentence("Het boek vond ik mooi niet.", "nl").score).toBeLessThan(0);
  });
  it("does not let one negation flip every later word", () => {
    const { words } = sentence("Het is niet slecht, het is een prachtig en goed boek.", "nl");
    // "boek" carries a small weight fitted on news headlines; the evaluative words are what the rule is about.
    const evaluative = words.filter(([word]) => ["slecht", "prachtig", "goed"].includes(word));
    expect(evaluative.filter(([, value]) => value > 0).map(([word]) => word)).toEqual(["slecht", "prachtig", "goed"]);
  });
  it("boosts with zeer and weighs the clause after maar more", () => {
    expect(sentence("Het is zeer goed.", "nl").score).toBeGreaterThan(sentence("Het is goed.", "nl").score);
    expect(sentence("Het begin was goed maar het einde was slecht.", "nl").score).toBeLessThan(0);
  });
  it("never scores function words, and scores geweld (violence) negatively despite its stem", () => {
    expect(sentence("Het is het.", "nl").words).toEqual([]);
    expect(sentence("Het geweld nam toe.", "nl").score).toBeLessThan(0);
  });
});

describe("contributions", () => {
  it("sum to the sentence score (property, both languages)", () => {
    const words = fc.constantFrom(
      "good",
      "bad",
      "not",
      "very",
      "but",
      "great",
      "terrible",
      "goed",
      "slecht",
      "niet",
      "zeer",
      "maar",
      "prachtig",
      "saai",
      "the",
      "het",
      "!",
      "GOOD",
    );
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 14 }), fc.constantFrom("en" as const, "nl" as const), (parts, language) => {
        const record = analyzeText(`${parts.join(" ")}.`, language);
        for (const s of record.sentiment.sentences) {
          // The Dutch news model's baseline (its class constants' share) is part of the sum; the lexicon path has none.
          const sum = s.contributions.reduce((a, c) => a + c.value, s.baseline ?? 0);
          expect(Math.abs(sum - s.score)).toBeLessThan(1e-9);
          expect(Math.abs(s.score)).toBeLessThanOrEqual(1);
        }
      }),
      { numRuns: 300, seed: 7 },
    );
  });
  it("point at the words that made the score", () => {
    const { words } = sentence("The talks were a great success.");
    expect(words.map(([word]) => word)).toEqual(["great", "success"]);
  });
});

describe("articleSentiment", () => {
  it("averages paragraph sentences, leaving out headings", () => {
    const record = analyzeText("Terrible Disaster Strikes\n\nThe talks were a great success. Everyone was happy.");
    expect(record.blocks[0]!.kind).toBe("heading");
    const paragraph = record.sentiment.sentences.filter((s) => record.sentences[s.index]!.block === 1).map((s) => s.score);
    expect(record.sentiment.score).toBeCloseTo((paragraph[0]! + paragraph[1]!) / 2, 5);
  });
  it("gives the author's own voice apart from direct quotations", () => {
    const record = analyzeText("The minister said: “This is a terrible, shameful failure.” The plan is good.");
    expect(record.sentiment.sentences.map((s) => s.quote)).toEqual(["direct", null]);
    expect(record.sentiment.ownVoiceScore).toBeGreaterThan(0);
    expect(record.sentiment.score!).toBeLessThan(record.sentiment.ownVoiceScore!);
  });
  it("records the method: rules version and lexicon source", () => {
    expect(analyzeText("Good.", "en").sentiment.method).toEqual({
      id: "lexicon-rules",
      rules: resources.sentiment.rules.en.version,
      lexicon: resources.sentiment.sources.en,
    });
    expect(analyzeText("Goed.", "nl").sentiment.method).toEqual({
      id: "news-tone-model",
      rules: resources.sentiment.rules.nl.version,
      lexicon: `${resources.sentiment.newsModel!.source} (with ${resources.sentiment.sources.nl})`,
    });
  });
});
