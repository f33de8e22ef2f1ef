/**
 * npm run export -- --format csv|parquet --out <folder> [<input>] [--records <folder>]
 * Writes the analysis as tidy tables for R, Python or DuckDB (articles, sentences, markers, devices,
 * attributions, outlets, actor_tone: data-loaders/publish/tidy-tables.ts) and a document-feature matrix
 * (dfm, dfm_features: feature-matrix.ts), one file per table, plus the data dictionary (data-dictionary.json
 * and README.md) and build.json (the analysis and codebook stamps and the corpus hash the tables came from).
 * PUBLISH=public leaves closed articles' text out, as the public site does (export-article.ts).
 * Records come from analysing <input> (default: $CORPUS, else the bundled corpus; worker pool and record
 * cache as `npm run analyze`) or from a folder of record shards (--records, as `RECORDS=` for the site).
 */
import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { parseCommandLine } from "./cli-args.ts";
import { writeExport, type ExportRows } from "./export-files.ts";
import { fileSystemProblem, outputFolderProblem } from "./output-file.ts";
import { codebookStamps } from "../data-loaders/pipeline/analyze-article.ts";
import { loadInputs, loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import { analyzeInOrder, runOptions } from "../data-loaders/pipeline/analyze-parallel.ts";
import { corpusPaths } from "../data-loaders/project-paths.ts";
import { CorpusValidationError } from "../data-loaders/reading/corpus-error.ts";
import { openShardSet } from "../data-loaders/pipeline/shard-set.ts";
import { CorpusHash } from "../data-loaders/publish/corpus-hash.ts";
import { EXPORT_TABLES } from "../data-loaders/publish/export-dictionary.ts";
import { exportArticle, exportLabels, type ExportSettings } from "../data-loaders/publish/export-article.ts";
import { FeatureMatrixBuilder } from "../data-loaders/publish/feature-matrix.ts";
import { publicSettings } from "../data-loaders/publish/public-build.ts";
import { TIDY_TABLES, tidyRows } from "../data-loaders/publish/tidy-tables.ts";
import type { Cell } from "../data-loaders/publish/tidy-columns.ts";
import type { ArticleRecord } from "../data-loaders/schema/record.ts";

const USAGE = "usage: npm run export -- --format csv|parquet --out <folder> [<input>] [--records <folder>] [--workers <n>]";

const HELP = `
Writes the analysis as seven tidy tables (articles, sentences, markers, devices, attributions, outlets,
actor_tone), one row per observation, with the text they describe, and a document-feature matrix (dfm,
dfm_features), with a data dictionary (data-dictionary.json, README.md) and the stamps and corpus hash they
came from (build.json), for R, Python or DuckDB.
  <input>             a corpus (folder, .md, .jsonl, .csv, …); default $CORPUS, else the bundled corpus
  --format csv|parquet  CSV (RFC 4180) or Parquet
  --out <folder>      where the tables go (a new or empty folder)
  --records <folder>  export record shards (npm run analyze -- --shard K/N) instead of analysing
  --workers <n>       analysis threads (default one per core; $WORKERS)
Settings: the data-file variables of npm run analyze (FRAMING_CODEBOOK, …), RECORD_CACHE; LICENCE (the
default licence); PUBLISH=public leaves out the text of articles without an open licence.
Example: npm run export -- --format parquet --out out/`;

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
  // The licence settings (LICENCE) give every article's licence; PUBLISH=public keeps closed text out.
  const published = publicSettings(process.env);
  const licences = publicSettings({ ...process.env, PUBLISH: "public" })!;
  const run = runOptions(process.env, { workers: values.workers });
  if ("error" in run) return (process.stderr.write(`export: --workers ${run.error}\n${USAGE}\n`), 2);
  const paths = corpusPaths({ ...process.env, CORPUS: positionals[0] ?? process.env.CORPUS });
  let lines: AsyncGenerator<string | Buffer>;
  let resources;
  if (values.records) {
    resources = loadResources(paths);
    // Checked whole against their manifests, and made by this checkout (build.json says so).
    lines = openShardSet(resolve(values.records), {
      expected: { analysis: resources.analysis, codebooks: codebookStamps(resources) },
    }).lines;
  } else {
    const inputs = await loadInputs(paths);
    resources = inputs.resources;
    lines = analyzeInOrder(inputs.entries, paths, resources, run.options);
  }
  const exported = await tableRows(lines, { labels: exportLabels(resources), licences, public: published !== null });
  const { articles } = exported.corpus;
  const out = resolve(values.out);
  mkdirSync(out, { recursive: true });
  writeExport(out, exported, values.format, {
    analysis: resources.analysis,
    codebooks: codebookStamps(resources),
    articles,
    format: values.format,
    corpus: exported.corpus,
    publish: published ? "public" : "full",
    ...(published ? { public: published } : {}),
  });
  process.stderr.write(
    `export: ${articles} articles, ${EXPORT_TABLES.length} ${values.format} tables in ${out}${published ? " (public: closed articles' text left out)" : ""}\n`,
  );
  return 0;
}

/** Every table's rows, in record order, the corpus hash, and the number of records read. */
async function tableRows(lines: AsyncGenerator<string | Buffer>, settings: ExportSettings): Promise<ExportRows> {
  const rows = new Map(TIDY_TABLES.map((t) => [t.name, [] as Cell[][]]));
  const corpus = new CorpusHash();
  const matrix = new FeatureMatrixBuilder();
  for await (const json of lines) {
    const article = exportArticle(JSON.parse(json.toString()) as ArticleRecord, settings);
    for (const [name, tableRows] of Object.entries(tidyRows(article))) rows.get(name)!.push(...tableRows);
    corpus.add(article.inputSha256);
    matrix.add(article.record);
  }
  for (const [name, tableRows] of Object.entries(matrix.rows())) rows.set(name, tableRows);
  return { rows, corpus: corpus.digest() };
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
