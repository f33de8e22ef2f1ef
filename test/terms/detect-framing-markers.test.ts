import { describe, expect, it } from "vitest";
import { analyzeText as analyze } from "../helpers.ts";

const markersOf = (text: string, language: "en" | "nl" = "en") => analyze(text, language).markers.map((m) => [m.frame, m.term, m.form]);

describe("detectFramingMarkers(text, codebook)", () => {
  it("marks the capitalised singular Hegemon as personified and the generic noun as generic", () => {
    expect(markersOf("The Hegemon's vassals obey, but hegemony is fading and a hegemon never rests.")).toEqual([
      ["hegemon", "Hegemon's", "personified"],
      ["vassal", "vassals", null],
      ["hegemon", "hegemony", "generic"],
      ["hegemon", "hegemon", "generic"],
    ]);
  });
  it("marks de Hegemon as personified in Dutch, also with a possessive", () => {
    expect(markersOf("De gevolgen zijn er voor de Hegemon en de Hegemon’s EU.", "nl")).toEqual([
      ["hegemon", "Hegemon", "personified"],
      ["hegemon", "Hegemon’s", "personified"],
    ]);
  });
  it("counts Dutch plural 'vazallen' and compound 'vazalstaat' as vassal", () => {
    expect(markersOf("De vazallen van Washington en elke vazalstaat volgen.", "nl")).toEqual([
      ["vassal", "vazallen", null],
      ["vassal", "vazalstaat", null],
    ]);
  });
  it("matches one phrase once, by its longest term, and records the sentence", () => {
    const record = analyze("First sentence. The rules-based international order is a slogan.");
    expect(record.markers.map((m) => [m.frame, m.term, m.sentence])).toEqual([["rules-based-order", "rules-based international order", 1]]);
    expect(record.text.slice(record.markers[0]!.start, record.markers[0]!.end)).toBe("rules-based international order");
  });
  it("does not mark terms in boilerplate", () => {
    expect(analyze("Follow us on Google News\nThe Hegemon is weak.").markers).toHaveLength(1);
    expect(analyze("Lees ook: De Hegemon valt\n\nGeen markers hier.", "nl").markers).toEqual([]);
  });
  it("applies only the article's language's terms", () => {
    expect(markersOf("De vazallen zwijgen.", "en")).toEqual([]);
  });
});

describe("detectRhetoricalDevices(text, codebook)", () => {
  const devicesOf = (text: string, language: "en" | "nl" = "en") => analyze(text, language).devices.map((d) => [d.device, d.term]);
  it("finds certainty markers and hedges in both languages", () => {
    expect(devicesOf("It goes without saying that Russia will probably win.")).toEqual([
      ["certainty", "It goes without saying"],
      ["hedges", "probably"],
    ]);
    expect(devicesOf("Het spreekt voor zich dat de reactie ongetwijfeld snel komt.", "nl")).toEqual([
      ["certainty", "Het spreekt voor zich"],
      ["certainty", "ongetwijfeld"],
    ]);
  });
  it("finds coined -stan name-calling", () => {
    expect(devicesOf("Geen land buiten NAVO-stan doet mee.", "nl")).toEqual([["derogatory-labels", "NAVO-stan"]]);
  });
  it("counts the pronoun us but not the country US", () => {
    expect(devicesOf("The US told us that our plan fails.")).toEqual([
      ["in-group-pronouns", "us"],
      ["in-group-pronouns", "our"],
    ]);
  });
  it("does not count the month May as a hedge", () => {
    expect(devicesOf("They met in May. It may rain.").filter(([device]) => device === "hedges")).toEqual([["hedges", "may"]]);
  });
});

describe("framing 2.0.0: markers that mean their word", () => {
  const framesOf = (text: string, language: "en" | "nl" = "en") =>
    analyze(text, language).markers.map((m) => [m.frame, m.term, m.codebookTerm]);
  it("counts multipolar and its opposite unipolar apart, each with the codebook term that matched", () => {
    expect(framesOf("The unipolar moment gives way to a multipolar world and multipolarity.")).toEqual([
      ["unipolar", "unipolar", "uni{-,}polar{,ity}"],
      ["multipolar", "multipolar", "multi{-,}polar{,ity,ism}"],
      ["multipolar", "multipolarity", "multi{-,}polar{,ity,ism}"],
    ]);
  });
  it("gives a new world order and satellites frames of their own, in both languages", () => {
    expect(framesOf("They want a new world order. Japan is a puppet state, a military satellite.").map(([frame]) => frame)).toEqual([
      "world-order",
      "client-state",
      "client-state",
    ]);
    expect(framesOf("Een nieuwe wereldorde. Polen is een satellietstaat en de EU een vazal.", "nl").map(([frame]) => frame)).toEqual([
      "world-order",
      "client-state",
      "vassal",
    ]);
  });
  it("keeps vazalstaat and vazallen in vassal", () => {
    expect(framesOf("De vazallen en de vazalstaat.", "nl").map(([frame, term]) => [frame, term])).toEqual([
      ["vassal", "vazallen"],
      ["vassal", "vazalstaat"],
    ]);
  });
});
