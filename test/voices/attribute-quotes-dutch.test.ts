// Source attribution in Dutch, every cue pattern the issue names, and speakers a researcher can cite.
// Each text is written for the test; the speakers are what a reader would name.
import { describe, expect, it } from "vitest";
import type { Language } from "../../data-loaders/schema/record.ts";
import { analyzeText, analyzeTextWithRules } from "../helpers.ts";
import { attribute } from "./attributions.ts";

describe("attributeQuotes: Dutch", () => {
  it("attributes a „…” quotation to a titled minister under his canonical name", () => {
    expect(attribute(`„We zijn er klaar voor”, zei minister van Buitenlandse Zaken Sergej Lavrov.`, "nl")).toEqual([
      { speaker: "Sergey Lavrov", type: "government", kind: "direct", cue: "zei", quote: "„We zijn er klaar voor”", by: "name" },
    ]);
  });
  it("normalises Poetin to Vladimir Putin", () => {
    expect(attribute(`Poetin zei dat het Westen had gefaald.`, "nl")).toEqual([
      { speaker: "Vladimir Putin", type: "government", kind: "indirect", cue: "zei", quote: "het Westen had gefaald.", by: "name" },
    ]);
  });
  it("resolves 'hij' in 'voegde eraan toe dat'", () => {
    const found = attribute(`Poetin bood steun aan. Hij voegde eraan toe dat de inwoners dat willen.`, "nl");
    expect(found).toEqual([
      {
        speaker: "Vladimir Putin",
        type: "government",
        kind: "indirect",
        cue: "voegde eraan toe",
        quote: "de inwoners dat willen.",
        by: "pronoun",
      },
    ]);
  });
  it("reads 'volgens' and 'aldus' with the source after them", () => {
    expect(attribute(`Volgens de Global Times is de samenwerking goed.`, "nl")[0]).toMatchObject({
      speaker: "Global Times",
      type: "state-media",
      cue: "Volgens",
    });
    expect(attribute(`De samenwerking groeit snel, aldus Chinese analisten.`, "nl")[0]).toMatchObject({
      speaker: "Chinese analisten",
      type: "unnamed-group",
      cue: "aldus",
      quote: "De samenwerking groeit snel",
    });
  });
  it("finds the agent of a passive cue: 'beschreven door een kennis'", () => {
    expect(attribute(`Zoals beschreven door een kennis, “Als we escaleren, worden we in juli uitgezet.”`, "nl")[0]).toMatchObject({
      speaker: "een kennis",
      type: "anonymous",
      kind: "direct",
      cue: "beschreven",
    });
  });
  it("takes the subject before 'heeft … omschreven als', not the noun after 'door'", () => {
    expect(
      attribute(`Het ministerie van Buitenlandse Zaken heeft de bevriezing door de EU omschreven als pure diefstal.`, "nl")[0],
    ).toMatchObject({
      speaker: "Ministry of Foreign Affairs",
      cue: "omschreven",
    });
  });
  it("follows a colon across a paragraph break to a quotation over several sentences", () => {
    const found = attribute(
      `Danila Krylov, onderzoeker bij het instituut, biedt een duidelijk inzicht:\n\n“Ik zie het anders. Dit is een groot spel.”`,
      "nl",
    );
    expect(found).toEqual([
      {
        speaker: "Danila Krylov",
        type: "expert",
        kind: "direct",
        cue: ":",
        quote: "“Ik zie het anders. Dit is een groot spel.”",
        by: "name",
      },
    ]);
  });
  it("reads a city as its government: 'Peking merkte op dat'", () => {
    expect(attribute(`Peking merkte eenvoudigweg op dat dit een ernstige gebeurtenis was.`, "nl")[0]).toMatchObject({
      speaker: "China",
      type: "government",
      kind: "indirect",
    });
  });
  it("does not attribute scare quotes after 'zogenaamde'", () => {
    expect(attribute(`De zogenaamde „orde” is een fictie.`, "nl")).toEqual([]);
  });
  it("does not count the credited author as a quoted voice", () => {
    expect(attribute(`De handel groeide sterk, schrijft Pepe Escobar.`, "nl")).toEqual([]);
  });
});

