import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { z } from "zod";
import { compareIds } from "../common/compare-ids.ts";
import { CorpusValidationError, schemaErrors, type CorpusError } from "../reading/corpus-error.ts";
import { indexCorpus, type CorpusEntry } from "../reading/read-corpus.ts";
import { readRecordShards, recordShardFiles } from "../reading/read-records.ts";
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

/** What the manifests of a complete, consistent folder of shards say: the corpus, and each file's records. */
export interface CheckedShards {
  readonly corpus: ShardManifest["corpus"];
  readonly stamps: RecordStamps;
  /** Each `.jsonl` file's records as its manifest gives them, checked while the file is read. */
  readonly records: ReadonlyMap<string, ShardManifest["records"]>;
}

/** The first of `values` whose key most of them share (the first file's on a tie), for naming the odd ones out. */
function commonValue<T>(values: readonly T[], key: (value: T) => string): T {
  const counts = new Map<string, number>();
  for (const value of values) counts.set(key(value), (counts.get(key(value)) ?? 0) + 1);
  let best = values[0] as T;
  for (const value of values) if (counts.get(key(value))! > counts.get(key(best))!) best = value;
  return best;
}

/** "3, 4 and 7" (at most `shown` of them, then how many more). */
function listed(items: readonly (string | number)[], shown = 12): string {
  const head = items.slice(0, shown).map(String);
  const rest = items.length - head.length;
  if (rest > 0) return `${head.join(", ")} and ${rest} more`;
  return head.length > 1 ? `${head.slice(0, -1).join(", ")} and ${head.at(-1)}` : (head[0] ?? "");
}

const short = (sha: string) => `${sha.slice(0, 12)}…`;

/** How stamps differ from `expected`, in words: "analysis 0.23.0 (3f1c…)" or "other framing, devices files". */
function stampDifference(stamps: RecordStamps, expected: RecordStamps): string | null {
  const parts: string[] = [];
  if (JSON.stringify(stamps.analysis) !== JSON.stringify(expected.analysis))
    parts.push(`analysis ${stamps.analysis.version} (${short(stamps.analysis.code)})`);
  const books = Object.keys(expected.codebooks).filter(
    (key) =>
      JSON.stringify(stamps.codebooks[key as keyof CodebookStamps]) !== JSON.stringify(expected.codebooks[key as keyof CodebookStamps]),
  );
  if (books.length) parts.push(`other ${books.join(", ")} files`);
  return parts.length ? parts.join(" with ") : null;
}

/**
 * Checks, before a record is read, that the `.jsonl` files of `folder` are one whole run: every file has its
 * manifest (and every manifest its file), all are shards of one count N of one corpus made by one analysis
 * and codebooks (this checkout's, when `expected` is given), each shard 1…N is there exactly once, and
 * together they hold the corpus's articles. Every problem is one located error, all thrown at once in a
 * CorpusValidationError; a file's records are checked against its manifest while it is read
 * (reading/read-records.ts). With `unchecked` nothing is checked and null is returned (records piped out
 * of `npm run analyze -- -` by Spark or Hadoop have no manifest).
 */
