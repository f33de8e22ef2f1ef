// The named attribution rules (data-loaders/voices/speaker-sieves.ts and attribute-quotes.ts), each with
// fixtures in English and Dutch written for this test, run with the rules alone (no learned model, helpers.ts
// analyzeTextWithRules), so each rule is checked by itself. Every case checks the rule that found the cue and
// the speaker, so a rule that stops firing (or another that takes over) fails here by name.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { closesQuotationBefore } from "../../data-loaders/voices/speaker-before-cue.ts";
import { SPEAKER_SIEVES } from "../../data-loaders/voices/speaker-sieves.ts";
import { speakerRuleSchema, type Language } from "../../data-loaders/schema/enums.ts";
import { analyzeTextWithRules as analyzeText } from "../helpers.ts";

/** Each attribution as [speaker as written in the text, speaker name, kind, cue, cueRule, speakerRule]. */
function rules(text: string, language: Language = "en") {
  const record = analyzeText(text, language);
  return record.attributions.map((a) => ({
    written: a.speakerSpan ? text.slice(a.speakerSpan.start, a.speakerSpan.end) : null,
    speaker: a.speaker,
    kind: a.kind,
    cue: a.cue,
    cueRule: a.cueRule,
    speakerRule: a.speakerRule,
  }));
}

/** The one attribution whose cue is `cue`. */
function withCue(text: string, cue: string, language: Language = "en") {
  const found = rules(text, language).filter((a) => a.cue === cue);
  expect(found, `one attribution with cue "${cue}"`).toHaveLength(1);
  return found[0]!;
}

describe("the speaker sieves, in order", () => {
  it("are all named in the record schema, so every rule name can be published", () => {
    for (const sieve of SPEAKER_SIEVES) expect(speakerRuleSchema.options).toContain(sieve.name);
  });
});

describe("source-preposition", () => {
  it("English: the name after 'according to'", () => {
    expect(withCue("The talks failed, according to Reuters.", "according to")).toMatchObject({
      speaker: "Reuters",
      cueRule: "source-preposition",
      speakerRule: "source-preposition",
    });
  });
  it("English: a noun phrase after it when no name is known", () => {
    expect(withCue("The deal is close, according to the campaign.", "according to")).toMatchObject({
      written: "the campaign",
      speakerRule: "source-preposition",
    });
  });
  it("Dutch: 'volgens' and 'aldus'", () => {
    expect(withCue("Volgens Lavrov is de deal dood.", "Volgens", "nl")).toMatchObject({
      speaker: "Sergey Lavrov",
      speakerRule: "source-preposition",
    });
    expect(withCue("De deal is dood, aldus minister Lavrov.", "aldus", "nl")).toMatchObject({
      speaker: "Sergey Lavrov",
      speakerRule: "source-preposition",
    });
  });
});

describe("passive-agent", () => {
  it("English: the agent after 'by' in a passive", () => {
    expect(withCue("The plan was described by Senator Anna Brook as reckless.", "described")).toMatchObject({
      speaker: "Anna Brook",
      speakerRule: "passive-agent",
    });
  });
  it("Dutch: 'geschreven door' with a named agent, even without an auxiliary", () => {
    expect(withCue("In een artikel geschreven door Poetin staat dat de banden sterker worden.", "geschreven", "nl")).toMatchObject({
      speaker: "Vladimir Putin",
      speakerRule: "passive-agent",
    });
  });
  it("a passive without an agent never takes its grammatical subject as the speaker", () => {
    const found = rules("Mr. Reagan was criticized for trading a spy.");
    expect(found.filter((a) => a.speaker === "Reagan")).toEqual([]);
  });
});

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

