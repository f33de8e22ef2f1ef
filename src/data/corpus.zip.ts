// Publishes the analysed corpus as data/corpus.zip; pages read its entries as FileAttachment("data/corpus/…").
// What each entry holds: data-loaders/publish/publish-corpus.ts.
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { CorpusValidationError } from "../../data-loaders/reading/corpus-error.ts";
import { publishCorpus } from "../../data-loaders/publish/publish-corpus.ts";
import { createZipWriter } from "../../data-loaders/publish/write-zip.ts";

try {
  const zip = createZipWriter(process.stdout);
  const { articles, concordanceLines } = await publishCorpus(corpusPaths(), zip.add);
  await zip.finish();
  process.stderr.write(`corpus.zip: ${articles} articles, ${concordanceLines} concordance lines\n`);
} catch (error) {
  // A user's mistake in the corpus or a data file: the located errors, not a stack trace.
  if (!(error instanceof CorpusValidationError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
