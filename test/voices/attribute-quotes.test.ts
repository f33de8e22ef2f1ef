// Source attribution: quotations and reported speech, their cues and speakers, in English and Dutch.
// Each text is written for the test; the speakers are what a reader would name.
import { describe, expect, it } from "vitest";
import { articleRecordSchema, type ArticleRecord, type Language } from "../../data-loaders/schema/record.ts";
import { analyzeText, analyzeTextWithRules } from "../helpers.ts";

/** The attributions of a text, each with the quoted or reported text and the cue as written. */
function attribute(text: string, language: Language = "en", analyze = analyzeText) {
  const record: ArticleRecord = analyze(text, language);
  return record.attributions.map((a) => ({
    speaker: a.speaker,
    type: a.speakerType,
    kind: a.kind,
    cue: a.cue,
    quote: text.slice(a.quote.start, a.quote.end),
    by: a.resolvedBy,
  }));
}

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
