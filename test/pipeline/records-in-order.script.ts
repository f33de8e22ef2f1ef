/**
 * tsx test/pipeline/records-in-order.script.ts <corpus> <workers> [--workers-only]
 * Prints the records analyzeInOrder yields for a corpus (JSON Lines, no cache), and on stderr how many the
 * worker threads made: the slow tests compare its output with the CLI's one-thread run. With --workers-only
 * this thread analyses nothing (every record comes from a worker), which no command does.
 */
import { loadInputs } from "../../data-loaders/pipeline/analyze-corpus.ts";
import { analyzeInOrder } from "../../data-loaders/pipeline/analyze-parallel.ts";
import { corpusPaths } from "../../data-loaders/project-paths.ts";

const [corpus, workers, flag] = process.argv.slice(2);
const paths = corpusPaths({ ...process.env, CORPUS: corpus });
const { resources, entries } = await loadInputs(paths);
const records = analyzeInOrder(entries, paths, resources, {
  workers: Number(workers),
  articlesPerWorker: 1,
  cacheFolder: null,
  thisThread: flag !== "--workers-only",
});
for (;;) {
  const step = await records.next();
  if (step.done) {
    process.stderr.write(`in workers: ${step.value.inWorkers}\n`);
    break;
  }
  process.stdout.write(step.value);
  process.stdout.write("\n");
}
