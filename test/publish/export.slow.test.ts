// npm run export (issue 14, item 5): tidy tables as CSV and Parquet, the same rows in both, one row per
// record item; the Parquet read back with two independent readers of the format, hyparquet and DuckDB
// (the engine the README's example query is for).
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { asyncBufferFromFile, parquetReadObjects } from "hyparquet";
import { describe, expect, it } from "vitest";
import { TIDY_TABLES } from "../../data-loaders/publish/tidy-tables.ts";
import { runAnalyze, runCommand } from "../helpers.ts";

/** A CSV file's rows (RFC 4180: quoted fields may hold commas, quotes and line breaks; rows end in CRLF). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') {
        field += '"';
        k++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(field);
      field = "";
    } else if (c === "\r" && text[k + 1] === "\n") {
      row.push(field);
      rows.push(row);
      row = [];
      field = "";
      k++;
    } else field += c;
  }
  return rows;
}

describe("npm run export", () => {
  it("writes the same tidy tables as CSV and Parquet, one row per record item, with a data dictionary", async () => {
    const work = mkdtempSync(join(tmpdir(), "export-"));
    try {
      for (const format of ["csv", "parquet"]) {
        const result = await runCommand("npm", ["run", "--silent", "export", "--", "--format", format, "--out", join(work, format)], {
          RECORD_CACHE: "off",
        });
        expect(result.status, result.stderr).toBe(0);
      }
      const records = (await runAnalyze([])).stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l) as { attributions: unknown[]; markers: unknown[]; sentences: unknown[] });
      const expected: Record<string, number> = {
        articles: records.length,
        attributions: records.reduce((n, r) => n + r.attributions.length, 0),
        markers: records.reduce((n, r) => n + r.markers.length, 0),
        sentences: records.reduce((n, r) => n + r.sentences.length, 0),
      };
      const duckdb = await (await DuckDBInstance.create(":memory:")).connect();
      for (const table of TIDY_TABLES) {
        const csv = parseCsv(readFileSync(join(work, "csv", `${table.name}.csv`), "utf8"));
        expect(csv[0]).toEqual(table.columns.map((c) => c.name));
        const file = join(work, "parquet", `${table.name}.parquet`);
        const readers = {
          hyparquet: await parquetReadObjects({ file: await asyncBufferFromFile(file) }),
          // DuckDB's JSON form of its values: integers as text, doubles as numbers, null.
          duckdb: (await duckdb.runAndReadAll(`SELECT * FROM read_parquet('${file.replaceAll("'", "''")}')`)).getRowObjectsJson(),
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
      // The README's example query, as DuckDB runs it: the most quoted speakers, counted from the Parquet.
      const top = (
        await duckdb.runAndReadAll(
          `SELECT speaker, count(*) AS n FROM '${join(work, "parquet", "attributions.parquet")}' WHERE speaker IS NOT NULL GROUP BY speaker ORDER BY n DESC, speaker`,
        )
      ).getRowObjectsJson();
      const speakers = new Map<string, number>();
      for (const r of records as unknown as Array<{ attributions: Array<{ speaker: string | null }> }>)
        for (const a of r.attributions) if (a.speaker !== null) speakers.set(a.speaker, (speakers.get(a.speaker) ?? 0) + 1);
      expect(top.length).toBeGreaterThan(0);
      expect(top.map((row) => [row.speaker, Number(row.n)])).toEqual(
        [...speakers].sort(([x, n], [y, m]) => m - n || (x < y ? -1 : x > y ? 1 : 0)),
      );
      duckdb.closeSync();
      const dictionary = readFileSync(join(work, "parquet", "README.md"), "utf8");
      for (const table of TIDY_TABLES) expect(dictionary).toContain(`## ${table.name}.parquet`);
      expect(JSON.parse(readFileSync(join(work, "csv", "build.json"), "utf8"))).toMatchObject({ articles: records.length, format: "csv" });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
