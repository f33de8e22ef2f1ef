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
 * located errors.
 */
export async function* readRecordShards(folder: string): AsyncGenerator<string> {
  let files: string[];
  try {
    files = readdirSync(folder)
      .filter((name) => name.endsWith(".jsonl"))
      .sort(compareIds);
  } catch {
    throw new CorpusValidationError([{ file: folder, field: "RECORDS", message: "no such folder" }]);
  }
  if (!files.length) throw new CorpusValidationError([{ file: folder, field: "RECORDS", message: "contains no .jsonl record shards" }]);
  type Head = { file: string; line: number; id: string; json: string; lines: AsyncIterator<string> };
  const fail = (error: CorpusError): never => {
    throw new CorpusValidationError([error]);
  };
  const advance = async (head: Omit<Head, "id" | "json"> & Partial<Head>): Promise<Head | null> => {
    for (;;) {
      const next = await head.lines.next();
      if (next.done) return null;
      head.line++;
      if (!next.value.trim()) continue;
      let id: unknown;
      try {
        id = (JSON.parse(next.value) as { id?: unknown }).id;
      } catch {
        fail({ file: `${head.file}:${head.line}`, field: "record", message: "is not JSON" });
      }
      if (typeof id !== "string") fail({ file: `${head.file}:${head.line}`, field: "id", message: "is missing: not an analysis record" });
      if (head.id !== undefined && compareIds(head.id, id as string) >= 0)
        fail({
          file: `${head.file}:${head.line}`,
          field: "id",
          message: `"${id}" comes after "${head.id}": a shard must be sorted by id, as npm run analyze writes it`,
        });
      return { ...head, id: id as string, json: next.value } as Head;
    }
  };
  const heads: Head[] = [];
  for (const file of files) {
    const lines = createInterface({ input: createReadStream(join(folder, file)), crlfDelay: Infinity })[Symbol.asyncIterator]();
    const head = await advance({ file, line: 0, lines });
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
    const next = await advance(head);
    if (next) heads[k] = next;
    else heads.splice(k, 1);
  }
}
