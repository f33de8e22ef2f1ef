import { z } from "zod";
import { fittedFileProvenance } from "../common/fitted-file.ts";
import { schemaErrors, type CorpusError } from "../reading/corpus-error.ts";
import type { Token } from "../reading/token.ts";
import { compileNewsToneScorer, type NewsToneScorer } from "./news-tone-scorer.ts";
import { round6, type Contribution, type SentenceScore, type SentimentLexicon, type SentimentRules } from "./score-sentiment.ts";

/**
 * The Dutch news-tone model (corpus/models/dutch-news-tone.json), fitted by `npm run fit:tone` on the
 * development part of the ecosent headlines (van Atteveldt, van der Velden & Boukes 2021, MIT): a
 * three-class linear model over TF-IDF word features (news-tone-features.ts), its class the argmax of the
 * three class scores. Kept as data with its provenance.
 */
const weight = z.number().finite();
/** A feature's row: in how many headlines it occurs, and its weight in each class score. */
const featureRow = z.tuple([z.number().int().min(0), weight, weight, weight]);
const isFeatureRow = (row: unknown): boolean =>
  Array.isArray(row) &&
  row.length === 4 &&
  Number.isInteger(row[0]) &&
  (row[0] as number) >= 0 &&
  Number.isFinite(row[1]) &&
  Number.isFinite(row[2]) &&
  Number.isFinite(row[3]);
/**
 * The features table, checked row by row in a plain loop (tens of thousands of rows: a record schema took
 * most of the model's load time); a row that fails is checked by `featureRow` too, so its errors name the
 * feature and the place in the row as the schema's would.
 */
const featureTable = z
  .custom<Record<string, z.infer<typeof featureRow>>>((value) => typeof value === "object" && value !== null && !Array.isArray(value))
  .superRefine((table, context) => {
    for (const [name, row] of Object.entries(table)) {
      if (name === "") context.addIssue({ code: "custom", message: "a feature needs a name", path: [name] });
      if (isFeatureRow(row)) continue;
      for (const issue of featureRow.safeParse(row).error?.issues ?? [])
        context.addIssue({ code: "custom", message: issue.message, path: [name, ...issue.path] });
    }
  });
const schema = z
  .object({
    ...fittedFileProvenance,
    cite: z.string().min(1),
    fittedOn: z.object({ items: z.number().int().min(1), part: z.literal("development") }).strict(),
    settings: z.record(z.string(), z.union([z.number(), z.string()])),
    /** Which word features the model reads (news-tone-features.ts ToneDesign). */
    design: z
      .object({
        words: z.boolean(),
        pairs: z.boolean(),
        characters: z.boolean(),
        maxGram: z.number().int().min(2).max(8),
        lexicon: z.boolean(),
        names: z.boolean(),
        functionWords: z.boolean(),
        counts: z.enum(["sublinear", "binary"]),
        lengths: z.enum(["shared", "by-kind"]).optional(),
        minGram: z.number().int().min(1).max(8).optional(),
        minGramCount: z.number().int().min(1).optional(),
      })
      .strict(),
    /** The development figures of the chosen settings, out of fold (five folds inside the development part). */
    crossValidated: z.object({ accuracy: z.number().min(0).max(1), macroF1: z.number().min(0).max(1) }).strict(),
    /** The headlines the document frequencies were counted in. */
    documents: z.number().int().min(1),
    /** The class scores' constants: negative, neutral, positive. */
    bias: z.tuple([weight, weight, weight]),
    /** Per feature: in how many headlines it occurs (its idf is ln((1 + documents) / (1 + that)) + 1), and its weight in each class score. */
    features: featureTable,
  })
  .strict();

export type NewsToneModel = z.infer<typeof schema>;

/** Validates a parsed model file. */
export function compileNewsToneModel(
  raw: unknown,
  file: string,
): { readonly model: NewsToneModel | null; readonly errors: readonly CorpusError[] } {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { model: parsed.data, errors: [] } : { model: null, errors: schemaErrors(parsed.error.issues, file) };
}

/** The sentiment rules' own words (negators, boosters, dampeners, contrast words), which keep their features though they are function words. */
export function ruleWords(rules: Pick<SentimentRules, "negators" | "boosters" | "dampeners" | "contrast">): ReadonlySet<string> {
  return new Set([...rules.negators, ...rules.boosters, ...rules.dampeners, ...rules.contrast]);
}

