import { describe, expect, it } from "vitest";
import { lookalikeField, lookalikeWarnings, parseFieldMap, planColumns } from "../../data-loaders/reading/import-fields.ts";

const MEDIA_CLOUD_HEADER = ["stories_id", "publish_date", "title", "url", "language", "media_name", "text", "ap_syndicated"];

describe("parseFieldMap(specs, where)", () => {
  it("reads field=column pairs from repeated flags and comma-separated lists", () => {
    const { map, errors } = parseFieldMap(["title=Kop", "published=Datum, outlet = Krant"], "--map");
    expect(errors).toEqual([]);
    expect([...map]).toEqual([
      ["title", "Kop"],
      ["published", "Datum"],
      ["outlet", "Krant"],
    ]);
  });

  it("names each malformed mapping: no '=', an unknown field, a field mapped twice", () => {
    const { errors } = parseFieldMap(["headline", "heading=Kop", "title=A,title=B"], "CORPUS_MAP");
    expect(errors).toEqual([
      { file: "CORPUS_MAP", field: "mapping", message: '"headline" is not field=column (for example published=date)' },
      {
        file: "CORPUS_MAP",
        field: "mapping",
        message: '"heading" is not a field that can be mapped; use one of id, text, title, published, outlet, url, language, author',
      },
      { file: "CORPUS_MAP", field: "mapping", message: '"title" is mapped twice (to A and B)' },
    ]);
  });
});

describe("planColumns(header, map, file, required)", () => {
  it("reads Media Cloud's story CSV without a mapping", () => {
    const plan = planColumns(MEDIA_CLOUD_HEADER, new Map(), "mc.csv", ["text"]);
    expect(plan.errors).toEqual([]);
    expect(plan.columns).toEqual({
      id: "stories_id",
      text: "text",
      title: "title",
      published: "publish_date",
      outlet: "media_name",
      url: "url",
      language: "language",
    });
    expect(plan.extra).toEqual(["ap_syndicated"]);
  });

  it("matches default columns ignoring case and takes the first default present, keeping the others in extra", () => {
    const plan = planColumns(["Headline", "Body", "Content"], new Map(), "a.csv", ["text"]);
    expect(plan.columns).toEqual({ title: "Headline", text: "Body" });
    expect(plan.extra).toEqual(["Content"]);
    expect(plan.notes).toContain('text: read from "Body"; "Content" also looks like it and is kept in extra');
  });

  it("lets a mapping override the defaults", () => {
    const plan = planColumns(["text", "Kop", "title"], new Map([["title", "Kop"]]), "a.csv", ["text"]);
    expect(plan.columns.title).toBe("Kop");
    // The unread "title" column would be read as the title: an error, not a silent choice.
    expect(plan.errors).toEqual([
      { file: "a.csv", field: "title", message: 'column "title" is named like a field but another column is mapped to it; rename one' },
    ]);
  });

  it("reports a missing text column, naming the header and how to map one", () => {
    const plan = planColumns(["id", "kop"], new Map(), "a.csv", ["text"]);
    expect(plan.errors).toEqual([
      {
        file: "a.csv",
        field: "text",
        message:
          'no text column: the header has "id", "kop"; name a column text, body, content, or map one: --map text=<column> (CORPUS_MAP for the site)',
      },
    ]);
  });

  it("reports a mapped column that is not in the header, and a column read as two fields", () => {
    const plan = planColumns(
      ["text", "x"],
      new Map([
        ["published", "Datum"],
        ["title", "text"],
      ] as const),
      "a.csv",
      ["text"],
    );
    expect(plan.errors).toEqual([
      { file: "a.csv", field: "published", message: 'mapped to column "Datum", which is not in the header ("text", "x")' },
      { file: "a.csv", field: "title", message: 'column "text" is already read as text; map another column' },
    ]);
  });

  it("warns about an unread column that looks like a field with no column ('did you mean')", () => {
    const plan = planColumns(["text", "pub_date", "Bron"], new Map(), "a.csv", ["text"]);
    expect(plan.warnings).toEqual([
      'did you mean `published`? column "pub_date" is kept in meta.extra; read it with --map published=pub_date',
      'did you mean `outlet`? column "Bron" is kept in meta.extra; read it with --map outlet=Bron',
    ]);
  });
});

describe("lookalikeField(name)", () => {
  it("knows English and Dutch look-alikes and the fields' own names written otherwise", () => {
    expect(["date", "Pub-Date", "datum", "source", "lang", "Published", "krant"].map(lookalikeField)).toEqual([
      "published",
      "published",
      "published",
      "outlet",
      "language",
      "published",
      "outlet",
    ]);
  });

  it("is null for a field's own name and for unrelated names", () => {
    expect(["published", "coder", "section"].map(lookalikeField)).toEqual([null, null, null]);
  });
});

describe("lookalikeWarnings(extra, set)", () => {
  it("warns only when the field looked like is not set", () => {
    expect(lookalikeWarnings({ date: "2024-01-02", lang: "en" }, { published: null, language: "en" })).toEqual([
      { name: "date", field: "published" },
    ]);
  });
});
