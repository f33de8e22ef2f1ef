import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.ts";
import {
  attributionKindSchema,
  blockKindSchema,
  cueRuleSchema,
  languageSchema,
  languageSourceSchema,
  outletKindSchema,
  outletRoleSchema,
  quotationKindSchema,
  quotationReasonSchema,
  resolvedBySchema,
  speakerRuleSchema,
  speakerTypeSchema,
  titleSourceSchema,
} from "./enums.ts";
import { articleMetaSchema, provenanceCheckSchema } from "./article-meta.ts";
import { analysisStampSchema, codebookStampsSchema } from "./record-stamps.ts";

/**
 * The published analysis of one article, as strict zod schemas: the one definition of the record. The
 * TypeScript types below are inferred from them, `npm run analyze -- --schema` prints them as JSON Schema,
 * and the data dictionary (data-loaders/schema/data-dictionary.md) is generated from their descriptions.
 * Tests hold every record the CLI prints to this schema, so the documentation cannot drift from the output.
 * Two parts live beside it and are re-exported here: record-stamps.ts (which code and data files made the
 * record) and article-meta.ts (the article's metadata and provenance).
 */

/** The record format and its version; bumped when a field changes meaning or disappears. */
export const RECORD_SCHEMA = "framing-notebooks/article-record@1";

const offset = z.number().int().min(0).describe("UTF-16 code-unit offset into text");
const index = z.number().int().min(0);
const tone = z.number().min(-1).max(1);

/** A character range `[start, end)` into the body, in UTF-16 code units; never inverted. */
export const spanSchema = z
  .object({ start: offset, end: offset })
  .strict()
  .refine((span) => span.end >= span.start, { message: "end must not precede start" });

/** A sentence, `[start, end)` into the body, inside block `block`. */
export const sentenceSchema = z.object({ index, start: offset, end: offset, block: index }).strict();

/** A run of body text, `[start, end)` into the body. */
export const blockSchema = z
  .object({
    index,
    kind: blockKindSchema,
    start: offset,
    end: offset,
    rule: z.string().nullable().describe("id of the pattern or rule that decided the kind"),
  })
  .strict();

/** Where a marker stands: inside a direct quotation, inside scare quotes, or in the author's own words (null). */
export const quoteContextSchema = quotationKindSchema
  .nullable()
  .describe("inside a direct quotation, inside scare quotes, or the author's own words (null)");

/** A quoted span as published: marks included; a direct quotation or a scare quote, and the rule that decided. */
export const quotationSchema = z
  .object({ start: offset, end: offset, kind: quotationKindSchema, reason: quotationReasonSchema, sentence: index })
  .strict();

/** One occurrence of a framing codebook term. */
export const framingMarkerSchema = z
  .object({
    frame: z.string().describe("framing codebook entry id"),
    term: z.string().describe('the surface form as it stands in the body ("Hegemon’s", "vazalstaat")'),
    start: offset,
    end: offset,
    sentence: index,
    form: z.string().nullable().describe('the term\'s form label from the codebook ("personified", "generic"), or null'),
    codebookTerm: z
      .string()
      .min(1)
      .describe('the codebook term that matched, as written in the codebook ("multi{-,}polar{,ity,ism}"), so pages can count by term'),
    quote: quoteContextSchema,
  })
  .strict();

/** One occurrence of a rhetorical device; the same shape as a framing marker, keyed by `device`. */
export const deviceMarkerSchema = z
  .object({
    device: z.string().describe("devices codebook entry id"),
    term: z.string(),
    start: offset,
    end: offset,
    sentence: index,
    quote: quoteContextSchema,
  })
  .strict();

/** One scored word's share of a sentence score. */
export const contributionSchema = z.object({ start: offset, end: offset, value: z.number() }).strict();

