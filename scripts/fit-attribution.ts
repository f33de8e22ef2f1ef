/**
 * npm run fit:attribution -- [--eval <folder>] [--tune] [--out <file>]
 * Fits the learned attribution model (corpus/models/attribution.json): the cue detector, then the speaker
 * ranker on the cues that detector finds, then the (cue, speaker) pair model (scripts/pair-design.ts), each
 * a logistic regression over named features, on the
 * development part of PolNeAR's train split (../shared/eval/en/polnear_train.jsonl; Newell, Margolin &
 * Ruths 2018). The kept-back part is never read here; `npm run validate` scores it. Deterministic: the same
 * data give byte-identical weights (fixed split by a hash of the id, seeded order, rounded weights).
 *
 * With --tune the model is fitted on the development part's "fit" fold only and written to --out (by
 * default .dev/attribution-tune.json), so a design choice can be measured on the "tune" fold with
 * `npm run validate:errors -- --tune` before the shipped model is fitted on the whole development part.
 */
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { compareIds } from "../data-loaders/common/compare-ids.ts";
import { developmentFold, evaluationPart } from "../data-loaders/common/evaluation-split.ts";
import { corpusPaths, PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import {
  cueTrainingItems,
  goldSourceHeads,
  speakerTrainingItems,
  type GoldAttribution,
} from "../data-loaders/pipeline/attribution-training.ts";
import { RULES_ONLY, type AttributionModelFile, type ThresholdModel } from "../data-loaders/voices/attribution-model.ts";
import { fitLogistic, type FitSettings } from "../data-loaders/voices/fit-logistic.ts";
import { CUE_FAMILIES, type CueFamily } from "../data-loaders/voices/cue-families.ts";
import { parseCommandLine } from "./cli-args.ts";
import { CUE_FLOOR, fitPairModel, PAIR_FIT } from "./pair-design.ts";
import { fileSystemProblem, outputFileProblem } from "./output-file.ts";
import { evaluationFile } from "./evaluation-file.ts";

/** The cue candidate families of the shipped model (docs/validation.md, "wider candidates"). */
const SHIPPED_FAMILIES: readonly CueFamily[] = [];
const USAGE = "usage: npm run fit:attribution -- [--eval <folder>] [--tune] [--out <file>] [--families noun,adjective,colon|none]";
const { values } = parseCommandLine("fit:attribution", USAGE, {
  options: {
    eval: { type: "string", default: join(PROJECT_ROOT, "..", "shared", "eval") },
    tune: { type: "boolean", default: false },
    out: { type: "string" },
    families: { type: "string", default: SHIPPED_FAMILIES.join(",") },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  process.stdout.write(
    `${USAGE}\nFits corpus/models/attribution.json on the development part of ../shared/eval/en/polnear_train.jsonl.\n` +
      "  --eval <folder>  the evaluation data folder (default ../shared/eval)\n" +
      "  --tune           fit on the development part's fit fold only, to measure choices on its tune fold\n" +
      "  --out <file>     where to write the model (default corpus/models/attribution.json; with --tune .dev/attribution-tune.json)\n" +
      `  --families F     the cue candidate families beside verbs and listed words, or none (default ${SHIPPED_FAMILIES.join(",") || "none"})\n` +
      "Example: npm run fit:attribution && git diff --stat corpus/models\n",
  );
  process.exit(0);
}
const families = cueFamilies(values.families!);
const out = values.out ?? join(PROJECT_ROOT, values.tune ? ".dev/attribution-tune.json" : "corpus/models/attribution.json");
// A wrong --out is said in one line before the minutes of fitting, not as a stack trace after them.
const outProblem = outputFileProblem(out);
if (outProblem) {
  process.stderr.write(`fit:attribution: cannot write ${out}: ${outProblem}\n`);
  process.exit(1);
}

/** The settings of both fits, chosen on the development part's tune fold (recorded in the file). */
const CUE: FitSettings & { threshold: number } = { epochs: 5, l2: 1e-4, step: 0.1, minCount: 3, decimals: 3, seed: 1, threshold: 0.6 };
const SPEAKER: FitSettings & { threshold: number } = { epochs: 5, l2: 1e-4, step: 0.1, minCount: 2, decimals: 4, seed: 2, threshold: 0.5 };
/** The pair model's operating point, chosen on the tune fold (docs/validation.md, "span pairs"). */
const PAIR = { ...PAIR_FIT, cueFloor: CUE_FLOOR, pairThreshold: 0.7, speakerThreshold: 0.5 };

type Article = { id: string; text: string; attributions: GoldAttribution[] };
const articles = readFileSync(evaluationFile(values.eval!, "en/polnear_train.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as Article)
  .filter((a) => evaluationPart(a.id) === "development" && (!values.tune || developmentFold(a.id) === "fit"))
  .sort((a, b) => compareIds(a.id, b.id));

const resources = loadResources(corpusPaths(), { attributionModel: RULES_ONLY });

const cueItems = articles.flatMap((a) => cueTrainingItems(a.id, a.text, a.attributions, resources, new Set(families)));
const cue = { ...fitLogistic(cueItems, CUE), threshold: CUE.threshold, ...(families.length ? { candidates: families } : {}) };
process.stderr.write(`fit:attribution: cue detector on ${cueItems.length} candidate tokens, ${cue.weights.size} features\n`);

// The nouns that head at least MIN_HEAD annotated sources: "campaign", "poll", "officials".
const MIN_HEAD = 2;
const headCounts = new Map<string, number>();
for (const a of articles)
  for (const head of goldSourceHeads(a.text, a.attributions, resources)) headCounts.set(head, (headCounts.get(head) ?? 0) + 1);
const speakerHeads = [...headCounts]
  .filter(([, n]) => n >= MIN_HEAD)
  .map(([head]) => head)
  .sort(compareIds);

const withCues = loadResources(corpusPaths(), { attributionModel: { ...RULES_ONLY, cue, speakerHeads: new Set(speakerHeads) } });
const speakerItems = articles.flatMap((a) => speakerTrainingItems(a.id, a.text, a.attributions, withCues));
const speaker = { ...fitLogistic(speakerItems, SPEAKER), threshold: SPEAKER.threshold };
process.stderr.write(`fit:attribution: speaker ranker on ${speakerItems.length} candidate speakers, ${speaker.weights.size} features\n`);

// The pair model, on cue probabilities of cue models that did not see the article (two halves, each scored by the other's).
const withRanker = loadResources(corpusPaths(), {
  attributionModel: { ...RULES_ONLY, cue, speaker, speakerHeads: new Set(speakerHeads) },
});
const pairFit = fitPairModel(articles, resources, withRanker, CUE);
process.stderr.write(`fit:attribution: pair model on ${pairFit.items} (cue, speaker) pairs, ${pairFit.model.weights.size} features\n`);

const asJson = (model: ThresholdModel) => ({
  threshold: model.threshold,
  ...(model.candidates ? { candidates: [...model.candidates] } : {}),
  bias: model.bias,
  weights: Object.fromEntries([...model.weights].sort(([a], [b]) => compareIds(a, b))),
});
const file: AttributionModelFile = {
  id: "attribution-model",
  version: "1.2.0",
  licence:
    "Weights only, derived from PolNeAR (no licence stated; no text of it is kept here): cite the paper below. The code that fits them is MIT.",
  source: `Fitted by \`npm run fit:attribution\`${values.tune ? " --tune" : ""} on the development part (SHA-256 of the id, first byte not divisible by 3${values.tune ? "; its fit fold only" : ""}) of PolNeAR's train split, github networkdynamics/PolNeAR.`,
  cite: "Newell, E., Margolin, D., & Ruths, D. (2018). An Attribution Relations Corpus for Political News. Proceedings of LREC 2018.",
  method:
    "Three logistic regressions fitted by SGD with AdaGrad steps and an L2 penalty (data-loaders/voices/fit-logistic.ts). The cue detector scores every verb and every word of a speech-cue list by word, stem, suffix, part-of-speech context, neighbouring words, list membership and quotation-mark context (data-loaders/voices/cue-features.ts); a token is positive when it lies in an annotated cue. The speaker ranker scores each candidate mention of a detected cue's sentence by the speaker sieves that propose it, its kind, side and distance (data-loaders/voices/speaker-features.ts); a candidate is positive when it overlaps the annotated source of the cue. The pair model scores each cue the detector proposes from a probability of 0.1 with each of its candidate speakers, by the ranker's features, the cue's probability in tenths, the pattern they are written in and what lies between them (data-loaders/voices/pair-features.ts); a pair is positive when the cue overlaps an annotated cue and the candidate its source; it is fitted on cue probabilities from cue models that did not see the article (the articles in two halves by a hash of the id, each half scored by a cue model fitted on the other). A cue below the cue threshold is kept when its best pair reaches the pair threshold; a cue's best candidate is its speaker when the pair reaches the speaker threshold (data-loaders/voices/pair-model.ts). Speaker heads: the lower-case nouns that head at least three annotated sources (the last word before a preposition), which a speaker described by a phrase must have. Articles whose text the matching view changes (invisible characters, decomposed letters) are left out of fitting.",
  fittedOn: {
    articles: articles.length,
    part: values.tune ? "development, fit fold" : "development",
    settings: Object.fromEntries(
      Object.entries({
        ...prefixed("cue", CUE),
        ...prefixed("speaker", SPEAKER),
        ...prefixed("pair", PAIR),
        "speakerHeads.minCount": MIN_HEAD,
      }).sort(([a], [b]) => compareIds(a, b)),
    ),
  },
  cue: asJson(cue),
  speaker: asJson(speaker),
  pair: {
    cueFloor: PAIR.cueFloor,
    pairThreshold: PAIR.pairThreshold,
    speakerThreshold: PAIR.speakerThreshold,
    bias: pairFit.model.bias,
    weights: Object.fromEntries([...pairFit.model.weights].sort(([a], [b]) => compareIds(a, b))),
  },
  speakerHeads,
};
try {
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, `${JSON.stringify(file, null, 1)}\n`);
} catch (error) {
  const problem = fileSystemProblem(error, out);
  if (!problem) throw error;
  process.stderr.write(`fit:attribution: cannot write ${problem}\n`);
  process.exit(1);
}
process.stderr.write(`fit:attribution: wrote ${out}\n`);

/** The --families option as a list in CUE_FAMILIES' order; a name that is no family ends the run with the names that are. */
function cueFamilies(option: string): CueFamily[] {
  if (option === "none" || option === "") return [];
  const names = option.split(",").map((name) => name.trim());
  const unknown = names.filter((name) => !(CUE_FAMILIES as readonly string[]).includes(name));
  if (unknown.length) {
    process.stderr.write(`fit:attribution: --families takes ${CUE_FAMILIES.join(", ")} or none, not ${unknown.join(", ")}\n${USAGE}\n`);
    process.exit(2);
  }
  return CUE_FAMILIES.filter((family) => names.includes(family));
}

function prefixed(prefix: string, settings: object): Record<string, number> {
  return Object.fromEntries(Object.entries(settings as Record<string, number>).map(([key, value]) => [`${prefix}.${key}`, value]));
}
