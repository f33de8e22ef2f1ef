// What the site publishes about the corpus and its articles (see site-outputs.ts): the corpus index, an
// article's text and rows, and the public build's article list (the search index is in search-outputs.ts,
// the concordance pages in concordance-outputs.ts).
import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.ts";
import {
  blockKindSchema,
  languageSchema,
  languageSourceSchema,
  licenceSchema,
  provenanceKindSchema,
  sourceBasisSchema,
  titleSourceSchema,
} from "./enums.ts";
import { articleStampSchema, buildStampSchema, codedColumn, count, index, nullableTone, publicPolicySchema } from "./output-parts.ts";
import { actorToneRowSchema, voiceRowSchema } from "./comparison-outputs.ts";

/** One row of the corpus overview: everything a table needs, nothing it does not. */
export const articleSummarySchema = z
  .object({
    id: z.string(),
    title: z.string(),
    titleSource: titleSourceSchema,
    language: languageSchema,
    languageSource: languageSourceSchema,
    words: count,
    sentences: count,
    blocks: z
      .object(
        Object.fromEntries(blockKindSchema.options.map((kind) => [kind, count])) as Record<z.infer<typeof blockKindSchema>, typeof count>,
      )
      .strict()
      .describe("blocks by kind"),
    provenanceKind: provenanceKindSchema.describe("the strongest statement of origin the text makes"),
    provenance: z.string().describe("everything the text states about its origin, as a label"),
    outlet: z.string().nullable(),
    sourceName: z
      .string()
      .nullable()
      .describe("the declared outlet, else the outlets of the text's origin line or summary, else its credited author; null when none"),
    sourceBasis: sourceBasisSchema.describe("where sourceName comes from: declared in the metadata, or which statement in the text"),
    author: z.string().nullable(),
    published: z.string().nullable(),
    source: z.string(),
    frames: z.record(z.string(), count).describe("framing markers per frame id, counted from the record's markers"),
    devices: z.record(z.string(), count).describe("rhetorical devices per device id, counted from the record's devices"),
    tone: nullableTone.describe("article tone over paragraph sentences; null without sentences"),
    ownVoiceTone: nullableTone.describe("the same in the author's own voice (direct quotations left out)"),
    inGroupTone: nullableTone,
    outGroupTone: nullableTone,
    toneGap: z.number().min(-2).max(2).nullable().describe("in-group minus out-group tone"),
  })
  .strict();

/** Which corpus the site was built from, named in every download. */
export const corpusStampSchema = z
  .object({
    articles: count,
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe(
        "SHA-256 over every article's input hash (of its id, metadata and text), in id order: the same corpus gives the same value whatever analysed it",
      ),
  })
  .strict()
  .describe("which corpus the site was built from, named in every download");

/**
 * index.json: what every page knows of the corpus without fetching its index: how many articles, how the
 * index is cut into pages (index/<page>.json, `pageSize` articles each in id order, with each page's first
 * id for a binary search by id), and the corpus-wide counts the overview and the filters show. Its size
 * grows with the number of pages and of distinct languages, sources and provenance kinds, not of articles.
 */
const summaryShape = articleSummarySchema.shape;
export const indexManifestSchema = z
  .object({
    build: buildStampSchema,
    corpus: corpusStampSchema,
    count: count.describe("number of articles in the corpus"),
    words: count.describe("words in headings and paragraphs, over every article"),
    pageSize: z.number().int().min(1).describe("articles per index page (the last may hold fewer)"),
    firstIds: z.array(summaryShape.id).describe("each index page's first article id, in code-unit order: page k is index/<k>.json"),
    languages: z
      .array(z.object({ language: summaryShape.language, articles: count, words: count }).strict())
      .describe("articles and words by language, in code-unit order of the language"),
    provenance: z
      .array(z.object({ provenanceKind: summaryShape.provenanceKind, articles: count }).strict())
      .describe("articles by the provenance kind their text states, most articles first, then by kind"),
    sources: z
      .array(z.object({ sourceName: summaryShape.sourceName, sourceBasis: summaryShape.sourceBasis, articles: count }).strict())
      .describe("articles by source (name and where it was found), in code-unit order of name then basis (no name first)"),
    dated: z
      .object({ year: count.describe("articles with a published date"), month: count.describe("of them, dated to the month or day") })
      .strict(),
    filter: z
      .object({
        firstKeys: z
          .array(z.string())
          .describe(
            "each filter shard's first key: a key's positions are in filter/<k>.json, k the last shard whose first key is not after it",
          ),
        bytes: z
          .array(count)
          .describe("each filter shard's size as counted when cut (about 64 KB), so a page knows a filter's download before it makes it"),
      })
      .strict()
      .describe("the article filter's index (filter/<k>.json): which articles have each word of their listed fields and each facet"),
  })
  .strict();

