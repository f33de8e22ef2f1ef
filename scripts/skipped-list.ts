/**
 * The list of articles `--skip-unsupported` left out for their language, as a CSV file beside the output:
 * `records.jsonl` → `records.skipped.csv`, the folder `imported/` → `imported.skipped.csv`.
 */
import { writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { compareIds } from "../data-loaders/common/compare-ids.ts";
import { csvField } from "../data-loaders/publish/tidy-tables.ts";
import type { SkippedArticle } from "../data-loaders/reading/import-languages.ts";

/** Where the skipped list of an output goes: beside it, named after it. */
export function skippedListPath(output: string): string {
  const name = basename(output.replace(/[/\\]+$/, ""));
  return join(dirname(output.replace(/[/\\]+$/, "")), `${basename(name, extname(name))}.skipped.csv`);
}

/** The skipped articles as CSV (RFC 4180, CRLF rows, as the exports): file, id, language, name, basis; sorted by file. */
export function skippedCsv(skipped: readonly SkippedArticle[]): string {
  const rows = [...skipped].sort((a, b) => compareIds(a.file, b.file)).map((s) => [s.file, s.id, s.language, s.name, s.basis]);
  return [["file", "id", "language", "name", "basis"], ...rows].map((row) => `${row.map(csvField).join(",")}\r\n`).join("");
}

/** Writes the skipped list beside `output` and says so on stderr. */
export function writeSkippedList(command: string, output: string, skipped: readonly SkippedArticle[]): void {
  const path = skippedListPath(output);
  writeFileSync(path, skippedCsv(skipped));
  process.stderr.write(
    `${command}: skipped ${skipped.length} article${skipped.length === 1 ? "" : "s"} in languages the pipeline does not analyse; listed in ${path}\n`,
  );
}
