import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { PAGE_BREAK } from "../../data-loaders/reading/docx-document.ts";
import { rtfParagraphs } from "../../data-loaders/reading/rtf-text.ts";
import { PAGE, rtf } from "./office-fixtures.ts";

const read = (source: string) => rtfParagraphs(source, "x.rtf");

describe("rtfParagraphs(rtf, file)", () => {
  it("splits at \\par, keeps \\line inside a paragraph, and reads \\tab", () => {
    expect(read("{\\rtf1\\ansi One two.\\par Three\\line four\\tab five.\\par}").paragraphs).toEqual(["One two.", "Three\nfour\tfive."]);
  });

  it("leaves out the font, colour and style tables, \\info and every \\* destination, and keeps a field's result", () => {
    const source =
      "{\\rtf1\\ansi{\\fonttbl{\\f0 Arial;}}{\\colortbl;\\red255;}{\\stylesheet{\\s0 Normal;}}{\\info{\\title Secret}}" +
      "{\\*\\generator Writer;}{\\*\\unknownthing hidden}Shown {\\field{\\*\\fldinst HYPERLINK x}{\\fldrslt link text}}.\\par}";
    expect(read(source).paragraphs).toEqual(["Shown link text."]);
  });

  it("reads \\uN and skips the \\ucN characters after it, a surrogate pair included", () => {
    expect(read("{\\rtf1\\ansi caf\\u233?\\par\\uc2 na\\u239\\'69\\'69ve \\uc1\\u-10179?\\u-8704?\\par}").paragraphs).toEqual([
      "café",
      "naïve 😀",
    ]);
  });

  it("decodes \\'hh in the \\ansicpg code page (1252 by default, 1250 when declared)", () => {
    expect(read("{\\rtf1\\ansi d\\'e9j\\'e0 \\'93vu\\'94\\par}").paragraphs).toEqual(["déjà \u201cvu\u201d"]);
    expect(read("{\\rtf1\\ansi\\ansicpg1250 \\'9alapa\\'e8\\par}").paragraphs).toEqual(["šlapač"]);
    expect(read("{\\rtf1\\ansi\\ansicpg1252 \\'80 5\\'85\\par}").paragraphs).toEqual(["€ 5…"]);
  });

  it("reads escaped braces and backslashes, named punctuation, and makes \\page a page-break paragraph", () => {
    expect(read("{\\rtf1 a \\{b\\} c\\\\d \\endash\\~e\\rquote s\\par\\page Next\\par}").paragraphs).toEqual([
      "a {b} c\\d \u2013\u00a0e\u2019s",
      PAGE_BREAK,
      "Next",
    ]);
  });

  it("reads what the test fixtures write (a round trip)", () => {
    expect(read(rtf(["Één brug", PAGE, "Zürich {x}"])).paragraphs).toEqual(["Één brug", PAGE_BREAK, "Zürich {x}"]);
  });

  it("says in one line what is wrong: not RTF, a brace too many or too few, an unknown code page, a lone backslash", () => {
    const problems = ["Hello", "{\\rtf1 a}}", "{\\rtf1 {a}", "{\\rtf1\\ansicpg437 a}", "{\\rtf1 a\\"].map((s) => read(s).errors);
    expect(problems.map((e) => e[0]!.message)).toEqual([
      "is not an RTF file (it does not begin with {\\rtf)",
      'has a "}" that closes no group (at character 9)',
      'ends inside 1 unclosed group(s): a "}" is missing',
      "uses code page 437 (\\ansicpg437), which this reader does not know",
      "cannot be read at character 8",
    ]);
    for (const errors of problems) expect(errors).toEqual([{ file: "x.rtf", field: "rtf", message: expect.any(String) }]);
  });

  it("never throws: any text after {\\rtf gives paragraphs or exactly one located error (fuzzed)", () => {
    const piece = fc.oneof(
      fc.constantFrom(
        "{",
        "}",
        "\\",
        "\\par ",
        "\\u-3",
        "\\uc0",
        "\\'9",
        "\\'e9",
        "\\*",
        "\\bin5 ",
        "\\fonttbl",
        "\\ansicpg1250",
        "\\page",
      ),
      fc.string({ maxLength: 6 }),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const { paragraphs, errors } = read(`{\\rtf1 ${pieces.join("")}`);
        if (paragraphs) expect(errors).toEqual([]);
        else expect(errors).toEqual([{ file: "x.rtf", field: "rtf", message: expect.stringMatching(/^[^\n]+$/) }]);
      }),
      { seed: 31, numRuns: 300 },
    );
  });
});
