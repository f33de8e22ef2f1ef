import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.ts";
import {
  attributionKindSchema,
  blockKindSchema,
  cueRuleSchema,
  languageSchema,
  languageSourceSchema,
  licenceSchema,
  provenanceKindSchema,
  sourceBasisSchema,
  quotationKindSchema,
  speakerRuleSchema,
  titleSourceSchema,
  voiceTypeSchema,
} from "./enums.ts";
import { analysisStampSchema, codebookStampsSchema, quoteContextSchema } from "./record.ts";
import { categoryAcrossSchema, coOccurrenceSchema, outletProfileSchema, outletsManifestSchema } from "./outlet-outputs.ts";

/**
 * The files the site publishes besides the per-article records (src/data/corpus.zip.ts, built by
 * data-loaders/publish/publish-corpus.ts), as strict zod schemas: the one definition of each. Types are
 * inferred from them; the JSON Schemas and the data dictionary are generated from them; a test holds every
 * published file to its schema.
 */

const count = z.number().int().min(0);
const index = z.number().int().min(0);
const tone = z.number().min(-1).max(1);
const nullableTone = tone.nullable();

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

/** A column of few distinct values, stored once each: entry i is values[codes[i]]. */
const codedColumn = <T extends z.ZodType>(schema: T) =>
  z.object({ values: z.array(schema).describe("the distinct values, in order of first appearance"), codes: z.array(index) }).strict();

/**
 * articles.json: the corpus index every page filters, sorts and pages over, one entry per article in id
 * order, stored by column (entry i of every column is article i; columns of few distinct values as
 * values and codes) so that 10,000 articles stay small. Everything else about an article is in
 * rows/<id>.json and articles/<id>.json, fetched when a page shows that article.
 */
