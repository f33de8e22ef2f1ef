import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.ts";
import {
  attributionKindSchema,
  blockKindSchema,
  cueRuleSchema,
  languageSchema,
  languageSourceSchema,
  provenanceKindSchema,
  quotationKindSchema,
  speakerRuleSchema,
  titleSourceSchema,
  voiceTypeSchema,
} from "./enums.ts";
import { analysisStampSchema, codebookStampsSchema, quoteContextSchema } from "./record.ts";

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
export const buildStampSchema = z
  .object({ analysis: analysisStampSchema, codebooks: codebookStampsSchema })
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

/** summary.json: one overview row per article, in id order. */
export const summaryFileSchema = z.object({ build: buildStampSchema, rows: z.array(articleSummarySchema) }).strict();

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
    perArticle: z
      .array(z.object({ id: z.string(), title: z.string(), category: z.string(), count, rate: z.number().min(0) }).strict())
      .describe("count and rate per article and category, for heatmaps"),
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

/** concordance.json: every marker and device in context. */
export const concordanceFileSchema = z.object({ build: buildStampSchema, lines: z.array(concordanceLineSchema) }).strict();

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
export const codebooksFileSchema = z
  .object({ build: buildStampSchema, stamps: codebookStampsSchema, framing: codebookViewSchema, devices: codebookViewSchema })
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
    articles: z
      .array(
        z
          .object({
            id: z.string(),
            title: z.string(),
            tone: nullableTone,
            toneLow: z.number().nullable(),
            toneHigh: z.number().nullable(),
            ownVoiceTone: nullableTone,
            inGroupTone: nullableTone,
            outGroupTone: nullableTone,
            toneGap: z.number().min(-2).max(2).nullable(),
          })
          .strict(),
      )
      .describe(
        "per article: tone (with a 95% bootstrap interval over its paragraph sentences), own-voice tone, tone toward each camp, the gap",
      ),
    groups: z.array(meanRowSchema).describe("means by group with bootstrap intervals, for every grouping and measure"),
    actorTone: z
      .array(
        z
          .object({ id: z.string(), actor: z.string(), mentions: z.number().int().min(1), tone: nullableTone, sentences: z.array(index) })
          .strict(),
      )
      .describe("per article and actor: mentions, tone of the sentences that mention it, and those sentences"),
  })
  .strict();

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

const byVoiceType = z
  .object(Object.fromEntries(voiceTypeSchema.options.map((t) => [t, count])) as Record<z.infer<typeof voiceTypeSchema>, typeof count>)
  .strict();
const byKind = z
  .object(
    Object.fromEntries(attributionKindSchema.options.map((k) => [k, count])) as Record<z.infer<typeof attributionKindSchema>, typeof count>,
  )
  .strict();
const linkRoleSchema = z.enum(["quoted", "cited", "origin"]);

/** voices.json: everything the Who speaks page shows. */
export const voicesFileSchema = z
  .object({
    build: buildStampSchema,
    rows: z.array(voiceRowSchema),
    articles: z
      .array(z.object({ id: z.string(), title: z.string(), byType: byVoiceType, byKind }).strict())
      .describe("per article: attributions by speaker type and by kind"),
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
            articles: z.array(z.string()),
          })
          .strict(),
      )
      .describe("per named speaker: type, attributions by kind, the articles quoting them; most attributions first"),
    network: z
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
      .strict()
      .describe("articles and the voices they quote or cite (speakers and outlets share canonical names)"),
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

/** Every file the site publishes besides the records, by name: what the data dictionary and the tests list. */
export const SITE_OUTPUTS = {
  "summary.json": summaryFileSchema,
  "codebooks.json": codebooksFileSchema,
  "frames.json": comparisonFileSchema,
  "devices.json": comparisonFileSchema,
  "concordance.json": concordanceFileSchema,
  "hand-check.json": handCheckFileSchema,
  "sentiment-validation.json": sentimentValidationFileSchema,
  "tone.json": toneFileSchema,
  "voices.json": voicesFileSchema,
} as const;

export type BuildStamp = DeepReadonly<z.infer<typeof buildStampSchema>>;
export type ArticleSummary = DeepReadonly<z.infer<typeof articleSummarySchema>>;
export type RateRow = DeepReadonly<z.infer<typeof rateRowSchema>>;
export type MeanRow = DeepReadonly<z.infer<typeof meanRowSchema>>;
export type Comparison = DeepReadonly<Omit<z.infer<typeof comparisonFileSchema>, "build">>;
export type ConcordanceLine = DeepReadonly<z.infer<typeof concordanceLineSchema>>;
export type CodebookView = DeepReadonly<z.infer<typeof codebookViewSchema>>;
export type ToneComparison = DeepReadonly<Omit<z.infer<typeof toneFileSchema>, "build">>;
export type VoiceRow = DeepReadonly<z.infer<typeof voiceRowSchema>>;
export type VoiceComparison = DeepReadonly<Omit<z.infer<typeof voicesFileSchema>, "build">>;
export type AttributionComparison = DeepReadonly<z.infer<typeof attributionComparisonSchema>>;
export type HandCheckComparison = DeepReadonly<Omit<z.infer<typeof handCheckFileSchema>, "build">>;
