// Hand-coding in the browser: the coding tasks and the seeded sample of sentences a class codes (the coding
// files students export and teachers collect are read by coding-file.ts). Pure and dependency-free: the Coding, Agreement and Exercises
// pages run it in the browser (src/components/portable links to this folder), the loader and the tests in Node.
import type { Code } from "./agreement.js";
import { mulberry32 } from "./seeded-random.js";
import { withoutFormulaGuard } from "./spreadsheet-safe.js";

/** What a task asks of a sentence. */
export type TaskKind = "frame" | "device" | "tone" | "speaker";

/** One coding task: a frame, a device, sentence tone, or who is quoted. */
export interface CodingTask {
  /** "frame:<codebook id>", "device:<codebook id>", "tone" or "speaker". */
  readonly id: string;
  readonly kind: TaskKind;
  /** The codebook entry for frames and devices, else null. */
  readonly category: string | null;
  readonly label: string;
}

/** A code a student can choose, with its label. */
export interface CodeOption {
  readonly code: Code;
  readonly label: string;
}

/** The speaker code of a sentence that quotes or paraphrases no one. */
export const NO_SPEAKER = "none";
/** The speaker code of a quotation or paraphrase whose speaker is not named or cannot be told. */
export const UNNAMED_SPEAKER = "unnamed";

/** The codes of a task's fixed choices (a speaker is also any name). */
export function taskOptions(kind: TaskKind): readonly CodeOption[] {
  if (kind === "tone")
    return [
      { code: -1, label: "negative" },
      { code: 0, label: "neutral" },
      { code: 1, label: "positive" },
    ];
  if (kind === "speaker")
    return [
      { code: NO_SPEAKER, label: "no one is quoted or paraphrased" },
      { code: UNNAMED_SPEAKER, label: "someone not named" },
    ];
  return [
    { code: 1, label: "present" },
    { code: 0, label: "absent" },
  ];
}

/** The code a sentence has when the pipeline found nothing: absent, neutral, no one. */
export function defaultCode(kind: TaskKind): Code {
  return kind === "speaker" ? NO_SPEAKER : 0;
}

/**
 * A speaker as compared: decomposed, without diacritics, lower case, spaces collapsed ("  Sergej  Lavrov"
 * and "sergej lavrov" are one speaker). Codes are compared in this form; they are shown as written.
 * @example normalizeSpeaker(" Emmanuel  Macron ") // "emmanuel macron"
 */
export function normalizeSpeaker(name: string): string {
  return name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();
}

/**
 * A code as read from a coding file's `code` field, or why it is not one. Frames and devices: 1 or 0 (also
 * "present"/"absent"); tone: −1, 0 or 1 (also "negative"/"neutral"/"positive"); speaker: "none", "unnamed"
 * or a name (normalised; a ' before a name starting with =, +, - or @ is the coding file's guard and dropped).
 * @example readCode("frame", "present") // { code: 1 }
 */
export function readCode(kind: TaskKind, text: string): { code: Code } | { error: string } {
  const value = text.trim();
  // A name a spreadsheet would have run as a formula was written with a ' before it (coding files guard it).
  const name = withoutFormulaGuard(value);
  if (kind === "speaker") return name ? { code: normalizeSpeaker(name) } : { error: 'is empty (write "none" when no one speaks)' };
  const options = taskOptions(kind);
  const option = options.find((o) => String(o.code) === value || o.label === value.toLowerCase());
  if (option) return { code: option.code };
  return { error: `"${value}" is not a code of this task (${options.map((o) => `${o.code} ${o.label}`).join(", ")})` };
}

/** How a sample is drawn: "stratified" draws equal shares from each of the pipeline's classes, "random" ignores them. */
export type SampleDesign = "stratified" | "random";

/**
 * The sampling frame of one task: every unit (a heading or paragraph sentence, numbered across the corpus:
 * the articles in the corpus index's order, each article's sentences in order) and, for each code the pipeline
 * gave other than the task's default, the units it gave it to (ascending).
 */
export interface SamplingFrame {
  readonly units: number;
  readonly coded: ReadonlyArray<readonly [Code, readonly number[]]>;
}

/**
 * `size` distinct units drawn with mulberry32(`seed`), in the order a class codes them (shuffled, so the
 * strata cannot be told from the order). "random": a simple random sample of all units. "stratified": the
 * units the pipeline coded (pooled, or one stratum per code when `byCode`, as for tone's negative and
 * positive) and the rest are strata of as equal a size as they allow, so a rare frame is not all "absent";
 * a stratum too small for its share gives the rest to the others. The same frame, size, seed and design
 * always give the same sample, in every browser.
 * @example drawSample({ units: 10, coded: [[1, [2, 5]]] }, { size: 4, seed: 1, design: "stratified" }) // 2 and 5 and two others
 */
