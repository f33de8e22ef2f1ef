import { attributionInput, cueReading, readText, type AnalysisResources } from "./analyze-article.ts";
import { detectCues } from "../voices/detect-cues.ts";
import { pairFeatures } from "../voices/pair-features.ts";
import type { ThresholdModel } from "../voices/attribution-model.ts";
import { matchingView } from "../reading/matching-view.ts";
import { attributeQuotes } from "../voices/attribute-quotes.ts";
import { cueCandidates } from "../voices/cue-features.ts";
import type { CueFamily } from "../voices/cue-families.ts";
import { detectOutlets } from "../voices/outlets.ts";
import type { TrainingItem } from "../voices/fit-logistic.ts";
import type { Span } from "../schema/record.ts";

/** One annotated attribution of PolNeAR: its cue and source as lists of spans (null when absent). */
export interface GoldAttribution {
  readonly cue: readonly Span[] | null;
  readonly source: readonly Span[] | null;
}

const overlaps = (a: Span, b: Span) => a.start < b.end && b.start < a.end;
const overlapsAny = (a: Span, list: readonly Span[] | null) => !!list && list.some((b) => overlaps(a, b));

/**
 * The cue detector's training items of one English article: each candidate token (voices/cue-features.ts)
 * (of the optional `families` too) with its features, positive when it lies in an annotated cue. An article
 * whose text the matching view changes is skipped (its gold offsets point into the unchanged text): none of its items.
 */
export function cueTrainingItems(
  id: string,
  text: string,
  gold: readonly GoldAttribution[],
  resources: AnalysisResources,
  families: ReadonlySet<CueFamily> = new Set(),
): TrainingItem[] {
  if (matchingView(text).maps) return [];
  const read = readText(text, "en", resources);
  return cueCandidates(cueReading(read, resources), families).map((c) => ({
    features: c.features,
    positive: gold.some((g) => overlapsAny(c, g.cue)),
  }));
}

/**
 * The heads of an article's annotated sources that are common nouns: for each source, its last word before
 * the first preposition ("the Trump campaign" → "campaign", "a spokesman for the company" → "spokesman"),
 * when it is written in lower case and wink tags it a noun. The fit keeps the nouns that head enough
 * sources as the model's `speakerHeads`. Skipped, like the other items, when the matching view changes the text.
 */
export function goldSourceHeads(text: string, gold: readonly GoldAttribution[], resources: AnalysisResources): string[] {
  if (matchingView(text).maps) return [];
  const read = readText(text, "en", resources);
  const prepositions = resources.speechCues.speakers.grammar.prepositions.en;
  const heads: string[] = [];
  for (const g of gold) {
    if (!g.source?.length) continue;
    const words = read.tokens.filter((t) => t.type === "word" && g.source!.some((s) => t.start >= s.start && t.end <= s.end));
    const cut = words.findIndex((w, i) => i > 0 && prepositions.has(w.value.toLowerCase()));
    const head = (cut > 0 ? words.slice(0, cut) : words).pop();
    if (head && read.tags?.get(head.start) === "NOUN" && /^[\p{Ll}][\p{Ll}-]*$/u.test(head.value)) heads.push(head.value);
  }
  return heads;
}

/**
 * The speaker ranker's training items of one English article: for each cue the resources' detector finds
 * that overlaps an annotated cue, each candidate speaker (voices/speaker-features.ts), positive when it
 * overlaps that attribution's source. A cue the annotation has no source for gives only negatives (the
 * ranker learns when to name nobody); a detected cue the annotation lacks gives no items.
 */
export function speakerTrainingItems(
  id: string,
  text: string,
  gold: readonly GoldAttribution[],
  resources: AnalysisResources,
): TrainingItem[] {
  if (matchingView(text).maps) return [];
  const read = readText(text, "en", resources);
  const outlets = detectOutlets(read.masked, read.blocks, read.matches.outlet, resources.outlets, resources.speechCues, "en");
  const items: TrainingItem[] = [];
  attributeQuotes({
    ...attributionInput(read, "en", outlets, resources),
    observeSpeakers: (cue, candidates) => {
      const annotated = gold.filter((g) => overlapsAny(cue, g.cue));
      if (!annotated.length) return;
      for (const c of candidates) items.push({ features: c.features, positive: annotated.some((g) => overlapsAny(c.mention, g.source)) });
    },
  });
  return items;
}

/**
 * The pair model's training items of one English article (voices/pair-model.ts): every cue `cueModel`
 * finds from `floor` (below its threshold), paired with each of its candidate speakers; a pair is positive when the
 * cue overlaps an annotated cue and the candidate that attribution's source. Unlike the ranker's items,
 * cues the annotation lacks give negatives: the pair model learns which cues to keep. `cueModel` should
 * not have seen the article (out-of-fold probabilities, as at analysis time).
 */
export function pairTrainingItems(
  id: string,
  text: string,
  gold: readonly GoldAttribution[],
  resources: AnalysisResources,
  cueModel: ThresholdModel,
  floor: number,
): TrainingItem[] {
  if (matchingView(text).maps) return [];
  const read = readText(text, "en", resources);
  const outlets = detectOutlets(read.masked, read.blocks, read.matches.outlet, resources.outlets, resources.speechCues, "en");
  const cues = detectCues(cueReading(read, resources), cueModel, floor);
  const items: TrainingItem[] = [];
  attributeQuotes({
    ...attributionInput(read, "en", outlets, resources, cues),
    observeSpeakers: (cue, candidates, ctx) => {
      const annotated = gold.filter((g) => overlapsAny(cue, g.cue));
      for (const c of candidates)
        items.push({ features: pairFeatures(ctx, cue, c), positive: annotated.some((g) => overlapsAny(c.mention, g.source)) });
    },
  });
  return items;
}
