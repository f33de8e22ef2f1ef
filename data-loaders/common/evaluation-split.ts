import { createHash } from "node:crypto";

/** Which part of an externally labelled set an item belongs to. */
export type EvaluationPart = "development" | "kept-back";

/**
 * The fixed split of every labelled evaluation set: an item is kept back when the first byte of the
 * SHA-256 of its id is divisible by 3 (about one third), else it is development data. Rules and weights
 * may be written or fitted only while looking at development items; the kept-back figure is the one
 * published. Decided before any item was looked at, and never changed since.
 * @example evaluationPart("10007") // "development" or "kept-back", the same on every machine
 */
export function evaluationPart(id: string): EvaluationPart {
  return createHash("sha256").update(id, "utf8").digest()[0]! % 3 === 0 ? "kept-back" : "development";
}

/**
 * Inside the development part, the fold a design decision is checked on: an item is in the "tune" fold
 * when the first byte of the SHA-256 of "tune:" and its id is divisible by 4 (about a quarter), else in
 * the "fit" fold. A fit script run with its tuning flag fits on the fit fold only, so a choice (features,
 * settings, thresholds) is measured on development items the weights never saw; the shipped weights are
 * then fitted on the whole development part. The kept-back part is never read by either.
 * @example developmentFold("10007") // "fit" or "tune", the same on every machine
 */
export function developmentFold(id: string): "fit" | "tune" {
  return createHash("sha256").update(`tune:${id}`, "utf8").digest()[0]! % 4 === 0 ? "tune" : "fit";
}
