// The tidy tables of `npm run export` on one invented article with characters beyond the BMP before its
// spans: the text columns against the record's text, the code-point columns against the string iterator,
// the dictionary against the rows, and a closed article's text kept out of a public build.
import { describe, expect, it } from "vitest";
import { exportArticle, exportLabels, type ExportSettings } from "../../data-loaders/publish/export-article.ts";
import { EXPORT_TABLES } from "../../data-loaders/publish/export-dictionary.ts";
import { FeatureMatrixBuilder } from "../../data-loaders/publish/feature-matrix.ts";
import { TIDY_TABLES, tidyRows } from "../../data-loaders/publish/tidy-tables.ts";
import type { Cell } from "../../data-loaders/publish/tidy-columns.ts";
import type { ArticleRecord } from "../../data-loaders/schema/record.ts";
import { analyzeText, sharedResources } from "../helpers.ts";

const TEXT =
  "The 😀 hegemon and its vassals 🇺🇸 met in Brussels.\n\n" +
  "“The hegemon is finished,” Sergei Lavrov told reporters in Moscow on Tuesday.\n\n" +
  "According to RT, the minister said that the vassals of Washington would obey 𝕏 again.\n";

const record = analyzeText(TEXT);
const licensed = (licence: string): ArticleRecord => ({ ...record, meta: { ...record.meta, extra: { licence } } });
const settings = (publicBuild: boolean): ExportSettings => ({
  labels: exportLabels(sharedResources()),
  licences: { defaultLicence: "unknown", snippetWords: 0 },
  public: publicBuild,
});

/** A table's rows as objects by column name. */
function rowsOf(rows: Record<string, Cell[][]>, name: string): Array<Record<string, Cell>> {
  const table = TIDY_TABLES.find((t) => t.name === name)!;
  return rows[name]!.map((row) => Object.fromEntries(table.columns.map((c, k) => [c.name, row[k]!])));
}

/** The offset column pairs of a table: [UTF-16 start, end, code-point start, end]. */
const SPANS = ["", "quote_", "cue_", "speaker_"].map((p) => [`${p}start`, `${p}end`, `${p}start_codepoint`, `${p}end_codepoint`]);

describe("tidyRows(exportArticle(record, settings))", () => {
  const rows = tidyRows(exportArticle(record, settings(false)));

  it("finds something in every table the test reads", () => {
    for (const name of ["sentences", "markers", "attributions", "outlets"]) expect(rowsOf(rows, name).length, name).toBeGreaterThan(0);
  });

  it("gives every span in code points as well, the same characters as the UTF-16 offsets", () => {
    const codePoints = Array.from(TEXT);
    let checked = 0;
    for (const table of TIDY_TABLES)
      for (const row of rowsOf(rows, table.name))
        for (const [start, end, cpStart, cpEnd] of SPANS.filter(([s]) => s! in row)) {
          if (row[start!] === null) continue;
          const utf16 = TEXT.slice(row[start!] as number, row[end!] as number);
          expect(codePoints.slice(row[cpStart!] as number, row[cpEnd!] as number).join(""), `${table.name}.${start}`).toBe(utf16);
          checked++;
        }
    expect(checked).toBeGreaterThan(10);
    // The last sentence comes after three characters beyond the BMP (a flag is two), so its offsets differ.
    const last = rowsOf(rows, "sentences").at(-1)!;
    expect((last.start as number) - (last.start_codepoint as number)).toBe(3);
  });

  it("gives each sentence its tone and tone class as the record has them", () => {
    const tone = new Map(record.sentiment.sentences.map((s) => [s.index, s]));
    const sentences = rowsOf(rows, "sentences");
    expect(sentences.map((s) => [s.tone, s.tone_class])).toEqual(
      sentences.map((s) => [tone.get(s.sentence as number)!.score, tone.get(s.sentence as number)!.class]),
    );
  });

  it("carries the text each row describes: the sentence, the quotation, the speaker's words, the term's sentence", () => {
    for (const s of rowsOf(rows, "sentences")) expect(s.sentence_text).toBe(TEXT.slice(s.start as number, s.end as number));
    const sentence = new Map(rowsOf(rows, "sentences").map((s) => [s.sentence, s.sentence_text]));
    for (const m of rowsOf(rows, "markers")) {
      expect(m.sentence_text).toBe(sentence.get(m.sentence));
      expect(m.sentence_text).toContain(m.term);
    }
    const quotation = rowsOf(rows, "attributions").find((a) => a.quote_start === TEXT.indexOf("“"))!;
    expect(quotation.quote_text).toBe("“The hegemon is finished,”");
    // The words as written beside the canonical speaker the gazetteer gives.
    expect(quotation.speaker_text).toBe("Sergei Lavrov");
    for (const a of rowsOf(rows, "attributions")) expect(a.quote_text).toBe(TEXT.slice(a.quote_start as number, a.quote_end as number));
  });

  it("labels frames and actors as the codebook and gazetteer do", () => {
    const framing = sharedResources().framing.entries;
    for (const m of rowsOf(rows, "markers")) expect(m.frame_label).toBe(framing.find((e) => e.id === m.frame)!.label);
    expect(rowsOf(rows, "actor_tone").every((t) => typeof t.actor_label === "string" && typeof t.camp_label === "string")).toBe(true);
  });

  it("documents every column it writes, and writes every column it documents", () => {
    for (const table of TIDY_TABLES) {
      expect(new Set(table.columns.map((c) => c.name)).size, table.name).toBe(table.columns.length);
      for (const row of rows[table.name]!) expect(row.length, table.name).toBe(table.columns.length);
      expect(table.columns.every((c) => c.description.length > 0)).toBe(true);
    }
    const matrix = new FeatureMatrixBuilder();
    matrix.add(record);
    const width = Object.fromEntries(Object.entries(matrix.rows()).map(([name, r]) => [name, r[0]!.length]));
    for (const table of EXPORT_TABLES.filter((t) => t.name in width)) expect(width[table.name], table.name).toBe(table.columns.length);
    expect(EXPORT_TABLES.map((t) => t.name)).toEqual([...TIDY_TABLES.map((t) => t.name), ...Object.keys(width)]);
  });
});

describe("a public build's export (PUBLISH=public)", () => {
  const TEXT_COLUMNS = ["sentence_text", "quote_text"];

  it("leaves a closed article's text out: no sentence or quotation, terms and names of at most three words", () => {
    const rows = tidyRows(exportArticle(licensed("all-rights-reserved"), settings(true)));
    const cells = TIDY_TABLES.flatMap((t) => rowsOf(rows, t.name));
    for (const row of cells) for (const column of TEXT_COLUMNS.filter((c) => c in row)) expect(row[column], column).toBeNull();
    for (const m of rowsOf(rows, "markers")) expect((m.term as string).split(" ").length).toBeLessThanOrEqual(4);
    // The title was not declared: the first words of the text stand in for it on the full site, the id on the public one.
    expect(rowsOf(rows, "articles")[0]).toMatchObject({ title: record.id, licence: "all-rights-reserved" });
  });

  it("keeps an openly licensed article's text, and a full build keeps every text", () => {
    for (const [article, publicBuild] of [
      [licensed("CC-BY-4.0"), true],
      [licensed("unknown"), false],
    ] as const) {
      const sentences = rowsOf(tidyRows(exportArticle(article, settings(publicBuild))), "sentences");
      expect(sentences.every((s) => s.sentence_text === TEXT.slice(s.start as number, s.end as number))).toBe(true);
    }
  });
});
