import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.ts";
import { voiceTypeSchema } from "./enums.ts";

/**
 * What the outlet profiles and frames together publish (data-loaders/compare/outlet-profiles.ts and
 * co-occurrence.ts), without the build stamp that site-outputs.ts adds to each file: outlets.json,
 * outlets/<k>.json, outlets/<kind>/<category>.json and cooccurrence.json.
 */

const count = z.number().int().min(0);
const index = z.number().int().min(0);

/** A pooled tone mean and the sentences it is over. */
export const toneMeanSchema = z
  .object({
    sentences: count.describe("paragraph sentences the mean is over"),
    mean: z
      .number()
      .min(-1)
      .max(1)
      .nullable()
      .describe("tone mean over them (Σ weighted scores / Σ weights, negative sentences weighted as in article tone); null for none"),
    low: z
      .number()
      .min(-1)
      .max(1)
      .nullable()
      .describe(
        "lower limit of its 95% percentile bootstrap interval over the outlet's articles; null when its sentences come from fewer than 2 articles",
      ),
    high: z.number().min(-1).max(1).nullable().describe("upper limit of that interval"),
  })
  .strict();

const voiceSchema = z.enum(["own", "direct", "scare"]);

/** One frame or device in one outlet. */
export const outletCategorySchema = z
  .object({
    kind: z.enum(["frame", "device"]),
    category: z.string().describe("codebook entry id"),
    count: count.describe("occurrences in the outlet's articles"),
    own: count.describe("occurrences in the author's own words"),
    direct: count.describe("occurrences inside a direct quotation"),
    scare: count.describe("occurrences inside scare quotes"),
    carrying: toneMeanSchema.describe("tone of the outlet's paragraph sentences that carry it"),
    other: toneMeanSchema.describe("tone of the outlet's other paragraph sentences"),
    speakers: z
      .array(z.object({ speaker: z.string(), count }).strict())
      .describe("speakers of the attributions its occurrences stand in, most first (five)"),
    sentences: z
      .array(z.tuple([z.string(), index, voiceSchema]))
      .describe("occurrences to read, as [article id, sentence index, voice], in article and text order"),
    moreSentences: count.describe("occurrences not listed in `sentences`"),
  })
  .strict();

const rate = z.number().min(0);
const bound = z.number().nullable();
/** One frame or device in the rest of the corpus, against one outlet. */
export const restRateSchema = z
  .object({
    kind: z.enum(["frames", "devices"]),
    category: z.string().describe("codebook entry id"),
    count: count.describe("occurrences in the rest of the corpus (every other outlet's articles)"),
    words: count.describe("counted words in the rest of the corpus"),
    rate: rate.describe("the rest's pooled rate per 1,000 words"),
    low: bound.describe(
      "lower limit of its 95% bootstrap interval (the drawn articles outside the outlet in resamples of the whole corpus); null for fewer than 2 articles",
    ),
    high: bound.describe("upper limit"),
    difference: z.number().describe("the outlet's pooled rate minus the rest's"),
    differenceLow: bound.describe(
      "lower limit of the difference's 95% bootstrap interval, from the same resamples; null when the outlet has one article",
    ),
    differenceHigh: bound.describe("upper limit"),
  })
  .strict();

