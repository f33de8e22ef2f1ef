// Publishes the analysed corpus as data/corpus.zip; pages read its entries as FileAttachment("data/corpus/…").
// What each entry holds: data-loaders/publish/publish-corpus.ts.
import { resolve } from "node:path";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { CorpusValidationError } from "../../data-loaders/reading/corpus-error.ts";
import { publishCorpus } from "../../data-loaders/publish/publish-corpus.ts";
import { runOptions } from "../../data-loaders/pipeline/analyze-parallel.ts";
import { createZipWriter } from "../../data-loaders/publish/write-zip.ts";

try {
  // One worker thread per core ($WORKERS to choose) and the record cache ($RECORD_CACHE, "off" for none):
  // only articles whose inputs changed are analysed again, and the output is the same either way.
  const run = runOptions(process.env);
  if ("error" in run) throw new CorpusValidationError([{ file: "WORKERS", field: "setting", message: run.error }]);
  const zip = createZipWriter(process.stdout);
  const { articles, concordanceLines } = await publishCorpus(corpusPaths(), zip.add, {
    ...run.options,
    // RECORDS=<folder>: publish record shards made by `npm run analyze -- --shard K/N` instead of analysing.
    recordsFolder: process.env.RECORDS ? resolve(process.env.RECORDS) : null,
  });
  await zip.finish();
  process.stderr.write(`corpus.zip: ${articles} articles, ${concordanceLines} concordance lines\n`);
} catch (error) {
  // A user's mistake in the corpus or a data file: the located errors, not a stack trace.
  if (!(error instanceof CorpusValidationError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
