import { strToU8, zipSync } from "fflate";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PAGE_BREAK, readDocx } from "../../data-loaders/reading/docx-document.ts";
import { coreXml, docx, docxFromParts, documentXml, PAGE } from "./office-fixtures.ts";

describe("readDocx(bytes, file)", () => {
  it("reads paragraphs in order, with tabs and line breaks, and the core properties", () => {
    const bytes = docx(["Ferry plan agreed", "The council met.\tIt voted.", "Line one\nline two"], {
      title: "Ferry plan agreed",
      creator: "Ann Example",
      created: "2024-03-05T09:00:00Z",
      modified: "2024-03-06T10:00:00Z",
    });
    const { document, errors } = readDocx(bytes, "a.docx");
    expect(errors).toEqual([]);
    expect(document).toEqual({
      paragraphs: ["Ferry plan agreed", "The council met.\tIt voted.", "Line one\nline two"],
      properties: { title: "Ferry plan agreed", creator: "Ann Example", created: "2024-03-05T09:00:00Z", modified: "2024-03-06T10:00:00Z" },
    });
  });

  it("makes a page break a paragraph of its own, and decodes entities", () => {
    const { document } = readDocx(docx(["Cover", PAGE, "Fish & chips <cheap>"]), "a.docx");
    expect(document!.paragraphs).toEqual(["Cover", PAGE_BREAK, "Fish & chips <cheap>"]);
  });

  it("leaves out deleted text, field codes and a markup-compatibility fallback; a text box is its own paragraph", () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const MC = 'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"';
    const xml =
      `<w:document ${W} ${MC}><w:body><w:p><w:r><w:t>Kept</w:t></w:r><w:del><w:r><w:delText>gone</w:delText></w:r></w:del>` +
      `<w:r><w:instrText> PAGE </w:instrText></w:r>` +
      `<mc:AlternateContent><mc:Choice Requires="wps"><w:r><w:txbxContent><w:p><w:r><w:t>In the box</w:t></w:r></w:p></w:txbxContent></w:r></mc:Choice>` +
      `<mc:Fallback><w:r><w:t>In the box again</w:t></w:r></mc:Fallback></mc:AlternateContent></w:p></w:body></w:document>`;
    const { document } = readDocx(docxFromParts({ "word/document.xml": xml }), "a.docx");
    expect(document!.paragraphs).toEqual(["In the box", "Kept"]);
    expect(document!.properties).toEqual({ title: null, creator: null, created: null, modified: null });
  });

  it("says in one line what is wrong: not a zip, no word/document.xml, XML that does not parse", () => {
    expect(readDocx(strToU8("not a zip at all"), "bad.docx").errors).toEqual([
      { file: "bad.docx", field: "file", message: expect.stringMatching(/^is not a readable \.docx \(a Word file is a zip archive\): /) },
    ]);
    const noDocument = zipSync({ "docProps/core.xml": strToU8(coreXml({ title: "x" })) });
    expect(readDocx(noDocument, "empty.docx").errors).toEqual([
      {
        file: "empty.docx",
        field: "word/document.xml",
        message: "is missing: this zip is not a Word document (save it as .docx from Word or LibreOffice)",
      },
    ]);
    const broken = docxFromParts({ "word/document.xml": documentXml(["a"]).replace("</w:body>", "") });
    const [error] = readDocx(broken, "broken.docx").errors;
    expect(error).toMatchObject({ file: "broken.docx", field: "word/document.xml" });
    expect(error!.message).toMatch(/^is not well-formed XML: /);
    expect(error!.message).not.toContain("\n");
  });

  it("never throws on damaged bytes: a document or exactly one located error (fuzzed)", () => {
    const good = docx(["Kept", "Also kept"], { title: "T" });
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.integer({ min: 0, max: 255 }), fc.nat(good.length), (at, byte, cut) => {
        const damaged = good.slice(0, Math.max(cut, 1));
        damaged[Math.min(at, damaged.length - 1)] = byte;
        const { document, errors } = readDocx(damaged, "d.docx");
        if (document) expect(errors).toEqual([]);
        else expect(errors).toEqual([{ file: "d.docx", field: expect.any(String), message: expect.stringMatching(/^[^\n]+$/) }]);
      }),
      { seed: 31, numRuns: 200 },
    );
  });
});