const summaryShape = articleSummarySchema.shape;
export const articleIndexFileSchema = z
  .object({
    build: buildStampSchema,
    corpus: z
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
      .describe("which corpus the site was built from, named in every download"),
    count: count.describe("number of articles: the length of every column"),
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

/** A list published in pages of `pageSize` items, fetched one page at a time (`<prefix>/<page>.json`, from 0). */
export const pagedListSchema = z
  .object({ count, pages: count, pageSize: z.number().int().min(1) })
  .strict()
  .describe("a list published in pages: count items in `pages` files of at most pageSize items, numbered from 0");

const labelled = z.object({ id: z.string(), label: z.string() }).strict();

/** A rate per 1,000 words for one group and category, with a bootstrap interval over articles. */
export const rateRowSchema = z
  .object({
    grouping: z.string(),
    group: z.string(),
    category: z.string(),
    articles: count,
    words: count,
    count,
    rate: z.number().min(0).describe("occurrences per 1,000 words, pooled over the group's articles: 1000 × Σcount / Σwords"),
    low: z.number().nullable().describe("95% percentile bootstrap interval of the pooled rate; null with fewer than 2 articles"),
    high: z.number().nullable(),
  })
  .strict();

/** A group's mean of a per-article value (e.g. tone), with a bootstrap interval over articles. */
export const meanRowSchema = z
  .object({
    grouping: z.string(),
    group: z.string(),
    measure: z.string(),
    articles: count.describe("articles with a value for the measure (articles without one are left out, not counted as 0)"),
    mean: z.number().nullable(),
    low: z.number().nullable(),
    high: z.number().nullable(),
  })
  .strict();

/** frames.json and devices.json: everything a comparison page shows for one codebook. */
export const comparisonFileSchema = z
  .object({
    build: buildStampSchema,
    categories: z.array(labelled).describe("the codebook's entries, in codebook order"),
    groupings: z.array(labelled),
    rates: z.array(rateRowSchema).describe("pooled rates per 1,000 words with 95% bootstrap intervals, for every grouping"),
    terms: z
      .array(
        z
          .object({
            category: z.string(),
            codebookTerm: z.string().nullable(),
            count,
            articles: count,
            written: z.array(z.string()).describe("the forms as written (lower case, white space collapsed), sorted; at most 12"),
            moreWritten: count.describe("further written forms left out of `written`"),
          })
          .strict(),
      )
      .describe("occurrences per category and codebook term (devices: term null), with the articles they occur in"),
    forms: z
      .array(z.object({ category: z.string(), form: z.string(), count, articles: count }).strict())
      .describe("occurrences per category and recorded form (e.g. the Hegemon frame's proper-name and generic uses)"),
    concordance: z
      .array(
        z
          .object({
            category: z.string(),
            lines: pagedListSchema,
            terms: z
              .array(z.object({ codebookTerm: z.string().nullable(), first: index, count }).strict())
              .describe("where each codebook term's lines start in the category's list (lines are sorted by term, article, offset)"),
          })
          .strict(),
      )
      .describe("per category, its keyword-in-context lines in pages: concordance/<kind>/<category>/<page>.json"),
  })
  .strict();

/** One keyword-in-context line. */
export const concordanceLineSchema = z
  .object({
    article: z.string(),
    kind: z.enum(["frame", "device"]),
    category: z.string().describe("frame or device id"),
    term: z.string().describe("the surface form matched"),
    codebookTerm: z.string().nullable().describe("the framing codebook term that matched (the marker's codebookTerm); null for devices"),
    form: z.string().nullable(),
    quote: quoteContextSchema,
    sentence: index,
    start: index.describe("offset of the match in the article body"),
    left: z.string().describe("up to 70 characters before the match, markup hidden, white space collapsed"),
    match: z.string(),
    right: z.string().describe("up to 70 characters after the match"),
  })
  .strict();

/** concordance/<frames|devices>/<category>/<page>.json: one page of a category's keyword-in-context lines. */
export const concordancePageSchema = z
  .object({
    build: buildStampSchema,
    category: z.string(),
    page: index,
    first: index.describe("position of the page's first line in the category's list"),
    lines: z.array(concordanceLineSchema),
  })
  .strict();

/** A codebook as the reader and the codebook page need it: everything but the compiled patterns. */
export const codebookViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    version: z.string(),
    sha256: z.string(),
    licence: z.string(),
    source: z.string(),
    entries: z.array(
      z
        .object({
          id: z.string(),
          label: z.string(),
          definition: z.string(),
          terms: z
            .record(
              languageSchema,
              z.array(z.object({ term: z.string(), form: z.string().nullable(), caseSensitive: z.boolean() }).strict()),
            )
            .describe("the terms as written in the codebook, per language"),
          detector: z
            .object({ name: z.enum(["scare-quotes", "rhetorical-questions"]), maxWords: z.number().int().min(1) })
            .strict()
            .nullable()
            .describe("the built-in detector an entry uses instead of (or beside) terms, with its settings"),
          examples: z.array(z.object({ language: languageSchema, text: z.string(), note: z.string().optional() }).strict()),
          counterExamples: z.array(z.object({ language: languageSchema, text: z.string(), note: z.string().optional() }).strict()),
          source: z.string(),
        })
        .strict(),
    ),
  })
  .strict();

/** codebooks.json: the framing and devices codebooks, for the codebook page and the legends. */
const bilingualList = z.object({ en: z.array(z.string()), nl: z.array(z.string()) }).strict();

/** The speech-cue list as the printed coding manual shows it: each section's cues, per language. */
export const speechCuesViewSchema = z
  .object({
    title: z.string(),
    version: z.string(),
    licence: z.string(),
    source: z.string(),
    sections: z.array(z.object({ id: z.string(), label: z.string(), terms: bilingualList }).strict()),
  })
  .strict();

/** The actor gazetteer as the coding manual shows it: camps, and each actor's aliases per language. */
export const actorsViewSchema = z
  .object({
    version: z.string(),
    camps: z.array(z.object({ id: z.string(), label: z.string() }).strict()),
    inGroup: z.string(),
    outGroup: z.string(),
    actors: z.array(z.object({ id: z.string(), label: z.string(), camp: z.string(), kind: z.string(), aliases: bilingualList }).strict()),
  })
  .strict();

export const codebooksFileSchema = z
  .object({
    build: buildStampSchema,
    stamps: codebookStampsSchema,
    framing: codebookViewSchema,
    devices: codebookViewSchema,
    speechCues: speechCuesViewSchema,
    actors: actorsViewSchema,
  })
  .strict();

/** tone.json: what the Tone page shows. */
export const toneFileSchema = z
  .object({
    build: buildStampSchema,
    camps: z.array(z.object({ id: z.string(), label: z.string() }).strict()),
    inGroup: z.string(),
    outGroup: z.string(),
    actors: z.array(z.object({ id: z.string(), label: z.string(), camp: z.string(), kind: z.string() }).strict()),
    groupings: z.array(labelled),
    groups: z.array(meanRowSchema).describe("means by group with bootstrap intervals, for every grouping and measure"),
  })
  .strict();

