import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { analyzeArticle } from "../../data-loaders/pipeline/analyze-article.ts";
import { compileOutlets, outletKey } from "../../data-loaders/voices/outlets.ts";
import type { Article, Language, Provenance } from "../../data-loaders/schema/record.ts";
import { bareArticle } from "../../data-loaders/reading/bare-article.ts";
import { analyzeText, sharedResources } from "../helpers.ts";
import { articleSource, textProvenance } from "../../data-loaders/compare/summarize-record.ts";

const outletsOf = (text: string, language: Language = "en") =>
  analyzeText(text, language).outlets.map((o) => [o.role, o.name, text.slice(o.start, o.end)]);

function withProvenance(text: string, provenance: Partial<Provenance>, author: string | null = null) {
  const bare = bareArticle("t", text, "nl", "t.md");
  const article: Article = { ...bare, meta: { ...bare.meta, author, provenance: { ...bare.meta.provenance, ...provenance } } };
  return analyzeArticle(article, sharedResources());
}

describe("detectOutlets: cited outlets", () => {
  it("finds outlets cited in English and Dutch, by canonical name", () => {
    expect(outletsOf("The Washington Post published leaks, reported CNN.")).toEqual([
      ["cited", "The Washington Post", "The Washington Post"],
      ["cited", "CNN", "CNN"],
    ]);
    expect(outletsOf("De Global Times schreef dat, in een gesprek met TASS.", "nl")).toEqual([
      ["cited", "Global Times", "Global Times"],
      ["cited", "TASS", "TASS"],
    ]);
  });
});

describe("detectOutlets: origin lines", () => {
  it("reads every name in an origin line and canonicalises web addresses", () => {
    expect(outletsOf("Tekst van het artikel.\nBron: www.rt.com", "nl")).toEqual([["origin", "RT", "www.rt.com"]]);
    expect(outletsOf("Tekst.\nBronnen: Global Times, Peoples Daily en Onbekend Blad", "nl")).toEqual([
      ["origin", "Global Times", "Global Times"],
      ["origin", "People's Daily", "Peoples Daily"],
      ["origin", "Onbekend Blad", "Onbekend Blad"],
    ]);
  });
});

describe("detectOutlets: wire credits (news agencies credited with the copy)", () => {
  it("reads dateline credits in English and Dutch, with the place and date before them", () => {
    expect(outletsOf("UNITED NATIONS (AP) — The council met on Monday.")).toEqual([["wire-credit", "Associated Press", "AP"]]);
    expect(outletsOf("MOSCOW, May 16 (Xinhua) -- Russia and China signed a deal.")).toEqual([["wire-credit", "Xinhua", "Xinhua"]]);
    expect(outletsOf("(Reuters) - Oil prices rose on Monday.")).toEqual([["wire-credit", "Reuters", "Reuters"]]);
    expect(outletsOf("DEN HAAG (ANP) - Het kabinet stemde in met het plan.", "nl")).toEqual([["wire-credit", "ANP", "ANP"]]);
    expect(outletsOf("BRUSSEL (Belga/AFP) - De regering viel.", "nl")).toEqual([
      ["wire-credit", "Belga", "Belga"],
      ["wire-credit", "AFP", "AFP"],
    ]);
  });
  it("reads bar, writer and closing credits, a credit on a line of its own and an agency in an origin line", () => {
    expect(outletsOf("AFP | Moscow\n\nRussia said on Monday that talks would go on.")).toEqual([["wire-credit", "AFP", "AFP"]]);
    expect(outletsOf("BEIJING, Jan. 3 -- by Xinhua writer Liu Chang\n\nChina's economy grew.")).toEqual([
      ["wire-credit", "Xinhua", "Xinhua"],
    ]);
    expect(outletsOf("Het kabinet stemde in met het plan.\n\n(Belga)", "nl")).toEqual([["wire-credit", "Belga", "Belga"]]);
    expect(outletsOf("Het kabinet stemde in met het plan. (ANP)", "nl")).toEqual([["wire-credit", "ANP", "ANP"]]);
    expect(outletsOf("Het kabinet stemde in met het plan.\nBron: ANP", "nl")).toEqual([["wire-credit", "ANP", "ANP"]]);
  });
  it("leaves an agency cited in the running text a cited outlet, and an outlet that is no agency an origin", () => {
    expect(outletsOf("The AP reported that the talks failed.")).toEqual([["cited", "Associated Press", "AP"]]);
    expect(outletsOf("Prices rose, according to Reuters (which saw the figures) - a first.")).toEqual([["cited", "Reuters", "Reuters"]]);
    expect(outletsOf("Tekst van het artikel.\nBron: www.rt.com", "nl")).toEqual([["origin", "RT", "www.rt.com"]]);
  });
  it("makes a wire credit the text's stated origin and its source when the metadata declares none", () => {
    const record = analyzeText("UNITED NATIONS (AP) — The council met on Monday.");
    expect(record.provenanceCheck.detected.origins).toEqual(["Associated Press"]);
    expect(textProvenance(record)).toEqual({ kind: "wire-credit", label: "wire credit found in the text: Associated Press" });
    expect(articleSource(record)).toEqual({ sourceName: "Associated Press", sourceBasis: "wire-credit" });
  });
});

