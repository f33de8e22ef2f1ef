import { describe, expect, it } from "vitest";
import type { Language } from "../../data-loaders/schema/record.ts";
import { analyzeText as analyze } from "../helpers.ts";

/** [quoted text including marks, kind] for each quotation. */
function quotes(text: string, language: Language = "en"): Array<[string, string]> {
  const record = analyze(text, language);
  return record.quotations.map((q) => [text.slice(q.start, q.end), q.kind]);
}

describe("findQuotations: quotation styles", () => {
  it.each([
    ["“…”", "He said: “The plan will work.”", "“The plan will work.”"],
    ['"…"', 'He said: "The plan will work."', '"The plan will work."'],
    ["„…”", "Hij zei: „Het plan zal werken.”", "„Het plan zal werken.”"],
    ["„…“", "Hij zei: „Het plan zal werken.“", "„Het plan zal werken.“"],
    ["«…»", "Il a dit: «Le plan marchera.»", "«Le plan marchera.»"],
    ["‘…’", "He said: ‘The plan will work.’", "‘The plan will work.’"],
    ["'…'", "He said: 'The plan will work.'", "'The plan will work.'"],
  ])("finds %s quotations", (_style, text, quoted) => {
    expect(quotes(text)).toEqual([[quoted, "direct"]]);
  });

  it("does not take apostrophes for quotation marks", () => {
    expect(quotes("De regio's van Rusland en de Hegemon’s vazallen; it's Russia's turn.", "nl")).toEqual([]);
  });

  it("keeps a quote broken by a cue as two direct quotations", () => {
    expect(quotes("“We will see,” he said, “what the West does next.”")).toEqual([
      ["“We will see,”", "direct"],
      ["“what the West does next.”", "direct"],
    ]);
  });

  it("finds a quote that runs over several sentences", () => {
    const text = "Krylov biedt een duidelijk inzicht: “Ik zie het feit. De Amerikanen hebben een corridor nodig.” Daarna niets.";
    const record = analyze(text, "nl");
    expect(record.quotations).toHaveLength(1);
    const quotation = record.quotations[0]!;
    expect(text.slice(quotation.start, quotation.end)).toBe("“Ik zie het feit. De Amerikanen hebben een corridor nodig.”");
    // It opens inside the first sentence (after the colon) and ends with the second.
    expect(record.sentences.filter((s) => s.end > quotation.start && s.start < quotation.end)).toHaveLength(2);
  });

  it("runs an unclosed quote to the end of its paragraph", () => {
    const text = "He said: “The plan will work and we will not stop\n\nA new paragraph.";
    expect(quotes(text)).toEqual([["“The plan will work and we will not stop", "direct"]]);
  });
});

describe("findQuotations: scare quotes versus quotations", () => {
  it("calls a short unattributed quote a scare quote", () => {
    expect(quotes("Their “analyses” miss the point.")).toEqual([["“analyses”", "scare"]]);
    expect(quotes("Het partnerschap omzeilt deze “orde”.", "nl")).toEqual([["“orde”", "scare"]]);
  });
  it("calls a short quote in a sentence with a speech cue a quotation", () => {
    expect(quotes("The White House stated that the aid was “unacceptable”.")).toEqual([["“unacceptable”", "direct"]]);
    expect(quotes("Hij omschrijft het als “de Zijderoute-regio”.", "nl")).toEqual([["“de Zijderoute-regio”", "direct"]]);
  });
  it("calls a quote after so-called or zogenaamde a scare quote, even with a cue", () => {
    expect(quotes("He said the so-called “rules-based order” is a slogan.")).toEqual([["“rules-based order”", "scare"]]);
    expect(quotes("De zogenaamde ‘vrije pers’ zweeg.", "nl")).toEqual([["‘vrije pers’", "scare"]]);
  });
  it("calls a quoted span longer than five words a quotation", () => {
    expect(quotes("It is “the year of the great geopolitical awakening” for all.")).toEqual([
      ["“the year of the great geopolitical awakening”", "direct"],
    ]);
  });
  it("calls a quoted full sentence a quotation", () => {
    expect(quotes("“No.” That was all.")).toEqual([["“No.”", "direct"]]);
  });
});

describe("framing markers and devices in and out of quotes", () => {
  it("marks a framing term inside a direct quotation as quote: direct", () => {
    const record = analyze("Lavrov said: “The Hegemon will fall.”");
    expect(record.markers.map((m) => [m.frame, m.term, m.form, m.quote])).toEqual([["hegemon", "Hegemon", "personified", "direct"]]);
  });
  it("marks a framing term inside scare quotes as quote: scare", () => {
    const record = analyze("Het daagt de “op regels gebaseerde internationale orde” uit.", "nl");
    expect(record.markers.map((m) => [m.frame, m.quote])).toEqual([["rules-based-order", "scare"]]);
    expect(record.devices.filter((d) => d.device === "scare-quotes").map((d) => d.term)).toEqual([
      "“op regels gebaseerde internationale orde”",
    ]);
  });
  it("does not count a quoted question as a rhetorical question", () => {
    expect(
      analyze("“Who benefits?” the minister asked. Who benefits indeed?")
        .devices.filter((d) => d.device === "rhetorical-questions")
        .map((d) => d.term),
    ).toEqual(["Who benefits indeed?"]);
  });
});
