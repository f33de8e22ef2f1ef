// A folder of record shards checked whole before a record is read (checkShardSet: every problem at once)
// and read in id order (openShardSet); what one shard's manifest holds is in shard-manifest.ts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { basename, join } from "node:path";
import { compareIds } from "../common/compare-ids.ts";
import { CorpusValidationError, schemaErrors, type CorpusError } from "../reading/corpus-error.ts";
import { readRecordShards, recordShardFiles } from "../reading/read-records.ts";
import type { CodebookStamps } from "../schema/record.ts";
import { manifestPathOf, shardManifestSchema, type RecordStamps, type ShardManifest } from "./shard-manifest.ts";

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
  const manifests = readShardManifests(folder, files, errors);
  if (!manifests.length) throw new CorpusValidationError(errors);
  const { count } = commonValue(manifests, (m) => String(m.manifest.shard.count)).manifest.shard;
  const corpus = commonValue(manifests, (m) => m.manifest.corpus.sha256).manifest.corpus;
  const reference = expected ?? commonValue(manifests, (m) => JSON.stringify([m.manifest.analysis, m.manifest.codebooks])).manifest;
  errors.push(...unlikeShards(folder, manifests, { count, corpus, reference, expected }));
  errors.push(...splitProblems(folder, manifests, count, corpus, errors.length > 0));
  if (errors.length) throw new CorpusValidationError(errors);
  return {
    corpus,
    stamps: { analysis: reference.analysis, codebooks: reference.codebooks },
    records: new Map(manifests.map((m) => [m.file, m.manifest.records])),
  };
}

/** A records file and its manifest. */
interface ManifestOf {
  readonly file: string;
  readonly manifest: ShardManifest;
}

/**
 * The manifests of the records `files` of `folder` that have a readable one; into `errors`, a file without
 * one, a manifest that is not JSON or not a manifest, and a manifest whose records file is gone.
 */
function readShardManifests(folder: string, files: readonly string[], errors: CorpusError[]): ManifestOf[] {
  const manifests: ManifestOf[] = [];
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
  return manifests;
}

/**
 * A shard unlike the others, one error each way: of another split than the common `count`, of another
 * corpus, or made by another analysis or codebooks than `reference` (this checkout's, when `expected`).
 */
function unlikeShards(
  folder: string,
  manifests: readonly ManifestOf[],
  common: { count: number; corpus: ShardManifest["corpus"]; reference: RecordStamps; expected: RecordStamps | undefined },
): CorpusError[] {
  const { count, corpus, reference, expected } = common;
  const errors: CorpusError[] = [];
  for (const { file, manifest } of manifests) {
    const at = join(folder, file);
    if (manifest.shard.count !== count)
      errors.push({
        file: at,
        field: "shard",
        message: `is shard ${manifest.shard.index} of ${manifest.shard.count}, the others are of ${count}: a shard of another split`,
      });
    if (manifest.corpus.sha256 !== corpus.sha256)
      errors.push({
        file: at,
        field: "corpus",
        message: `is a shard of another corpus (${manifest.corpus.articles} articles, sha256 ${short(manifest.corpus.sha256)}) than the others (${corpus.articles} articles, ${short(corpus.sha256)})`,
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
  return errors;
}

/**
 * Whether shards 1…N of the common split are each there once: a shard there twice, the shards missing, or
 * (with none missing and no other problem, `othersFound` false) records that do not add up to the corpus.
 */
function splitProblems(
  folder: string,
  manifests: readonly ManifestOf[],
  count: number,
  corpus: ShardManifest["corpus"],
  othersFound: boolean,
): CorpusError[] {
  const errors: CorpusError[] = [];
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
      message: `${missing.length} of ${count} shards ${missing.length === 1 ? "is" : "are"} missing (${missing.length === 1 ? "shard" : "shards"} ${listed(missing)}): the others hold ${held.toLocaleString("en")} of the corpus's ${corpus.articles.toLocaleString("en")} articles`,
    });
  else if (!othersFound && !errors.length && held !== corpus.articles)
    errors.push({ file: folder, field: "records", message: `the shards hold ${held} records, their corpus ${corpus.articles} articles` });
  return errors;
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

/** The names in a folder, sorted (none when it cannot be read: the caller says so). */
function readdirNames(folder: string): string[] {
  try {
    return readdirSync(folder).sort(compareIds);
  } catch {
    return [];
  }
}
