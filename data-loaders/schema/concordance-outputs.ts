// What the site publishes for keyword in context (see site-outputs.ts): concordance/<kind>/<category>/<page>.json,
// each frame's or device's lines a page at a time, as objects (the full build) or as rows (a public build).
import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.ts";
import { quoteContextSchema } from "./record.ts";
import { buildStampSchema, index } from "./output-parts.ts";

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

/** A public build's concordance row: a line's values in the order of CONCORDANCE_ROW_FIELDS (portable/concordance-rows.ts). */
const concordanceRowSchema = z
  .tuple([
    concordanceLineSchema.shape.article,
    concordanceLineSchema.shape.term,
    concordanceLineSchema.shape.codebookTerm,
    concordanceLineSchema.shape.form,
    concordanceLineSchema.shape.quote,
    concordanceLineSchema.shape.sentence,
    concordanceLineSchema.shape.start,
    concordanceLineSchema.shape.left,
    concordanceLineSchema.shape.match,
    concordanceLineSchema.shape.right,
  ])
  .describe("a line's article, term, codebookTerm, form, quote, sentence, start, left, match and right, as in `lines`");

/**
 * concordance/<frames|devices>/<category>/<page>.json: one page of a category's keyword-in-context lines,
 * as objects (`lines`, the full build) or as rows of values (`kind`, `fields`, `rows`, a public build).
 */
export const concordancePageSchema = z
  .object({
    build: buildStampSchema,
    category: z.string(),
    page: index,
    first: index.describe("position of the page's first line in the category's list"),
    lines: z.array(concordanceLineSchema).optional().describe("the full build: each line as an object"),
    kind: concordanceLineSchema.shape.kind.optional().describe("a public build: every row's kind"),
    fields: z
      .tuple([
        z.literal("article"),
        z.literal("term"),
        z.literal("codebookTerm"),
        z.literal("form"),
        z.literal("quote"),
        z.literal("sentence"),
        z.literal("start"),
        z.literal("left"),
        z.literal("match"),
        z.literal("right"),
      ])
      .optional()
      .describe("a public build: the fields of a row, in order"),
    rows: z
      .array(concordanceRowSchema)
      .optional()
      .describe("a public build: each line as a row of values (`fields`), its kind and category the page's"),
  })
  .strict()
  .refine((page) => (page.lines === undefined) === (page.rows !== undefined && page.fields !== undefined && page.kind !== undefined), {
    message: "a concordance page has either lines or kind, fields and rows",
  });

export type ConcordanceLine = DeepReadonly<z.infer<typeof concordanceLineSchema>>;
export type ConcordancePageFile = DeepReadonly<z.infer<typeof concordancePageSchema>>;