export function checkShardSet(
  folder: string,
  files: readonly string[],
  { expected, unchecked = false }: { expected?: RecordStamps; unchecked?: boolean } = {},
): CheckedShards | null {
  if (unchecked) return null;
  const errors: CorpusError[] = [];
  const manifests: Array<{ file: string; manifest: ShardManifest }> = [];
  for (const file of files) {
    const path = manifestPathOf(join(folder, file));
    if (!existsSync(path)) {
      errors.push({
        file: join(folder, file),
        field: "manifest",
        message: `has no manifest (${basename(path)}), so nothing shows that the folder holds the whole corpus: write each shard with npm run analyze -- --shard K/N --out <folder>/part-K.jsonl, which writes it`,
      });
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(path, "utf8"));
    } catch {
      errors.push({ file: path, field: "manifest", message: "is not JSON" });
      continue;
    }
    const result = shardManifestSchema.safeParse(parsed);
    if (result.success) manifests.push({ file, manifest: result.data });
    else errors.push(...schemaErrors(result.error.issues, path));
  }
  // A manifest whose records file is gone: that shard is missing, said by name.
  const manifestNames = new Set(files.map((file) => basename(manifestPathOf(file))));
  for (const name of readdirNames(folder).filter((name) => name.endsWith(".manifest.json") && !manifestNames.has(name)))
    errors.push({
      file: join(folder, name),
      field: "records",
      message: `its records file (${name.replace(/\.manifest\.json$/u, ".jsonl")}) is missing`,
    });
  if (!manifests.length) throw new CorpusValidationError(errors);

  const { count } = commonValue(manifests, (m) => String(m.manifest.shard.count)).manifest.shard;
  const corpusOf = commonValue(manifests, (m) => m.manifest.corpus.sha256).manifest.corpus;
  const corpus = corpusOf.sha256;
  const reference = expected ?? commonValue(manifests, (m) => JSON.stringify([m.manifest.analysis, m.manifest.codebooks])).manifest;
  for (const { file, manifest } of manifests) {
    const at = join(folder, file);
    if (manifest.shard.count !== count)
      errors.push({
        file: at,
        field: "shard",
        message: `is shard ${manifest.shard.index} of ${manifest.shard.count}, the others are of ${count}: a shard of another split`,
      });
    if (manifest.corpus.sha256 !== corpus)
      errors.push({
        file: at,
        field: "corpus",
        message: `is a shard of another corpus (${manifest.corpus.articles} articles, sha256 ${short(manifest.corpus.sha256)}) than the others (${corpusOf.articles} articles, ${short(corpus)})`,
      });
    const difference = stampDifference(manifest, reference);
    if (difference)
      errors.push({
        file: at,
        field: "analysis",
        message: expected
          ? `was made by ${difference} than this build's (analysis ${expected.analysis.version}, ${short(expected.analysis.code)}); analyse the corpus again with this checkout`
          : `was made by ${difference} than the other shards; analyse it again with the same checkout`,
      });
  }
  // Shards 1…N of the common split, each once.
  const bySplit = manifests.filter((m) => m.manifest.shard.count === count);
  const holders = new Map<number, string[]>();
  for (const { file, manifest } of bySplit) holders.set(manifest.shard.index, [...(holders.get(manifest.shard.index) ?? []), file]);
  for (const [index, names] of [...holders].sort((a, b) => a[0] - b[0]))
    if (names.length > 1)
      errors.push({ file: folder, field: "shard", message: `shard ${index} of ${count} is there ${names.length} times: ${listed(names)}` });
  const missing = Array.from({ length: count }, (_, i) => i + 1).filter((index) => !holders.has(index));
  const held = bySplit.reduce((sum, m) => sum + m.manifest.records.count, 0);
  if (missing.length)
    errors.push({
      file: folder,
      field: "shard",
      message: `${missing.length} of ${count} shards ${missing.length === 1 ? "is" : "are"} missing (${missing.length === 1 ? "shard" : "shards"} ${listed(missing)}): the others hold ${held.toLocaleString("en")} of the corpus's ${corpusOf.articles.toLocaleString("en")} articles`,
    });
  else if (!errors.length && held !== corpusOf.articles)
    errors.push({ file: folder, field: "records", message: `the shards hold ${held} records, their corpus ${corpusOf.articles} articles` });
  if (errors.length) throw new CorpusValidationError(errors);
  return {
    corpus: corpusOf,
    stamps: { analysis: reference.analysis, codebooks: reference.codebooks },
    records: new Map(manifests.map((m) => [m.file, m.manifest.records])),
  };
}

/**
 * A folder of record shards, checked whole (checkShardSet: every problem at once, before a record is read)
 * and its records in id order, each file checked against its manifest as it ends.
 * @example const { checked, lines } = openShardSet("records", { expected: stamps }); for await (const json of lines) …
 */
export function openShardSet(
  folder: string,
  options: { expected?: RecordStamps; unchecked?: boolean } = {},
): { checked: CheckedShards | null; lines: AsyncGenerator<string> } {
  const checked = checkShardSet(folder, recordShardFiles(folder), options);
  return { checked, lines: readRecordShards(folder, checked?.records) };
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

/** The names in a folder, sorted (none when it cannot be read: the caller says so). */
function readdirNames(folder: string): string[] {
  try {
    return readdirSync(folder).sort(compareIds);
  } catch {
    return [];
  }
}
