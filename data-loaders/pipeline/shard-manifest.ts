import { createHash } from "node:crypto";
import { renameSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { z } from "zod";
import { indexCorpus, type CorpusEntry } from "../reading/read-corpus.ts";
import { PROJECT_ROOT, readingOptions, type CorpusPaths } from "../project-paths.ts";
import { analysisStampSchema, codebookStampsSchema, type AnalysisStamp, type CodebookStamps } from "../schema/record.ts";

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/u);
const wholeNumber = z.number().int().min(0);

/**
 * What a build needs to know of one file of records to check that a folder of them is one whole run: which
 * shard of how many it is, of which corpus, made by which code and codebooks, and how many records with
 * which bytes it holds. `npm run analyze -- --out <file>` writes it beside the file (`part-1.jsonl` →
 * `part-1.manifest.json`); a run without `--shard` is shard 1 of 1.
 */
export const shardManifestSchema = z
  .object({
    shard: z
      .object({ index: z.number().int().min(1), count: z.number().int().min(1) })
      .strict()
      .refine((shard) => shard.index <= shard.count, { message: "index must not exceed count" })
      .describe("shard index of count (npm run analyze -- --shard index/count; 1 of 1 for a whole run)"),
    corpus: z
      .object({ articles: wholeNumber, sha256: sha256Hex })
      .strict()
      .describe("the whole corpus the shard was cut from: its articles and a SHA-256 over their ids and read hashes"),
    records: z
      .object({ count: wholeNumber, sha256: sha256Hex })
      .strict()
      .describe("the records in the file beside it: how many, and the SHA-256 of its bytes"),
    analysis: analysisStampSchema,
    codebooks: codebookStampsSchema,
  })
  .strict();

/** A shard's manifest, as written and read. */
export type ShardManifest = z.infer<typeof shardManifestSchema>;

/** The analysis and codebook stamps records carry: what a build compares with its own. */
export interface RecordStamps {
  readonly analysis: AnalysisStamp;
  readonly codebooks: CodebookStamps;
}

/**
 * The corpus as a shard's manifest names it: the number of articles and a SHA-256 over each one's id and
 * read hash (the SHA-256 of the article as read: id, language, metadata, text), in id order. Every shard of
 * one corpus gets the same, whichever machine cut it; any edit, added or removed article changes it.
 * @example corpusFingerprint(entries) // { articles: 400, sha256: "9a0c…" }
 */
export function corpusFingerprint(entries: readonly Pick<CorpusEntry, "id" | "readHash">[]): ShardManifest["corpus"] {
  const hash = createHash("sha256");
  for (const entry of entries) hash.update(`${entry.id}\t${entry.readHash}\n`);
  return { articles: entries.length, sha256: hash.digest("hex") };
}

/**
 * Where the manifest of a records file goes: beside it, named after it.
 * @example manifestPathOf("records/part-1.jsonl") // "records/part-1.manifest.json"
 */
export function manifestPathOf(recordsFile: string): string {
  const name = basename(recordsFile);
  return join(dirname(recordsFile), `${basename(name, extname(name))}.manifest.json`);
}

/**
 * Counts and hashes the lines of a records file as they are written (each line and its newline), for its
 * manifest.
 */
export class RecordsDigest {
  private readonly hash = createHash("sha256");
  private lines = 0;

  /** Adds one line (without its newline). */
  add(line: string | Uint8Array): void {
    this.hash.update(line).update("\n");
    this.lines++;
  }

  /** The manifest's `records`. Call once. */
  digest(): ShardManifest["records"] {
    return { count: this.lines, sha256: this.hash.digest("hex") };
  }
}

/** Writes the manifest of `recordsFile` beside it (through a temporary file, so it appears whole). */
export function writeShardManifest(recordsFile: string, manifest: ShardManifest): string {
  const path = manifestPathOf(recordsFile);
  const partial = join(dirname(path), `.${basename(path)}.partial-${process.pid}`);
  writeFileSync(partial, `${JSON.stringify(manifest, null, 2)}\n`);
  renameSync(partial, path);
  return path;
}

/**
 * The paths with the exercise sets that go with records of `corpus`: the bundled sets name articles of the
 * bundled corpus, so records of another corpus (whatever CORPUS says: a build from records does not read
 * it) get none, as a build of that corpus would. Whether the records are of the bundled corpus is decided
 * by its fingerprint, from the checkout's corpus/articles.
 * @example await exercisesForRecords(corpusPaths(), checked.corpus) // exercises: null unless the bundled corpus
 */
export async function exercisesForRecords(paths: CorpusPaths, corpus: ShardManifest["corpus"]): Promise<CorpusPaths> {
  const bundled = join(PROJECT_ROOT, "corpus");
  if (paths.exercises !== join(bundled, "exercises")) return paths;
  const entries = await indexCorpus(join(bundled, "articles"), readingOptions(paths));
  return corpusFingerprint(entries).sha256 === corpus.sha256 ? paths : { ...paths, exercises: null };
}
