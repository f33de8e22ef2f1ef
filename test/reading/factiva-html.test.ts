import { describe, expect, it } from "vitest";
import { isFactivaExport, splitFactivaExport } from "../../data-loaders/reading/factiva-html.ts";
import { parseHtml } from "../../data-loaders/reading/html-tree.ts";
import { factivaHtml } from "./office-fixtures.ts";

const FERRY = {
  HD: "Island gets a new ferry",
  BY: "By Ann Example",
  WC: "312 words",
  PD: "5 March 2024",
  SN: "The Example Gazette",
  SC: "EXGAZ",
  LA: "English",
  LP: ["The harbour council voted on Tuesday to buy a new ferry."],
  TD: ["The old boat will be sold.", "Fares stay the same."],
  AN: "Document EXGAZ00020240305e0350000b",
};

describe("splitFactivaExport(document, file)", () => {
  it("reads each article block's field table: HD, BY, PD, SN, LA, AN as fields, LP then TD as the text, the rest by name", () => {
    const { articles, errors } = splitFactivaExport(
      parseHtml(factivaHtml([FERRY, { ...FERRY, HD: "Second", AN: "Document B2" }])),
      "f.html",
    );
    expect(errors).toEqual([]);
    expect(articles).toHaveLength(2);
    expect(articles[0]).toEqual({
      fields: {
        title: "Island gets a new ferry",
        author: "By Ann Example",
        published: "2024-03-05",
        outlet: "The Example Gazette",
        language: "English",
        id: "EXGAZ00020240305e0350000b",
      },
      extra: { word_count: "312 words", source_code: "EXGAZ" },
      text: "The harbour council voted on Tuesday to buy a new ferry.\n\nThe old boat will be sold.\n\nFares stay the same.",
      warnings: [],
      errors: [],
    });
  });

  it("reports an export without article blocks, a block without a field table, and a date it cannot read", () => {
    const loose = parseHtml(factivaHtml([FERRY], { blocks: false }));
    expect(isFactivaExport(loose)).toBe(true);
    expect(splitFactivaExport(loose, "loose.html").errors).toEqual([
      { file: "loose.html", field: "article", message: expect.stringMatching(/^has Factiva field rows \(HD, TD\) but no article block/) },
    ]);
    const html = factivaHtml([FERRY, { ...FERRY, PD: "le 5 mars 2024" }]).replace(
      "<br>",
      '<br><div class="article enArticle"><p>x</p></div>',
    );
    const { articles } = splitFactivaExport(parseHtml(html), "f.html");
    expect(articles.map((a) => a.errors)).toEqual([
      [],
      [{ file: "f.html#2", field: "article", message: "an article block with no table of Factiva fields (HD, BY, PD, SN, LP, TD …)" }],
      [{ file: "f.html#3", field: "published (PD)", message: '"le 5 mars 2024" is not a date this reader knows' }],
    ]);
  });

  it("does not take a news page with an 'article' class for an export", () => {
    expect(isFactivaExport(parseHtml('<div class="article main"><table><tr><td>Score</td><td>3</td></tr></table><p>Text.</p></div>'))).toBe(
      false,
    );
  });
});
