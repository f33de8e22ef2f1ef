/**
 * npm run merge-records -- <folder> [--out <file>] [--unchecked]
 * Merges a folder of record shards (*.jsonl, each written by `npm run analyze -- --shard K/N --out`, with its
 * manifest) into one JSON Lines stream in id order: byte for byte what one `npm run analyze` of the whole
 * corpus prints. The shards are checked whole first (data-loaders/pipeline/shard-set.ts).
 */
import { parseCommandLine } from "./cli-args.ts";
import { openLineOutput } from "./line-output.ts";
import { CorpusValidationError } from "../data-loaders/reading/corpus-error.ts";
import { RecordsDigest, writeShardManifest } from "../data-loaders/pipeline/shard-manifest.ts";
import { openShardSet } from "../data-loaders/pipeline/shard-set.ts";

const USAGE = "usage: npm run merge-records -- <folder of .jsonl shards> [--out <file>] [--unchecked]";
const { values, positionals } = parseCommandLine(
  "merge-records",
  USAGE,
  { allowPositionals: true, options: { out: { type: "string" }, unchecked: { type: "boolean" } } },
  `
Merges a folder of record shards (npm run analyze -- --shard K/N --out <folder>/part-K.jsonl) by id into
exactly the output of one whole run. First the shards' manifests (part-K.manifest.json, written beside
them) are checked: a shard missing, a shard twice, shards of different N, of another corpus or made by other
code or codebooks are refused, all at once, one line each; an id in two shards, or a file that holds other
records than its manifest says, is an error too.
  <folder>      the shards (.jsonl files and their manifests)
  --out <file>  write there (a regular file, replaced only when the merge succeeds), with its manifest
                (shard 1 of 1), so that a folder holding it builds the site; default stdout
  --unchecked   merge files without manifests (records piped out of npm run analyze -- - by Spark or Hadoop),
                unchecked and without a manifest for --out
Example: npm run merge-records -- records/ --out all/records.jsonl`,
);
if (positionals.length !== 1) {
  process.stderr.write(`merge-records: expected one folder\n${USAGE}\n`);
  process.exit(2);
}
const out = openLineOutput(values.out);
try {
  const { checked, lines } = openShardSet(positionals[0]!, { unchecked: values.unchecked });
  const digest = new RecordsDigest();
  for await (const line of lines) {
    await out.write(line);
    digest.add(line);
  }
  await out.commit();
  const records = digest.digest();
  if (checked && values.out && values.out !== "-")
    writeShardManifest(values.out, { shard: { index: 1, count: 1 }, corpus: checked.corpus, records, ...checked.stamps });
  process.stderr.write(
    `merge-records: ${records.count} records${checked ? ` of a corpus of ${checked.corpus.articles}` : " (unchecked: no manifest)"}\n`,
  );
} catch (error) {
  out.abort();
  if (!(error instanceof CorpusValidationError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