/** Sentiment of an article, its sentences and their words, on a -1..1 scale. */
export const sentimentSchema = z
  .object({
    method: z
      .object({ id: z.string(), rules: z.string(), lexicon: z.string() })
      .strict()
      .describe("scorer, rules file version and lexicon"),
    score: tone
      .nullable()
      .describe(
        "tone mean over paragraph sentences (a negative sentence counts the language's negativeSentenceWeight times); null if there are none",
      ),
    ownVoiceScore: tone.nullable().describe("the same, leaving out sentences inside a direct quotation: the author's own voice"),
    sentences: z.array(
      z
        .object({
          index,
          score: tone,
          class: z
            .union([z.literal(-1), z.literal(0), z.literal(1)])
            .describe(
              "the sentence's tone class: the Dutch news-tone model's (the highest of its three class scores), else the score's by ±0.05",
            ),
          quote: z.enum(["direct"]).nullable().describe('"direct" when at least half of the sentence is inside a direct quotation'),
          contributions: z
            .array(contributionSchema)
            .describe("each scored word's share of the sentence score; the values (and baseline, when present) sum to score"),
          baseline: z
            .number()
            .optional()
            .describe(
              "the Dutch news-tone model's share of its class constants (its lean before any word is read), beside the words' shares; absent on the lexicon path, which has none",
            ),
        })
        .strict(),
    ),
  })
  .strict()
  .describe("sentence and article tone on -1..1, with each word's contribution; article scores exclude headings");

const campToneSchema = z.object({ camp: z.string(), sentences: z.array(index), tone: tone.nullable() }).strict();

/** Who the article mentions, and the tone of the sentences that mention them. */
export const actorsSchema = z
  .object({
    mentions: z
      .array(z.object({ actor: z.string(), term: z.string(), start: offset, end: offset, sentence: index }).strict())
      .describe("every alias occurrence"),
    tone: z
      .array(
        z
          .object({
            actor: z.string(),
            camp: z.string(),
            mentions: z.number().int().min(1),
            sentences: z.array(index),
            tone: tone.nullable(),
          })
          .strict(),
      )
      .describe("per actor: its camp, how often it is mentioned, the sentences that mention it, their mean tone"),
    inGroup: campToneSchema,
    outGroup: campToneSchema,
    gap: z
      .number()
      .min(-2)
      .max(2)
      .nullable()
      .describe("in-group tone minus out-group tone; null unless both camps are mentioned in paragraphs"),
  })
  .strict()
  .describe(
    "actor mentions with offsets; mean tone of the paragraph sentences mentioning each actor and camp; in-group minus out-group tone",
  );

/** An outlet or author the text names: cited as a source, named in an origin line, or credited. */
export const outletSchema = z
  .object({
    name: z.string().min(1).describe("canonical name when the outlet gazetteer knows it, else the name as written"),
    id: z.string().nullable(),
    kind: outletKindSchema.nullable(),
    role: outletRoleSchema,
    start: offset,
    end: offset,
  })
  .strict();

/**
 * One attributed quotation or paraphrase. `quote` is the quoted span (marks included) for direct and mixed
 * quotations, or the reported content for indirect speech.
 */
export const attributionSchema = z
  .object({
    speaker: z.string().min(1).nullable().describe("canonical speaker name; null when no speaker was found (nothing is guessed)"),
    speakerType: speakerTypeSchema.nullable(),
    kind: attributionKindSchema,
    cue: z
      .string()
      .min(1)
      .nullable()
      .describe(
        'the cue as written ("said", "voegde eraan toe", "volgens"), ":" for a colon-introduced quotation, null when there is none',
      ),
    quote: spanSchema.describe("the quotation (marks included), or the reported content of indirect speech"),
    cueSpan: spanSchema.nullable(),
    speakerSpan: spanSchema.nullable().describe("where the speaker is named or referred to (pronoun, surname) in this attribution"),
    resolvedBy: resolvedBySchema.nullable(),
    cueRule: cueRuleSchema.nullable().describe("the rule that found the cue; null for a quotation with no cue found"),
    cueModel: z
      .object({
        probability: z.number().min(0).max(1).describe("the learned cue detector's probability that the cue reports (3 decimals)"),
        reasons: z
          .array(z.object({ feature: z.string(), weight: z.number() }).strict())
          .describe("the three features that weighed most in the decision, with their weights (3 decimals)"),
        pair: z
          .object({
            probability: z
              .number()
              .min(0)
              .max(1)
              .describe("the (cue, speaker) pair model's probability for the cue and its speaker (3 decimals)"),
            reasons: z
              .array(z.object({ feature: z.string(), weight: z.number() }).strict())
              .describe("the three pair features that weighed most, with their weights (3 decimals)"),
          })
          .strict()
          .optional()
          .describe(
            "present when the cue is below the detector's own acceptance and was kept because its pair with the speaker was sure enough",
          ),
      })
      .strict()
      .nullable()
      .describe("why the learned cue detector took the cue (English); null for a cue the lists and rules found"),
    speakerRule: speakerRuleSchema.nullable().describe("the sieve that found the speaker span; null when there is none"),
    sentence: index.describe("index of the sentence in which the quotation or the reported content starts"),
  })
  .strict()
  .refine((a) => (a.speaker === null) === (a.speakerType === null), { message: "speaker and speakerType are both set or both null" });

