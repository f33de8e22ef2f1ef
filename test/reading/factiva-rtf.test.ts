import { describe, expect, it } from "vitest";
import { isFactivaRtf, splitFactivaRtf } from "../../data-loaders/reading/factiva-rtf.ts";
import { rtfParagraphs } from "../../data-loaders/reading/rtf-text.ts";
import { factivaRtf } from "./office-fixtures.ts";

const FERRY = {
  HD: "Island gets a new ferry",
  BY: "Ann Example",
  PD: "5 March 2024",
  SN: "The Example Gazette",
  SE: "News",
  LP: ["The harbour council voted on Tuesday to buy a new ferry."],
  TD: ["The old boat will be sold.", "Fares stay the same."],
  AN: "Document EXGAZ00020240305e0350000b",
};
const paragraphsOf = (rtf: string) => rtfParagraphs(rtf, "f.rtf").paragraphs!;

describe("splitFactivaRtf(paragraphs, file)", () => {
  it("reads each table row as a field, a value's later paragraphs with it, and ends an article at AN", () => {
    const paragraphs = paragraphsOf(factivaRtf([FERRY, { ...FERRY, HD: "Second", AN: "Document B2" }]));
    expect(isFactivaRtf(paragraphs)).toBe(true);
    const { articles, ends, errors } = splitFactivaRtf(paragraphs, "f.rtf");
    expect([ends, errors]).toEqual([2, []]);
    expect(articles[0]).toEqual({
      fields: {
        title: "Island gets a new ferry",
        author: "Ann Example",
        published: "2024-03-05",
        outlet: "The Example Gazette",
        id: "EXGAZ00020240305e0350000b",
      },
      extra: { section: "News" },
      text: "The harbour council voted on Tuesday to buy a new ferry.\n\nThe old boat will be sold.\n\nFares stay the same.",
      warnings: [],
      errors: [],
    });
    expect(articles[1]!.fields.id).toBe("B2");
  });

  it("reads a paragraph opening with a code that is not Factiva's as text", () => {
    const { articles } = splitFactivaRtf(["HD\tTitle", "TD\tFirst.", "US\tsecond, kept in the text.", "AN\tDocument X1"], "f.rtf");
    expect(articles[0]!.text).toBe("First.\n\nUS\tsecond, kept in the text.");
  });

  it("reports fields after the last AN, and a file with no field rows; a Nexis RTF is not Factiva", () => {
    const { errors } = splitFactivaRtf(["HD\tTitle", "TD\tText.", "AN\tDocument X1", "HD\tCut short", "TD\tText."], "f.rtf");
    expect(errors).toEqual([
      {
        file: "f.rtf",
        field: "AN",
        message: '2 field(s) after the last AN (from HD "Cut short"): an article without its accession number?',
      },
    ]);
    expect(splitFactivaRtf(["Just a letter."], "f.rtf").errors).toEqual([
      { file: "f.rtf", field: "article", message: "has no Factiva field rows (HD, TD, AN …)" },
    ]);
    expect(isFactivaRtf(["Island gets a new ferry", "Body", "Text.", "End of Document"])).toBe(false);
  });
});
