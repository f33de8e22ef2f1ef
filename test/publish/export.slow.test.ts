// npm run export (issue 14, item 5): tidy tables as CSV and Parquet, the same rows in both, one row per
// record item; the Parquet read back with hyparquet, an independent reader of the format.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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
      for (const table of TIDY_TABLES) {
        const csv = parseCsv(readFileSync(join(work, "csv", `${table.name}.csv`), "utf8"));
        expect(csv[0]).toEqual(table.columns.map((c) => c.name));
        const parquet = await parquetReadObjects({ file: await asyncBufferFromFile(join(work, "parquet", `${table.name}.parquet`)) });
        expect(parquet.length, table.name).toBe(csv.length - 1);
        if (expected[table.name] !== undefined) expect(parquet.length, table.name).toBe(expected[table.name]);
        // Cell for cell: the Parquet value printed as the CSV prints it (null as empty).
        parquet.forEach((row, r) =>
          table.columns.forEach((c, k) => {
            const value = row[c.name] as unknown;
            expect(value === null || value === undefined ? "" : String(value), `${table.name} row ${r} ${c.name}`).toBe(csv[r + 1]![k]);
          }),
        );
      }
      const dictionary = readFileSync(join(work, "parquet", "README.md"), "utf8");
      for (const table of TIDY_TABLES) expect(dictionary).toContain(`## ${table.name}.parquet`);
      expect(JSON.parse(readFileSync(join(work, "csv", "build.json"), "utf8"))).toMatchObject({ articles: records.length, format: "csv" });
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
