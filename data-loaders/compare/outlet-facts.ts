import { countsTowardTone, toneWeight } from "../tone/article-sentiment.ts";
import { compareIds } from "../common/compare-ids.ts";
import type { ArticleRecord } from "../schema/record.ts";

/**
 * Tone over some sentences, as the parts of a tone mean: how many sentences, the sum of their weighted
 * scores and the sum of their weights (a negative sentence weighs its language's negativeSentenceWeight, as
 * in the article tone), so that sums over articles give the pooled mean Σ weighted / Σ weights.
 */
export type ToneSum = readonly [sentences: number, weighted: number, weights: number];

/** Where an occurrence stands: the author's own words, a direct quotation, or scare quotes. */
export type Voice = "own" | "direct" | "scare";

/** One frame's or device's occurrences in an article: where each stands, who was speaking, its sentences' tone. */
export interface CategoryFacts {
  readonly kind: "frame" | "device";
  readonly category: string;
  /** Each occurrence as [sentence, voice, speaker or null], in text order. */
  readonly occurrences: ReadonlyArray<readonly [sentence: number, voice: Voice, speaker: string | null]>;
  /** The tone of the paragraph sentences that carry it (each sentence once). */
  readonly tone: ToneSum;
}

/** What an outlet profile needs of one article beyond its overview row (outlet-profiles.ts adds them up). */
export interface ArticleFacts {
  /** Tone of the paragraph sentences in the author's own voice and inside a direct quotation. */
  readonly tone: { readonly own: ToneSum; readonly quoted: ToneSum };
  /** Each kind and category once, by kind ("device" before "frame") then category, in code-unit order. */
  readonly categories: readonly CategoryFacts[];
}

/**
 * The facts of one record for the outlet profiles: its tone in its own voice and in quotations, and for each
 * frame and device where each occurrence stands (own words, direct quotation, scare quotes), the speaker of
 * the attribution whose quotation or reported content contains it (none when it stands in no attribution),
 * and the tone of the sentences that carry it. Only paragraph sentences count toward tone (countsTowardTone).
 * @example articleFacts(record, 2).tone.own // [12, -0.8, 15]: 12 sentences, weighted sum −0.8 over weights 15
 */
export function articleFacts(record: ArticleRecord, negativeWeight: number): ArticleFacts {
  const counted = new Map<number, { score: number; quoted: boolean }>();
  for (const s of record.sentiment.sentences)
    if (countsTowardTone(record.blocks, record.sentences[s.index])) counted.set(s.index, { score: s.score, quoted: s.quote === "direct" });
  const toneOf = (indices: Iterable<number>): ToneSum => {
    let sentences = 0;
    let weighted = 0;
    let weights = 0;
    for (const index of indices) {
      const sentence = counted.get(index);
      if (!sentence) continue;
      const w = toneWeight(sentence.score, negativeWeight);
      sentences++;
      weighted += w * sentence.score;
      weights += w;
    }
    return [sentences, weighted, weights];
  };
  const all = [...counted.keys()];
  const speakerAt = (offset: number) => record.attributions.find((a) => a.quote.start <= offset && offset < a.quote.end)?.speaker ?? null;
  const occurrences = [
    ...record.markers.map((m) => ({ kind: "frame" as const, category: m.frame, at: m })),
    ...record.devices.map((d) => ({ kind: "device" as const, category: d.device, at: d })),
  ];
  const byCategory = new Map<string, typeof occurrences>();
  for (const o of occurrences) {
    const key = `${o.kind}\u0000${o.category}`;
    const list = byCategory.get(key);
    if (list) list.push(o);
    else byCategory.set(key, [o]);
  }
  const categories = [...byCategory.keys()].sort(compareIds).map((key): CategoryFacts => {
    const list = byCategory.get(key)!.sort((a, b) => a.at.start - b.at.start);
    return {
      kind: list[0]!.kind,
      category: list[0]!.category,
      occurrences: list.map(({ at }) => [at.sentence, at.quote ?? "own", speakerAt(at.start)] as const),
      tone: toneOf(new Set(list.map(({ at }) => at.sentence))),
    };
  });
  return {
    tone: { own: toneOf(all.filter((i) => !counted.get(i)!.quoted)), quoted: toneOf(all.filter((i) => counted.get(i)!.quoted)) },
    categories,
  };
}
