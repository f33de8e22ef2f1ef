/**
 * npx tsx scripts/compare-attribution-designs.ts [--eval <folder>] [--baseline <file>] [--epochs N]
 * Measures other designs of English attribution against the shipped one, on PolNeAR's development part
 * only (the kept-back part is never read): each design is fitted on the development part's fit fold and
 * scored on its tune fold (data-loaders/common/evaluation-split.ts), as `npm run fit:attribution -- --tune`
 * and `npm run validate:errors -- --tune` do for the shipped design. The designs (issue 28):
 * - shipped: the logistic cue detector and speaker ranker, fitted on the fit fold (--baseline, written by
 *   `npm run fit:attribution -- --tune`);
 * - perceptron and CRF: a linear-chain sequence model over every token with BIO tags for cue, source and
 *   content (voices/sequence-model.ts, features voices/token-features.ts), fitted as an averaged
 *   structured perceptron (voices/fit-perceptron.ts) or as a CRF by SGD (voices/fit-crf.ts), decoded by
 *   Viterbi; each cue is paired with the nearest source and content of its sentence. Each is tried at a
 *   few operating points: the perceptron with a margin in favour of the outside tag, the CRF keeping only
 *   cues it gives at least a probability (its marginals);
 * - "… cues + ranker": the sequence model's cues given to the shipped design's speaker ranker and content
 *   rules in place of its cue detector;
 * - pairs: the cue detector's cues from a probability of 0.1, each kept or dropped with its speaker by a
 *   logistic model over (cue, speaker) pairs (scripts/pair-design.ts), at several operating points.
 * `--designs sequence` or `--designs pairs` measures only those (with the shipped design); `--designs shipped`
 * only the design in --baseline (a candidate model fitted with `npm run fit:attribution -- --tune --out <file>`).
 * Articles whose text the matching view changes are left out of every design's figures (their gold
 * offsets point into the unchanged text); the shipped design is also scored on the whole fold, the figure
 * `validate:errors -- --tune` prints. Deterministic: a fixed split, seeded orders, no clock. Several
 * minutes on one core.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareIds } from "../data-loaders/common/compare-ids.ts";
import { developmentFold, evaluationPart } from "../data-loaders/common/evaluation-split.ts";
import { corpusPaths, PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import {
  analyzeArticle,
  attributionInput,
  cueReading,
  readText,
  type AnalysisResources,
  type ReadText,
} from "../data-loaders/pipeline/analyze-article.ts";
import { loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import { bareArticle } from "../data-loaders/reading/bare-article.ts";
import { matchingView } from "../data-loaders/reading/matching-view.ts";
import { attributeQuotes } from "../data-loaders/voices/attribute-quotes.ts";
import { ATTRIBUTION_TAGS, goldTags, pairSegments, taggedSegments, type AnnotatedParts } from "../data-loaders/voices/attribution-tags.ts";
import { RULES_ONLY } from "../data-loaders/voices/attribution-model.ts";
import type { DetectedCue } from "../data-loaders/voices/detect-cues.ts";
import {
  attributionFigures,
  scoreAttributions,
  type AttributionCounts,
  type PredictedAttribution,
} from "../data-loaders/voices/evaluate-attribution.ts";
import { fitCrf, type CrfSettings } from "../data-loaders/voices/fit-crf.ts";
import { fitPerceptron, type PerceptronSettings, type TaggedSentence } from "../data-loaders/voices/fit-perceptron.ts";
import { detectOutlets } from "../data-loaders/voices/outlets.ts";
import { bioAllowed, tagMarginals, tagSentence, tokenContributions, type SequenceModel } from "../data-loaders/voices/sequence-model.ts";
import { sentenceFeatures, type FeaturedSentence } from "../data-loaders/voices/token-features.ts";
import { parseCommandLine } from "./cli-args.ts";
import { pairDesigns, pairPredictions } from "./pair-design.ts";
import { evaluationFile } from "./evaluation-file.ts";

const USAGE =
  "usage: npx tsx scripts/compare-attribution-designs.ts [--eval <folder>] [--baseline <file>] [--epochs N] [--designs all|sequence|pairs|shipped]";
const { values } = parseCommandLine(
  "compare-attribution-designs",
  USAGE,
  {
    options: {
      eval: { type: "string", default: join(PROJECT_ROOT, "..", "shared", "eval") },
      baseline: { type: "string", default: join(PROJECT_ROOT, ".dev", "attribution-tune.json") },
      epochs: { type: "string", default: "12" },
      designs: { type: "string", default: "all" },
    },
  },
  `
Compares attribution designs on the tune fold of PolNeAR's development part (never the kept-back part) and
prints the table docs/validation.md gives.
  --eval <folder>    the evaluation data folder (default ../shared/eval)
  --baseline <file>  the shipped design fitted on the fit fold (default .dev/attribution-tune.json, written by
                     \`npm run fit:attribution -- --tune\`)
  --epochs N         passes of the sequence models' fitters (default 12)
  --designs D        all (default), sequence (the sequence models), pairs (the span-pair model) or shipped
                     (only the --baseline design)
Example: npm run fit:attribution -- --tune && npx tsx scripts/compare-attribution-designs.ts --designs pairs`,
);
if (!["all", "sequence", "pairs", "shipped"].includes(values.designs!)) {
  process.stderr.write(
    `compare-attribution-designs: --designs takes all, sequence, pairs or shipped, not ${JSON.stringify(values.designs)}\n${USAGE}\n`,
  );
  process.exit(2);
}
const withSequence = values.designs === "all" || values.designs === "sequence";
const withPairs = values.designs === "all" || values.designs === "pairs";
if (!/^[1-9]\d*$/u.test(values.epochs!)) {
  process.stderr.write(
    `compare-attribution-designs: --epochs takes a whole number from 1, not ${JSON.stringify(values.epochs)}\n${USAGE}\n`,
  );
  process.exit(2);
}
if (!existsSync(values.baseline!)) {
  process.stderr.write(
    `compare-attribution-designs: ${values.baseline} does not exist; write it with \`npm run fit:attribution -- --tune\`\n`,
  );
  process.exit(1);
}
const PERCEPTRON: PerceptronSettings = { epochs: Number(values.epochs), minCount: 2, decimals: 3, seed: 1 };
const CRF: CrfSettings = { epochs: Number(values.epochs), l2: 1e-4, step: 0.1, minCount: 2, decimals: 3, seed: 1 };
/** The cue probabilities from which the CRF's cues are kept, tried for a precision–recall trade-off. */
const FLOORS = [0.5, 0.7, 0.9];
/** The perceptron's margins in favour of the outside tag, tried for the same trade-off (its scores are not probabilities). */
const MARGINS = [0, 10, 30, 60];

