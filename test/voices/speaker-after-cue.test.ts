// The speaker sieves that find a cue's speaker after it (data-loaders/voices/speaker-after-cue.ts), each with fixtures in English and Dutch written for this test, run with the rules alone (no
// learned model), so each rule is checked by itself. Every case checks the rule that found the cue and the
// speaker, so a rule that stops firing (or another that takes over) fails here by name.
import { describe, expect, it } from "vitest";
import { rules, withCue } from "./attributions.ts";

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
