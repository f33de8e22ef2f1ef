// Downloads: a CSV that names its source in comment lines, then the columns, then the rows exactly;
// quoting that survives commas, quotes and line breaks; text a spreadsheet would run as a formula defused.
import { csvParseRows } from "d3";
import { describe, expect, it } from "vitest";
import { tableCsv, tableJson, type DataSource } from "../../src/components/downloads.ts";

const stamp = { id: "framing", version: "2.0.0", sha256: "a".repeat(64) };
const source: DataSource = {
  build: {
    analysis: { version: "9.9.9", code: "b".repeat(64) },
    codebooks: {
      framing: stamp,
      devices: { ...stamp, id: "devices", version: "1.2.0" },
      speechCues: stamp,
      actors: stamp,
      outlets: stamp,
      attributionModel: stamp,
    },
  },
  corpus: { articles: 2, sha256: "c".repeat(64) },
};
const table = {
  name: "t",
  title: "Rates by outlet",
  columns: ["group", "rate", "low", "terms"],
  rows: [
    { group: 'RT, "origin line"\nsecond line', rate: 1.5, low: null, terms: ["a", "b"], ignored: 1 },
    { group: "=HYPERLINK(1)", rate: -0.25, low: 0, terms: [] },
  ],
};

describe("tableCsv(table, source)", () => {
  it("opens with the title, the corpus, the codebook versions and the build as # lines, then the header", () => {
    const lines = tableCsv(table, source).split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "# Rates by outlet (2 rows)",
      `# corpus: 2 articles, sha256 ${"c".repeat(64)}`,
      expect.stringContaining("# codebooks: framing framing 2.0.0 (sha256 aaaaaaaaaaaa); devices devices 1.2.0"),
      `# build: framing-notebooks 9.9.9, analysis code sha256 ${"b".repeat(64)}`,
    ]);
    expect(lines[4]).toBe("group,rate,low,terms");
  });

  it("gives back every value when parsed as CSV: quotes, commas and line breaks kept, arrays as JSON, null empty", () => {
    const csv = tableCsv(table, source);
    const rows = csvParseRows(
      csv
        .split("\n")
        .filter((line) => !line.startsWith("# "))
        .join("\n"),
    );
    expect(rows[1]).toEqual(['RT, "origin line"\nsecond line', "1.5", "", '["a","b"]']);
    // A cell a spreadsheet would run as a formula is prefixed with ' ; a negative number is left alone.
    expect(rows[2]).toEqual(["'=HYPERLINK(1)", "-0.25", "0", "[]"]);
    expect(rows).toHaveLength(3);
  });

  it("guards every text cell a spreadsheet would run, whitespace and full-width forms included; a number cell never", () => {
    const texts = ["-1+cmd|' /C calc'!A0", " =1+1", "\n@SUM(A1)", "＝1+1", "-0.25"];
    const csv = tableCsv({ ...table, columns: ["group", "rate"], rows: texts.map((group) => ({ group, rate: -1 })) }, source);
    const rows = csvParseRows(csv.replace(/^# .*\n/gm, ""));
    expect(rows.slice(1)).toEqual([...texts.slice(0, 4).map((text) => [`'${text}`, "-1"]), ["-0.25", "-1"]]);
  });
});

describe("tableJson(table, source)", () => {
  it("holds the source, the columns and only those columns of every row", () => {
    const parsed = JSON.parse(tableJson(table, source));
    expect(parsed.source).toEqual(source);
    expect(parsed.columns).toEqual(table.columns);
    expect(parsed.rows[0]).toEqual({ group: table.rows[0]!.group, rate: 1.5, low: null, terms: ["a", "b"] });
  });

  it("names what figures were measured on when they do not come from the corpus", () => {
    const measured: DataSource = { build: source.build, measuredOn: "the labelled sets" };
    expect(tableCsv(table, measured).split("\n")[1]).toBe("# measured on: the labelled sets");
  });
});