/**
 * filter/<k>.json: a run of the article filter's keys in code-unit order (publish/filter-index.ts): the folded
 * words of an article's id, title, source, outlet, author, date, provenance and language, and its facets
 * ("\u0001language:en", "\u0001source:<name>\u0000<basis>" or "\u0001source:" for none, "\u0001frame:<id>",
 * "\u0001published:<date>"), each with the positions of the articles that have it.
 */
export const filterShardSchema = z
  .object({
    build: buildStampSchema,
    shard: index,
    keys: z
      .array(z.tuple([z.string(), z.array(z.number().int().min(0))]))
      .describe(
        "[key, positions]: the articles' positions in the corpus index (id order) as differences: the first, then each minus the one before",
      ),
  })
  .strict();

/**
 * index/<page>.json: one page of the corpus index (pageSize articles of index.json, in id order), stored
 * by column (entry i of every column is article first + i; columns of few distinct values as values and
 * codes). Everything else about an article is in rows/<id>.json and articles/<id>.json, fetched when a
 * page shows that article.
 */
export const indexPageSchema = z
  .object({
    build: buildStampSchema,
    page: index,
    first: index.describe("the position in the corpus (id order) of the page's first article"),
    count: count.describe("number of articles on this page: the length of every column"),
    columns: z
      .object({
        id: z.array(summaryShape.id),
        title: z.array(summaryShape.title),
        words: z.array(summaryShape.words),
        sentences: z.array(summaryShape.sentences),
        titleSource: codedColumn(summaryShape.titleSource),
        language: codedColumn(summaryShape.language),
        languageSource: codedColumn(summaryShape.languageSource),
        provenanceKind: codedColumn(summaryShape.provenanceKind),
        provenance: codedColumn(summaryShape.provenance),
        outlet: codedColumn(summaryShape.outlet),
        sourceName: codedColumn(summaryShape.sourceName),
        sourceBasis: codedColumn(summaryShape.sourceBasis),
        author: codedColumn(summaryShape.author),
        published: codedColumn(summaryShape.published),
        frameIds: codedColumn(z.string().describe("the ids of the frames the article uses, space-separated in code-unit order")),
      })
      .strict()
      .describe("the overview row's fields (see rows/<id>.json summary) as columns"),
  })
  .strict();

/**
 * rows/<id>.json: what the pages show about one article beside its record: the overview row, the tone
 * interval over its sentences, tone toward each actor, and its attributions as rows.
 */
export const articleRowsFileSchema = z
  .object({
    build: articleStampSchema,
    summary: articleSummarySchema,
    toneLow: z.number().nullable().describe("95% percentile bootstrap interval of the article tone over its paragraph sentences"),
    toneHigh: z.number().nullable(),
    actorTone: z.array(actorToneRowSchema),
    attributions: z.array(voiceRowSchema),
    fragments: z
      .array(z.tuple([index, z.string(), z.string().nullable()]))
      .optional()
      .describe(
        "public builds, closed articles only: the first and last words of each sentence a figure links to (concordance lines, attributions), for a text-fragment link to it at its source",
      ),
  })
  .strict();

/** text/<id>.json: the searchable sentences of one article as the reader shows them, for keyword-in-context lines. */
export const articleTextSchema = z
  .object({
    build: articleStampSchema,
    id: z.string(),
    sentences: z
      .array(z.tuple([index, z.string()]))
      .describe("[sentence index, text]: heading and paragraph sentences, Markdown syntax hidden, white space collapsed"),
  })
  .strict();

/** One article as a public build describes it: enough to find it, cite it and check a copy of it. */
export const publicArticleSchema = z
  .object({
    id: z.string(),
    url: z.string().nullable(),
    licence: licenceSchema,
    open: z.boolean().describe("whether its text is published (an open licence)"),
    attribution: z.string().nullable().describe("for an open text: who to credit, from its metadata"),
    textSha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe("SHA-256 of the article's body (UTF-8), to check a copy of it"),
  })
  .strict();

/** public/articles.json (public builds only): each article's URL, licence, attribution and text hash, for a reviewer (no page loads it). */
export const publicArticlesFileSchema = z
  .object({
    build: buildStampSchema,
    policy: publicPolicySchema,
    articles: z.array(publicArticleSchema),
  })
  .strict();

/** public/articles/<page>.json (public builds only): the entries of public/articles.json for the articles of index/<page>.json. */
export const publicArticlesPageSchema = z
  .object({
    build: buildStampSchema,
    page: count,
    first: count.describe("the position of the page's first article in the corpus index (id order)"),
    articles: z.array(publicArticleSchema).describe("the articles of index/<page>.json, in the same order"),
  })
  .strict();
export type IndexManifest = DeepReadonly<z.infer<typeof indexManifestSchema>>;
export type FilterShard = DeepReadonly<z.infer<typeof filterShardSchema>>;
export type IndexPage = DeepReadonly<z.infer<typeof indexPageSchema>>;
export type ArticleSummary = DeepReadonly<z.infer<typeof articleSummarySchema>>;
export type ArticleRows = DeepReadonly<Omit<z.infer<typeof articleRowsFileSchema>, "build">>;