describe("attributeQuotes: every cue pattern the issue names", () => {
  it.each([
    ["said", "Analyst Jan Peters said that the plan would fail."],
    ["told", "Analyst Jan Peters told reporters that the plan would fail."],
    ["stated", "Analyst Jan Peters stated that the plan would fail."],
    ["added", "Analyst Jan Peters added that the plan would fail."],
    ["wrote", "Analyst Jan Peters wrote that the plan would fail."],
    ["claimed", "Analyst Jan Peters claimed that the plan would fail."],
    ["warned", "Analyst Jan Peters warned that the plan would fail."],
    ["According to", "According to analyst Jan Peters, the plan would fail."],
    ["reported", "The plan would fail, reported analyst Jan Peters."],
    ["described", "Analyst Jan Peters described the plan as a failure."],
  ])("English %s", (cue, text) => {
    expect(attribute(text)[0]).toMatchObject({ speaker: "Jan Peters", type: "expert", kind: "indirect", cue });
  });
  it.each([
    ["zei", "Analist Jan Peters zei dat het plan zou mislukken."],
    ["zegt", "Analist Jan Peters zegt dat het plan zal mislukken."],
    ["stelde", "Analist Jan Peters stelde dat het plan zou mislukken."],
    ["verklaarde", "Analist Jan Peters verklaarde dat het plan zou mislukken."],
    ["schreef", "Analist Jan Peters schreef dat het plan zou mislukken."],
    ["schrijft", "Analist Jan Peters schrijft dat het plan zal mislukken."],
    ["voegde eraan toe", "Analist Jan Peters voegde eraan toe dat het plan zou mislukken."],
    ["Volgens", "Volgens analist Jan Peters zal het plan mislukken."],
    ["aldus", "Het plan zal mislukken, aldus analist Jan Peters."],
    ["noemde", "Analist Jan Peters noemde het plan een mislukking."],
    ["merkte op", "Analist Jan Peters merkte op dat het plan zou mislukken."],
    ["bevestigde", "Analist Jan Peters bevestigde dat het plan zou mislukken."],
    ["omschreef", "Analist Jan Peters omschreef het plan als een mislukking."],
  ])("Dutch %s", (cue, text) => {
    expect(attribute(text, "nl")[0]).toMatchObject({ speaker: "Jan Peters", type: "expert", kind: "indirect", cue });
  });
});

describe("speakers a researcher can cite (English and Dutch, learned and rules alike)", () => {
  const speakers = (text: string, language: Language = "en") =>
    [analyzeText, analyzeTextWithRules].map((analyze) => analyze(text, language).attributions.map((a) => [a.speaker, a.cue, a.resolvedBy]));
  const both = (expected: unknown) => [expected, expected];
  it("resolves a bare title to the person named earlier with that title ('title-reference')", () => {
    expect(speakers("Russian President Vladimir Putin met Xi Jinping. The president said that the talks went well.")).toEqual(
      both([["Vladimir Putin", "said", "title-reference"]]),
    );
    expect(
      speakers("De Russische president Vladimir Poetin kwam aan in Peking. De president zei dat de gesprekken goed gingen.", "nl"),
    ).toEqual(both([["Vladimir Putin", "zei", "title-reference"]]));
  });
  it("lets a title any head of government holds refer to the leader of that country named earlier", () => {
    expect(speakers("Putin arrived in Beijing. The Russian leader said that the visit was a success.")).toEqual(
      both([["Vladimir Putin", "said", "title-reference"]]),
    );
    expect(speakers("Poetin kwam aan in Peking. De Russische leider zei dat de gesprekken goed gingen.", "nl")).toEqual(
      both([["Vladimir Putin", "zei", "title-reference"]]),
    );
    // Another country's leader does not fit: the title stays its own speaker.
    expect(speakers("Xi Jinping arrived in Moscow. The Russian leader said that the visit was a success.")[1]).toEqual([
      ["Russian leader", "said", "title"],
    ]);
  });
  it("never takes a possessive for the speaker ('the Russian leader's aides said')", () => {
    for (const found of speakers("Putin arrived in Beijing. The Russian leader's aides said that the visit was a success."))
      expect(found).toEqual([["Russian leader's aides", "said", "phrase"]]);
  });
  it("keeps a name's particles, and a later surname of several words refers to it", () => {
    expect(speakers("Xavier Messe a Tiati, an analyst, said that the vote was fair. Messe a Tiati added that it was calm.")).toEqual(
      both([
        ["Xavier Messe a Tiati", "said", "name"],
        ["Xavier Messe a Tiati", "added", "surname"],
      ]),
    );
  });
  it("never takes the object of 'told' for the speaker", () => {
    for (const found of speakers("At the summit, China told assembled world leaders that the era of hegemony was over."))
      expect(found).toEqual([["China", "told", "name"]]);
  });
});
