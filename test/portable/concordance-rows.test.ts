import { describe, expect, it } from "vitest";
import { CONCORDANCE_ROW_FIELDS, concordancePageLines, concordanceRow } from "../../data-loaders/portable/concordance-rows.ts";
import { concordancePageSchema } from "../../data-loaders/schema/site-outputs.ts";

const LINE = {
  article: "closed",
  kind: "frame",
  category: "hegemon",
  term: "hegemon",
  codebookTerm: "hegemon{,s}",
  form: null,
  quote: "direct",
  sentence: 3,
  start: 120,
  left: "",
  match: "hegemon",
  right: "",
};

describe("concordanceRow(line)", () => {
  it("lists a line's values in the order of CONCORDANCE_ROW_FIELDS, without its kind and category", () => {
    expect(concordanceRow(LINE)).toEqual(["closed", "hegemon", "hegemon{,s}", null, "direct", 3, 120, "", "hegemon", ""]);
  });
});

describe("concordancePageLines(page)", () => {
  it("reads a full build's page as it is", () => {
    expect(concordancePageLines({ category: "hegemon", lines: [LINE] })).toEqual([LINE]);
  });

  it("gives back every field of a line packed into a public build's row, kind and category from the page", () => {
    const packed = { category: "hegemon", kind: "frame", fields: CONCORDANCE_ROW_FIELDS, rows: [concordanceRow(LINE)] };
    expect(concordancePageLines(packed)).toEqual([LINE]);
  });

  it("reads a row by the fields its page names, not by a fixed order", () => {
    expect(concordancePageLines({ category: "c", kind: "device", fields: ["start", "article"], rows: [[7, "a"]] })).toEqual([
      { kind: "device", category: "c", start: 7, article: "a" },
    ]);
  });
});

describe("concordancePageSchema", () => {
  const file = { id: "a", version: "1.0.0", sha256: "0".repeat(64) };
  const build = {
    analysis: { version: "0.0.0", code: "0".repeat(64) },
    codebooks: { framing: file, devices: file, speechCues: file, actors: file, outlets: file, attributionModel: file },
    public: { defaultLicence: "unknown", snippetWords: 0 },
  };
  const head = { category: "hegemon", page: 0, first: 0 };

  it("names a public build's fields in the order CONCORDANCE_ROW_FIELDS writes them", () => {
    const page = { build, ...head, kind: "frame", fields: [...CONCORDANCE_ROW_FIELDS], rows: [concordanceRow(LINE)] };
    expect(concordancePageSchema.safeParse(page).error?.issues ?? []).toEqual([]);
    const reordered = { ...page, fields: [...CONCORDANCE_ROW_FIELDS].reverse() };
    expect(concordancePageSchema.safeParse(reordered).success).toBe(false);
  });

  it("refuses a page with both forms or with rows but no fields", () => {
    const both = concordancePageSchema.safeParse({
      build,
      ...head,
      lines: [LINE],
      kind: "frame",
      fields: [...CONCORDANCE_ROW_FIELDS],
      rows: [],
    });
    const noFields = concordancePageSchema.safeParse({ build, ...head, kind: "frame", rows: [] });
    for (const result of [both, noFields])
      expect(result.error?.issues.map((issue) => issue.message)).toContain("a concordance page has either lines or kind, fields and rows");
  });
});
