import { describe, expect, it } from "vitest";
import { PAGE_BREAK } from "../../data-loaders/reading/docx-document.ts";
import { looksLikeNexisExport, removeCoverPage, splitAtEndOfDocument, splitNexisExport } from "../../data-loaders/reading/nexis-export.ts";
import { nexisParagraphs, type FixtureParagraph } from "./office-fixtures.ts";

const FERRY = {
  title: "Island gets a new ferry",
  outlet: "The Example Gazette",
  date: "March 5, 2024 Tuesday",
  section: "NEWS; Pg. 4",
  byline: "Ann Example",
  body: ["The harbour council voted on Tuesday to buy a new ferry.", "The old boat will be sold."],
};
const DIJK = {
  title: "Nieuwe dijk bij het dorp",
  outlet: "Voorbeeldkrant",
  date: "6 maart 2024 woensdag",
  body: ["Het waterschap begint in mei met een nieuwe dijk."],
  language: "DUTCH",
};
const asText = (paragraphs: readonly FixtureParagraph[]) => paragraphs.map((p) => (typeof p === "string" ? p : PAGE_BREAK));

describe("splitNexisExport(paragraphs, file)", () => {
  it("splits at 'End of Document' and reads headline, outlet, date, byline, section, length and the index lines", () => {
    const split = splitNexisExport(asText(nexisParagraphs([FERRY, DIJK])), "x.docx");
    expect(split.errors).toEqual([]);
    expect(split.ends).toBe(2);
    expect(split.articles.map((a) => a.fields)).toEqual([
      {
        title: "Island gets a new ferry",
        outlet: "The Example Gazette",
        published: "2024-03-05",
        author: "Ann Example",
        language: "ENGLISH",
      },
      { title: "Nieuwe dijk bij het dorp", outlet: "Voorbeeldkrant", published: "2024-03-06", language: "DUTCH" },
    ]);
    expect(split.articles[0]!.text).toBe("The harbour council voted on Tuesday to buy a new ferry.\n\nThe old boat will be sold.");
    expect(split.articles[0]!.extra).toEqual({
      header: "Copyright 2024 The Example Company",
      section: "NEWS; Pg. 4",
      length: "17 words",
      language: "ENGLISH",
      publication_type: "Newspaper",
      load_date: "March 5, 2024 Tuesday",
    });
  });

  it("leaves the cover page out: its 'Date and Time:' line is not read as the first article's date", () => {
    const split = splitNexisExport(asText(nexisParagraphs([FERRY])), "x.docx");
    expect(split.articles[0]!.fields.title).toBe("Island gets a new ferry");
    expect(removeCoverPage(["Cover", "", "", "", "Title", "Outlet", "Body", "x"])).toEqual(["Title", "Outlet", "Body", "x"]);
  });

  it("warns when the cover page cannot be told from the first article (no page break, no empty paragraphs)", () => {
    const flat = asText(nexisParagraphs([FERRY])).filter((p) => p !== PAGE_BREAK);
    expect(splitNexisExport(flat, "x.docx").articles[0]!.warnings).toEqual([expect.stringMatching(/^the cover page was not found/)]);
    expect(splitNexisExport(asText(nexisParagraphs([FERRY])), "x.docx").articles[0]!.warnings).toEqual([]);
  });

  it("keeps an article without 'Body' whole as text, with a warning (LexisNexisTools' graphic)", () => {
    const split = splitNexisExport(asText(nexisParagraphs([{ ...FERRY, noBody: true }])), "x.docx");
    expect(split.articles[0]!.fields).toEqual({});
    expect(split.articles[0]!.text).toContain("Island gets a new ferry\n\nThe Example Gazette");
    expect(split.articles[0]!.text).not.toContain("Job Number");
    expect(split.articles[0]!.warnings).toEqual([expect.stringMatching(/^no line "Body": kept whole as text/)]);
  });

  it("reports a file without 'End of Document', lines after the last one, and a date it cannot read", () => {
    const none = splitNexisExport(asText(nexisParagraphs([FERRY], { withEnds: false })), "cut.docx");
    expect(none.articles).toEqual([]);
    expect(none.errors).toEqual([
      { file: "cut.docx", field: "End of Document", message: expect.stringMatching(/^has no line "End of Document"/) },
    ]);
    const trailing = splitNexisExport([...asText(nexisParagraphs([FERRY])), "Half an article"], "x.docx");
    expect(trailing.errors[0]!.message).toBe(
      '1 line(s) after the last "End of Document" (from "Half an article"): an article whose end is missing?',
    );
    const german = splitNexisExport(asText(nexisParagraphs([{ ...FERRY, date: "5. März 2024 Dienstag" }])), "de.docx");
    expect(german.articles[0]!.errors).toEqual([
      {
        file: "de.docx#1",
        field: "published",
        message: '"5. März 2024 Dienstag" is not a date this reader knows (month in English or Dutch)',
      },
    ]);
  });
});

describe("splitAtEndOfDocument(paragraphs)", () => {
  it("ends an article at a line ending with 'End of Document' when no line is exactly that (LexisNexisTools' fallback)", () => {
    expect(splitAtEndOfDocument(["A", "Body", "Text one. End of Document", "B", "Body", "Text two.End of Document"])).toEqual({
      chunks: [
        ["A", "Body", "Text one."],
        ["B", "Body", "Text two."],
      ],
      rest: [],
    });
    expect(splitAtEndOfDocument(["A", "It said End of Document", "End of Document"]).chunks).toEqual([["A", "It said End of Document"]]);
  });
});

describe("looksLikeNexisExport(paragraphs)", () => {
  it("is true with 'End of Document', or with 'Body' and 'Load-Date:' (an export cut short), else false", () => {
    expect(looksLikeNexisExport(asText(nexisParagraphs([FERRY])))).toBe(true);
    expect(looksLikeNexisExport(asText(nexisParagraphs([FERRY], { withEnds: false })))).toBe(true);
    expect(looksLikeNexisExport(["A title", "Body of the letter", "The end of document."])).toBe(false);
  });
});
