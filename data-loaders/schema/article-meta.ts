// Where an article says it came from: its declared metadata, the provenance its text states, and the two
// checked against each other. Part of the record (record.ts re-exports them).
import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.ts";

const nullableText = z.string().nullable();

/** What the text itself says about where it came from, as recorded by whoever added it to the corpus. */
export const provenanceSchema = z
  .object({
    creditedAuthor: nullableText.describe('author credited in the text ("… schrijft Pepe Escobar")'),
    origin: z.array(z.string()).describe('outlets or sites named in an origin line ("Bron: www.rt.com")'),
    summaryOf: z.array(z.string()).describe("outlets the text says it summarises"),
    translatedFrom: nullableText.describe("language or outlet the text says it was translated from"),
    evidence: nullableText.describe("where in the text the above was read, for a reviewer to check"),
  })
  .strict();

/** Article metadata: the declared fields, plus any unknown fields kept verbatim in `extra`. */
export const articleMetaSchema = z
  .object({
    title: nullableText,
    outlet: nullableText,
    published: nullableText.describe(
      "ISO 8601 date as declared: YYYY-MM-DD or a date-time, or of reduced precision, YYYY-MM or YYYY (kept as given)",
    ),
    url: nullableText,
    author: nullableText,
    provenance: provenanceSchema,
    source: z
      .string()
      .describe(
        "where the article was read from: a path relative to the corpus input (a .md or .txt file), file.jsonl:line, file.csv:line or file.tsv:line (the line a row starts on), or file.json#n (its n-th object)",
      ),
    extra: z
      .record(z.string(), z.unknown())
      .describe("front-matter or JSONL fields this schema does not know, kept as given (keys sorted)"),
  })
  .strict();

/** Provenance found in the text beside the provenance the metadata declares. */
export const provenanceCheckSchema = z
  .object({
    declared: z.object({ origins: z.array(z.string()), author: nullableText }).strict(),
    detected: z.object({ origins: z.array(z.string()), authors: z.array(z.string()) }).strict(),
    disagreements: z.array(z.string()).describe("empty when the two agree"),
  })
  .strict()
  .describe("provenance found in the text beside the declared provenance; disagreements listed");

export type Provenance = DeepReadonly<z.infer<typeof provenanceSchema>>;
export type ArticleMeta = DeepReadonly<z.infer<typeof articleMetaSchema>>;
export type ProvenanceCheck = DeepReadonly<z.infer<typeof provenanceCheckSchema>>;
