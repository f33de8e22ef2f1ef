import { z } from "zod";
import { RECORD_SCHEMA } from "../pipeline/analyze-article.ts";

/**
 * The published record, as a strict schema: the machine-readable twin of the README's record table.
 * Tests hold every record the CLI prints to it, so the documentation cannot drift from the output;
 * `npm run analyze -- --schema` prints it as JSON Schema.
 */
const offset = z.number().int().min(0);
const text = z.string().nullable();
const span = z.object({ start: offset, end: offset }).strict();
const stamp = z.object({ id: z.string(), version: z.string(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).strict();
const camp = z.object({ camp: z.string(), sentences: z.array(z.number().int()), tone: z.number().min(-1).max(1).nullable() }).strict();
const quote = z.enum(["direct", "scare"]).nullable().describe("inside a direct quotation, inside scare quotes, or the author's own words");

export const articleRecordSchema = z
  .object({
    schema: z.literal(RECORD_SCHEMA).describe("record format and version"),
    codebooks: z
      .object({ framing: stamp, devices: stamp, speechCues: stamp, actors: stamp, outlets: stamp })
      .strict()
      .describe("id, version and SHA-256 of each codebook file the record was made with"),
    id: z.string().describe("article id: the file name without extension unless declared"),
    language: z.enum(["en", "nl"]),
    languageSource: z.enum(["declared", "detected"]).describe("declared in the metadata, or identified by franc-min"),
    title: z.string().describe("display title"),
    titleSource: z.enum(["front-matter", "first-heading", "opening-words"]),
    words: z.number().int().min(0).describe("word tokens in headings and paragraphs"),
    sentences: z
      .array(z.object({ index: z.number().int().min(0), start: offset, end: offset, block: z.number().int().min(0) }).strict())
      .describe("[start, end) UTF-16 offsets into text; block is the index in blocks"),
    blocks: z
      .array(
        z
          .object({
            index: z.number().int().min(0),
            kind: z.enum(["heading", "paragraph", "boilerplate", "source-line"]),
            start: offset,
            end: offset,
            rule: z.string().nullable().describe("id of the pattern or rule that decided the kind"),
          })
          .strict(),
      )
      .describe("the body segmented; boilerplate and source lines are shown but not analysed"),
    markup: z.array(z.tuple([offset, offset])).describe("Markdown syntax characters, [start, end)"),
    quotations: z
      .array(
        z
          .object({
            start: offset,
            end: offset,
            kind: z.enum(["direct", "scare"]),
            reason: z.enum(["so-called", "unclosed", "full-sentence", "long", "has-speech-cue", "short-without-cue"]),
            sentence: z.number().int(),
          })
          .strict(),
      )
      .describe("quoted spans with their marks; direct quotation or scare quote, and the rule that decided"),
    markers: z
      .array(
        z
          .object({ frame: z.string(), term: z.string(), start: offset, end: offset, sentence: z.number().int(), form: z.string().nullable(), quote: quote })
          .strict(),
      )
      .describe("one per occurrence of a framing codebook term"),
    devices: z
      .array(z.object({ device: z.string(), term: z.string(), start: offset, end: offset, sentence: z.number().int(), quote: quote }).strict())
      .describe("one per rhetorical device occurrence, same shape as markers"),
    sentiment: z
      .object({
        method: z.object({ id: z.string(), rules: z.string(), lexicon: z.string() }).strict(),
        score: z.number().min(-1).max(1).nullable(),
        ownVoiceScore: z.number().min(-1).max(1).nullable(),
        sentences: z.array(
          z
            .object({
              index: z.number().int().min(0),
              score: z.number().min(-1).max(1),
              quote: z.enum(["direct"]).nullable(),
              contributions: z.array(z.object({ start: offset, end: offset, value: z.number() }).strict()),
            })
            .strict(),
        ),
      })
      .strict()
      .describe("sentence and article tone on -1..1, with each word's contribution; article scores exclude headings"),
    actors: z
      .object({
        mentions: z.array(z.object({ actor: z.string(), term: z.string(), start: offset, end: offset, sentence: z.number().int() }).strict()),
        tone: z.array(
          z
            .object({ actor: z.string(), camp: z.string(), mentions: z.number().int().min(1), sentences: z.array(z.number().int()), tone: z.number().min(-1).max(1).nullable() })
            .strict(),
        ),
        inGroup: camp,
        outGroup: camp,
        gap: z.number().min(-2).max(2).nullable(),
      })
      .strict()
      .describe("actor mentions with offsets; mean tone of the paragraph sentences mentioning each actor and camp; in-group minus out-group tone"),
    outlets: z
      .array(
        z
          .object({
            name: z.string(),
            id: z.string().nullable(),
            kind: z.enum(["state-media", "other-media"]).nullable(),
            role: z.enum(["cited", "origin", "author-credit"]),
            start: offset,
            end: offset,
          })
          .strict(),
      )
      .describe("outlets cited, named in origin lines, and authors credited in the text; canonical names where the outlet gazetteer knows them"),
    attributions: z
      .array(
        z
          .object({
            speaker: z.string().nullable().describe("canonical speaker name; null when no speaker was found"),
            speakerType: z.enum(["government", "state-media", "other-media", "expert", "document", "anonymous", "unnamed-group", "other"]).nullable(),
            kind: z.enum(["direct", "indirect", "mixed"]),
            cue: z.string().nullable().describe('the cue as written, ":" for a colon-introduced quotation, null when there is none'),
            quote: span.describe("the quotation (marks included), or the reported content of indirect speech"),
            cueSpan: span.nullable(),
            speakerSpan: span.nullable().describe("where the speaker is named or referred to (pronoun, surname) in this attribution"),
            resolvedBy: z.enum(["name", "title", "pronoun", "relative", "surname"]).nullable(),
            sentence: z.number().int().min(0),
          })
          .strict(),
      )
      .describe("quotations and reported speech with their speakers, cues and content, sorted by offset"),
    provenanceCheck: z
      .object({
        declared: z.object({ origins: z.array(z.string()), author: z.string().nullable() }).strict(),
        detected: z.object({ origins: z.array(z.string()), authors: z.array(z.string()) }).strict(),
        disagreements: z.array(z.string()),
      })
      .strict()
      .describe("provenance found in the text beside the declared provenance; disagreements listed"),
    meta: z
      .object({
        title: text,
        outlet: text,
        published: text.describe("ISO 8601 date or date-time"),
        url: text,
        author: text,
        provenance: z
          .object({
            creditedAuthor: text,
            origin: z.array(z.string()),
            summaryOf: z.array(z.string()),
            translatedFrom: text,
            evidence: text,
          })
          .strict(),
        source: z.string().describe("path relative to the corpus input, or file.jsonl:line"),
        extra: z.record(z.string(), z.unknown()).describe("metadata fields this schema does not know, kept verbatim"),
      })
      .strict(),
    text: z.string().describe("the article body, verbatim; every offset indexes it"),
  })
  .strict();
