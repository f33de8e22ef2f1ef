/**
 * npm run merge-records -- <folder> [--out <file>]
 * Merges a folder of record shards (*.jsonl, each written by `npm run analyze -- --shard K/N`) into one
 * JSON Lines stream in id order: byte for byte what one `npm run analyze` of the whole corpus prints.
 */
import { createWriteStream, renameSync } from "node:fs";
import { once } from "node:events";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { parseCommandLine } from "./cli-args.ts";
import { CorpusValidationError } from "../data-loaders/reading/corpus-error.ts";
import { readRecordShards } from "../data-loaders/reading/read-records.ts";

const USAGE = "usage: npm run merge-records -- <folder of .jsonl shards> [--out <file>]";
const { values, positionals } = parseCommandLine("merge-records", USAGE, { allowPositionals: true, options: { out: { type: "string" } } });
if (positionals.length !== 1) {
  process.stderr.write(`merge-records: expected one folder\n${USAGE}\n`);
  process.exit(2);
}
const partial = values.out ? join(dirname(values.out), `.${basename(values.out)}.partial-${process.pid}`) : null;
const out: Writable = partial ? createWriteStream(partial) : process.stdout;
try {
  let n = 0;
  for await (const line of readRecordShards(positionals[0]!)) {
    if (!out.write(`${line}\n`)) await once(out, "drain");
    n++;
  }
  if (partial) {
    out.end();
    await once(out, "finish");
    renameSync(partial, values.out!);
  }
  process.stderr.write(`merge-records: ${n} records\n`);
} catch (error) {
  if (!(error instanceof CorpusValidationError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
