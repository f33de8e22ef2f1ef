/**
 * npm run export -- --format csv|parquet --out <folder> [<input>] [--records <folder>]
 * Writes the analysis as tidy tables for R, Python or DuckDB (articles, sentences, markers, devices,
 * attributions, outlets, actor_tone: data-loaders/publish/tidy-tables.ts), one file per table, plus
 * README.md (the data dictionary) and build.json (the analysis and codebook stamps the tables came from).
 * Records come from analysing <input> (default: $CORPUS, else the bundled corpus; worker pool and record
 * cache as `npm run analyze`) or from a folder of record shards (--records, as `RECORDS=` for the site).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parquetWriteBuffer } from "hyparquet-writer";
import { parseCommandLine } from "./cli-args.ts";
import { fileSystemProblem, outputFolderProblem } from "./output-file.ts";
import { codebookStamps } from "../data-loaders/pipeline/analyze-article.ts";
import { loadInputs, loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import { analyzeInOrder, runOptions } from "../data-loaders/pipeline/analyze-parallel.ts";
import { corpusPaths } from "../data-loaders/project-paths.ts";
import { CorpusValidationError } from "../data-loaders/reading/corpus-error.ts";
import { readRecordShards } from "../data-loaders/reading/read-records.ts";
import { csvField, TIDY_TABLES, tidyRows } from "../data-loaders/publish/tidy-tables.ts";
import type { ArticleRecord } from "../data-loaders/schema/record.ts";

const USAGE = "usage: npm run export -- --format csv|parquet --out <folder> [<input>] [--records <folder>] [--workers <n>]";

const HELP = `
Writes the analysis as seven tidy tables (articles, sentences, markers, devices, attributions, outlets,
actor_tone), one row per observation, with a data dictionary (README.md) and the stamps they came from
(build.json), for R, Python or DuckDB.
  <input>             a corpus (folder, .md, .jsonl, .csv, …); default $CORPUS, else the bundled corpus
  --format csv|parquet  CSV (RFC 4180) or Parquet
  --out <folder>      where the tables go (a new or empty folder)
  --records <folder>  export record shards (npm run analyze -- --shard K/N) instead of analysing
  --workers <n>       analysis threads (default one per core; $WORKERS)
Settings: the data-file variables of npm run analyze (FRAMING_CODEBOOK, …), RECORD_CACHE.
Example: npm run export -- --format parquet --out out/`;

type Format = "csv" | "parquet";
type Row = Array<string | number | null>;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine(
    "export",
    USAGE,
    {
      allowPositionals: true,
      options: { format: { type: "string" }, out: { type: "string" }, records: { type: "string" }, workers: { type: "string" } },
    },
    HELP,
  );
  if (values.format !== "csv" && values.format !== "parquet")
    return (process.stderr.write(`export: --format must be csv or parquet\n${USAGE}\n`), 2);
  if (!values.out) return (process.stderr.write(`export: --out <folder> is required\n${USAGE}\n`), 2);
  // A wrong --out (a file, a link, a path through a file) is said before the corpus is read.
  const outProblem = outputFolderProblem(values.out);
  if (outProblem) return (process.stderr.write(`export: cannot write ${values.out}: ${outProblem}\n`), 1);
  const run = runOptions(process.env, { workers: values.workers });
  if ("error" in run) return (process.stderr.write(`export: --workers ${run.error}\n${USAGE}\n`), 2);
  const paths = corpusPaths({ ...process.env, CORPUS: positionals[0] ?? process.env.CORPUS });
  let lines: AsyncGenerator<string | Buffer>;
  let resources;
  if (values.records) {
    resources = loadResources(paths);
    lines = readRecordShards(resolve(values.records));
  } else {
    const inputs = await loadInputs(paths);
    resources = inputs.resources;
    lines = analyzeInOrder(inputs.entries, paths, resources, run.options);
  }
  const { rows, articles } = await tableRows(lines);
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  for (const table of TIDY_TABLES) writeTable(out, table, rows.get(table.name)!, values.format);
  const build = { analysis: resources.analysis, codebooks: codebookStamps(resources), articles, format: values.format };
  writeFileSync(join(out, "build.json"), `${JSON.stringify(build, null, 2)}\n`);
  writeFileSync(join(out, "README.md"), dataDictionary(rows, articles, resources.analysis, values.format));
  process.stderr.write(`export: ${articles} articles, ${TIDY_TABLES.length} ${values.format} tables in ${out}\n`);
  return 0;
}

/** Every table's rows, in record order, and the number of records read. */
async function tableRows(lines: AsyncGenerator<string | Buffer>): Promise<{ rows: Map<string, Row[]>; articles: number }> {
  const rows = new Map(TIDY_TABLES.map((t) => [t.name, [] as Row[]]));
  let articles = 0;
  for await (const json of lines) {
    const record = JSON.parse(json.toString()) as ArticleRecord;
    for (const [name, tableRows] of Object.entries(tidyRows(record))) rows.get(name)!.push(...tableRows);
    articles++;
  }
  return { rows, articles };
}

/** Writes one table as `<name>.csv` (RFC 4180, CRLF) or `<name>.parquet` (integers as INT64, all columns nullable). */
function writeTable(out: string, table: (typeof TIDY_TABLES)[number], tableRows: readonly Row[], format: Format): void {
  if (format === "csv") {
    const text = [table.columns.map((c) => c.name), ...tableRows].map((row) => row.map(csvField).join(",")).join("\r\n");
    writeFileSync(join(out, `${table.name}.csv`), `${text}\r\n`);
    return;
  }
  const columnData = table.columns.map((c, k) => ({
    name: c.name,
    data: tableRows.map((row) => row[k] ?? null),
    type: c.type === "string" ? ("STRING" as const) : c.type === "integer" ? ("INT64" as const) : ("DOUBLE" as const),
    nullable: true,
  }));
  const buffer = parquetWriteBuffer({
    columnData: columnData.map((c) =>
      c.type === "INT64" ? { ...c, data: c.data.map((v) => (v === null ? null : BigInt(v as number))) } : c,
    ),
  });
  writeFileSync(join(out, `${table.name}.parquet`), new Uint8Array(buffer));
}

/** README.md of the export: the stamps, then each table's row count, description and columns. */
function dataDictionary(
  rows: ReadonlyMap<string, readonly Row[]>,
  articles: number,
  analysis: { version: string; code: string },
  format: Format,
): string {
  return [
    "# Tidy tables exported by `npm run export`",
    "",
    `${articles} articles; analysis ${analysis.version} (code ${analysis.code.slice(0, 12)}…); codebooks and their SHA-256 in build.json.`,
    "Offsets are UTF-16 code units into the article's text (the record's `text`); empty cells are missing values.",
    "",
    ...TIDY_TABLES.flatMap((t) => [
      `## ${t.name}.${format} (${rows.get(t.name)!.length} rows): ${t.description}`,
      "",
      "| column | type | meaning |",
      "| --- | --- | --- |",
      ...t.columns.map((c) => `| \`${c.name}\` | ${c.type} | ${c.description} |`),
      "",
    ]),
  ].join("\n");
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    const problem = fileSystemProblem(error);
    process.stderr.write(
      error instanceof CorpusValidationError
        ? `${error.message}\n`
        : problem
          ? `export: cannot write ${problem}\n`
          : `export: ${(error as Error).stack ?? error}\n`,
    );
    process.exitCode = 1;
  },
);
