// npm run export (issue 14, item 5; issue 31, item 4): tidy tables and the document-feature matrix as CSV
// and Parquet, the same rows in both, one row per record item; the Parquet read back with two independent
// readers of the format, hyparquet and DuckDB (the engine the README's example queries are for); the data
// dictionary against the columns DuckDB finds in the files.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance, type DuckDBConnection } from "@duckdb/node-api";
import { asyncBufferFromFile, parquetReadObjects } from "hyparquet";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { articleSource } from "../../data-loaders/compare/summarize-record.ts";
import { EXPORT_TABLES } from "../../data-loaders/publish/export-dictionary.ts";
import type { ArticleRecord } from "../../data-loaders/schema/record.ts";
import { runAnalyze, runCommand, sharedResources } from "../helpers.ts";
import { parseCsv } from "./csv-rows.ts";

let work: string;
let records: ArticleRecord[];
let duckdb: DuckDBConnection;
const parquet = (table: string) => join(work, "parquet", `${table}.parquet`).replaceAll("'", "''");
const query = async (sql: string) => (await duckdb.runAndReadAll(sql)).getRowObjectsJson();

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "export-"));
  mkdirSync(join(work, "records"));
  const analysed = await runAnalyze(["--out", join(work, "records", "all.jsonl")]);
  expect(analysed.status, analysed.stderr).toBe(0);
  records = readFileSync(join(work, "records", "all.jsonl"), "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as ArticleRecord);
  for (const format of ["csv", "parquet"]) {
    const args = ["run", "--silent", "export", "--", "--format", format, "--out", join(work, format), "--records", join(work, "records")];
    const result = await runCommand("npm", args);
    expect(result.status, result.stderr).toBe(0);
  }
  duckdb = await (await DuckDBInstance.create(":memory:")).connect();
});

afterAll(() => {
  duckdb?.closeSync();
  rmSync(work, { recursive: true, force: true });
});

describe("npm run export", () => {
  it("writes the same tables as CSV and Parquet, one row per record item", async () => {
    const total = (items: (r: ArticleRecord) => readonly unknown[]) => records.reduce((n, r) => n + items(r).length, 0);
    const expected: Record<string, number> = {
      articles: records.length,
      attributions: total((r) => r.attributions),
      markers: total((r) => r.markers),
      sentences: total((r) => r.sentences),
    };
    for (const table of EXPORT_TABLES) {
      const csv = parseCsv(readFileSync(join(work, "csv", `${table.name}.csv`), "utf8"));
      expect(csv[0]).toEqual(table.columns.map((c) => c.name));
      const readers = {
        hyparquet: await parquetReadObjects({ file: await asyncBufferFromFile(join(work, "parquet", `${table.name}.parquet`)) }),
        // DuckDB's JSON form of its values: integers as text, doubles as numbers, null.
        duckdb: await query(`SELECT * FROM read_parquet('${parquet(table.name)}')`),
      };
      for (const [reader, rows] of Object.entries(readers)) {
        expect(rows.length, `${reader} ${table.name}`).toBe(csv.length - 1);
        if (expected[table.name] !== undefined) expect(rows.length, table.name).toBe(expected[table.name]);
        // Cell for cell: the Parquet value printed as the CSV prints it (null as empty).
        rows.forEach((row, r) =>
          table.columns.forEach((c, k) => {
            const value = (row as Record<string, unknown>)[c.name];
            expect(value === null || value === undefined ? "" : String(value), `${reader} ${table.name} row ${r} ${c.name}`).toBe(
              csv[r + 1]![k],
            );
          }),
        );
      }
    }
  });

  it("documents in data-dictionary.json exactly the columns DuckDB finds in each file, with their types", async () => {
    const DUCKDB_TYPES = { string: "VARCHAR", integer: "BIGINT", double: "DOUBLE" };
    for (const format of ["csv", "parquet"]) {
      const dictionary = JSON.parse(readFileSync(join(work, format, "data-dictionary.json"), "utf8")) as {
        tables: Array<{ name: string; file: string; rows: number; columns: Array<{ name: string; type: keyof typeof DUCKDB_TYPES }> }>;
      };
      expect(dictionary.tables.map((t) => t.file)).toEqual(EXPORT_TABLES.map((t) => `${t.name}.${format}`));
      for (const table of dictionary.tables.filter(() => format === "parquet")) {
        const found = await query(`DESCRIBE SELECT * FROM read_parquet('${parquet(table.name)}')`);
        expect(
          found.map((c) => [c.column_name, c.column_type]),
          table.name,
        ).toEqual(table.columns.map((c) => [c.name, DUCKDB_TYPES[c.type]]));
        const [{ n }] = (await query(`SELECT count(*) AS n FROM read_parquet('${parquet(table.name)}')`)) as [{ n: string }];
        expect(Number(n), table.name).toBe(table.rows);
      }
      const readme = readFileSync(join(work, format, "README.md"), "utf8");
      for (const table of dictionary.tables) for (const c of table.columns) expect(readme).toContain(`| \`${c.name}\` |`);
    }
    expect(JSON.parse(readFileSync(join(work, "csv", "build.json"), "utf8"))).toMatchObject({
      articles: records.length,
      format: "csv",
      publish: "full",
      corpus: { articles: records.length },
    });
  });

  it("answers the README's DuckDB queries as the records do: the most quoted speakers, and frames by source (a join)", async () => {
    const counts = (keys: string[]) => {
      const n = new Map<string, number>();
      for (const key of keys) n.set(key, (n.get(key) ?? 0) + 1);
      return [...n].sort(([x, a], [y, b]) => b - a || (x < y ? -1 : x > y ? 1 : 0));
    };
    const speakers = await query(
      `SELECT speaker, count(*) AS n FROM '${parquet("attributions")}' WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY n DESC, speaker`,
    );
    expect(speakers.length).toBeGreaterThan(0);
    expect(speakers.map((row) => [row.speaker, Number(row.n)])).toEqual(
      counts(records.flatMap((r) => r.attributions.flatMap((a) => (a.speaker === null ? [] : [a.speaker])))),
    );
    const bySource = await query(
      `SELECT a.source, m.frame_label, count(*) AS n FROM '${parquet("markers")}' m JOIN '${parquet("articles")}' a USING (article) GROUP BY ALL ORDER BY n DESC`,
    );
    const label = new Map(sharedResources().framing.entries.map((e) => [e.id, e.label]));
    const expected = records.flatMap((r) => r.markers.map((m) => `${articleSource(r).sourceName} / ${label.get(m.frame)}`));
    expect(new Map(bySource.map((row) => [`${row.source} / ${row.frame_label}`, Number(row.n)]))).toEqual(new Map(counts(expected)));
    // Each marker's sentence found by joining on (article, sentence): it lies inside that sentence's offsets and text.
    const [{ inside }] = (await query(
      `SELECT count(*) AS inside FROM '${parquet("markers")}' m JOIN '${parquet("sentences")}' s USING (article, sentence) ` +
        `WHERE m.start >= s.start AND m."end" <= s."end" AND m.sentence_text = s.sentence_text ` +
        `AND substr(s.sentence_text, m.start_codepoint - s.start_codepoint + 1, m.end_codepoint - m.start_codepoint) = m.term`,
    )) as [{ inside: string }];
    expect(Number(inside)).toBe(records.reduce((n, r) => n + r.markers.length, 0));
  });
});
