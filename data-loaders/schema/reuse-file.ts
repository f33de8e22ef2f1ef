import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.ts";
import { corpusStampSchema, buildStampSchema, SITE_OUTPUTS } from "./site-outputs.ts";

/**
 * reuse.json: who republishes whom (data-loaders/reuse/find-reuse.ts). Articles are listed once, only those
 * that share text with another; groups and pairs name them by their position in `articles`. Defined here,
 * not in site-outputs.ts: that file is part of the code that makes a record (through compare/hand-check.ts),
 * so adding to it would have changed every record's analysis stamp and emptied every record cache.
 */
const count = z.number().int().min(0);
const index = z.number().int().min(0);
const share = z.number().min(0).max(1);

export const reuseArticleSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    outlet: z.string().nullable().describe("the declared outlet, the publisher in the network; null when none"),
    published: z.string().nullable(),
    paragraphs: count.describe("its paragraphs (headings, boilerplate and origin lines are not compared)"),
  })
  .strict();

export const reusePairSchema = z
  .object({
    a: index,
    b: index.describe("a and b: positions in articles, a < b (id order)"),
    kind: z
      .enum(["copy", "partial"])
      .describe(
        "copy: the texts' shingle sets have a Jaccard index of at least copyJaccard; partial: fewer shared, but at least one paragraph matched",
      ),
    jaccard: share.describe("Jaccard index of the two texts' word shingles, rounded to 4 decimals"),
    passages: z
      .array(z.tuple([index, index]))
      .describe("matched paragraphs, each as [its first sentence in a, its first sentence in b] (the reader's #s-<index>), in a's order"),
  })
  .strict();

export const reuseFindingsSchema = z
  .object({
    method: z
      .object({
        shingleWords: count.describe("words per shingle (folded words, as the search index has them)"),
        signatureSize: count.describe("MinHash functions per signature"),
        bands: count.describe("LSH bands; rows per band = signatureSize / bands"),
        seed: count.describe("the fixed seed the MinHash functions are drawn from"),
        copyJaccard: share.describe("the least Jaccard index of two whole texts that makes them copies"),
        passageOverlap: share.describe("the least share of the smaller paragraph's shingles two paragraphs share to be one passage"),
        passageMinWords: count.describe("paragraphs (and texts) of fewer words are not compared"),
        maxBucket: count.describe("an LSH bucket of more articles is compared with its first article only"),
        maxListedGroups: count.describe("the most groups listed (the largest)"),
        maxListedPairs: count.describe("the most pairs listed (copies first, then by shared paragraphs)"),
      })
      .strict(),
    totals: z
      .object({
        articles: count.describe("articles sharing text with another"),
        groups: count,
        pairs: count.describe("verified pairs, copies and partial"),
        partial: count.describe("pairs of partial reuse"),
      })
      .strict()
      .describe("all that was found, listed or not"),
    articles: z.array(reuseArticleSchema).describe("the articles of the listed groups and pairs, in id order"),
    groups: z
      .array(
        z
          .object({
            members: z.array(index).describe("copies of one text (connected by copy pairs), ascending"),
            origin: index.nullable().describe("the likely origin: the one copy dated before every other dated copy"),
            originBasis: z
              .enum(["earliest-dated", "tied", "undated"])
              .describe("tied: no one copy is earliest; undated: no copy has a date"),
          })
          .strict(),
      )
      .describe("the largest maxListedGroups groups, by their first member"),
    pairs: z
      .array(reusePairSchema)
      .describe("at most maxListedPairs verified pairs (copies first, then those sharing most paragraphs), by a then b"),
    network: z
      .array(
        z
          .object({
            republisher: z.string(),
            source: z.string(),
            copies: count.describe("the republisher's copies of texts whose likely origin is at source"),
            partial: count.describe("the republisher's texts reusing paragraphs of an earlier text at source"),
          })
          .strict(),
      )
      .describe(
        "outlet to outlet over all pairs, listed or not, by republisher then source; an outlet's reuse of its own texts is left out",
      ),
    crowded: count.describe("LSH buckets compared as a star because they held more than maxBucket articles"),
  })
  .strict();

export type ReuseFindings = DeepReadonly<z.infer<typeof reuseFindingsSchema>>;

/** reuse.json as published: the build stamp, the corpus (for the downloads), then the findings. */
export const reuseFileSchema = z.object({ build: buildStampSchema, corpus: corpusStampSchema }).extend(reuseFindingsSchema.shape).strict();

/** Every file pages load with FileAttachment, by name: SITE_OUTPUTS and reuse.json. */
export const LOADED_OUTPUTS = { ...SITE_OUTPUTS, "reuse.json": reuseFileSchema } as const;
