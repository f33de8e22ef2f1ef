// What the site publishes to check the analysis and to teach with it (see site-outputs.ts): the hand
// check, the sentiment validation, the coding sheets and the exercises.
import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.ts";
import { attributionKindSchema, languageSchema, quotationKindSchema } from "./enums.ts";
import { buildStampSchema, count, index, ratio } from "./output-parts.ts";
import { corpusStampSchema } from "./corpus-outputs.ts";

/** The pipeline's attributions against a hand-coded sample. */
export const attributionComparisonSchema = z
  .object({
    coded: count.describe("hand-coded attributions"),
    found: count.describe("coded attributions the pipeline found at all (recall of detection)"),
    detected: count.describe("pipeline attributions in the coded articles"),
    matched: count.describe("pipeline attributions that match a coded one (precision of detection)"),
    codedSpeakers: count,
    correctSpeakers: count,
    namedSpeakers: count,
    namedCorrect: count,
    detectionPrecision: ratio,
    detectionRecall: ratio,
    speakerPrecision: ratio,
    speakerRecall: ratio,
    kindAgreement: count.describe("matched attributions whose kind agrees with the coding"),
    rows: z.array(
      z
        .object({
          article: z.string(),
          text: z.string(),
          coded: z.object({ speaker: z.string().nullable(), kind: attributionKindSchema }).strict().nullable(),
          found: z.object({ speaker: z.string().nullable(), kind: attributionKindSchema, cue: z.string().nullable() }).strict().nullable(),
          note: z.string().nullable(),
        })
        .strict(),
    ),
  })
  .strict();

const checkedCount = z.object({ article: z.string(), checked: count, found: count });

/** hand-check.json: the pipeline's output against the seed hand check (development data). */
export const handCheckFileSchema = z
  .object({
    build: buildStampSchema,
    checkedOn: z.string(),
    codebooks: z
      .object({ framing: z.string(), devices: z.string(), speechCues: z.string() })
      .strict()
      .describe("codebook versions the hand check was made with"),
    frames: z.array(checkedCount.extend({ frame: z.string() }).strict()),
    hegemonForms: z.array(checkedCount.extend({ form: z.string() }).strict()),
    scareQuotes: z
      .object({
        judged: count,
        detected: count,
        truePositives: count,
        precision: ratio,
        recall: ratio,
        disagreements: z.array(
          z
            .object({
              article: z.string(),
              text: z.string(),
              judged: z.string(),
              detected: z.union([quotationKindSchema, z.literal("not found")]),
              note: z.string().nullable(),
            })
            .strict(),
        ),
      })
      .strict(),
    attributions: attributionComparisonSchema,
    missing: z.array(z.string()).describe("articles of the hand check that are not in the corpus analysed"),
  })
  .strict();

const withInterval = z
  .object({ value: z.number(), low: z.number(), high: z.number() })
  .strict()
  .describe("the figure and its 95% bootstrap interval over items");

/** One part of an externally labelled set with its figures. */
export const externalRowSchema = z
  .object({
    dataset: z.string(),
    part: z
      .enum(["development", "kept-back"])
      .describe("development items were looked at while writing rules and fitting; kept-back items never"),
    items: count,
    figures: z.record(z.string(), withInterval),
  })
  .strict();

/** sentiment-validation.json: the sentiment scorer's measured accuracy, as `npm run validate -- --write` saved it. */
export const sentimentValidationFileSchema = z
  .object({
    build: buildStampSchema,
    rules: z.string(),
    lexicons: z.record(languageSchema, z.string()),
    newsToneModel: z
      .object({
        name: z.string().describe("id and version of corpus/models/dutch-news-tone.json"),
        crossValidated: z
          .object({ accuracy: z.number(), macroF1: z.number() })
          .strict()
          .describe("3-class accuracy and macro-F1 out of fold, five folds inside ecosent's development part"),
      })
      .strict()
      .nullable()
      .describe("the model Dutch news is scored with; null without one"),
    results: z.array(
      z
        .object({ dataset: z.string(), language: languageSchema, n: count })
        .catchall(z.number())
        .describe("one dataset's figures (Pearson r, accuracy, macro-F1 …)"),
    ),
    external: z
      .object({ tone: z.array(externalRowSchema), attribution: z.array(externalRowSchema) })
      .strict()
      .describe("news tone (ecosent) and attribution (PolNeAR) on their development and kept-back parts"),
  })
  .strict();

