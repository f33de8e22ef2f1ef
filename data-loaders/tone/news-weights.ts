import { z } from "zod";
import { schemaErrors, type CorpusError } from "../reading/corpus-error.ts";
import { fittedFileProvenance } from "../common/fitted-file.ts";

/**
 * The Dutch news-tone weights, fitted by `npm run fit:tone` on the development part of the ecosent
 * headlines (van Atteveldt, van der Velden & Boukes 2021, MIT): a scale for the Pattern lexicon, one
 * weight per word stem, and the class thresholds the fit chose. Kept as data with its provenance.
 */
const schema = z
  .object({
    ...fittedFileProvenance,
    fittedOn: z.object({ items: z.number().int().min(1), part: z.literal("development") }).strict(),
    patternScale: z.number().finite(),
    thresholds: z.object({ negative: z.number().finite(), positive: z.number().finite() }).strict(),
    weights: z.record(z.string().min(1), z.number().finite()),
  })
  .strict()
  .refine((w) => w.thresholds.negative <= w.thresholds.positive, { message: "thresholds.negative must not exceed thresholds.positive" });

export type NewsWeights = z.infer<typeof schema>;

/** Validates a parsed weights file. */
export function compileNewsWeights(
  raw: unknown,
  file: string,
): { readonly weights: NewsWeights | null; readonly errors: readonly CorpusError[] } {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { weights: parsed.data, errors: [] } : { weights: null, errors: schemaErrors(parsed.error.issues, file) };
}
