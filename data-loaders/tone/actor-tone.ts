import type { Gazetteer } from "../terms/gazetteer.ts";
import type { TermMatch } from "../terms/match-terms.ts";
import { round6 } from "./score-sentiment.ts";
import { sentenceAt } from "../terms/find-quotations.ts";
import { countsTowardTone, toneMean } from "./article-sentiment.ts";
import type { ActorRecord, Block, SentimentRecord, Sentence } from "../schema/record.ts";

/**
 * Actor-targeted tone. Every alias occurrence is a mention (with offsets and sentence). An actor's tone is
 * the tone mean (toneMean, negative sentences weighted as for articles) of the paragraph sentences that
 * mention it (each sentence once); a camp's tone is the same
 * over the sentences that mention any of its actors; the in-group/out-group gap is the in-group camp's tone
 * minus the out-group camp's (van Dijk's ideological square predicts a positive gap). Sentences mentioning
 * both camps count for both. Every number keeps the sentence indexes behind it.
 */
export function actorTone(
  matches: readonly TermMatch[],
  body: string,
  blocks: readonly Block[],
  sentences: readonly Sentence[],
  sentiment: SentimentRecord,
  gazetteer: Gazetteer,
  negativeWeight: number,
): ActorRecord {
  const mentions = matches.map((m) => ({
    actor: m.entry,
    term: body.slice(m.start, m.end),
    start: m.start,
    end: m.end,
    sentence: sentenceAt(sentences, m.start),
  }));
  const inParagraph = (index: number) => countsTowardTone(blocks, sentences[index]);
  const toneOf = (indexes: readonly number[]) => {
    const scored = indexes.filter(inParagraph);
    const tone = toneMean(
      scored.map((i) => sentiment.sentences[i]!.score),
      negativeWeight,
    );
    return tone === null ? null : round6(tone);
  };
  const camp = new Map(gazetteer.actors.map((a) => [a.id, a.camp]));
  const sentencesOf = new Map<string, Set<number>>();
  for (const mention of mentions) {
    const set = sentencesOf.get(mention.actor) ?? new Set<number>();
    set.add(mention.sentence);
    sentencesOf.set(mention.actor, set);
  }
  const tone = [...sentencesOf.keys()].sort().map((actor) => {
    const indexes = [...sentencesOf.get(actor)!].sort((a, b) => a - b);
    return {
      actor,
      camp: camp.get(actor)!,
      mentions: mentions.filter((m) => m.actor === actor).length,
      sentences: indexes,
      tone: toneOf(indexes),
    };
  });
  const campSentences = (id: string) => [...new Set(tone.filter((t) => t.camp === id).flatMap((t) => t.sentences))].sort((a, b) => a - b);
  const inGroup = campSentences(gazetteer.inGroup);
  const outGroup = campSentences(gazetteer.outGroup);
  const inTone = toneOf(inGroup);
  const outTone = toneOf(outGroup);
  return {
    mentions,
    tone,
    inGroup: { camp: gazetteer.inGroup, sentences: inGroup, tone: inTone },
    outGroup: { camp: gazetteer.outGroup, sentences: outGroup, tone: outTone },
    gap: inTone !== null && outTone !== null ? round6(inTone - outTone) : null,
  };
}
