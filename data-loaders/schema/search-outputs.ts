// The full-text search index the site publishes (see site-outputs.ts): its manifest, the word frequencies,
// the shards of postings and a split word's chunks (written by data-loaders/publish/search-index.ts).
import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.ts";
import { buildStampSchema, count } from "./output-parts.ts";

/** search.json: what the full-text index holds and which shards exist (a page fetches only those). */
export const searchManifestSchema = z
  .object({
    build: buildStampSchema,
    format: z
      .literal(2)
      .describe("the index's format: 2 since a word's postings past about 64 KB are split by article into chunks (search/c/<j>_<k>.json)"),
    words: count.describe("words indexed: every word of every heading and paragraph sentence"),
    types: count.describe("distinct words (folded: lower case, without diacritics)"),
    shards: z.array(z.string()).describe("the shards' names (numbers from 0), in the order of their words"),
    firstWords: z
      .array(z.string())
      .describe("each shard's first word: a word's postings are in the last shard whose first word is not after it (code-unit order)"),
    frequencyFirstWords: z
      .array(z.string())
      .describe(
        "the first word of each shard of word frequencies, search/f/<k>.json (k from 0): a word's count is in the last whose first word is not after it",
      ),
  })
  .strict();

/** search/f/<k>.json: every word's occurrences in the corpus, in code-unit order, about 4 KB a shard (for the collocates' corpus counts). */
export const searchFrequencySchema = z
  .object({
    build: buildStampSchema,
    words: z.array(z.tuple([z.string(), count])).describe("[word, its occurrences in open and closed articles], words in code-unit order"),
  })
  .strict();

/** A split word's header in its shard: its chunks (search/c/<id>_<k>.json) and what each holds. */
export const searchChunkHeadSchema = z
  .object({
    id: count.describe("the split word's number j: its chunks are search/c/<j>_<k>.json, k from 0"),
    occurrences: count.describe("the word's occurrences in the corpus, open and closed articles"),
    chunks: z
      .array(z.tuple([count, count, count, count, count]))
      .describe(
        "per chunk k, in article order: [its first article's position in the corpus index, the articles it holds, their occurrences with a sentence and position (keyword-in-context lines), the closed articles it holds (counts only), its postings' bytes as JSON]",
      ),
  })
  .strict();

/** search/<shard>.json: the postings of a run of words in code-unit order, cut at about 64 KB (search-index.ts SHARD_BYTES). */
export const searchShardSchema = z
  .object({
    build: buildStampSchema,
    shard: z.string(),
    words: z
      .array(z.tuple([z.string(), z.union([z.array(z.number().int()), searchChunkHeadSchema])]))
      .describe(
        "[word, postings], words in code-unit order; postings: for each article having the word, its position in the corpus index (index.json, id order) minus the previous one's, the number of occurrences n, then n pairs of sentence index and word position in the sentence; for an article a public build does not publish the text of, −n and no pairs. A word whose postings pass about 64 KB has a header instead (its chunks)",
      ),
  })
  .strict();

/** search/c/<j>_<k>.json: chunk k of the j-th split word's postings, in article order (search-index.ts chunkPostings). */
export const searchChunkSchema = z
  .object({
    build: buildStampSchema,
    word: z.string(),
    chunk: count,
    postings: z
      .array(z.number().int())
      .describe(
        "as a shard's postings, for the chunk's articles; the first article's difference is from 0 (its position in the corpus index)",
      ),
  })
  .strict();

export type SearchShard = DeepReadonly<Omit<z.infer<typeof searchShardSchema>, "build">>;
export type SearchFrequencies = DeepReadonly<Omit<z.infer<typeof searchFrequencySchema>, "build">>;
export type SearchChunk = DeepReadonly<Omit<z.infer<typeof searchChunkSchema>, "build">>;
export type SearchChunkHead = DeepReadonly<z.infer<typeof searchChunkHeadSchema>>;
export type SearchManifest = DeepReadonly<Omit<z.infer<typeof searchManifestSchema>, "build">>;
