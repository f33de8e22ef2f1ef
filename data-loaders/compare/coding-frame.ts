import { compareCodes, type Code } from "../portable/agreement.ts";
import { UNNAMED_SPEAKER, normalizeSpeaker, type CodingTask, type SamplingFrame } from "../portable/coding.ts";
import type { Codebook } from "../terms/codebook.ts";
import type { ArticleRecord } from "../schema/record.ts";

/** The score bounds of sentence tone's classes: above `positive` is +1, below `negative` is −1, else 0. */
export interface ToneClassBounds {
  readonly negative: number;
  readonly positive: number;
}

/**
 * The tone class bounds of the lexicon path, per language: ±0.05, the convention of VADER's paper for its
 * compound score (score-sentiment.ts lexiconToneClass). The Dutch news-tone model decides a sentence's class
 * itself (news-tone-model.ts).
 */
export const LEXICON_TONE_BOUNDS: Readonly<Record<ArticleRecord["language"], ToneClassBounds>> = {
  en: { negative: -0.05, positive: 0.05 },
  nl: { negative: -0.05, positive: 0.05 },
};

/** A tone score's class: −1, 0 or +1. */
export function toneClass(score: number, bounds: ToneClassBounds): -1 | 0 | 1 {
  return score > bounds.positive ? 1 : score < bounds.negative ? -1 : 0;
}

/** The coding tasks of a site: each frame, each device, sentence tone, and who is quoted, in that order. */
export function codingTasks(framing: Codebook, devices: Codebook): CodingTask[] {
  return [
    ...framing.entries.map((e) => ({ id: `frame:${e.id}`, kind: "frame" as const, category: e.id, label: e.label })),
    ...devices.entries.map((e) => ({ id: `device:${e.id}`, kind: "device" as const, category: e.id, label: e.label })),
    { id: "tone", kind: "tone", category: null, label: "Sentence tone" },
    { id: "speaker", kind: "speaker", category: null, label: "Who is quoted or paraphrased" },
  ];
}

/**
 * The pipeline's codes of an article's units (`units`: its heading and paragraph sentences, in order), by task
 * id and unit position, leaving out each task's default code: a frame or device is present (1) in a sentence
 * holding one of its markers; tone is the sentence's tone class (0 left out); the speaker is that of
 * the first attribution starting in the sentence ("unnamed" when the pipeline found none), normalised as
 * coders' names are. Tasks are in a fixed order (frames, devices, tone, speaker; ids within a kind sorted).
 */
export function pipelineCodes(record: ArticleRecord, units: readonly number[]): Array<[string, Array<[number, Code]>]> {
  const position = new Map(units.map((sentence, i) => [sentence, i]));
  const codes = new Map<string, Map<number, Code>>();
  const set = (task: string, sentence: number, code: Code) => {
    const at = position.get(sentence);
    if (at === undefined) return;
    const list = codes.get(task) ?? new Map<number, Code>();
    if (!list.has(at)) list.set(at, code);
    codes.set(task, list);
  };
  for (const m of [...record.markers].sort((a, b) => a.start - b.start)) set(`frame:${m.frame}`, m.sentence, 1);
  for (const d of [...record.devices].sort((a, b) => a.start - b.start)) set(`device:${d.device}`, d.sentence, 1);
  for (const s of record.sentiment.sentences) {
    if (s.class !== 0) set("tone", s.index, s.class);
  }
  for (const a of [...record.attributions].sort((x, y) => x.quote.start - y.quote.start))
    set("speaker", a.sentence, a.speaker ? normalizeSpeaker(a.speaker) : UNNAMED_SPEAKER);
  const order = (task: string) => ["frame:", "device:", "tone", "speaker"].findIndex((prefix) => task.startsWith(prefix));
  return [...codes]
    .sort(([a], [b]) => order(a) - order(b) || (a < b ? -1 : a > b ? 1 : 0))
    .map(([task, list]) => [task, [...list].sort((x, y) => x[0] - y[0])]);
}

/**
 * Collects the sampling frames of every task, article by article in the corpus index's order, numbering
 * units across the corpus.
 */
export class CodingFrameBuilder {
  private readonly coded = new Map<string, Map<Code, number[]>>();
  private readonly firstUnits: number[] = [];
  private units = 0;

  constructor(private readonly tasks: readonly CodingTask[]) {
    for (const t of tasks) this.coded.set(t.id, new Map());
  }

  /** Adds the next article: its number of units and the pipeline's codes (pipelineCodes). */
  add(unitCount: number, codes: ReadonlyArray<readonly [string, ReadonlyArray<readonly [number, Code]>]>): void {
    this.firstUnits.push(this.units);
    for (const [task, byPosition] of codes) {
      const lists = this.coded.get(task);
      // Records are made with this build's codebooks (their stamps are checked), so this is a bug.
      if (!lists) throw new Error(`coding: the pipeline coded task ${task}, which the codebooks do not have`);
      for (const [at, code] of byPosition) {
        const list = lists.get(code) ?? [];
        list.push(this.units + at);
        lists.set(code, list);
      }
    }
    this.units += unitCount;
  }

  /** Units added so far: heading and paragraph sentences of every article. */
  unitCount(): number {
    return this.units;
  }

  /** Each article's first unit number, in the corpus index's order. */
  articleFirstUnits(): readonly number[] {
    return this.firstUnits;
  }

  /** Every task's sampling frame; codes sorted (numbers ascending, texts in code-point order). */
  frames(): Array<{ task: CodingTask; frame: SamplingFrame }> {
    return this.tasks.map((task) => ({
      task,
      frame: {
        units: this.units,
        coded: [...this.coded.get(task.id)!].sort(([a], [b]) => compareCodes(a, b)),
      },
    }));
  }
}
