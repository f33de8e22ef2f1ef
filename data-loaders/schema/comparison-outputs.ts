// What the site publishes comparing groups of articles (see site-outputs.ts): rates and means with
// bootstrap intervals (frames.json, devices.json, tone.json), who speaks (voices.json, voice lists) and keyness.
import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.ts";
import { attributionKindSchema, cueRuleSchema, languageSchema, speakerRuleSchema, voiceTypeSchema } from "./enums.ts";
import { buildStampSchema, count, index, labelled, nullableTone, pagedListSchema } from "./output-parts.ts";

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
export type FrequencyList = DeepReadonly<z.infer<typeof frequencyListSchema>>;
export type RateRow = DeepReadonly<z.infer<typeof rateRowSchema>>;
export type MeanRow = DeepReadonly<z.infer<typeof meanRowSchema>>;
export type Comparison = DeepReadonly<Omit<z.infer<typeof comparisonFileSchema>, "build">>;
export type ToneComparison = DeepReadonly<Omit<z.infer<typeof toneFileSchema>, "build">>;
export type ActorToneRow = DeepReadonly<z.infer<typeof actorToneRowSchema>>;
export type VoiceRow = DeepReadonly<z.infer<typeof voiceRowSchema>>;
export type VoiceComparison = DeepReadonly<Omit<z.infer<typeof voicesFileSchema>, "build">>;