/** outlets/<k>.json without its build stamp: one outlet's profile. */
export const outletProfileSchema = z
  .object({
    source: z.string().describe("the outlet as the outlet grouping names it (declared, else found in the text and labelled)"),
    articles: z.array(z.string()).describe("its article ids, in id order"),
    published: z
      .tuple([z.string(), z.string()])
      .nullable()
      .describe(
        "its first and last publication dates as declared (code-unit order, so a year sorts before its months); null when none is dated",
      ),
    words: count,
    tone: z
      .object({ own: toneMeanSchema, quoted: toneMeanSchema })
      .strict()
      .describe("tone of its paragraph sentences in the author's own voice and inside a direct quotation"),
    voiceTypes: z.array(z.object({ type: voiceTypeSchema, count }).strict()).describe("its attributions by speaker type, most first"),
    speakers: z
      .array(
        z
          .object({
            speaker: z.string(),
            type: voiceTypeSchema,
            count: count.describe("attributions"),
            articles: count,
            first: z.tuple([z.string(), index]).describe("where first quoted: [article id, sentence index]"),
          })
          .strict(),
      )
      .describe("the most-quoted speakers (25), most first"),
    categories: z.array(outletCategorySchema).describe("frames and devices it uses, by kind then id"),
    rest: z
      .array(restRateSchema)
      .describe("every frame and device the corpus uses, in the rest of the corpus and the outlet's difference from it, by kind then id"),
    months: z
      .array(
        z
          .object({
            month: z.string(),
            articles: count,
            words: count,
            frames: z.record(z.string(), count),
            devices: z.record(z.string(), count),
          })
          .strict(),
      )
      .describe("articles, words and counts per month of publication (articles dated at least to the month)"),
  })
  .strict();

/** outlets.json without its build stamp: which outlets have a profile, and which category files there are. */
export const outletsManifestSchema = z
  .object({
    outlets: z
      .array(
        z
          .object({ source: z.string(), file: index.describe("its profile is outlets/<file>.json"), articles: count, words: count })
          .strict(),
      )
      .describe("every outlet, in code-unit order of `source`"),
    categories: z
      .array(z.object({ kind: z.enum(["frames", "devices"]), category: z.string(), outlets: count }).strict())
      .describe("each frame and device with a file outlets/<kind>/<category>.json, and how many outlets use it"),
  })
  .strict();

/** outlets/<kind>/<category>.json without its build stamp: one frame or device across outlets. */
export const categoryAcrossSchema = z
  .object({
    kind: z.enum(["frames", "devices"]),
    category: z.string(),
    outlets: z
      .array(
        outletCategorySchema
          .extend({
            source: z.string(),
            months: z
              .array(z.tuple([z.string(), count, count, count]))
              .describe("the outlet's months of publication as [month, articles, words, occurrences], months in order"),
          })
          .strict(),
      )
      .describe("each outlet that uses it (20 sentences listed each)"),
  })
  .strict();

const logOddsRatio = z.number().nullable();
/** A pair's association in one kind of unit. */
const associationSchema = z
  .object({
    both: count.describe("units with both"),
    logOddsRatio: logOddsRatio.describe("natural log of the conditional maximum-likelihood odds ratio; null when it is 0 or infinite"),
    low: logOddsRatio.describe("lower limit of its exact 95% interval (Cornfield, as R's fisher.test), log scale; null for 0"),
    high: logOddsRatio.describe("upper limit, log scale; null for infinity"),
  })
  .strict();

/** cooccurrence.json without its build stamp: frames and devices together, within sentences and articles. */
export const coOccurrenceSchema = z
  .object({
    units: z.object({ sentences: count, articles: count }).strict().describe("the sentences and articles of the corpus"),
    categories: z
      .array(z.object({ key: z.string().describe('"frame/<id>" or "device/<id>"'), sentences: count, articles: count }).strict())
      .describe("each frame and device used, with the sentences and articles that have it"),
    pairs: z
      .array(
        z
          .object({
            a: z.string(),
            b: z.string(),
            sentences: associationSchema.describe("within sentences"),
            articles: associationSchema.describe("within articles"),
            listed: z.array(z.tuple([z.string(), index])).describe("the first 20 sentences with both, as [article id, sentence index]"),
            moreSentences: count,
          })
          .strict(),
      )
      .describe("every pair that shares an article, in code-unit order of a then b"),
  })
  .strict();

export type CoOccurrence = DeepReadonly<z.infer<typeof coOccurrenceSchema>>;
export type ToneMean = DeepReadonly<z.infer<typeof toneMeanSchema>>;
export type OutletCategory = DeepReadonly<z.infer<typeof outletCategorySchema>>;
export type OutletProfile = DeepReadonly<z.infer<typeof outletProfileSchema>>;
export type RestRate = DeepReadonly<z.infer<typeof restRateSchema>>;
export type CategoryAcross = DeepReadonly<z.infer<typeof categoryAcrossSchema>>;