/** The word forms a model has word features for (`w=<form>`). */
function lowerFormsOf(model: NewsToneModel): Set<string> {
  const forms = new Set<string>();
  for (const feature of Object.keys(model.features)) if (feature.startsWith("w=")) forms.add(feature.slice(2));
  return forms;
}

/** The scorer of a model file (news-tone-scorer.ts), reading words with the Dutch lexicon and the sentiment rules' own words. */
export function newsToneScorer(model: NewsToneModel, lexicon: SentimentLexicon, rules: SentimentRules): NewsToneScorer {
  // Without names, the forms the fitting headlines wrote in lower case are the word features the model has.
  return compileNewsToneScorer(model, lexicon, ruleWords(rules), model.design.names ? undefined : lowerFormsOf(model));
}

/** A sentence's tone score with its word contributions and the model's baseline, and its class (−1, 0, +1). */
export interface NewsSentenceScore extends SentenceScore {
  readonly class: -1 | 0 | 1;
  /** The share of the class constants (the model's lean before any word is read); the words and it sum to the score. */
  readonly baseline: number;
}

/**
 * Scores one Dutch news sentence with the fitted model, explainably. The model gives three class scores
 * (negative, neutral, positive), each a constant plus a sum over the sentence's TF-IDF features; the class is
 * the highest. The tone score is the model's expected tone, P₊ − P₋ of the class probabilities (softmax of
 * the class scores): in −1..1, near 0 when the model is unsure or sure of neutral. Its explanation: the
 * positive minus the negative class score, d = z₊ − z₋, is the constants' difference (the baseline) plus a
 * sum over words, since every feature belongs to one word (a pair half to each); a word's part of d is the
 * sum over its features of (w₊ − w₋) × its part. P₊ − P₋ has the sign of d, so every part is scaled by the
 * same factor (P₊ − P₋) / d ≥ 0 (signs kept), rounded to 6 decimals; the score is P₊ − P₋ rounded, and the
 * baseline takes what the words' rounding leaves, so the words and the baseline sum to the score exactly.
 * @example scoreNewsSentence(tokensOf("Banen verdwijnen bij bank"), scorer).class // -1 with the bundled model
 */
export function scoreNewsSentence(tokens: readonly Token[], scorer: NewsToneScorer, from = 0, to = tokens.length): NewsSentenceScore {
  const parts = scorer(tokens, from, to);
  const classScores = [parts.negative, parts.neutral, parts.positive];
  let best = 0;
  for (let k = 1; k < 3; k++) if (classScores[k]! > classScores[best]!) best = k;
  const { tone, scale } = expectedTone(classScores);
  const score = round6(tone);
  const contributions: Contribution[] = [];
  let wordSum = 0;
  for (let w = 0; w < parts.words; w++) {
    const value = round6(parts.wordValue[w]! * scale);
    if (value === 0) continue;
    const token = tokens[parts.wordToken[w]!]!;
    contributions.push({ start: token.start, end: token.end, value });
    wordSum += value;
  }
  return { score, contributions, class: (best - 1) as -1 | 0 | 1, baseline: round6(score - wordSum) };
}

/**
 * The expected tone P₊ − P₋ of three class scores (negative, neutral, positive; softmax probabilities), and
 * the factor that turns d = z₊ − z₋ into it: (P₊ − P₋) / d, which is ≥ 0 since P₊ − P₋ = (e^z₊ − e^z₋) / Σ
 * has the sign of d. At d = 0 the factor is its limit, e^m / Σ with m = (z₊ + z₋) / 2 (from P₊ − P₋ =
 * 2 e^m sinh(d/2) / Σ).
 * @example expectedTone([0, 0, Math.log(2)]) // { tone: 0.25, scale: 0.25 / Math.log(2) }
 */
export function expectedTone(classScores: readonly number[]): { readonly tone: number; readonly scale: number } {
  const [negative, neutral, positive] = classScores as readonly [number, number, number];
  // Shifted by the highest score, so no exponential overflows.
  const top = Math.max(negative, neutral, positive);
  const total = Math.exp(negative - top) + Math.exp(neutral - top) + Math.exp(positive - top);
  const d = positive - negative;
  const tone = (Math.exp(positive - top) - Math.exp(negative - top)) / total;
  return { tone, scale: d === 0 ? Math.exp((positive + negative) / 2 - top) / total : tone / d };
}