export function drawSample(
  frame: SamplingFrame,
  { size, seed, design, byCode = false }: { size: number; seed: number; design: SampleDesign; byCode?: boolean },
): number[] {
  const random = mulberry32(seed);
  const wanted = Math.max(0, Math.min(Math.floor(size), frame.units));
  let chosen: number[];
  if (design === "random") chosen = floydSample(frame.units, wanted, random);
  else {
    const lists = byCode ? frame.coded.map(([, units]) => units) : [mergeSorted(frame.coded.map(([, units]) => units))];
    const coded = mergeSorted(lists);
    const strata: Array<{ size: number; pick: (k: number) => number[] }> = [
      ...lists.map((list) => ({ size: list.length, pick: (k: number) => floydSample(list.length, k, random).map((i) => list[i]!) })),
      {
        size: frame.units - coded.length,
        pick: (k: number) => floydSample(frame.units - coded.length, k, random).map((i) => nthNotIn(coded, i)),
      },
    ];
    chosen = allocate(
      strata.map((s) => s.size),
      wanted,
    ).flatMap((k, i) => strata[i]!.pick(k));
  }
  // Fisher–Yates shuffle of the chosen units, sorted first so the order depends on the seed only.
  chosen.sort((a, b) => a - b);
  for (let i = chosen.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [chosen[i], chosen[j]] = [chosen[j]!, chosen[i]!];
  }
  return chosen;
}

/** Shares of `total` over strata of the given sizes: as equal as the sizes allow, the remainder to the first. */
export function allocate(sizes: readonly number[], total: number): number[] {
  const shares = sizes.map(() => 0);
  let left = Math.min(
    total,
    sizes.reduce((a, b) => a + b, 0),
  );
  while (left > 0) {
    const open = sizes.map((s, i) => i).filter((i) => shares[i]! < sizes[i]!);
    const each = Math.max(1, Math.floor(left / open.length));
    for (const i of open) {
      if (left === 0) break;
      const add = Math.min(each, sizes[i]! - shares[i]!, left);
      shares[i]! += add;
      left -= add;
    }
  }
  return shares;
}

/** k distinct numbers of 0..n−1 (R. Floyd's algorithm: k draws whatever n is). */
function floydSample(n: number, k: number, random: () => number): number[] {
  const chosen = new Set<number>();
  for (let j = n - k; j < n; j++) {
    const t = Math.floor(random() * (j + 1));
    chosen.add(chosen.has(t) ? j : t);
  }
  return [...chosen];
}

/** The i-th number (from 0) of 0, 1, 2, … that is not in `sorted` (ascending, distinct). */
function nthNotIn(sorted: readonly number[], i: number): number {
  // The answer is i + (how many of sorted are ≤ the answer): find the least m with m − (sorted ≤ m) ≥ i.
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid]! - mid <= i) low = mid + 1;
    else high = mid;
  }
  return i + low;
}

/** The ascending union of ascending lists. */
function mergeSorted(lists: ReadonlyArray<readonly number[]>): number[] {
  return [...new Set(lists.flat())].sort((a, b) => a - b);
}

/** A sampling frame as coding/<task>.json publishes it: each code's units as the first then the differences. */
export function decodeFrame(file: {
  readonly units: number;
  readonly coded: ReadonlyArray<readonly [Code, readonly number[]]>;
}): SamplingFrame {
  return {
    units: file.units,
    coded: file.coded.map(([code, deltas]) => {
      let unit = 0;
      return [code, deltas.map((d, i) => (unit = i ? unit + d : d))] as const;
    }),
  };
}

/** The pipeline's code of unit `unit`: the code whose list holds it, else the task's default. */
export function frameCode(frame: SamplingFrame, unit: number, kind: TaskKind): Code {
  for (const [code, units] of frame.coded) if (binaryHas(units, unit)) return code;
  return defaultCode(kind);
}

function binaryHas(sorted: readonly number[], value: number): boolean {
  let low = 0;
  let high = sorted.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] === value) return true;
    if (sorted[mid]! < value) low = mid + 1;
    else high = mid - 1;
  }
  return false;
}

/**
 * Where unit `unit` is: the article (its place in the corpus index) and the sentence's place among that
 * article's units, from `firstUnits`, each article's first unit number (ascending, as coding.json lists them).
 * @example unitPlace([0, 3, 3, 7], 5) // { article: 2, position: 2 }
 */
export function unitPlace(firstUnits: readonly number[], unit: number): { article: number; position: number } {
  let low = 0;
  let high = firstUnits.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (firstUnits[mid]! <= unit) low = mid;
    else high = mid - 1;
  }
  return { article: low, position: unit - firstUnits[low]! };
}
