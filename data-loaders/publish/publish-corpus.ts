import { codebookStamps } from "../pipeline/analyze-article.ts";
import { loadResources } from "../pipeline/analyze-corpus.ts";
import { analyzeInOrder, type ParallelOptions } from "../pipeline/analyze-parallel.ts";
import { indexCorpus } from "../reading/read-corpus.ts";
import { readRecordShards } from "../reading/read-records.ts";
import { CorpusValidationError } from "../reading/corpus-error.ts";
import { compareArticles } from "../compare/compare-frames.ts";
import { compareTone } from "../compare/compare-tone.ts";
import { concordanceLines } from "../compare/concordance.ts";
import { compareHandCheck, handCheckArticles } from "../compare/hand-check.ts";
import { compareVoices, voiceRows } from "../compare/compare-voices.ts";
import { summarizeRecord } from "../compare/summarize-record.ts";
import { paragraphSentenceScores } from "../tone/article-sentiment.ts";
import { codebookView } from "./codebook-view.ts";
import type { CorpusPaths } from "../project-paths.ts";
import { readHandCheck, readSentimentValidation } from "../pipeline/read-data-files.ts";
import type { ArticleRecord } from "../schema/record.ts";
import type { ArticleSummary, BuildStamp, ConcordanceLine, ToneComparison, VoiceRow } from "../schema/site-outputs.ts";

/**
 * Analyses a corpus once and hands every file the site publishes to `add(name, text)`, in a fixed order:
 *   articles/<id>.json         one full analysis record per article (the CLI's record), as it is analysed
 *   summary.json               one overview row per article
 *   codebooks.json             the framing and devices codebooks, for the codebook page and the legends
 *   frames.json, devices.json  rates per article and per group, with bootstrap intervals
 *   concordance.json           keyword-in-context lines for every marker and device
 *   hand-check.json            the pipeline's output against the seed hand check
 *   sentiment-validation.json  the sentiment scorer's measured accuracy (npm run validate)
 *   tone.json                  article tone, tone by group, tone toward each actor
 *   voices.json                who speaks: attributions by speaker type and kind, speakers, the network
 * Every file but the records opens with `build`: the analysis stamp and codebook stamps it was made with
 * (records carry the same as `analysis` and `codebooks`). Each file's schema is in
 * data-loaders/schema/site-outputs.ts. Only full records of the hand-checked articles are kept in memory;
 * everything else is a summary. `options` choose the worker threads and the record cache (the site's loader:
 * one worker per core and .cache/records; by default one worker in this thread and no cache).
 */
export async function publishCorpus(
  paths: CorpusPaths,
  add: (name: string, text: string) => void,
  options: Pick<ParallelOptions, "workers" | "cacheFolder" | "articlesPerWorker"> & { readonly recordsFolder?: string | null } = {
    workers: 1,
    cacheFolder: null,
  },
): Promise<{ articles: number; concordanceLines: number }> {
  const resources = loadResources(paths);
  const stampsNow = JSON.stringify({ analysis: resources.analysis, codebooks: codebookStamps(resources) });
  // Records made elsewhere (`npm run analyze -- --shard K/N` on a cluster) are read instead of analysed,
  // after checking that this build's code and codebooks made them: a site never mixes analyses.
  const records = options.recordsFolder
    ? stampedRecords(readRecordShards(options.recordsFolder), stampsNow)
    : analyzeInOrder(await indexCorpus(paths.articles, { maxArticleBytes: paths.maxArticleBytes }), paths, resources, options);
  const build: BuildStamp = { analysis: resources.analysis, codebooks: codebookStamps(resources) };
  const publish = (name: string, content: object) => add(name, JSON.stringify({ build, ...content }));
  const handCheck = readHandCheck(paths.handCheck);
  const checked = new Set(handCheckArticles(handCheck));
  const summary: ArticleSummary[] = [];
  const concordance: ConcordanceLine[] = [];
  const checkedRecords: ArticleRecord[] = [];
  const actorTone: ToneComparison["actorTone"][number][] = [];
  const sentenceScores = new Map<string, { readonly scores: readonly number[]; readonly negativeWeight: number }>();
  const voiceArticles: Parameters<typeof compareVoices>[0][number][] = [];
  const voices: VoiceRow[] = [];
  for await (const json of records) {
    const record = JSON.parse(json) as ArticleRecord;
    add(`articles/${record.id}.json`, json);
    summary.push(summarizeRecord(record));
    concordance.push(...concordanceLines(record));
    if (checked.has(record.id)) checkedRecords.push(record);
    voiceArticles.push({ id: record.id, title: record.title, outlets: record.outlets });
    voices.push(...voiceRows(record));
    for (const t of record.actors.tone)
      actorTone.push({ id: record.id, actor: t.actor, mentions: t.mentions, tone: t.tone, sentences: t.sentences });
    sentenceScores.set(record.id, {
      scores: paragraphSentenceScores(record),
      negativeWeight: resources.sentiment.rules[record.language].negativeSentenceWeight,
    });
  }
  publish("summary.json", { rows: summary });
  publish("codebooks.json", {
    stamps: build.codebooks,
    framing: codebookView(resources.framing),
    devices: codebookView(resources.devices),
  });
  publish("frames.json", compareArticles(summary, resources.framing, "frames"));
  publish("devices.json", compareArticles(summary, resources.devices, "devices"));
  publish("concordance.json", { lines: concordance });
  publish("hand-check.json", compareHandCheck(handCheck, checkedRecords));
  publish("sentiment-validation.json", readSentimentValidation(paths.sentimentValidation));
  publish("tone.json", compareTone(summary, sentenceScores, actorTone, resources.gazetteer));
  publish("voices.json", compareVoices(voiceArticles, voices));
  return { articles: summary.length, concordanceLines: concordance.length };
}

/** Passes record lines through, failing on the first whose analysis or codebook stamps are not this build's. */
async function* stampedRecords(lines: AsyncGenerator<string>, expected: string): AsyncGenerator<string> {
  for await (const json of lines) {
    const record = JSON.parse(json) as Pick<ArticleRecord, "id" | "analysis" | "codebooks">;
    if (JSON.stringify({ analysis: record.analysis, codebooks: record.codebooks }) !== expected)
      throw new CorpusValidationError([
        {
          file: record.id,
          field: "analysis",
          message: `was made by analysis ${record.analysis?.version} (${record.analysis?.code?.slice(0, 12)}…) or other codebooks than this build's; analyse the corpus again with this checkout`,
        },
      ]);
    yield json;
  }
}
