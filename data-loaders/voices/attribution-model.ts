import { createHash } from "node:crypto";
import { z } from "zod";
import type { CodebookStamp } from "../terms/codebook.ts";
import { fittedFileProvenance } from "../common/fitted-file.ts";
import { schemaErrors, type CorpusError } from "../reading/corpus-error.ts";
import type { LinearModel } from "./linear-model.ts";
import { CUE_FAMILIES, type CueFamily } from "./cue-families.ts";

/**
 * The learned attribution model (corpus/models/attribution.json), fitted by `npm run fit:attribution` on the
 * development part of PolNeAR's train split (Newell, Margolin & Ruths 2018): a cue detector (which verbs and
 * listed phrases report speech or thought) and a speaker ranker (which candidate mention is a cue's
 * source). Each is a logistic regression over named features, kept as data with its provenance.
 */
const linearSchema = z
  .object({
    threshold: z.number().gt(0).lt(1).describe("the probability from which a candidate is taken"),
    bias: z.number().finite(),
    weights: z.record(z.string().min(1), z.number().finite()),
  })
  .strict();

const cueSchema = linearSchema
  .extend({
    candidates: z
      .array(z.enum(CUE_FAMILIES))
      .optional()
      .describe("the candidate families scored beside verbs and listed words (voices/cue-families.ts); absent: none"),
  })
  .strict();

const pairSchema = z
  .object({
    cueFloor: z.number().gt(0).lt(1).describe("the cue probability from which the detector proposes cues to the pair model"),
    pairThreshold: z
      .number()
      .gt(0)
      .lt(1)
      .describe("the pair probability from which a cue below the cue threshold is kept, with that pair's speaker"),
    speakerThreshold: z.number().gt(0).lt(1).describe("the pair probability from which a cue's best candidate is named its speaker"),
    bias: z.number().finite(),
    weights: z.record(z.string().min(1), z.number().finite()),
  })
  .strict();

const schema = z
  .object({
    ...fittedFileProvenance,
    cite: z.string().min(1),
    fittedOn: z.object({ articles: z.number().int().min(1), part: z.string().min(1), settings: z.record(z.string(), z.number()) }).strict(),
    cue: cueSchema,
    speaker: linearSchema.optional(),
    pair: pairSchema
      .optional()
      .describe("the (cue, speaker) pair model (voices/pair-model.ts): decides the cues below the cue threshold and every speaker"),
    speakerHeads: z
      .array(z.string().min(1))
      .optional()
      .describe("lower-case nouns that head a described speaker ('campaign', 'poll', 'officials'), learned from the annotated sources"),
  })
  .strict();

/** A linear model with the probability from which its decision is yes. */
export interface ThresholdModel extends LinearModel {
  readonly threshold: number;
  /** For the cue detector: the candidate families it scores beside verbs and listed words (voices/cue-families.ts). */
  readonly candidates?: readonly CueFamily[];
}

/** The pair model with its operating point (see PairDecision in voices/pair-model.ts). */
export interface PairModel extends LinearModel {
  readonly cueFloor: number;
  readonly pairThreshold: number;
  readonly speakerThreshold: number;
}

/** The compiled model: the two decisions, and the file's stamp (id, version, SHA-256) for the records. */
export interface AttributionModel {
  readonly stamp: CodebookStamp;
  /** Null: the speech-cue lists and the verb reading decide what a cue is. */
  readonly cue: ThresholdModel | null;
  /** Null: the first speaker sieve that finds a speaker decides. */
  readonly speaker: ThresholdModel | null;
  /** Null: the cue threshold decides every cue and the ranker every speaker; else the pair model does (voices/pair-model.ts). */
  readonly pair: PairModel | null;
  /**
   * Nouns that can head a speaker described by a phrase rather than named ("the campaign", "a new poll"):
   * with the ranker, a phrase whose head is none of these (nor a speech-cue list's word, nor a name) is
   * no candidate ("composition", "a visit to Harbin"). Empty: no phrase is a candidate.
   */
  readonly speakerHeads: ReadonlySet<string>;
}

/**
 * No learned decision: the lists, the verb reading and the speaker sieves alone, as in Dutch. The rules'
 * own tests run with it, so each named rule is checked by itself.
 */
export const RULES_ONLY: AttributionModel = {
  stamp: { id: "rules-only", version: "0.0.0", sha256: createHash("sha256").update("rules-only").digest("hex") },
  cue: null,
  speaker: null,
  pair: null,
  speakerHeads: new Set(),
};

/** The file's JSON form, as the fit script writes it. */
export type AttributionModelFile = z.infer<typeof schema>;

/** Validates a parsed model file; errors name the file and field. */
export function compileAttributionModel(
  raw: unknown,
  bytes: Uint8Array,
  file: string,
): { readonly model: AttributionModel | null; readonly errors: readonly CorpusError[] } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) return { model: null, errors: schemaErrors(parsed.error.issues, file) };
  const linear = (part: z.infer<typeof linearSchema>): ThresholdModel => ({
    threshold: part.threshold,
    bias: part.bias,
    weights: new Map(Object.entries(part.weights)),
  });
  const { id, version, cue, speaker, pair, speakerHeads } = parsed.data;
  return {
    model: {
      stamp: { id, version, sha256: createHash("sha256").update(bytes).digest("hex") },
      cue: cue.candidates ? { ...linear(cue), candidates: cue.candidates } : linear(cue),
      speaker: speaker ? linear(speaker) : null,
      pair: pair ? { ...pair, weights: new Map(Object.entries(pair.weights)) } : null,
      speakerHeads: new Set(speakerHeads ?? []),
    },
    errors: [],
  };
}
