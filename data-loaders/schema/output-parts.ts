// The pieces every published file shares (data-loaders/schema/site-outputs.ts): counts, tones and ratios, the
// build stamp every file carries, and the shape of a list published in pages.
import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.ts";
import { licenceSchema } from "./enums.ts";
import { analysisStampSchema, codebookStampsSchema } from "./record.ts";

export const count = z.number().int().min(0);
export const index = z.number().int().min(0);
const tone = z.number().min(-1).max(1);
export const nullableTone = tone.nullable();

/** Which build made a published file: the analysis stamp and the codebooks, as in every record. */
/** A public build's policy (data-loaders/publish/public-build.ts), in every file's stamp; absent in the full build. */
export const publicPolicySchema = z
  .object({
    defaultLicence: licenceSchema.describe("the licence of an article that states none (LICENCE)"),
    snippetWords: count.describe("words of context a keyword-in-context line of a closed article keeps on either side (SNIPPET_WORDS)"),
  })
  .strict();

export const buildStampSchema = z
  .object({ analysis: analysisStampSchema, codebooks: codebookStampsSchema, public: publicPolicySchema.optional() })
  .strict()
  .describe("the project's version, the analysis code's fingerprint and the codebook stamps this file was made with");

/** A column of few distinct values, stored once each: entry i is values[codes[i]]. */
export const codedColumn = <T extends z.ZodType>(schema: T) =>
  z.object({ values: z.array(schema).describe("the distinct values, in order of first appearance"), codes: z.array(index) }).strict();

/** A list published in pages of `pageSize` items, fetched one page at a time (`<prefix>/<page>.json`, from 0). */
export const pagedListSchema = z
  .object({ count, pages: count, pageSize: z.number().int().min(1) })
  .strict()
  .describe("a list published in pages: count items in `pages` files of at most pageSize items, numbered from 0");

export const labelled = z.object({ id: z.string(), label: z.string() }).strict();

export const ratio = z.number().min(0).max(1).nullable();
/**
 * The stamp of an article's own files (rows/, text/) in a public build: its policy, and the SHA-256 of the
 * build stamp in full, which every file the pages load carries (index.json's `build`), instead of a
 * copy of it in each of thousands of files.
 */
export const sharedStampSchema = z
  .object({
    public: publicPolicySchema,
    stamp: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe("SHA-256 of the JSON of the build stamp in full, as index.json's `build` is written"),
  })
  .strict()
  .describe("a public build's stamp of an article's own file: the policy, and the hash of the full stamp every page-loaded file carries");

/** An article's own file's stamp: the build stamp in full, or, in a public build, the shared one (sharedStampSchema). */
export const articleStampSchema = z.union([buildStampSchema, sharedStampSchema]);

export type BuildStamp = DeepReadonly<z.infer<typeof buildStampSchema>>;
export type PagedList = DeepReadonly<z.infer<typeof pagedListSchema>>;