describe("inverted-cue", () => {
  it("English: right after a direct quotation, the name after the cue", () => {
    expect(withCue("“We will win,” said Maren Holt, an analyst at a bank.", "said")).toMatchObject({
      speaker: "Maren Holt",
      cueRule: "cue-after-quote",
      speakerRule: "inverted-cue",
    });
  });
  it("Dutch: '”, zei hij'", () => {
    expect(withCue("Minister Sergey Lavrov sprak kort. „Wij geven niet op”, zei hij.", "zei", "nl")).toMatchObject({
      written: "hij",
      speaker: "Sergey Lavrov",
      speakerRule: "inverted-cue",
    });
  });
  it("English: after a bare comma only when the name ends the clause", () => {
    expect(withCue("That is not good enough, said Maren Holt.", "said")).toMatchObject({
      speaker: "Maren Holt",
      speakerRule: "inverted-cue",
    });
  });
  it("English: never after 'told': the object of 'told' is who was told", () => {
    expect(withCue("Anna Brook told Reuters that the talks had failed.", "told")).toMatchObject({
      speaker: "Anna Brook",
      speakerRule: "subject-before-cue",
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

describe("dutch-inversion", () => {
  it("the subject right after the verb when something else comes first", () => {
    expect(withCue("Gisteren waarschuwde NAVO-chef Mark Rutte dat de dreiging groeit.", "waarschuwde", "nl")).toMatchObject({
      speaker: "Mark Rutte",
      speakerRule: "dutch-inversion",
    });
    expect(withCue("Nu stelt de minister dat de deal dood is.", "stelt", "nl")).toMatchObject({
      written: "minister",
      speakerRule: "dutch-inversion",
    });
  });
  it("never the subject of the reported clause: 'verwachtte dat Rusland'", () => {
    // "Het Westen" before a verb of thought is its subject (a name followed by a cue or a verb of thought is
    // no adjective), never "Rusland" after "dat".
    expect(withCue("Het Westen verwachtte dat Rusland zou toegeven.", "verwachtte", "nl")).toMatchObject({
      speaker: "The West",
      kind: "thought",
      speakerRule: "subject-before-cue",
    });
    expect(withCue("Toen verwachtte men dat Rusland zou toegeven.", "verwachtte", "nl").speaker).not.toBe("Russia");
  });
});

describe("apposition", () => {
  it("English: after a quotation, 'said the successor of X, Y,' names Y, not the role", () => {
    expect(withCue("“We stay,” said the successor of Stoltenberg, Mark Rutte, on Monday.", "said")).toMatchObject({
      speaker: "Mark Rutte",
      speakerRule: "apposition",
    });
  });
  it("Dutch: 'zei de opvolger van X, Y, dat'", () => {
    expect(withCue("Vandaag zei de opvolger van Stoltenberg, Mark Rutte, dat de steun blijft.", "zei", "nl")).toMatchObject({
      speaker: "Mark Rutte",
      speakerRule: "apposition",
    });
  });
});

describe("colon-introduction and follow-on-quotation", () => {
  it("a quotation after a colon, and the next quotation without a cue of its own", () => {
    const found = rules("Analyst Anna Smith offers a clear insight: “Sanctions have failed.” “They never worked.”");
    expect(found.map((a) => [a.speaker, a.cueRule, a.speakerRule])).toEqual([
      ["Anna Smith", "colon-introduction", "colon-introduction"],
      ["Anna Smith", "follow-on-quotation", "follow-on-quotation"],
    ]);
  });
  it("Dutch: a follow-on quotation in the next sentence inherits its speaker", () => {
    const found = rules("„We geven niet op”, zei minister Lavrov. „Het Westen wil oorlog.”", "nl");
    expect(found.map((a) => [a.speaker, a.cueRule])).toEqual([
      ["Sergey Lavrov", "cue-after-quote"],
      ["Sergey Lavrov", "follow-on-quotation"],
    ]);
  });
});

describe("cues need a verb reading", () => {
  it("English: a cue word used as a noun or inside an idiom is no cue", () => {
    expect(rules("The state media covered the head of state. The report was long.")).toEqual([]);
    expect(rules("Editor's note: this column was updated. So to speak, it is over.")).toEqual([]);
  });
  it("English: a participle used as an adjective is no cue ('Trump's repeated calls', '271 pledged delegates')", () => {
    expect(rules("Khan decried Trump's repeated calls to ban visitors. She leads by 271 pledged delegates.").map((a) => a.cue)).toEqual([
      "decried",
    ]);
  });
  it("Dutch: a cue word after a determiner is a noun, and listed idioms are no cues", () => {
    expect(rules("De vraag is gesteld. Zijn antwoord kwam laat.", "nl").map((a) => a.cue)).toEqual([]);
    expect(rules("Beijing heeft het voor het zeggen in de regio.", "nl")).toEqual([]);
  });
  it("English: a cue after 'to' is part of another verb's content ('declined to comment')", () => {
    expect(rules("The minister declined to comment on the plan.")).toEqual([]);
  });
});

describe("kinds of cue", () => {
  it("verbs of thought are attributions of kind 'thought' (English and Dutch)", () => {
    expect(withCue("Russia believes that the era of hegemony is over.", "believes")).toMatchObject({
      speaker: "Russia",
      kind: "thought",
      cueRule: "thought-verb",
    });
    expect(withCue("Minister Lavrov vreest dat de sancties blijven.", "vreest", "nl")).toMatchObject({
      speaker: "Sergey Lavrov",
      kind: "thought",
    });
  });
  it("a verb of thought with no clause after it is no attribution ('she felt sick')", () => {
    expect(rules("Anna Brook felt sick after the trip.")).toEqual([]);
  });
  it("document verbs count only with a clause: 'polls show that', not 'found a job'", () => {
    expect(withCue("New polls show that the race is tied.", "show")).toMatchObject({ kind: "indirect", written: "New polls" });
    expect(rules("Anna Brook found a job in Ohio.")).toEqual([]);
  });
  it("'continued' is a cue next to a quotation only", () => {
    expect(withCue("“We will win,” she continued.", "continued")).toMatchObject({ cueRule: "cue-after-quote" });
    expect(rules("Prices continued to rise in May.")).toEqual([]);
  });
  it("the cues the external validation found missing (English)", () => {
    for (const [text, cue] of [
      ["Anna Brook pledged that the plant would stay open.", "pledged"],
      ["Anna Brook suggested that the vote be delayed.", "suggested"],
      ["Anna Brook outlined how the plan would work.", "outlined"],
      ["Anna Brook hailed the deal as historic.", "hailed"],
      ["Anna Brook praised the workers for their patience.", "praised"],
    ] as const)
      expect(withCue(text, cue)).toMatchObject({ speaker: "Anna Brook", cueRule: "reporting-verb" });
  });
  it("the cues the external validation found missing (Dutch)", () => {
    for (const [text, cue] of [
      ["Minister Lavrov liet weten dat de deal dood is.", "liet weten"],
      ["Minister Lavrov betoogde dat de deal dood is.", "betoogde"],
      ["Minister Lavrov concludeerde dat de deal dood is.", "concludeerde"],
      ["Minister Lavrov voorspelde dat de deal zou mislukken.", "voorspelde"],
      ["Minister Lavrov riep op tot kalmte.", "riep op"],
    ] as const)
      expect(withCue(text, cue, "nl")).toMatchObject({ speaker: "Sergey Lavrov", cueRule: "reporting-verb" });
  });
});

describe("names", () => {
  it("keep their particles ('da', 'van der', 'a')", () => {
    expect(withCue("Luiz Inácio Lula da Silva said that Brazil stays neutral.", "said")).toMatchObject({
      speaker: "Luiz Inácio Lula da Silva",
    });
    expect(withCue("Ursula von der Leyen zei dat Europa klaar is.", "zei", "nl")).toMatchObject({ speaker: "Ursula von der Leyen" });
  });
  it("written surname first are found by their first word ('Han Zheng' … 'Han said')", () => {
    const found = rules("Vice President Han Zheng arrived on Monday. Han said that trade would grow.");
    expect(found.find((a) => a.cue === "said")).toMatchObject({ written: "Han", speaker: "Han Zheng" });
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
