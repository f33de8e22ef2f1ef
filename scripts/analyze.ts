/**
 * npm run analyze -- [<input>] [--out <file>] [--map field=column] [--skip-unsupported] [--patterns <file>] [--max-article-bytes <n>] [--workers <n>] [--no-cache]
 * Analyses a corpus outside Framework and prints one JSON record per article (JSON Lines, sorted by id), in
 * this thread and a pool of worker threads (one thread per core by default) and through the record cache (.cache/records).
 * Data goes to stdout or --out; progress and errors go to stderr. Exit code 1 on any corpus error.
 */
import { createWriteStream, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { pipeline } from "node:stream/promises";
import { join } from "node:path";
import { parseCommandLine } from "./cli-args.ts";
import { openLineOutput, type LineOutput } from "./line-output.ts";
import { fileSystemProblem, outputFileProblem } from "./output-file.ts";
import { writeSkippedList } from "./skipped-list.ts";
import { loadInputs } from "../data-loaders/pipeline/analyze-corpus.ts";
import { codebookStamps, type AnalysisResources } from "../data-loaders/pipeline/analyze-article.ts";
import { analyzeInOrder, runOptions, type ParallelOptions } from "../data-loaders/pipeline/analyze-parallel.ts";
import { inShard, parseShard } from "../data-loaders/pipeline/shards.ts";
import { corpusFingerprint, RecordsDigest, writeShardManifest } from "../data-loaders/pipeline/shard-manifest.ts";
import { CorpusValidationError } from "../data-loaders/reading/corpus-error.ts";
import type { SkippedArticle } from "../data-loaders/reading/import-languages.ts";
import { formatBytes, type CorpusEntry } from "../data-loaders/reading/read-corpus.ts";
import { corpusPaths, type CorpusPaths } from "../data-loaders/project-paths.ts";
import { jsonSchemaOf } from "../data-loaders/schema/data-dictionary.ts";
import { articleRecordSchema } from "../data-loaders/schema/record.ts";

const USAGE = `usage: npm run analyze -- [<input>] [--out <file>] [--map field=column] [--skip-unsupported] [--shard K/N] [--patterns <file>] [--max-article-bytes <n>] [--workers <n>] [--no-cache]
  <input>     folder of .md, .txt, saved .html or .docx articles and Nexis (.docx, .rtf) or Factiva (.html)
              exports (read recursively; metadata.csv beside them), a .md, .jsonl, .csv, .tsv, .json, .html,
              .docx or .rtf file, or - for JSON Lines on stdin (default: $CORPUS, else the bundled corpus/articles)
  --map       read a column or field as an article field, e.g. --map published=Datum (repeat, or separate
              with commas; default: $CORPUS_MAP); fields: id, text, title, published, outlet, url, language, author
  --skip-unsupported  leave out articles in languages the pipeline does not analyse (only en and nl) and list
              them in <out without extension>.skipped.csv beside --out, or on stderr ($SKIP_UNSUPPORTED=1)
  --shard     analyse only shard K of N (articles chosen by a hash of the id); the N shards' outputs,
              merged by id, are exactly the whole run's (RECORDS=<folder> npm run build reads them)
  --out       write JSON Lines to this file (a regular file or a new one; - for stdout) instead of stdout,
              and its manifest beside it (part-1.jsonl: part-1.manifest.json: shard K of N, the corpus's
              fingerprint, the code and codebooks, the records' count and hash), which merge-records and
              RECORDS=<folder> npm run build check
  --patterns  boilerplate pattern file (default: $BOILERPLATE_PATTERNS, else corpus/patterns/boilerplate.yaml)
  --max-article-bytes  reject (never truncate) an article whose body is larger (default: $MAX_ARTICLE_BYTES,
              else 16777216, 16 MB)
  --workers   threads analysing in parallel, this one and N - 1 worker threads (default: $WORKERS, else one
              per core), at most one per 500 articles ($ARTICLES_PER_WORKER); the output is the same for any number
  --no-cache  analyse every article again instead of reusing records from the cache ($RECORD_CACHE, else
              .cache/records; RECORD_CACHE=off turns it off everywhere); the output is the same either way
  --schema    print the record's JSON Schema and exit`;

/** What --help adds to the usage: what the command does, its settings and an example. */
const ABOUT = `Analyses a corpus into records, one JSON line per article in id order: framing markers, rhetorical devices,
tone, actors, quotations and who speaks, each with its character offsets (docs/record.md). Progress goes to
stderr, records to stdout or --out; a corpus with errors lists all of them (exit 1).
Settings: the data files, each replaceable: BOILERPLATE_PATTERNS, FRAMING_CODEBOOK, DEVICES_CODEBOOK,
SPEECH_CUES, SENTIMENT_RULES, TONE_WEIGHTS, ATTRIBUTION_MODEL, ACTORS_GAZETTEER, OUTLETS_GAZETTEER
(docs/command-line.md); and those named above.
Example: npm run analyze -- ~/my-corpus --out records.jsonl`;

/** Articles at least this large get a progress line of their own (about a second of analysis). */
const LONG_ARTICLE_BYTES = 1024 * 1024;

/** The flags of npm run analyze, as node:util parseArgs reads them. */
const OPTIONS = {
  out: { type: "string" },
  patterns: { type: "string" },
  "max-article-bytes": { type: "string" },
  workers: { type: "string" },
  shard: { type: "string" },
  map: { type: "string", multiple: true },
  "skip-unsupported": { type: "boolean" },
  "no-cache": { type: "boolean" },
  schema: { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine("analyze", USAGE, { allowPositionals: true, options: OPTIONS });
  if (values.help) return (process.stdout.write(`${USAGE}\n${ABOUT}\n`), 0);
  if (values.schema) return (process.stdout.write(`${JSON.stringify(jsonSchemaOf(articleRecordSchema), null, 2)}\n`), 0);
  if (positionals.length > 1)
    return (process.stderr.write(`analyze: expected at most one input, got ${positionals.length}\n${USAGE}\n`), 2);
  // A wrong --out is said before the corpus is read, not after minutes of analysis.
  const outProblem = values.out && values.out !== "-" ? outputFileProblem(values.out) : null;
  if (outProblem) return (process.stderr.write(`analyze: cannot write ${values.out}: ${outProblem}\n`), 1);
  let paths = corpusPaths({
    ...process.env,
    CORPUS: positionals[0] ?? process.env.CORPUS,
    BOILERPLATE_PATTERNS: values.patterns ?? process.env.BOILERPLATE_PATTERNS,
    MAX_ARTICLE_BYTES: values["max-article-bytes"] ?? process.env.MAX_ARTICLE_BYTES,
    CORPUS_MAP: values.map?.join(",") ?? process.env.CORPUS_MAP,
    SKIP_UNSUPPORTED: values["skip-unsupported"] ? "1" : process.env.SKIP_UNSUPPORTED,
  });
  const run = runOptions(process.env, { workers: values.workers, noCache: values["no-cache"] });
  if ("error" in run) return (process.stderr.write(`analyze: --workers ${run.error}\n${USAGE}\n`), 2);
  const shard = values.shard === undefined ? null : parseShard(values.shard);
  if (shard && "error" in shard) return (process.stderr.write(`analyze: --shard ${shard.error}\n${USAGE}\n`), 2);
  // JSON Lines on stdin (what Dask, Spark's RDD.pipe or Hadoop Streaming pipe through a command) are copied
  // to a temporary stdin.jsonl first: the corpus is indexed and validated whole, and memory stays flat.
  if (positionals[0] === "-") paths = { ...paths, articles: await copyStdin() };
  // With --out, the articles skipped for their language are listed in a file beside it once the run succeeds.
  let skipped: readonly SkippedArticle[] = [];
  const { resources, entries: all } = await loadInputs(
    paths,
    values.out && values.out !== "-" ? { onSkipped: (list) => (skipped = list) } : {},
  );
  const entries = shard && "shard" in shard ? all.filter((entry) => inShard(entry.id, shard.shard)) : all;
  // --out appears only when every record is out (scripts/line-output.ts); its folder is made if missing.
  const out = openLineOutput(values.out);
  cleanup = () => out.abort();
  const digest = new RecordsDigest();
  const written = await writeRecords(entries, paths, resources, run.options, out, digest);
  await out.commit();
  if (values.out && values.out !== "-") {
    // What a build checks a folder of shards by: every shard 1…N of one corpus, code and codebooks, whole.
    writeShardManifest(values.out, {
      shard: shard && "shard" in shard ? shard.shard : { index: 1, count: 1 },
      corpus: corpusFingerprint(all),
      records: digest.digest(),
      analysis: resources.analysis,
      codebooks: codebookStamps(resources),
    });
    if (paths.skipUnsupported) writeSkippedList("analyze", values.out, skipped);
  }
  process.stderr.write(`analyze: wrote ${written} records${values.out && values.out !== "-" ? ` to ${values.out}` : ""}\n`);
  return 0;
}

/** Copies stdin to stdin.jsonl in a new temporary folder (removed by removeStdin) and returns its path. */
async function copyStdin(): Promise<string> {
  const folder = mkdtempSync(join(tmpdir(), "analyze-stdin-"));
  const file = join(folder, "stdin.jsonl");
  removeStdin = () => rmSync(folder, { recursive: true, force: true });
  await pipeline(process.stdin, createWriteStream(file));
  return file;
}

/**
 * Analyses the entries and writes their records in id order, with a progress line every 1000 articles and
 * one before each long article; returns how many were written.
 */
async function writeRecords(
  entries: readonly CorpusEntry[],
  paths: CorpusPaths,
  resources: AnalysisResources,
  options: ParallelOptions,
  out: LineOutput,
  digest: RecordsDigest,
): Promise<number> {
  const progressEvery = 1000;
  let written = 0;
  const records = analyzeInOrder(entries, paths, resources, {
    ...options,
    onProgress: (done, total) => {
      if (done % progressEvery === 0 || done === total) process.stderr.write(`analyze: ${done}/${total} articles\n`);
      // A long article takes seconds: say which one is being read, so a long wait is not taken for a hang.
      const next = entries[done];
      if (next && next.bytes >= LONG_ARTICLE_BYTES) process.stderr.write(`analyze: reading ${next.id} (${formatBytes(next.bytes)}) …\n`);
    },
  });
  if (entries[0] && entries[0].bytes >= LONG_ARTICLE_BYTES)
    process.stderr.write(`analyze: reading ${entries[0].id} (${formatBytes(entries[0].bytes)}) …\n`);
  for await (const json of records) {
    await out.write(json);
    digest.add(json);
    written++;
  }
  return written;
}

/** Removes a partial --out file if the run fails. */
let cleanup = () => {};
/** Removes the copy of stdin, whatever the outcome. */
let removeStdin = () => {};

// Stopped by Ctrl-C or `kill`: no partial --out file and no copy of stdin stay behind.
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.on(signal, () => {
    cleanup();
    removeStdin();
    process.stderr.write(`analyze: stopped (${signal}); no --out file was written\n`);
    process.exit(code);
  });
}

main().then(
  (code) => {
    removeStdin();
    process.exitCode = code;
  },
  (error: unknown) => {
    cleanup();
    removeStdin();
    process.stderr.write(
      error instanceof CorpusValidationError
        ? `${error.message}\n`
        : fileSystemProblem(error)
          ? `analyze: cannot write ${fileSystemProblem(error)}\n`
          : `analyze: ${(error as Error).stack ?? error}\n`,
    );
    process.exitCode = 1;
  },
);