/** Tone toward one actor in one article. */
export const actorToneRowSchema = z
  .object({ id: z.string(), actor: z.string(), mentions: z.number().int().min(1), tone: nullableTone, sentences: z.array(index) })
  .strict()
  .describe("mentions of an actor in one article, the tone of the sentences that mention it, and those sentences");

/** One attribution, flattened for the pages, with the frames marked in the sentences it spans. */
export const voiceRowSchema = z
  .object({
    id: z.string().describe("article id"),
    speaker: z.string().nullable(),
    type: voiceTypeSchema,
    kind: attributionKindSchema,
    cue: z.string().nullable(),
    cueRule: cueRuleSchema.nullable().describe("the rule that found the cue (the record's attributions[].cueRule)"),
    speakerRule: speakerRuleSchema.nullable().describe("the sieve that found the speaker (the record's attributions[].speakerRule)"),
    sentence: index.describe("first sentence of the quotation or reported content, for the reader link (#s-N)"),
    excerpt: z.string().describe("the quoted or reported text, shortened to 160 characters"),
    frames: z.array(z.string()).describe("framing codebook entries marked in the sentences the attribution spans (each once, sorted)"),
  })
  .strict();

const byKind = z
  .object(
    Object.fromEntries(attributionKindSchema.options.map((k) => [k, count])) as Record<z.infer<typeof attributionKindSchema>, typeof count>,
  )
  .strict();
const linkRoleSchema = z.enum(["quoted", "cited", "origin"]);

const network = z
  .object({
    nodes: z.array(
      z
        .object({
          id: z.string(),
          label: z.string(),
          kind: z.enum(["article", "voice"]),
          type: voiceTypeSchema.nullable(),
          weight: count,
        })
        .strict(),
    ),
    links: z.array(z.object({ source: z.string(), target: z.string(), role: linkRoleSchema, count }).strict()),
  })
  .strict();

/** voices.json: everything the Who speaks page shows for the whole corpus. */
export const voicesFileSchema = z
  .object({
    build: buildStampSchema,
    articles: count.describe("articles in the corpus"),
    totals: z.object({ all: byKind, named: byKind }).strict().describe("attributions by kind, all and with a named speaker"),
    speakers: z
      .array(
        z
          .object({
            speaker: z.string(),
            type: voiceTypeSchema,
            count,
            direct: count,
            mixed: count,
            indirect: count,
            thought: count,
            articleCount: count.describe("articles quoting the speaker"),
            articles: z.array(z.string()).describe("the first 20 of those articles, in id order"),
          })
          .strict(),
      )
      .describe("per named speaker: type, attributions by kind, the articles quoting them; most attributions first"),
    faceless: pagedListSchema.describe("attributions to anonymous sources and unnamed groups: voices/faceless/<page>.json"),
    framed: pagedListSchema.describe("attributions whose sentences carry a framing marker, one per frame: voices/framed/<page>.json"),
    network: network.describe(
      "the articles with the most attributions (at most 60) and the voices they quote or cite (speakers and outlets share canonical names)",
    ),
    networkArticles: count.describe("articles with any voice or cited outlet, of which the network shows at most 60"),
    periods: z
      .array(
        z
          .object({
            grouping: z.enum(["year", "month"]),
            period: z.string().describe("YYYY or YYYY-MM"),
            articles: count,
            attributions: count,
            byType: z.partialRecord(voiceTypeSchema, count).describe("attributions by speaker type (types with none left out)"),
            byKind,
          })
          .strict(),
      )
      .describe("attributions per year and per month published, over the articles dated to that precision, periods in order"),
  })
  .strict();

/** voices/<faceless|framed>/<page>.json: one page of a list of attributions. */
export const voiceListPageSchema = z
  .object({
    build: buildStampSchema,
    list: z.enum(["faceless", "framed"]),
    page: index,
    rows: z.array(
      voiceRowSchema.extend({ frame: z.string().nullable().describe("the frame this row is listed for (framed list)") }).strict(),
    ),
  })
  .strict();

/**
 * rows/<id>.json: what the pages show about one article beside its record: the overview row, the tone
 * interval over its sentences, tone toward each actor, and its attributions as rows.
 */
