import { codebookStamps } from "../pipeline/analyze-article.ts";
import { analyzeCorpus, loadResources } from "../pipeline/analyze-corpus.ts";
import { codebookView, compareArticles, compareTone, concordanceLines, type ConcordanceLine, type ToneComparison } from "../compare/compare-articles.ts";
import { compareHandCheck, handCheckArticles } from "../compare/hand-check.ts";
import { compareVoices, voiceRows, type VoiceRow } from "../compare/compare-voices.ts";
import type { CorpusPaths } from "../project-paths.ts";
import { readHandCheck, readSentimentValidation } from "../reading/read-corpus.ts";
import { summarizeRecord, type ArticleSummary } from "../compare/summarize-record.ts";
import type { ArticleRecord } from "../schema/types.ts";

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
 * Only full records of the hand-checked articles are kept in memory; everything else is a summary.
 */
export async function publishCorpus(paths: CorpusPaths, add: (name: string, text: string) => void): Promise<{ articles: number; concordanceLines: number }> {
  const resources = loadResources(paths);
  const handCheck = readHandCheck(paths.handCheck);
  const checked = new Set(handCheckArticles(handCheck));
  const summary: ArticleSummary[] = [];
  const concordance: ConcordanceLine[] = [];
  const checkedRecords: ArticleRecord[] = [];
  const actorTone: ToneComparison["actorTone"][number][] = [];
  const sentenceScores = new Map<string, number[]>();
  const voiceArticles: Parameters<typeof compareVoices>[0][number][] = [];
  const voices: VoiceRow[] = [];
  for await (const record of analyzeCorpus(paths, resources)) {
    add(`articles/${record.id}.json`, JSON.stringify(record));
    summary.push(summarizeRecord(record));
    concordance.push(...concordanceLines(record));
    if (checked.has(record.id)) checkedRecords.push(record);
    voiceArticles.push({ id: record.id, title: record.title, outlets: record.outlets });
    voices.push(...voiceRows(record));
    for (const t of record.actors.tone) actorTone.push({ id: record.id, actor: t.actor, mentions: t.mentions, tone: t.tone, sentences: t.sentences });
    sentenceScores.set(record.id, record.sentiment.sentences.filter((s) => record.blocks[record.sentences[s.index]!.block]?.kind === "paragraph").map((s) => s.score));
  }
  add("summary.json", JSON.stringify(summary));
  add("codebooks.json", JSON.stringify({ stamps: codebookStamps(resources), framing: codebookView(resources.framing), devices: codebookView(resources.devices) }));
  add("frames.json", JSON.stringify(compareArticles(summary, resources.framing, "frames")));
  add("devices.json", JSON.stringify(compareArticles(summary, resources.devices, "devices")));
  add("concordance.json", JSON.stringify(concordance));
  add("hand-check.json", JSON.stringify(compareHandCheck(handCheck, checkedRecords)));
  add("sentiment-validation.json", JSON.stringify(readSentimentValidation(paths.sentimentValidation)));
  add("tone.json", JSON.stringify(compareTone(summary, sentenceScores, actorTone, resources.gazetteer)));
  add("voices.json", JSON.stringify(compareVoices(voiceArticles, voices)));
  return { articles: summary.length, concordanceLines: concordance.length };
}
