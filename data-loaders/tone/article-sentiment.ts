import type { Quotation } from "../terms/find-quotations.ts";
import type { SentimentResources } from "./score-sentiment.ts";
import { lexiconToneClass, round6, scoreSentence, type SentenceScore } from "./score-sentiment.ts";
import { scoreNewsSentence } from "./news-tone-model.ts";
import type { ArticleRecord, Block, Language, SentimentRecord, Sentence } from "../schema/record.ts";
import type { Token } from "../reading/token.ts";

/**
 * Whether a sentence counts toward article tone, actor tone and camp tone: only sentences of paragraphs do
 * (headings, boilerplate and origin lines are shown and scored, but not averaged). The one place this rule
 * is written.
 */
export function countsTowardTone(blocks: readonly Block[], sentence: Sentence | undefined): boolean {
  return !!sentence && blocks[sentence.block]?.kind === "paragraph";
}

/**
 * The weight of one sentence score in a tone mean: `negativeWeight` for a negative score, else 1.
 * @example toneWeight(-0.2, 2) // 2
 */
export function toneWeight(score: number, negativeWeight: number): number {
  return score < 0 ? negativeWeight : 1;
}

/**
 * Tone over sentences: the mean of their scores, a negative sentence counting `negativeWeight` times (the
 * rules' negativeSentenceWeight); null for none. One sentence keeps its score.
 * @example toneMean([0.4, -0.2], 2) // 0 (0.4 + 2 × −0.2 over 3)
 */
export function toneMean(scores: readonly number[], negativeWeight: number): number | null {
  let sum = 0;
  let weights = 0;
  for (const score of scores) {
    const w = toneWeight(score, negativeWeight);
    sum += w * score;
    weights += w;
  }
  return weights ? sum / weights : null;
}

/** The scores of a record's sentences that count toward its tone, in sentence order (for its interval). */
export function paragraphSentenceScores(record: Pick<ArticleRecord, "blocks" | "sentences" | "sentiment">): number[] {
  return record.sentiment.sentences.filter((s) => countsTowardTone(record.blocks, record.sentences[s.index])).map((s) => s.score);
}

/** A lexicon-path sentence score with its class (±0.05). */
function withLexiconClass(scored: SentenceScore): SentenceScore & { readonly class: -1 | 0 | 1 } {
  return { ...scored, class: lexiconToneClass(scored.score) };
}

/**
 * What kind of text is scored: `news` (every article the pipeline reads) or `reviews` (the review sets
 * `npm run validate` scores). Dutch news is scored by the fitted news-tone model; Dutch reviews keep the
 * lexicon path, which scores them better (see the README's accuracy section); English uses the lexicon
 * path for both.
 */
export type ToneRegister = "news" | "reviews";

/**
 * Sentiment of an article: every sentence scored with its word contributions and its tone class
 * (score-sentiment.ts, class by ±0.05; or news-tone-model.ts for Dutch news, class by the model, score
 * P₊ − P₋ with the model's baseline beside the words), and two
 * article scores, both the tone mean (toneMean: negative sentences weigh more) over the sentences of
 * paragraphs (headings, boilerplate and origin lines excluded): `score` over all of them, `ownVoiceScore` over those not inside a direct quotation
 * (at least half of the sentence within the quotation marks), so the author's tone can be told from the
 * tone of the voices quoted. Both are null for an article without such sentences.
 */
export function articleSentiment(
  language: Language,
  blocks: readonly Block[],
  sentences: readonly Sentence[],
  tokens: readonly Token[],
  quotations: readonly Quotation[],
  resources: SentimentResources,
  register: ToneRegister = "news",
): SentimentRecord {
  const rules = resources.rules[language];
  const lexicon = resources.lexicons[language];
  const news = language === "nl" && register === "news" ? resources.newsModel : null;
  const direct = quotations.filter((q) => q.kind === "direct");
  const scored: SentimentRecord["sentences"][number][] = [];
  let t = 0;
  let qi = 0;
  const all: number[] = [];
  const own: number[] = [];
  for (const sentence of sentences) {
    const from = t;
    while (t < tokens.length && tokens[t]!.sentence === sentence.index) t++;
    const scoredSentence: ReturnType<typeof withLexiconClass> & { readonly baseline?: number } = news
      ? scoreNewsSentence(tokens, news.scorer, from, t)
      : withLexiconClass(scoreSentence(tokens, lexicon, rules, from, t));
    const { score, contributions, class: toneClass } = scoredSentence;
    // Direct quotations are sorted and do not overlap: skip those that end before this sentence, then add
    // up those that start inside it (one pass over the quotations for the whole article).
    while (qi < direct.length && direct[qi]!.innerEnd <= sentence.start) qi++;
    let quoted = 0;
    for (let k = qi; k < direct.length && direct[k]!.innerStart < sentence.end; k++) {
      const q = direct[k]!;
      quoted += Math.max(0, Math.min(q.innerEnd, sentence.end) - Math.max(q.innerStart, sentence.start));
    }
    const quote = quoted * 2 >= sentence.end - sentence.start ? "direct" : null;
    // Only the news model has a baseline (its class constants' share); the lexicon path's words are the whole score.
    const baseline = scoredSentence.baseline === undefined ? {} : { baseline: scoredSentence.baseline };
    scored.push({ index: sentence.index, score, class: toneClass, quote, contributions, ...baseline });
    if (!countsTowardTone(blocks, sentence)) continue;
    all.push(score);
    if (!quote) own.push(score);
  }
  const mean = (values: readonly number[]) => {
    const tone = toneMean(values, rules.negativeSentenceWeight);
    return tone === null ? null : round6(tone);
  };
  return {
    method: news
      ? { id: "news-tone-model", rules: rules.version, lexicon: `${news.source} (with ${resources.sources[language]})` }
      : { id: "lexicon-rules", rules: rules.version, lexicon: resources.sources[language] },
    score: mean(all),
    ownVoiceScore: mean(own),
    sentences: scored,
  };
}