export const articleRowsFileSchema = z
  .object({
    build: buildStampSchema,
    summary: articleSummarySchema,
    toneLow: z.number().nullable().describe("95% percentile bootstrap interval of the article tone over its paragraph sentences"),
    toneHigh: z.number().nullable(),
    actorTone: z.array(actorToneRowSchema),
    attributions: z.array(voiceRowSchema),
    fragments: z
      .array(z.tuple([index, z.string(), z.string().nullable()]))
      .optional()
      .describe("public builds, closed articles only: each sentence's first and last words, for a text-fragment link to it at its source"),
  })
  .strict();

const ratio = z.number().min(0).max(1).nullable();

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

/** search.json: what the full-text index holds and which shards exist (a page fetches only those). */
export const searchManifestSchema = z
  .object({
    build: buildStampSchema,
    words: count.describe("words indexed: every word of every heading and paragraph sentence"),
    types: count.describe("distinct words (folded: lower case, without diacritics)"),
    shards: z.array(z.string()).describe("the shards' names (a word's first two characters), in code-unit order"),
  })
  .strict();

/** search/<shard>.json: the postings of every word starting with the shard's two characters. */
export const searchShardSchema = z
  .object({
    build: buildStampSchema,
    shard: z.string(),
    words: z
      .array(z.tuple([z.string(), z.array(index)]))
      .describe(
        "[word, postings], words in code-unit order; postings: for each article having the word, its index in articles.json minus the previous one's, the number of occurrences n, then n pairs of sentence index and word position in the sentence",
      ),
  })
  .strict();

/** text/<id>.json: the searchable sentences of one article as the reader shows them, for keyword-in-context lines. */
export const articleTextSchema = z
  .object({
    build: buildStampSchema,
    id: z.string(),
    sentences: z
      .array(z.tuple([index, z.string()]))
      .describe("[sentence index, text]: heading and paragraph sentences, Markdown syntax hidden, white space collapsed"),
  })
  .strict();

/** A frequency list for keyness: one language of the corpus or of one group. */
export const frequencyListSchema = z
  .object({
    language: languageSchema,
    articles: count,
    tokens: count.describe("word tokens of the articles' heading and paragraph sentences (phrases not counted)"),
    features: z
      .array(z.tuple([z.string(), count, count]))
      .describe("[feature, occurrences, articles using it]: folded words and two-word phrases, in code-unit order"),
  })
  .strict();

/** keyness.json: the frequency lists there are, for the Keywords page. */
export const keynessManifestSchema = z
  .object({
    build: buildStampSchema,
    minFrequency: count.describe("the least occurrences in the corpus (in its language) of a listed feature"),
    maxGroups: count.describe("the most groups per grouping with lists (the largest groups)"),
    corpus: z
      .array(z.object({ language: languageSchema, articles: count, tokens: count, features: count }).strict())
      .describe("the corpus's list per language: keyness/corpus-<language>.json"),
    groupings: z.array(
      z
        .object({
          id: z.string(),
          label: z.string(),
          groups: z
            .array(
              z
                .object({
                  group: z.string(),
                  articles: count,
                  languages: z
                    .array(z.object({ language: languageSchema, articles: count }).strict())
                    .describe("the group's articles by language"),
                })
                .strict(),
            )
            .describe("groups largest first; group k's lists are keyness/<grouping>/<k>.json"),
        })
        .strict(),
    ),
  })
  .strict();

