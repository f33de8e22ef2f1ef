// Publishes the analysed corpus as data/corpus.zip, read by pages as FileAttachment("data/corpus/…"):
//   articles/<id>.json  one full analysis record per article (the CLI's record)
//   summary.json        one overview row per article
//   codebooks.json      the framing and devices codebooks, for the codebook page and the legends
//   frames.json         frame rates per article and per group, with bootstrap intervals
//   devices.json        the same for rhetorical devices
//   concordance.json    keyword-in-context lines for every marker and device
//   hand-check.json     the pipeline's output against the seed hand check (methods page)
//   sentiment-validation.json  the scorer's measured accuracy on labelled data (npm run validate)
//   tone.json           article tone, tone by group with bootstrap intervals, tone toward each actor
import { codebookStamps } from "../../data-loaders/analyze-article.ts";
import { analyzeCorpus, loadResources } from "../../data-loaders/analyze-corpus.ts";
import { codebookView, compareArticles, compareTone, concordanceLines, type ConcordanceLine, type ToneComparison } from "../../data-loaders/compare-articles.ts";
import { compareHandCheck } from "../../data-loaders/hand-check.ts";
import { readHandCheck, readSentimentValidation } from "../../data-loaders/read-corpus.ts";
import type { ArticleRecord } from "../../data-loaders/types.ts";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { summarizeRecord, type ArticleSummary } from "../../data-loaders/summarize-record.ts";
import { createZipWriter } from "../../data-loaders/write-zip.ts";

const paths = corpusPaths();
const resources = loadResources(paths);
const zip = createZipWriter(process.stdout);
const summary: ArticleSummary[] = [];
const concordance: ConcordanceLine[] = [];
const handCheck = readHandCheck(paths.handCheck);
const checked = new Set([...Object.keys(handCheck.frames), ...handCheck.quotations.map((q) => q.article)]);
const checkedRecords: ArticleRecord[] = [];
const actorTone: ToneComparison["actorTone"][number][] = [];
for await (const record of analyzeCorpus(paths, resources)) {
  zip.add(`articles/${record.id}.json`, JSON.stringify(record));
  if (checked.has(record.id)) checkedRecords.push(record);
  for (const t of record.actors.tone) actorTone.push({ id: record.id, actor: t.actor, mentions: t.mentions, tone: t.tone, sentences: t.sentences });
  summary.push(summarizeRecord(record));
  concordance.push(...concordanceLines(record));
}
zip.add("summary.json", JSON.stringify(summary));
zip.add("codebooks.json", JSON.stringify({ stamps: codebookStamps(resources), framing: codebookView(resources.framing), devices: codebookView(resources.devices) }));
zip.add("frames.json", JSON.stringify(compareArticles(summary, resources.framing, "frames")));
zip.add("devices.json", JSON.stringify(compareArticles(summary, resources.devices, "devices")));
zip.add("concordance.json", JSON.stringify(concordance));
zip.add("hand-check.json", JSON.stringify(compareHandCheck(handCheck, checkedRecords)));
zip.add("sentiment-validation.json", JSON.stringify(readSentimentValidation(paths.sentimentValidation)));
zip.add("tone.json", JSON.stringify(compareTone(summary, actorTone, resources.gazetteer)));
await zip.finish();
process.stderr.write(`corpus.zip: ${summary.length} articles, ${concordance.length} concordance lines\n`);
