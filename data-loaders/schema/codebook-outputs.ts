// The codebooks as the reader, the codebook page and the printed coding manual show them (codebooks.json;
// see site-outputs.ts): every codebook without its compiled patterns, the speech cues and the actors.
import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.ts";
import { languageSchema } from "./enums.ts";
import { codebookStampsSchema } from "./record.ts";
import { buildStampSchema } from "./output-parts.ts";

/** A codebook as the reader and the codebook page need it: everything but the compiled patterns. */
export const codebookViewSchema = z
  .object({
    id: z.string(),
    title: z.string(),
    version: z.string(),
    sha256: z.string(),
    versionCheck: z
      .object({ status: z.enum(["recorded", "changed", "unrecorded"]), content: z.string(), recorded: z.string().nullable() })
      .strict()
      .describe(
        "whether the codebook's content (the parsed file without its versions list, keys sorted: SHA-256) is the content recorded for its version in its own versions list: recorded, changed (edited under an unchanged version) or unrecorded",
      ),
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
export type CodebookView = DeepReadonly<z.infer<typeof codebookViewSchema>>;