const code = z
  .union([z.number().int().min(-1).max(1), z.string().min(1)])
  .describe("a code: 1/0 present/absent, -1/0/1 tone, or a speaker");
const codingTaskSchema = z
  .object({
    id: z.string().describe('"frame:<id>", "device:<id>", "tone" or "speaker"'),
    kind: z.enum(["frame", "device", "tone", "speaker"]),
    category: z.string().nullable().describe("the codebook entry of a frame or device task"),
    label: z.string(),
    file: z.string().describe("its sampling frame, fetched: coding/<kind>/<category>.json or coding/<kind>.json"),
  })
  .strict();

/** coding.json: the coding tasks and how the corpus's units (heading and paragraph sentences) are numbered. */
export const codingIndexSchema = z
  .object({
    build: buildStampSchema,
    corpus: corpusStampSchema,
    units: count.describe("heading and paragraph sentences in the corpus: the units a sample is drawn from"),
    firstUnits: z
      .array(count)
      .describe(
        "each article's first unit number, in the corpus index's order (index.json, id order); an article's units are its text/<id>.json sentences in order",
      ),
    toneBounds: z
      .object({
        en: z.object({ negative: z.number(), positive: z.number() }).strict(),
        nl: z.object({ negative: z.number(), positive: z.number() }).strict(),
      })
      .strict()
      .describe(
        "the sentence tone scores above which the lexicon path codes +1 and below which -1, per language (Dutch news sentences take the news-tone model's class)",
      ),
    tasks: z.array(codingTaskSchema),
  })
  .strict();

/** coding/<kind>[/<category>].json: one task's sampling frame, the units the pipeline coded, by code. */
export const codingFrameFileSchema = z
  .object({
    build: buildStampSchema,
    task: z.string(),
    units: count,
    coded: z
      .array(z.tuple([code, z.array(count)]))
      .describe(
        "[code, units]: for each code but the task's default (absent, neutral, none), the units the pipeline gave it, as the first unit number then differences",
      ),
  })
  .strict();

const exerciseItemSchema = z
  .object({
    task: z.string(),
    article: z.string(),
    sentence: index,
    text: z.string().describe("the sentence as the reader shows it"),
    before: z.string().nullable().describe("the heading or paragraph sentence before it, for context"),
    after: z.string().nullable(),
    answer: code.describe("the teacher's answer"),
    explanation: z.string().nullable(),
    pipeline: code.describe("the pipeline's code of the sentence"),
    quoted: z
      .literal(true)
      .optional()
      .describe("public builds only: a sentence of a closed article, quoted under its set's exception (without context)"),
  })
  .strict();

/** exercises.json: teachers' exercise sets (corpus/exercises/*.yaml), their sentences resolved in the corpus. */
export const exercisesFileSchema = z
  .object({
    build: buildStampSchema,
    sets: z.array(
      z
        .object({
          id: z.string(),
          title: z.string(),
          version: z.string(),
          author: z.string(),
          licence: z.string(),
          exception: z.string().optional().describe("the stated exception under which items marked quotable quote closed articles"),
          file: z.string().describe("the exercise file, relative to its folder"),
          sha256: z.string().regex(/^[0-9a-f]{64}$/),
          instructions: z.string(),
          items: z.array(exerciseItemSchema),
        })
        .strict(),
    ),
  })
  .strict();

export type SentimentValidationFile = DeepReadonly<z.infer<typeof sentimentValidationFileSchema>>;
export type CodingIndex = DeepReadonly<z.infer<typeof codingIndexSchema>>;
export type CodingFrameFile = DeepReadonly<z.infer<typeof codingFrameFileSchema>>;
export type ExercisesFile = DeepReadonly<z.infer<typeof exercisesFileSchema>>;
export type ExerciseSet = ExercisesFile["sets"][number];
export type AttributionComparison = DeepReadonly<z.infer<typeof attributionComparisonSchema>>;
export type HandCheckComparison = DeepReadonly<Omit<z.infer<typeof handCheckFileSchema>, "build">>;
