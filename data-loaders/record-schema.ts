import { z } from "zod";
import { RECORD_SCHEMA } from "./analyze-article.ts";

/**
 * The published record, as a strict schema: the machine-readable twin of the README's record table.
 * Tests hold every record the CLI prints to it, so the documentation cannot drift from the output;
 * `npm run analyze -- --schema` prints it as JSON Schema.
 */
const offset = z.number().int().min(0);
const text = z.string().nullable();

export const articleRecordSchema = z
  .object({
    schema: z.literal(RECORD_SCHEMA).describe("record format and version"),
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
