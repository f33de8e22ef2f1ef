// Publishes the analysed corpus as data/corpus.zip; pages read its entries as FileAttachment("data/corpus/…").
// What each entry holds: data-loaders/publish/publish-corpus.ts.
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { CorpusValidationError } from "../../data-loaders/reading/corpus-error.ts";
import { publishCorpus } from "../../data-loaders/publish/publish-corpus.ts";
import { publicSettings } from "../../data-loaders/publish/public-build.ts";
import { runOptions } from "../../data-loaders/pipeline/analyze-parallel.ts";
import { createZipWriter } from "../../data-loaders/publish/write-zip.ts";
import { openStore, writeManifest, type StoreList } from "../../data-loaders/publish/fetched-store.ts";

try {
  // One thread per core ($WORKERS to choose) and the record cache ($RECORD_CACHE, "off" for none):
  // only articles whose inputs changed are analysed again, and the output is the same either way.
  const run = runOptions(process.env);
  if ("error" in run) throw new CorpusValidationError([{ file: "WORKERS", field: "setting", message: run.error }]);
  // npm run build (scripts/build.ts) sets FETCHED_STORE and FETCHED_LIST: each article's own files then go
  // straight into its store of fetched files, listed in FETCHED_LIST, not into the archive.
  const storeFolder = process.env.FETCHED_STORE && process.env.FETCHED_LIST ? resolve(process.env.FETCHED_STORE) : null;
  const store = storeFolder ? openStore(storeFolder) : null;
  const listed: Record<string, string> = {};
  const zip = createZipWriter(process.stdout);
  const { articles, concordanceLines } = await publishCorpus(corpusPaths(), zip.add, {
    ...run.options,
    // RECORDS=<folder>: publish record shards made by `npm run analyze -- --shard K/N` instead of analysing.
    recordsFolder: process.env.RECORDS ? resolve(process.env.RECORDS) : null,
    // PUBLISH=public (npm run build -- --public): the analysis without closed articles' text.
    public: publicSettings(process.env),
    articleFile: store ? (name, content, sha256) => (listed[name] = store.put(name, content, sha256)) : undefined,
  });
  await zip.finish();
  if (store) {
    writeManifest(storeFolder!, store.manifest());
    const list: StoreList = { files: listed, written: store.written() };
    writeFileSync(process.env.FETCHED_LIST!, JSON.stringify(list));
  }
  process.stderr.write(`corpus.zip: ${articles} articles, ${concordanceLines} concordance lines\n`);
} catch (error) {
  // A user's mistake in the corpus or a data file: the located errors, not a stack trace.
  if (!(error instanceof CorpusValidationError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
