// Publishes the analysed corpus as data/corpus.zip: articles/<id>.json (one full record each) and
// summary.json (one overview row per article). Pages read entries as FileAttachment("data/corpus/…").
import { analyzeCorpus } from "../../data-loaders/analyze-corpus.ts";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { summarizeRecord, type ArticleSummary } from "../../data-loaders/summarize-record.ts";
import { createZipWriter } from "../../data-loaders/write-zip.ts";

const zip = createZipWriter(process.stdout);
const summary: ArticleSummary[] = [];
for await (const record of analyzeCorpus(corpusPaths())) {
  zip.add(`articles/${record.id}.json`, JSON.stringify(record));
  summary.push(summarizeRecord(record));
}
zip.add("summary.json", JSON.stringify(summary));
await zip.finish();
process.stderr.write(`corpus.zip: ${summary.length} articles\n`);
