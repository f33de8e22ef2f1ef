// The speaker sieves that find a cue's subject before it (data-loaders/voices/speaker-before-cue.ts), each with fixtures in English and Dutch written for this test, run with the rules alone (no
// learned model), so each rule is checked by itself. Every case checks the rule that found the cue and the
// speaker, so a rule that stops firing (or another that takes over) fails here by name.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { closesQuotationBefore } from "../../data-loaders/voices/speaker-before-cue.ts";
import { withCue } from "./attributions.ts";

describe("participle-cue", () => {
  it("English: ', saying …' takes the subject of the main clause, not the name after the participle", () => {
    expect(withCue("Senator Mary Lane dismissed the report, saying Monday that it was wrong.", "saying")).toMatchObject({
      speaker: "Mary Lane",
      speakerRule: "participle-cue",
    });
    expect(withCue("Ann Kerr praised the deal, noting he had worked hard.", "noting")).toMatchObject({
      speaker: "Ann Kerr",
      speakerRule: "participle-cue",
    });
  });
});

describe("same-subject", () => {
  it("English: a second verb of the same subject keeps its speaker across a quotation", () => {
    expect(withCue("The White House stated that aid was “unacceptable”, but kept saying that it had no proof.", "saying")).toMatchObject({
      speaker: "White House",
      speakerRule: "same-subject",
    });
  });
  it("Dutch: 'stelde … en voegde eraan toe'", () => {
    expect(
      withCue(
        "Minister Sergey Lavrov stelde dat de deal dood is en voegde eraan toe dat het Westen schuld heeft.",
        "voegde eraan toe",
        "nl",
      ),
    ).toMatchObject({ speaker: "Sergey Lavrov", speakerRule: "same-subject" });
  });
});

describe("subject-before-cue", () => {
  it("English: the subject past an apposition between commas", () => {
    expect(withCue("Jamal Simmons, an Obama supporter, said the shift was real.", "said")).toMatchObject({
      speaker: "Jamal Simmons",
      speakerRule: "subject-before-cue",
    });
  });
  it("English: not the relative pronoun of a clause that closes before the cue", () => {
    expect(withCue("Debbie Wasserman Schultz, who is reviled by progressives, said the process is open.", "said")).toMatchObject({
      written: "Debbie Wasserman Schultz",
      speakerRule: "subject-before-cue",
    });
  });
  it("English: 'who' after an apposition is the person before it, and the speaker is written 'who'", () => {
    expect(withCue("It is not enough, said Maren Holt, a senior analyst at a bank, who notes that costs rose.", "notes")).toMatchObject({
      written: "who",
      speaker: "Maren Holt",
      speakerRule: "subject-before-cue",
    });
  });
  it("English: a clause opened by an unresolved 'which' has no person before it as its subject", () => {
    const text = "The fear is real, said Tomas Brink, legal director for the union, which argued that the law was unfair.";
    expect(withCue(text, "argued").speaker).not.toBe("Tomas Brink");
    expect(withCue("Tomas Brink, legal director for the union, argued that the law was unfair.", "argued").speaker).toBe("Tomas Brink");
  });
  it("English: a title and surname after an honorific", () => {
    expect(withCue("Golf clubs are ''just scratching out a profit,'' Mr. Hedge said.", "said")).toMatchObject({
      written: "Mr. Hedge",
      speaker: "Hedge",
      cueRule: "cue-after-quote",
    });
  });
  it("Dutch: 'heeft … omschreven' past a parenthetical between dashes", () => {
    expect(
      withCue(
        "Het Ministerie van Buitenlandse Zaken heeft het beslag – niet alleen privé, maar ook staatsbezit – omschreven als diefstal.",
        "omschreven",
        "nl",
      ),
    ).toMatchObject({ speaker: "Ministry of Foreign Affairs", speakerRule: "subject-before-cue" });
  });
  it("Dutch: a joint subject, 'de twee leiders stelden'", () => {
    expect(withCue("De twee leiders stelden dat de banden nooit sterker waren.", "stelden", "nl")).toMatchObject({
      written: "twee leiders",
      speakerRule: "subject-before-cue",
    });
  });
});

describe("appositive-subject", () => {
  it("English: the subject the sentence opens with, past an apposition and a relative clause", () => {
    expect(
      withCue(
        "Hogan Gidley, a former director of the South Carolina Republican Party, whose roots are in the church, said the base was angry.",
        "said",
      ),
    ).toMatchObject({ speaker: "Hogan Gidley", speakerRule: "appositive-subject" });
  });
  it("Dutch: 'Rutte, de premier, wiens kabinet …, zei'", () => {
    expect(withCue("Mark Rutte, de premier, wiens kabinet viel, zei dat hij vertrekt.", "zei", "nl")).toMatchObject({
      speaker: "Mark Rutte",
      speakerRule: "appositive-subject",
    });
  });
});

describe("subject-phrase", () => {
  it("English: the noun phrase right before the verb when no name is there", () => {
    expect(withCue("Local farmers spoke about the plan on Monday.", "spoke")).toMatchObject({
      written: "Local farmers",
      speaker: "Local farmers",
      speakerRule: "subject-phrase",
    });
    expect(withCue("The union isn't saying what steps it will take.", "saying")).toMatchObject({
      written: "The union",
      speakerRule: "subject-phrase",
    });
  });
  it("English: over prepositional phrases to the noun they belong to", () => {
    expect(withCue("Some delegates at the convention in Philadelphia said they welcomed the debate.", "said")).toMatchObject({
      written: "Some delegates at the convention in Philadelphia",
      speakerRule: "subject-phrase",
    });
  });
});

describe("coordinated-verb", () => {
  it("English: a verb after 'and' or 'but' has the subject of the first verb", () => {
    expect(withCue("Local farmers survived five dry years in a row and say such policies are wrong.", "say")).toMatchObject({
      written: "Local farmers",
      speakerRule: "coordinated-verb",
    });
  });
  it("Dutch: 'kwam aan en zei dat'", () => {
    expect(
      withCue("Minister Lavrov kwam gisteren na een lange reis door Azië in Peking aan en zei dat de deal dood is.", "zei", "nl"),
    ).toMatchObject({
      speaker: "Sergey Lavrov",
      speakerRule: "coordinated-verb",
    });
  });
});

describe("a lone name before a cue", () => {
  it("names a person even with no full name earlier, and the cue after a quotation is a verb whatever its tag", () => {
    expect(withCue("“Cultural conservatives have issues with him,” Viguerie notes.", "notes")).toMatchObject({
      speaker: "Viguerie",
      cueRule: "cue-after-quote",
    });
  });
  it("English: a quantifier can be the subject ('Many fear that')", () => {
    expect(withCue("Many fear that the deal will fail.", "fear")).toMatchObject({
      written: "Many",
      kind: "thought",
      speakerRule: "subject-phrase",
    });
  });
});

describe("closesQuotationBefore(text, end)", () => {
  it('says what /[”"’»]\\s*,?\\s*$/ says of the text before `end`, whatever the text', () => {
    const piece = fc.constantFrom("”", '"', "’", "»", "“", ",", " ", "\n", "\u00a0", "a", "said", ".", ",,");
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), fc.nat(), (pieces, at) => {
        const text = pieces.join("");
        const end = text.length ? at % (text.length + 1) : 0;
        expect(closesQuotationBefore(text, end)).toBe(/[”"’»]\s*,?\s*$/u.test(text.slice(0, end)));
      }),
      { numRuns: 2000, seed: 14 },
    );
  });
});