/** The published analysis of one article: what the CLI prints, one JSON line per article. */
export const articleRecordSchema = z
  .object({
    schema: z.literal(RECORD_SCHEMA).describe("record format and version"),
    analysis: analysisStampSchema,
    codebooks: codebookStampsSchema,
    id: z.string().describe("article id: the file name without extension unless declared"),
    language: languageSchema,
    languageSource: languageSourceSchema.describe("declared in the metadata, or identified by franc-min"),
    title: z.string().describe("display title: the declared title, else the first heading if it opens the article, else the opening words"),
    titleSource: titleSourceSchema,
    words: z.number().int().min(0).describe("word tokens in headings and paragraphs (boilerplate and source lines excluded)"),
    sentences: z.array(sentenceSchema).describe("[start, end) UTF-16 offsets into text; block is the index in blocks"),
    blocks: z.array(blockSchema).describe("the body segmented; boilerplate and source lines are shown but not analysed"),
    markup: z
      .array(z.tuple([offset, offset]))
      .describe("Markdown syntax characters (**, [, ](url), #), [start, end); hidden in the reader"),
    quotations: z
      .array(quotationSchema)
      .describe("quoted spans with their marks; direct quotation or scare quote, and the rule that decided"),
    markers: z.array(framingMarkerSchema).describe("one per occurrence of a framing codebook term"),
    devices: z.array(deviceMarkerSchema).describe("one per rhetorical device occurrence, same shape as markers"),
    sentiment: sentimentSchema,
    actors: actorsSchema,
    outlets: z.array(outletSchema).describe("outlets cited, named in origin lines, and authors credited in the text"),
    attributions: z
      .array(attributionSchema)
      .describe("quotations and reported speech with their speakers, cues and content, sorted by offset"),
    provenanceCheck: provenanceCheckSchema,
    meta: articleMetaSchema,
    text: z.string().describe("the article body, verbatim; every offset indexes it"),
  })
  .strict();

/** A validated article, ready for analysis: the record's identity, body and metadata. */
export const articleSchema = articleRecordSchema.pick({ id: true, language: true, languageSource: true, text: true, meta: true });

export type Span = DeepReadonly<z.infer<typeof spanSchema>>;
export type Sentence = DeepReadonly<z.infer<typeof sentenceSchema>>;
export type Block = DeepReadonly<z.infer<typeof blockSchema>>;
export type QuoteContext = z.infer<typeof quoteContextSchema>;
export type QuotationRecord = DeepReadonly<z.infer<typeof quotationSchema>>;
export type FramingMarker = DeepReadonly<z.infer<typeof framingMarkerSchema>>;
export type DeviceMarker = DeepReadonly<z.infer<typeof deviceMarkerSchema>>;
export type SentimentRecord = DeepReadonly<z.infer<typeof sentimentSchema>>;
export type ActorRecord = DeepReadonly<z.infer<typeof actorsSchema>>;
export type OutletRecord = DeepReadonly<z.infer<typeof outletSchema>>;
export type AttributionRecord = DeepReadonly<z.infer<typeof attributionSchema>>;
export type ArticleRecord = DeepReadonly<z.infer<typeof articleRecordSchema>>;
export type Article = DeepReadonly<z.infer<typeof articleSchema>>;
export * from "./record-stamps.ts";
export * from "./article-meta.ts";
export type { Language, BlockKind, SpeakerType, CueRule, SpeakerRule } from "./enums.ts";