type Article = { id: string; text: string; attributions: AnnotatedParts[] };
const development = readFileSync(evaluationFile(values.eval!, "en/polnear_train.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as Article)
  .filter((a) => evaluationPart(a.id) === "development")
  .sort((a, b) => compareIds(a.id, b.id));
const fitFold = development.filter((a) => developmentFold(a.id) === "fit" && !matchingView(a.text).maps);
const tuneFold = development.filter((a) => developmentFold(a.id) === "tune");

const rulesOnly = loadResources(corpusPaths(), { attributionModel: RULES_ONLY });
const shipped = loadResources(corpusPaths({ ...process.env, ATTRIBUTION_MODEL: values.baseline }));

/** The sentences of an article as the sequence model reads them. */
function featured(text: string, resources: AnalysisResources) {
  const read = readText(text, "en", resources);
  return { read, sentences: sentenceFeatures(cueReading(read, resources)) };
}

const training: TaggedSentence[] = withSequence
  ? fitFold.flatMap((a) =>
      featured(a.text, rulesOnly).sentences.map((s) => ({ tokens: s.features, tags: goldTags(s.tokens, a.attributions) })),
    )
  : [];
const perceptron = fitPerceptron(training, ATTRIBUTION_TAGS, bioAllowed(ATTRIBUTION_TAGS), PERCEPTRON);
const crf = fitCrf(training, ATTRIBUTION_TAGS, bioAllowed(ATTRIBUTION_TAGS), CRF);
if (withSequence)
  process.stderr.write(
    `compare-attribution-designs: sequence models on ${training.length} sentences of ${fitFold.length} articles: perceptron ${perceptron.emissions.size} features, CRF ${crf.emissions.size}\n`,
  );
const pairs = withPairs ? pairDesigns(fitFold, rulesOnly, shipped, values.baseline!) : [];

/** A sentence's tagged segments, keeping only the cues whose tokens the model gives at least `floor` probability of being a cue. */
function segmentsOf(sequence: SequenceModel, s: FeaturedSentence, floor: number) {
  const tags = tagSentence(sequence, s.features);
  const segments = taggedSegments(s.tokens, tags);
  if (floor === 0) return { tags, segments };
  const K = sequence.tags.length;
  const marginals = tagMarginals(sequence, s.features);
  const [begin, inside] = [sequence.tags.indexOf("B-CUE"), sequence.tags.indexOf("I-CUE")];
  const cueProbability = (t: number) => marginals[t * K + begin]! + marginals[t * K + inside]!;
  const kept = segments.filter((g) => {
    if (g.part !== "CUE") return true;
    let top = 0;
    for (let t = g.first; t <= g.last; t++) top = Math.max(top, cueProbability(t));
    return top >= floor;
  });
  return { tags, segments: kept };
}

/** The sequence model's attributions of one article: each tagged cue with its nearest source and content. */
function sequenceAttributions(sentences: readonly FeaturedSentence[], sequence: SequenceModel, floor: number): PredictedAttribution[] {
  return sentences.flatMap((s) => pairSegments(segmentsOf(sequence, s, floor).segments));
}

/** The sequence model's cue segments as detected cues, explained by the first token's strongest contributions. */
function sequenceCues(sentences: readonly FeaturedSentence[], sequence: SequenceModel, floor: number): DetectedCue[] {
  return sentences.flatMap((s) => {
    const { tags, segments } = segmentsOf(sequence, s, floor);
    return segments
      .filter((segment) => segment.part === "CUE")
      .map((segment) => ({
        start: segment.start,
        end: segment.end,
        probability: 1,
        reasons: tokenContributions(sequence, s.features, tags, segment.first, 3),
      }));
  });
}

/** The shipped design's ranker and content rules on the given cues. */
function withRanker(read: ReadText, cues: readonly DetectedCue[]): PredictedAttribution[] {
  const outlets = detectOutlets(read.masked, read.blocks, read.matches.outlet, shipped.outlets, shipped.speechCues, "en");
  return attributeQuotes(attributionInput(read, "en", outlets, shipped, cues)).map((a) => ({
    cue: a.cueSpan,
    source: a.speaker === null ? null : a.speakerSpan,
    content: a.quote,
  }));
}

/**
 * The model with the outside tag favoured by `margin` on every token (its weight of the feature "bias",
 * which every token has): a larger margin tags fewer tokens, trading recall for precision.
 */
function favouringOutside(sequence: SequenceModel, margin: number): SequenceModel {
  const bias = Float64Array.from(sequence.emissions.get("bias") ?? new Float64Array(sequence.tags.length));
  bias[0]! += margin;
  return { ...sequence, emissions: new Map([...sequence.emissions, ["bias", bias]]) };
}

/** The sequence designs: a model, and the cue probability below which its cues are dropped (0: Viterbi's cues as they are). */
const SEQUENCE_DESIGNS: ReadonlyArray<{ name: string; model: SequenceModel; floor: number }> = withSequence
  ? [
      ...MARGINS.map((margin) => ({ name: `perceptron, outside +${margin}`, model: favouringOutside(perceptron, margin), floor: 0 })),
      { name: "CRF", model: crf, floor: 0 },
      ...FLOORS.map((floor) => ({ name: `CRF, cue p >= ${floor}`, model: crf, floor })),
    ]
  : [];
const designs = [
  "shipped (whole fold)",
  "shipped",
  ...SEQUENCE_DESIGNS.flatMap((d) => [d.name, `${d.name} cues + ranker`]),
  ...pairs.map((d) => d.name),
];
const counts = new Map<string, AttributionCounts[]>(designs.map((d) => [d, []]));
for (const a of tuneFold) {
  const record = analyzeArticle(bareArticle(a.id, a.text, "en"), shipped);
  const shippedPredicted = record.attributions.map((r) => ({
    cue: r.cueSpan,
    source: r.speaker === null ? null : r.speakerSpan,
    content: r.quote,
  }));
  counts.get("shipped (whole fold)")!.push(scoreAttributions(a.attributions, shippedPredicted));
  if (matchingView(a.text).maps) continue;
  counts.get("shipped")!.push(scoreAttributions(a.attributions, shippedPredicted));
  const { read, sentences } = withSequence ? featured(a.text, rulesOnly) : { read: null, sentences: [] };
  for (const { name, model, floor } of SEQUENCE_DESIGNS) {
    counts.get(name)!.push(scoreAttributions(a.attributions, sequenceAttributions(sentences, model, floor)));
    const ranked = withRanker(read!, sequenceCues(sentences, model, floor));
    counts.get(`${name} cues + ranker`)!.push(scoreAttributions(a.attributions, ranked));
  }
  if (!pairs.length) continue;
  const predicted = pairPredictions(
    a.text,
    shipped,
    shipped.attributionModel.cue!,
    pairs.map((d) => d.decision),
  );
  pairs.forEach((d, k) => counts.get(d.name)!.push(scoreAttributions(a.attributions, predicted[k]!)));
}

const f = (x: number) => x.toFixed(3);
console.log(`tune fold of the development part: ${tuneFold.length} articles (${counts.get("shipped")!.length} with unchanged text)`);
console.log("design                              articles  cue P / R / F1         source P / R / F1      content P / R / F1");
for (const design of designs) {
  const list = counts.get(design)!;
  const { cue, source, content } = attributionFigures(list);
  const three = (m: typeof cue) => `${f(m.precision)} ${f(m.recall)} ${f(m.f1)}`;
  console.log(`${design.padEnd(36)}${String(list.length).padStart(8)}  ${three(cue)}    ${three(source)}    ${three(content)}`);
}
