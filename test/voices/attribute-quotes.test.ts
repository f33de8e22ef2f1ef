// Source attribution: quotations and reported speech, their cues and speakers, in English
// (Dutch, the cue patterns and citable speakers: attribute-quotes-dutch.test.ts).
// Each text is written for the test; the speakers are what a reader would name.
import { describe, expect, it } from "vitest";
import { articleRecordSchema } from "../../data-loaders/schema/record.ts";
import { analyzeText, analyzeTextWithRules } from "../helpers.ts";
import { attribute } from "./attributions.ts";

describe("attributeQuotes: English", () => {
  it("attributes a quotation closed by a cue and a titled name", () => {
    expect(attribute(`"We will not give in," Foreign Minister Sergey Lavrov said.`)).toEqual([
      { speaker: "Sergey Lavrov", type: "government", kind: "direct", cue: "said", quote: `"We will not give in,"`, by: "name" },
    ]);
  });
  it("gives both parts of a quotation broken by a cue the same speaker", () => {
    const found = attribute(`“We are ready,” said Dmitry Peskov, “but the West is not ready at all.”`);
    expect(found.map((a) => [a.speaker, a.kind, a.cue, a.quote])).toEqual([
      ["Dmitry Peskov", "direct", "said", "“We are ready,”"],
      ["Dmitry Peskov", "direct", "said", "“but the West is not ready at all.”"],
    ]);
  });
  it("attributes a colon-introduced quotation to the person before the colon, with the colon as its cue", () => {
    const text = `Analyst Anna Smith offers a clear insight: “Sanctions have failed.”`;
    expect(attribute(text, "en", analyzeTextWithRules)).toEqual([
      { speaker: "Anna Smith", type: "expert", kind: "direct", cue: ":", quote: "“Sanctions have failed.”", by: "name" },
    ]);
    // The pair model (attribution model 1.1.0) keeps "offers" (cue probability 0.43) for its subject, so the
    // quotation is tied to that cue; the speaker is the same.
    expect(attribute(text).map((a) => [a.speaker, a.cue, a.quote])).toEqual([["Anna Smith", "offers", "“Sanctions have failed.”"]]);
  });
  it("keeps a quotation over several sentences as one attribution", () => {
    const found = attribute(`Xi Jinping said: "The world is changing. We are driving this change together."`);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      speaker: "Xi Jinping",
      kind: "direct",
      quote: `"The world is changing. We are driving this change together."`,
    });
  });
  it("reads single quotes and guillemets as quotation marks", () => {
    expect(attribute(`‘This is theft, plain and simple,’ said Maria Zakharova.`)[0]).toMatchObject({
      speaker: "Maria Zakharova",
      kind: "direct",
    });
    expect(attribute(`'This is theft, plain and simple,' said Maria Zakharova.`)[0]).toMatchObject({
      speaker: "Maria Zakharova",
      kind: "direct",
    });
    expect(attribute(`«This is theft, plain and simple», said Maria Zakharova.`)[0]).toMatchObject({
      speaker: "Maria Zakharova",
      kind: "direct",
    });
  });
  it("calls a quoted phrase inside a reported clause mixed, and a second verb of the same subject keeps it", () => {
    const text = `The White House stated that Chinese military aid was “unacceptable”, but kept saying that it had “no proof” of it.`;
    expect(attribute(text, "en", analyzeTextWithRules).map((a) => [a.speaker, a.type, a.kind, a.cue, a.quote])).toEqual([
      ["White House", "government", "mixed", "stated", "“unacceptable”"],
      ["White House", "government", "mixed", "saying", "“no proof”"],
    ]);
    // The learned ranker (attribution model 1.0.0) does not carry the subject over "but kept saying": the
    // same-subject sieve proposes the White House, and the ranker, which learned that sieve is mostly wrong
    // in political news, leaves the speaker out. A known miss (also in the seed hand check).
    expect(attribute(text).map((a) => [a.speaker, a.kind, a.cue, a.quote])).toEqual([
      ["White House", "mixed", "stated", "“unacceptable”"],
      [null, "mixed", "saying", "“no proof”"],
    ]);
  });
  it("finds indirect speech with a that-clause and names a body by its canonical name and nationality", () => {
    expect(attribute(`The Chinese foreign ministry said that the visit was entirely normal.`)).toEqual([
      {
        speaker: "Ministry of Foreign Affairs (China)",
        type: "government",
        kind: "indirect",
        cue: "said",
        quote: "the visit was entirely normal.",
        by: "name",
      },
    ]);
  });
  it("reads 'according to' with the source after it, typed by the outlet gazetteer", () => {
    expect(attribute(`According to TASS, the talks went well.`)[0]).toMatchObject({
      speaker: "TASS",
      type: "state-media",
      kind: "indirect",
      cue: "According to",
    });
  });
  it("finds the speaker after an inverted cue, with the content before it", () => {
    const text = `The two leaders met in Moscow on Tuesday, reported CNN.`;
    // The pair model (attribution model 1.1.0) does not name CNN here (the pair stays below its speaker
    // threshold): a known miss of a design that names fewer speakers to name them right. The sieve does.
    expect(attribute(text).map((a) => [a.speaker, a.cue, a.quote])).toEqual([
      [null, "reported", "The two leaders met in Moscow on Tuesday"],
    ]);
    expect(attribute(text, "en", analyzeTextWithRules)).toEqual([
      {
        speaker: "CNN",
        type: "other-media",
        kind: "indirect",
        cue: "reported",
        quote: "The two leaders met in Moscow on Tuesday",
        by: "name",
      },
    ]);
  });
  it("resolves 'he' to the person named before it", () => {
    const found = attribute(`Sergey Lavrov arrived in Beijing on Monday. He said that the West had failed.`);
    expect(found).toEqual([
      { speaker: "Sergey Lavrov", type: "government", kind: "indirect", cue: "said", quote: "the West had failed.", by: "pronoun" },
    ]);
  });
  it("resolves a surname to the full name given earlier, with the type the title gave", () => {
    const found = attribute(`Analyst Anna Smith published a long study. Smith warned that the sanctions would fail.`);
    expect(found.at(-1)).toMatchObject({ speaker: "Anna Smith", type: "expert", cue: "warned", by: "surname" });
  });
  it("reads 'described … as' with a quoted phrase as mixed speech", () => {
    expect(attribute(`Putin described the sanctions as “economic war”.`)).toEqual([
      { speaker: "Vladimir Putin", type: "government", kind: "mixed", cue: "described", quote: "“economic war”", by: "name" },
    ]);
  });
  it("types anonymous sources, unnamed groups and documents", () => {
    expect(attribute(`Sources said that the deal was close.`)[0]).toMatchObject({ speaker: "sources", type: "anonymous" });
    expect(attribute(`Chinese analysts noted that the deal was close.`)[0]).toMatchObject({
      speaker: "Chinese analysts",
      type: "unnamed-group",
    });
    expect(attribute(`Article 4 of the treaty says that the parties will help each other.`)[0]).toMatchObject({
      speaker: "Article 4 of the treaty",
      type: "document",
    });
    // wink tags "states" a noun after "treaty"; the rules' verb reading takes the that-clause as a verb's,
    // the learned detector follows the tag and leaves it out.
    expect(attribute(`Article 4 of the treaty states that the parties will help each other.`, "en", analyzeTextWithRules)[0]).toMatchObject(
      {
        speaker: "Article 4 of the treaty",
        type: "document",
      },
    );
  });
  it("does not attribute scare quotes", () => {
    expect(attribute(`The so-called “rules-based order” is a fiction. Nobody believes in this “order” now.`)).toEqual([]);
  });
  it("leaves the speaker null when it cannot be found, rather than guessing", () => {
    expect(attribute(`He said that the talks had failed.`)).toEqual([
      { speaker: null, type: null, kind: "indirect", cue: "said", quote: "the talks had failed.", by: null },
    ]);
    expect(attribute(`Nobody knows the answer.\n\n“Peace now, and for all of us, whatever it costs.”`)).toEqual([
      { speaker: null, type: null, kind: "direct", cue: null, quote: "“Peace now, and for all of us, whatever it costs.”", by: null },
    ]);
  });
  it("does not take a capitalised word that looks like a cue for one ('United States')", () => {
    expect(attribute(`Sanctions by the United States hurt trade, and the European Union followed.`)).toEqual([]);
  });
});

describe("attributeQuotes on ordinary text that once broke the reader", () => {
  it("never credits an empty speaker or an inverted span when a cue word stands inside a file name", () => {
    const record = analyzeText(
      "The ministry published its findings on Monday. Download the report.pdf. Officials said the numbers were clear.",
    );
    expect(articleRecordSchema.safeParse(record).success).toBe(true);
    for (const a of record.attributions) {
      expect(a.speaker).not.toBe("");
      for (const span of [a.quote, a.cueSpan, a.speakerSpan]) if (span) expect(span.end).toBeGreaterThanOrEqual(span.start);
    }
    expect(
      attribute("The ministry published its findings on Monday. Download the report.pdf. Officials said the numbers were clear."),
    ).toEqual([
      // The learned detector does not take "published its findings" for a report (the rules did, with the
      // phrase "ministry" as its speaker); "said" stays a cue and "report.pdf" none.
      { speaker: "Officials", type: "unnamed-group", kind: "indirect", cue: "said", quote: "the numbers were clear.", by: "name" },
    ]);
  });
});
