// The named attribution rules (data-loaders/voices/speaker-sieves.ts and attribute-quotes.ts; the sieves'
// families in speaker-before-cue.test.ts and speaker-after-cue.test.ts), each with
// fixtures in English and Dutch written for this test, run with the rules alone (no learned model, helpers.ts
// analyzeTextWithRules), so each rule is checked by itself. Every case checks the rule that found the cue and
// the speaker, so a rule that stops firing (or another that takes over) fails here by name.
import { describe, expect, it } from "vitest";
import { SPEAKER_SIEVES } from "../../data-loaders/voices/speaker-sieves.ts";
import { speakerRuleSchema } from "../../data-loaders/schema/enums.ts";
import { rules, withCue } from "./attributions.ts";

describe("the speaker sieves, in order", () => {
  it("are all named in the record schema, so every rule name can be published", () => {
    for (const sieve of SPEAKER_SIEVES) expect(speakerRuleSchema.options).toContain(sieve.name);
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