/** keyness/corpus-<language>.json and keyness/<grouping>/<k>.json: frequency lists. */
export const keynessListFileSchema = z
  .object({
    build: buildStampSchema,
    grouping: z.string().nullable().describe("null for the corpus's list"),
    group: z.string().nullable(),
    lists: z.array(frequencyListSchema).describe("one per language the articles are in"),
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
    corpus: articleIndexFileSchema.shape.corpus,
    units: count.describe("heading and paragraph sentences in the corpus: the units a sample is drawn from"),
    firstUnits: z
      .array(count)
      .describe("each article's first unit number, in articles.json order; an article's units are its text/<id>.json sentences in order"),
    toneBounds: z
      .object({
        en: z.object({ negative: z.number(), positive: z.number() }).strict(),
        nl: z.object({ negative: z.number(), positive: z.number() }).strict(),
      })
      .strict()
      .describe("the sentence tone scores above which the pipeline codes +1 and below which -1, per language"),
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

/** public/articles.json (public builds only): each article's URL, licence, attribution and text hash. */
export const publicArticlesFileSchema = z
  .object({
    build: buildStampSchema,
    policy: publicPolicySchema,
    articles: z.array(
      z
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
        .strict(),
    ),
  })
  .strict();

/**
 * Every file the site publishes besides the records, by name: the ones pages load with FileAttachment
 * (the corpus-wide figures), then, by pattern, the ones a page fetches when it shows an article or a page
 * of a long list (scripts/build.ts writes these into the built site; see src/components/site-data.ts).
 */
export const SITE_OUTPUTS = {
  "articles.json": articleIndexFileSchema,
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
  "rows/<id>.json": { name: "article-rows", pattern: /^rows\/[^/]+\.json$/, schema: articleRowsFileSchema },
  "concordance/<kind>/<category>/<page>.json": {
    name: "concordance-page",
    pattern: /^concordance\/(frames|devices)\/[a-z][a-z0-9-]*\/\d+\.json$/,
    schema: concordancePageSchema,
  },
  "voices/<list>/<page>.json": { name: "voice-list-page", pattern: /^voices\/(faceless|framed)\/\d+\.json$/, schema: voiceListPageSchema },
  "search/<shard>.json": { name: "search-shard", pattern: /^search\/[a-z0-9_]+\.json$/, schema: searchShardSchema },
  "text/<id>.json": { name: "article-text", pattern: /^text\/[^/]+\.json$/, schema: articleTextSchema },
  "keyness/<list>.json": {
    name: "keyness-list",
    pattern: /^keyness\/(corpus-(en|nl)|[a-z]+\/\d+)\.json$/,
    schema: keynessListFileSchema,
  },
  "public/articles.json": { name: "public-articles", pattern: /^public\/articles\.json$/, schema: publicArticlesFileSchema },
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

export type SentimentValidationFile = DeepReadonly<z.infer<typeof sentimentValidationFileSchema>>;
export type CodingIndex = DeepReadonly<z.infer<typeof codingIndexSchema>>;
export type CodingFrameFile = DeepReadonly<z.infer<typeof codingFrameFileSchema>>;
export type ExercisesFile = DeepReadonly<z.infer<typeof exercisesFileSchema>>;
export type ExerciseSet = ExercisesFile["sets"][number];
export type BuildStamp = DeepReadonly<z.infer<typeof buildStampSchema>>;
export type FrequencyList = DeepReadonly<z.infer<typeof frequencyListSchema>>;
export type SearchShard = DeepReadonly<Omit<z.infer<typeof searchShardSchema>, "build">>;
export type SearchManifest = DeepReadonly<Omit<z.infer<typeof searchManifestSchema>, "build">>;
export type ArticleIndexFile = DeepReadonly<z.infer<typeof articleIndexFileSchema>>;
export type ArticleSummary = DeepReadonly<z.infer<typeof articleSummarySchema>>;
export type RateRow = DeepReadonly<z.infer<typeof rateRowSchema>>;
export type MeanRow = DeepReadonly<z.infer<typeof meanRowSchema>>;
export type Comparison = DeepReadonly<Omit<z.infer<typeof comparisonFileSchema>, "build">>;
export type ConcordanceLine = DeepReadonly<z.infer<typeof concordanceLineSchema>>;
export type CodebookView = DeepReadonly<z.infer<typeof codebookViewSchema>>;
export type ToneComparison = DeepReadonly<Omit<z.infer<typeof toneFileSchema>, "build">>;
export type ActorToneRow = DeepReadonly<z.infer<typeof actorToneRowSchema>>;
export type ArticleRows = DeepReadonly<Omit<z.infer<typeof articleRowsFileSchema>, "build">>;
export type PagedList = DeepReadonly<z.infer<typeof pagedListSchema>>;
export type ConcordancePageFile = DeepReadonly<z.infer<typeof concordancePageSchema>>;
export type VoiceRow = DeepReadonly<z.infer<typeof voiceRowSchema>>;
export type VoiceComparison = DeepReadonly<Omit<z.infer<typeof voicesFileSchema>, "build">>;
export type AttributionComparison = DeepReadonly<z.infer<typeof attributionComparisonSchema>>;
export type HandCheckComparison = DeepReadonly<Omit<z.infer<typeof handCheckFileSchema>, "build">>;
