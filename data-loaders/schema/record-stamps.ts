// Which code and data files made an output: the stamps every record carries (and every published file,
// through its build stamp, schema/output-parts.ts). Part of the record (record.ts re-exports them).
import { z } from "zod";
import type { DeepReadonly } from "./deep-readonly.ts";

/** The identity of one data file a record was made with. */
export const fileStampSchema = z
  .object({
    id: z.string().describe("the file's own id"),
    version: z.string().describe("the file's declared version"),
    sha256: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe("SHA-256 of the file's bytes"),
  })
  .strict();

/** The codebooks and gazetteers a record was made with. */
export const codebookStampsSchema = z
  .object({
    framing: fileStampSchema,
    devices: fileStampSchema,
    speechCues: fileStampSchema,
    actors: fileStampSchema,
    outlets: fileStampSchema,
    attributionModel: fileStampSchema.describe("the learned cue detector and speaker ranker (corpus/models/attribution.json)"),
  })
  .strict()
  .describe("id, version and SHA-256 of each codebook, gazetteer and model file the record was made with");

/** Which build of the analysis library made an output: the project's version and a fingerprint of its code. */
export const analysisStampSchema = z
  .object({
    version: z.string().describe("the project's version (package.json), as listed in CHANGELOG.md"),
    code: z
      .string()
      .regex(/^[0-9a-f]{64}$/)
      .describe("SHA-256 over the analysis library's source files (data-loaders/**/*.ts), paths and bytes"),
  })
  .strict()
  .describe("the version of the project and a fingerprint of the analysis code that made this output");

export type FileStamp = DeepReadonly<z.infer<typeof fileStampSchema>>;
export type CodebookStamps = DeepReadonly<z.infer<typeof codebookStampsSchema>>;
export type AnalysisStamp = DeepReadonly<z.infer<typeof analysisStampSchema>>;
