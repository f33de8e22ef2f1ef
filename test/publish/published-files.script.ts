/**
 * tsx test/publish/published-files.script.ts <corpus> <workers>
 * Prints every file publishCorpus publishes for a corpus (no cache), one line each: its name and the
 * SHA-256 of its bytes. With more than one worker a thread is allowed per article, so even a small corpus
 * has its records analysed in the pool and its bootstrap tables computed in their own thread
 * (bootstrap-thread.ts): the slow tests compare that output with a run on this thread alone.
 */
import { createHash } from "node:crypto";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { publishCorpus } from "../../data-loaders/publish/publish-corpus.ts";

const [corpus, workers] = process.argv.slice(2);
const files: string[] = [];
await publishCorpus(
  corpusPaths({ ...process.env, CORPUS: corpus }),
  (name, content) => files.push(`${name} ${createHash("sha256").update(content).digest("hex")}`),
  { workers: Number(workers), articlesPerWorker: 1, cacheFolder: null },
);
process.stdout.write(`${files.join("\n")}\n`);
