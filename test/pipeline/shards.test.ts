// Shards of a corpus and the merge of record shards (data-loaders/pipeline/shards.ts, reading/read-records.ts).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inShard, parseShard } from "../../data-loaders/pipeline/shards.ts";
import { readRecordShards } from "../../data-loaders/reading/read-records.ts";
import { CorpusValidationError, type CorpusError } from "../../data-loaders/reading/corpus-error.ts";

/** The located errors `run` rejects with. */
async function corpusErrors(run: () => Promise<unknown>): Promise<CorpusError[]> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CorpusValidationError) return [...error.errors];
    throw error;
  }
  throw new Error("expected the shards to be rejected");
}

describe("parseShard and inShard", () => {
  it("reads K/N and puts every id in exactly one of the N shards", () => {
    expect(parseShard("2/4")).toEqual({ shard: { index: 2, count: 4 } });
    for (const bad of ["0/4", "5/4", "2", "a/b", "1/0"]) expect(parseShard(bad)).toHaveProperty("error");
    const ids = Array.from({ length: 200 }, (_, i) => `article-${i}`);
    const shards = [1, 2, 3, 4].map((index) => ids.filter((id) => inShard(id, { index, count: 4 })));
    expect(shards.flat().sort()).toEqual([...ids].sort());
    for (const shard of shards) expect(shard.length).toBeGreaterThan(30);
  });
});

describe("readRecordShards", () => {
  const folder = () => mkdtempSync(join(tmpdir(), "record-shards-"));
  const collect = async (dir: string) => {
    const out: string[] = [];
    for await (const line of readRecordShards(dir)) out.push(line);
    return out;
  };
  it("merges sorted shards by id", async () => {
    const dir = folder();
    try {
      writeFileSync(join(dir, "a.jsonl"), '{"id":"a"}\n{"id":"d"}\n');
      writeFileSync(join(dir, "b.jsonl"), '{"id":"b"}\n{"id":"c"}\n\n');
      expect(await collect(dir)).toEqual(['{"id":"a"}', '{"id":"b"}', '{"id":"c"}', '{"id":"d"}']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it("names the file and line of an unsorted shard, a duplicate id and a line that is no record", async () => {
    for (const [files, message] of [
      [{ "a.jsonl": '{"id":"b"}\n{"id":"a"}\n' }, /a\.jsonl:2 .*comes after "b"/u],
      [{ "a.jsonl": '{"id":"a"}\n', "b.jsonl": '{"id":"a"}\n' }, /b\.jsonl:1 .*is also in a\.jsonl/u],
      [{ "a.jsonl": "not json\n" }, /a\.jsonl:1 .*is not JSON/u],
      [{}, /contains no \.jsonl record shards/u],
    ] as const) {
      const dir = folder();
      try {
        for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
        const errors = await corpusErrors(() => collect(dir));
        expect(errors.map((e) => `${e.file} ${e.field} ${e.message}`).join("\n")).toMatch(message);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    }
  });
});
