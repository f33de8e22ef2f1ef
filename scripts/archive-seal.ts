/**
 * The seal of the site's cached archive (src/.observablehq/cache/data/corpus.zip), kept beside it in
 * `corpus.zip.seal`: its size and SHA-256 under the fingerprint of the inputs it was made from
 * (scripts/freshen-loaders.ts), in the record cache's seal format (data-loaders/pipeline/record-cache.ts).
 * `npm run build` seals the archive its loader made and checks the seal before using a cached one, so a
 * damaged archive (a truncated write, bytes changed on disk) or one made from other inputs is made again,
 * never published. An archive `npm run dev` had Framework make carries no seal and is made again too.
 */
import { existsSync, readFileSync } from "node:fs";
import { writeDurably, checkSeal, sealLine } from "../data-loaders/pipeline/record-cache.ts";
import { recordedFingerprint } from "./freshen-loaders.ts";

/** Where the seal of `zip` is kept. */
export function sealOf(zip: string): string {
  return `${zip}.seal`;
}

/** The inputs' fingerprint recorded by the last build, which an archive is sealed under. */
const recorded = (): string => recordedFingerprint() ?? "none";

/** Seals `zip` as it is now, under the inputs' recorded fingerprint (written durably). */
export function sealArchive(zip: string, fingerprint: string = recorded()): void {
  writeDurably(sealOf(zip), `${sealOf(zip)}.${process.pid}.partial`, [Buffer.from(sealLine(fingerprint, readFileSync(zip)))]);
}

/**
 * What is wrong with `zip` ("does not match its seal (…)", "has no seal"), or null when its seal holds (the
 * caller removes a broken archive with its seal). `fingerprint`: the inputs' (a test names its own).
 */
export function archiveProblem(zip: string, fingerprint: string = recorded()): string | null {
  if (!existsSync(sealOf(zip))) return "has no seal (made by npm run dev, or an interrupted build)";
  const problem = checkSeal(readFileSync(sealOf(zip), "latin1").trim(), fingerprint, readFileSync(zip));
  if (problem === null) return null;
  return problem === "it holds the entry of another key"
    ? "was made from other inputs"
    : `does not match its seal (${problem}): damaged, or replaced since`;
}