describe("detectOutlets: author credits", () => {
  it("finds a name closing a sentence after a credit verb, in both languages", () => {
    expect(outletsOf("Trade grew, ze hadden dat niet verwacht, schrijft Pepe Escobar.", "nl")).toEqual([
      ["author-credit", "Pepe Escobar", "Pepe Escobar"],
    ]);
    expect(outletsOf("Trade grew fast, writes Jane Doe.")).toEqual([["author-credit", "Jane Doe", "Jane Doe"]]);
  });
  it("finds a byline at the start of the article", () => {
    expect(outletsOf("By Jane Doe\n\nTrade grew fast.")).toEqual([["author-credit", "Jane Doe", "Jane Doe"]]);
    // With the author's role in apposition, in both languages; the role is not part of the name.
    expect(outletsOf("By Jane Doe, a political analyst\n\nTrade grew fast.")).toEqual([["author-credit", "Jane Doe", "Jane Doe"]]);
    expect(outletsOf("Door Jan de Vries, correspondent in Moskou\n\nDe handel groeit.", "nl")).toEqual([
      ["author-credit", "Jan de Vries", "Jan de Vries"],
    ]);
  });
  it("takes only capitalised words for a name", () => {
    expect(outletsOf("Trade grew, writes the minister.")).toEqual([]);
  });
  it("does not take a credit verb inside a sentence for a credit", () => {
    expect(outletsOf("He writes Russian poems every day.")).toEqual([]);
  });
});

describe("checkProvenance", () => {
  it("agrees when the metadata declares what the text shows, comparing outlets by canonical name", () => {
    expect(withProvenance("Tekst.\nBron: www.rt.com", { origin: ["RT"] }).provenanceCheck.disagreements).toEqual([]);
    expect(withProvenance("Tekst.\nBronnen: Global Times", { summaryOf: ["Global Times"] }).provenanceCheck.disagreements).toEqual([]);
  });
  it("flags an origin line the metadata does not declare, and a declared origin the text lacks", () => {
    expect(withProvenance("Tekst.\nBron: www.rt.com", { origin: ["TASS"] }).provenanceCheck.disagreements).toEqual([
      "the text names RT as a source, the metadata does not",
      "the metadata names TASS as a source, the text has no origin line for it",
    ]);
  });
  it("flags a credited author the metadata does not name", () => {
    expect(withProvenance("Handel groeide, schrijft Pepe Escobar.", {}, null).provenanceCheck.disagreements).toEqual([
      "the text credits Pepe Escobar, the metadata credits no author",
    ]);
  });
});

describe("compileOutlets(raw)", () => {
  it("rejects a duplicate id and a bad alias, naming the outlet", () => {
    const text =
      'id: outlets\nversion: 1.0.0\noutlets:\n  - {id: a, name: A, kind: other-media, country: X, aliases: ["A{"]}\n  - {id: a, name: B, kind: other-media, country: X, aliases: ["B"]}\n';
    expect(compileOutlets(parse(text), new TextEncoder().encode(text), "o.yaml").errors).toEqual([
      { file: "o.yaml", field: "outlets.a.aliases.0", message: 'alias "A{" unclosed "{" at character 2' },
      { file: "o.yaml", field: "outlets.a.id", message: 'duplicate id "a"' },
    ]);
  });
  it("normalises names and addresses for comparison", () => {
    expect([outletKey("https://www.RT.com/"), outletKey("People’s  Daily")]).toEqual(["rt.com", "peoples daily"]);
  });
});
