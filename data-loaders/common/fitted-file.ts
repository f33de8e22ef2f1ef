import { z } from "zod";

/**
 * The provenance every fitted data file opens with (the Dutch news-tone weights, the attribution model):
 * its id and semantic version (written into records), its licence, where it was fitted from, and how.
 */
export const fittedFileProvenance = {
  id: z.string().min(1),
  version: z.string().regex(/^\d+\.\d+\.\d+$/, "must be a semantic version such as 1.0.0"),
  licence: z.string().min(1),
  source: z.string().min(1),
  method: z.string().min(1),
} as const;
