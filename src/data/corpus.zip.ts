// Publishes the analysed corpus as data/corpus.zip; pages read its entries as FileAttachment("data/corpus/…").
// What each entry holds: data-loaders/publish/publish-corpus.ts.
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { publishCorpus } from "../../data-loaders/publish/publish-corpus.ts";
import { createZipWriter } from "../../data-loaders/publish/write-zip.ts";

const zip = createZipWriter(process.stdout);
const { articles, concordanceLines } = await publishCorpus(corpusPaths(), zip.add);
await zip.finish();
process.stderr.write(`corpus.zip: ${articles} articles, ${concordanceLines} concordance lines\n`);
