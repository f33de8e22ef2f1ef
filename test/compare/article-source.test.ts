// An article's source for comparing outlets: the declared outlet, else what the text states, labelled with
// where it was found; nothing guessed.
import { describe, expect, it } from "vitest";
import { articleSource, textProvenance } from "../../data-loaders/compare/summarize-record.ts";
import { groupValues, sourceGroup } from "../../data-loaders/compare/groupings.ts";
import type { ArticleRecord } from "../../data-loaders/schema/record.ts";
import { analyzeText } from "../helpers.ts";

const base = analyzeText("Ministers met in Moscow on Tuesday.");
const withMeta = (
  meta: Partial<ArticleRecord["meta"]>,
  provenance: Partial<ArticleRecord["meta"]["provenance"]> = {},
  outlets: ArticleRecord["outlets"] = [],
): ArticleRecord => ({
  ...base,
  outlets,
  meta: { ...base.meta, ...meta, provenance: { ...base.meta.provenance, ...provenance } },
});
const originOutlet = (name: string) => ({
  name,
  id: name.toLowerCase(),
  kind: "state-media" as const,
  role: "origin" as const,
  start: 0,
  end: 1,
});

describe("articleSource(record)", () => {
  it("prefers the declared outlet over anything the text states", () => {
    expect(articleSource(withMeta({ outlet: "Example Weekly" }, { origin: ["www.rt.com"] }))).toEqual({
      sourceName: "Example Weekly",
      sourceBasis: "declared",
    });
  });

  it("names an origin line's outlets as the gazetteer does, else as written", () => {
    expect(articleSource(withMeta({}, { origin: ["www.rt.com"] }, [originOutlet("RT")]))).toEqual({
      sourceName: "RT",
      sourceBasis: "origin-line",
    });
    expect(articleSource(withMeta({}, { origin: ["Krant van Nergens"] }))).toEqual({
      sourceName: "Krant van Nergens",
      sourceBasis: "origin-line",
    });
  });

  it("uses an origin line the pipeline found in the text when the metadata declares no provenance", () => {
    expect(articleSource(withMeta({}, {}, [originOutlet("RT")]))).toEqual({ sourceName: "RT", sourceBasis: "origin-line" });
    const credit = { ...originOutlet("J. Doe"), role: "author-credit" as const, id: null, kind: null };
    expect(articleSource(withMeta({}, {}, [credit]))).toEqual({ sourceName: "J. Doe", sourceBasis: "credited-author" });
  });

  it("falls back to the summarised outlets, then the credited author, then none", () => {
    expect(articleSource(withMeta({}, { summaryOf: ["Global Times", "Peoples Daily"] }))).toEqual({
      sourceName: "Global Times + Peoples Daily",
      sourceBasis: "summary",
    });
    expect(articleSource(withMeta({}, { creditedAuthor: "A. Writer" }))).toEqual({
      sourceName: "A. Writer",
      sourceBasis: "credited-author",
    });
    expect(articleSource(withMeta({}))).toEqual({ sourceName: null, sourceBasis: "none" });
  });
});

describe("textProvenance(record)", () => {
  it("keeps the declared provenance, and without one reports the origin line found in the text", () => {
    expect(textProvenance(withMeta({}, { origin: ["www.rt.com"] }, [originOutlet("RT")]))).toEqual({
      kind: "origin-line",
      label: "origin line: www.rt.com",
    });
    expect(textProvenance(withMeta({}, {}, [originOutlet("RT")]))).toEqual({
      kind: "origin-line",
      label: "origin line found in the text: RT",
    });
    expect(textProvenance(withMeta({}))).toEqual({ kind: "not-stated", label: "not stated in the text" });
  });
});

describe("sourceGroup(row)", () => {
  it("labels a found source with where it was found, a declared one by name alone", () => {
    expect(sourceGroup({ sourceName: "RT", sourceBasis: "declared" })).toBe("RT");
    expect(sourceGroup({ sourceName: "RT", sourceBasis: "origin-line" })).toBe("RT (origin line)");
    expect(sourceGroup({ sourceName: "A. Writer", sourceBasis: "credited-author" })).toBe("A. Writer (credited author)");
    expect(sourceGroup({ sourceName: null, sourceBasis: "none" })).toBeNull();
  });

  it("puts articles without a source in the outlet grouping's own missing group", () => {
    const row = { sourceName: null, sourceBasis: "none", language: "en", provenanceKind: "not-stated", author: null } as const;
    expect(groupValues(row as never).outlet).toBe("no source stated");
  });
});
