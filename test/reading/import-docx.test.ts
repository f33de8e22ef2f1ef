import { describe, expect, it } from "vitest";
import { PAGE_BREAK, type DocxDocument } from "../../data-loaders/reading/docx-document.ts";
import { documentTitleAndText } from "../../data-loaders/reading/import-docx.ts";

const document = (paragraphs: readonly string[], title: string | null = null): DocxDocument => ({
  paragraphs,
  properties: { title, creator: null, created: null, modified: null },
});

describe("documentTitleAndText(document)", () => {
  it("takes dc:title as the title and keeps every paragraph, unless the first repeats the title", () => {
    expect(documentTitleAndText(document(["Ferry news", "The ferry sails."], "Ferry plan"))).toEqual({
      title: { value: "Ferry plan", from: "dc:title" },
      text: "Ferry news\n\nThe ferry sails.",
    });
    expect(documentTitleAndText(document(["Ferry plan", "The ferry sails."], "Ferry plan")).text).toBe("The ferry sails.");
  });

  it("takes a short first paragraph as the title when more follow, and leaves it out of the text", () => {
    expect(documentTitleAndText(document(["  Ferry plan ", "", PAGE_BREAK, "The ferry sails.", "It is new."]))).toEqual({
      title: { value: "Ferry plan", from: "first paragraph" },
      text: "The ferry sails.\n\nIt is new.",
    });
  });

  it("gives no title for a single paragraph, a first paragraph over 300 characters, or one with a line break", () => {
    expect(documentTitleAndText(document(["Only one paragraph."])).title).toBeNull();
    expect(documentTitleAndText(document(["x".repeat(301), "More."])).title).toBeNull();
    expect(documentTitleAndText(document(["Two\nlines", "More."]))).toEqual({ title: null, text: "Two\nlines\n\nMore." });
  });
});
