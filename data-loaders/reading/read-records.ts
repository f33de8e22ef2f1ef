import { createHash, type Hash } from "node:crypto";
import { createReadStream, readdirSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { compareIds } from "../common/compare-ids.ts";
import { CorpusValidationError, type CorpusError } from "./corpus-error.ts";

/**
 * Reads a folder of record shards (`*.jsonl`, each the output of `npm run analyze`, sorted by id, for
 * example one per `--shard K/N`) and yields every record's JSON line in id order: a k-way merge, so memory
 * holds one line per shard. Merged, the shards of a corpus give exactly the single run's output. An empty
 * folder, a line that is not a record with an id, a shard out of id order and an id in two shards are
 * located errors. With `expected` (a file's record count and the SHA-256 of its lines, each with its
 * newline, as its manifest gives them: pipeline/shard-set.ts), a file that holds other records is an
 * error once it has been read.
 */
export async function* readRecordShards(folder: string, expected?: ManifestRecords): AsyncGenerator<string> {
  const heads: ShardHead[] = [];
  for (const file of recordShardFiles(folder)) {
    const lines = createInterface({ input: createReadStream(join(folder, file)), crlfDelay: Infinity })[Symbol.asyncIterator]();
    const head = await nextRecord({ file, line: 0, lines, records: 0, hash: createHash("sha256") }, folder, expected);
    if (head) heads.push(head);
  }
  let last: { id: string; file: string } | null = null;
  while (heads.length) {
    let k = 0;
    for (let i = 1; i < heads.length; i++) if (compareIds(heads[i]!.id, heads[k]!.id) < 0) k = i;
    const head = heads[k]!;
    if (last && last.id === head.id)
      fail({ file: `${head.file}:${head.line}`, field: "id", message: `"${head.id}" is also in ${last.file}` });
    last = { id: head.id, file: head.file };
    yield head.json;
    const next = await nextRecord(head, folder, expected);
    if (next) heads[k] = next;
    else heads.splice(k, 1);
  }
}

/** Each file's record count and the SHA-256 of its lines, as its manifest gives them. */
type ManifestRecords = ReadonlyMap<string, { readonly count: number; readonly sha256: string }>;

/** A shard's place in the merge: its next record (id and JSON line), its line number, and what has been read of it. */
interface ShardHead {
  file: string;
  line: number;
  id: string;
  json: string;
  lines: AsyncIterator<string>;
  records: number;
  hash: Hash;
}

function fail(error: CorpusError): never {
  throw new CorpusValidationError([error]);
}

/**
 * A shard's record after `head` (which it moves on), or null at the file's end, once the file is checked
 * against its manifest; a line that is not a record with an id, or out of id order, is a located error.
 */
async function nextRecord(
  head: Omit<ShardHead, "id" | "json"> & Partial<ShardHead>,
  folder: string,
  expected: ManifestRecords | undefined,
): Promise<ShardHead | null> {
  for (;;) {
    const next = await head.lines.next();
    if (next.done) return (checkWhole(head, folder, expected), null);
    head.line++;
    if (!next.value.trim()) continue;
    head.hash.update(next.value).update("\n");
    head.records++;
    const at = `${head.file}:${head.line}`;
    let id: unknown;
    try {
      id = (JSON.parse(next.value) as { id?: unknown }).id;
    } catch {
      fail({ file: at, field: "record", message: "is not JSON" });
    }
    if (typeof id !== "string") fail({ file: at, field: "id", message: "is missing: not an analysis record" });
    if (head.id !== undefined && compareIds(head.id, id as string) >= 0)
      fail({
        file: at,
        field: "id",
        message: `"${id}" comes after "${head.id}": a shard must be sorted by id, as npm run analyze writes it`,
      });
    return { ...head, id: id as string, json: next.value } as ShardHead;
  }
}

/** At its end, a file holds what its manifest says, or it was cut short or changed since it was written. */
function checkWhole(head: Pick<ShardHead, "file" | "records" | "hash">, folder: string, expected: ManifestRecords | undefined): void {
  const wanted = expected?.get(head.file);
  if (!wanted) return;
  const sha256 = head.hash.digest("hex");
  if (head.records !== wanted.count || sha256 !== wanted.sha256)
    fail({
      file: join(folder, head.file),
      field: "records",
      message: `holds ${head.records} records (sha256 ${sha256.slice(0, 12)}…), its manifest says ${wanted.count} (${wanted.sha256.slice(0, 12)}…): the file was cut short or changed after it was written`,
    });
}

/** The `.jsonl` files of a folder of record shards, in id order; a missing or empty folder is a located error. */
export function recordShardFiles(folder: string): string[] {
  let files: string[];
  try {
    files = readdirSync(folder)
      .filter((name) => name.endsWith(".jsonl"))
      .sort(compareIds);
  } catch {
    throw new CorpusValidationError([{ file: folder, field: "RECORDS", message: "no such folder" }]);
  }
  if (!files.length) throw new CorpusValidationError([{ file: folder, field: "RECORDS", message: "contains no .jsonl record shards" }]);
  return files;
}
