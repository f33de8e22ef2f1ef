import { z } from "zod";
import { buildStampSchema } from "./output-parts.ts";
import {
  articleRowsFileSchema,
  articleTextSchema,
  indexManifestSchema,
  indexPageSchema,
  filterShardSchema,
  publicArticlesFileSchema,
  publicArticlesPageSchema,
} from "./corpus-outputs.ts";
import { searchManifestSchema, searchChunkSchema, searchFrequencySchema, searchShardSchema } from "./search-outputs.ts";
import { concordancePageSchema } from "./concordance-outputs.ts";
import { codebooksFileSchema } from "./codebook-outputs.ts";
import {
  comparisonFileSchema,
  keynessListFileSchema,
  keynessManifestSchema,
  toneFileSchema,
  voiceListPageSchema,
  voicesFileSchema,
} from "./comparison-outputs.ts";
import {
  codingFrameFileSchema,
  codingIndexSchema,
  exercisesFileSchema,
  handCheckFileSchema,
  sentimentValidationFileSchema,
} from "./check-outputs.ts";
import { categoryAcrossSchema, coOccurrenceSchema, outletProfileSchema, outletsManifestSchema } from "./outlet-outputs.ts";

/**
 * The files the site publishes besides the per-article records (src/data/corpus.zip.ts, built by
 * data-loaders/publish/publish-corpus.ts), as strict zod schemas: the one definition of each. Types are
 * inferred from them; the JSON Schemas and the data dictionary are generated from them; a test holds every
 * published file to its schema. The schemas live by family (output-parts.ts, corpus-outputs.ts, search-outputs.ts,
 * concordance-outputs.ts, codebook-outputs.ts, comparison-outputs.ts, check-outputs.ts, outlet-outputs.ts); this file names them
 * all and lists which file each published path holds.
 */
export * from "./output-parts.ts";
export * from "./corpus-outputs.ts";
export * from "./search-outputs.ts";
export * from "./concordance-outputs.ts";
export * from "./codebook-outputs.ts";
export * from "./comparison-outputs.ts";
export * from "./check-outputs.ts";

/**
 * Every file the site publishes besides the records, by name: the ones pages load with FileAttachment
 * (the corpus-wide figures), then, by pattern, the ones a page fetches when it shows an article or a page
 * of a long list (scripts/build.ts writes these into the built site; see src/components/site-data.ts).
 */
export const SITE_OUTPUTS = {
  "index.json": indexManifestSchema,
  "codebooks.json": codebooksFileSchema,
  "frames.json": comparisonFileSchema,
  "devices.json": comparisonFileSchema,
  "hand-check.json": handCheckFileSchema,
  "sentiment-validation.json": sentimentValidationFileSchema,
  "tone.json": toneFileSchema,
  "voices.json": voicesFileSchema,
  "search.json": searchManifestSchema,
  "keyness.json": keynessManifestSchema,
  "coding.json": codingIndexSchema,
  "exercises.json": exercisesFileSchema,
  "outlets.json": z.object({ build: buildStampSchema }).extend(outletsManifestSchema.shape).strict(),
  "cooccurrence.json": z.object({ build: buildStampSchema }).extend(coOccurrenceSchema.shape).strict(),
} as const;

/** The files fetched on demand, by pattern (the record, articles/<id>.json, is the record schema). */
export const FETCHED_OUTPUTS = {
  "index/<page>.json": { name: "index-page", pattern: /^index\/\d+\.json$/, schema: indexPageSchema },
  "filter/<k>.json": { name: "filter-shard", pattern: /^filter\/\d+\.json$/, schema: filterShardSchema },
  "rows/<id>.json": { name: "article-rows", pattern: /^rows\/[^/]+\.json$/, schema: articleRowsFileSchema },
  "concordance/<kind>/<category>/<page>.json": {
    name: "concordance-page",
    pattern: /^concordance\/(frames|devices)\/[a-z][a-z0-9-]*\/\d+\.json$/,
    schema: concordancePageSchema,
  },
  "voices/<list>/<page>.json": { name: "voice-list-page", pattern: /^voices\/(faceless|framed)\/\d+\.json$/, schema: voiceListPageSchema },
  "search/<shard>.json": { name: "search-shard", pattern: /^search\/[a-z0-9_]+\.json$/, schema: searchShardSchema },
  "search/f/<k>.json": { name: "search-frequencies", pattern: /^search\/f\/\d+\.json$/, schema: searchFrequencySchema },
  "search/c/<j>_<k>.json": { name: "search-chunk", pattern: /^search\/c\/\d+_\d+\.json$/, schema: searchChunkSchema },
  "text/<id>.json": { name: "article-text", pattern: /^text\/[^/]+\.json$/, schema: articleTextSchema },
  "keyness/<list>.json": {
    name: "keyness-list",
    pattern: /^keyness\/(corpus-(en|nl)|[a-z]+\/\d+)\.json$/,
    schema: keynessListFileSchema,
  },
  "public/articles.json": { name: "public-articles", pattern: /^public\/articles\.json$/, schema: publicArticlesFileSchema },
  "public/articles/<page>.json": {
    name: "public-articles-page",
    pattern: /^public\/articles\/\d+\.json$/,
    schema: publicArticlesPageSchema,
  },
  "coding/<task>.json": {
    name: "coding-frame",
    pattern: /^coding\/(tone|speaker|(frame|device)\/[a-z][a-z0-9-]*)\.json$/,
    schema: codingFrameFileSchema,
  },
  "outlets/<k>.json": {
    name: "outlet-profile",
    pattern: /^outlets\/\d+\.json$/,
    schema: z.object({ build: buildStampSchema }).extend(outletProfileSchema.shape).strict(),
  },
  "outlets/<kind>/<category>.json": {
    name: "category-across-outlets",
    pattern: /^outlets\/(frames|devices)\/[a-z][a-z0-9-]*\.json$/,
    schema: z.object({ build: buildStampSchema }).extend(categoryAcrossSchema.shape).strict(),
  },
} as const;
