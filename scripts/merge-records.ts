/**
 * npm run merge-records -- <folder> [--out <file>]
 * Merges a folder of record shards (*.jsonl, each written by `npm run analyze -- --shard K/N`) into one
 * JSON Lines stream in id order: byte for byte what one `npm run analyze` of the whole corpus prints.
 */
import { parseCommandLine } from "./cli-args.ts";
import { openLineOutput } from "./line-output.ts";
import { CorpusValidationError } from "../data-loaders/reading/corpus-error.ts";
import { readRecordShards } from "../data-loaders/reading/read-records.ts";

const USAGE = "usage: npm run merge-records -- <folder of .jsonl shards> [--out <file>]";
const { values, positionals } = parseCommandLine(
  "merge-records",
  USAGE,
  { allowPositionals: true, options: { out: { type: "string" } } },
  `
Merges a folder of record shards (npm run analyze -- --shard K/N --out <folder>/part-K.jsonl) by id into
exactly the output of one whole run; an id in two shards is an error.
  <folder>      the shards (.jsonl files)
  --out <file>  write there (a regular file, replaced only when the merge succeeds); default stdout
Example: npm run merge-records -- records/ --out all.jsonl`,
);
if (positionals.length !== 1) {
  process.stderr.write(`merge-records: expected one folder\n${USAGE}\n`);
  process.exit(2);
}
const out = openLineOutput(values.out);
try {
  let n = 0;
  for await (const line of readRecordShards(positionals[0]!)) {
    await out.write(line);
    n++;
  }
  await out.commit();
  process.stderr.write(`merge-records: ${n} records\n`);
} catch (error) {
  out.abort();
  if (!(error instanceof CorpusValidationError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
