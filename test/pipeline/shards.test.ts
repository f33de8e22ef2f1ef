// Shards of a corpus and the merge of record shards (data-loaders/pipeline/shards.ts, reading/read-records.ts).
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { inShard, parseShard } from "../../data-loaders/pipeline/shards.ts";
import { readRecordShards } from "../../data-loaders/reading/read-records.ts";
import { CorpusValidationError, type CorpusError } from "../../data-loaders/reading/corpus-error.ts";
import { checkShardSet, openShardSet } from "../../data-loaders/pipeline/shard-set.ts";
import {
  corpusFingerprint,
  exercisesForRecords,
  RecordsDigest,
  writeShardManifest,
  type RecordStamps,
  type ShardManifest,
} from "../../data-loaders/pipeline/shard-manifest.ts";
import { indexCorpus } from "../../data-loaders/reading/read-corpus.ts";
import { corpusPaths, PROJECT_ROOT, readingOptions } from "../../data-loaders/project-paths.ts";

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

/** Stamps as records carry them; `code` and `framing` tell two analyses apart. */
function stamps(code = "a", framing = "f"): RecordStamps {
  const file = (id: string, hex: string) => ({ id, version: "1.0.0", sha256: hex.repeat(64) });
  return {
    analysis: { version: "0.24.0", code: code.repeat(64) },
    codebooks: {
      framing: file("framing", framing),
      devices: file("devices", "d"),
      speechCues: file("speech-cues", "c"),
      actors: file("actors", "b"),
      outlets: file("outlets", "e"),
      attributionModel: file("attribution-model", "0"),
    },
  };
}

/**
 * Writes shards of a corpus of `ids` into `dir` as npm run analyze does: the records of shard K of N
 * (the ids whose position modulo N is K - 1) and its manifest; `change` alters one shard's manifest.
 */
function writeShards(
  dir: string,
  ids: readonly string[],
  count: number,
  {
    only,
    name = (k: number) => `part-${k}.jsonl`,
    change = (m: ShardManifest) => m,
  }: {
    only?: readonly number[];
    name?: (k: number) => string;
    change?: (manifest: ShardManifest, k: number) => ShardManifest;
  } = {},
): void {
  const corpus = corpusFingerprint(ids.map((id) => ({ id, readHash: id.padEnd(64, "0") })));
  for (const k of only ?? Array.from({ length: count }, (_, i) => i + 1)) {
    const lines = ids.filter((_, i) => i % count === k - 1).map((id) => JSON.stringify({ id }));
    const digest = new RecordsDigest();
    for (const line of lines) digest.add(line);
    writeFileSync(join(dir, name(k)), lines.map((line) => `${line}\n`).join(""));
    writeShardManifest(join(dir, name(k)), change({ shard: { index: k, count }, corpus, records: digest.digest(), ...stamps() }, k));
  }
}

describe("checkShardSet(folder, files, options): a folder of shards is one whole run, or every problem is said", () => {
  const ids = Array.from({ length: 12 }, (_, i) => `article-${String(i).padStart(2, "0")}`);
  /** The located errors of checking a folder written by `write`, as "field: message" lines. */
  const problems = (write: (dir: string) => void, expected?: RecordStamps): string[] => {
    const dir = mkdtempSync(join(tmpdir(), "shard-set-"));
    try {
      write(dir);
      const files = readdirJsonl(dir);
      try {
        checkShardSet(dir, files, { expected });
        return [];
      } catch (error) {
        if (!(error instanceof CorpusValidationError)) throw error;
        return error.errors.map((e) => `${e.file.replace(dir, "<dir>")}: ${e.field}: ${e.message}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  it("accepts every shard 1…N of one corpus made by the expected analysis, and gives its corpus", () => {
    const dir = mkdtempSync(join(tmpdir(), "shard-set-"));
    try {
      writeShards(dir, ids, 3);
      const checked = checkShardSet(dir, readdirJsonl(dir), { expected: stamps() })!;
      expect(checked.corpus).toEqual(corpusFingerprint(ids.map((id) => ({ id, readHash: id.padEnd(64, "0") }))));
      expect(checked.corpus.articles).toBe(12);
      expect([...checked.records.values()].map((r) => r.count)).toEqual([4, 4, 4]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names a missing shard and how many articles the others hold", () => {
    expect(problems((dir) => writeShards(dir, ids, 4, { only: [1, 2, 4] }))).toEqual([
      "<dir>: shard: 1 of 4 shards is missing (shard 3): the others hold 9 of the corpus's 12 articles",
    ]);
  });

  it("names a shard that is there twice", () => {
    const twice = (dir: string) => {
      writeShards(dir, ids, 2);
      writeShards(dir, ids, 2, { only: [2], name: () => "part-2-again.jsonl" });
    };
    expect(problems(twice)).toEqual(["<dir>: shard: shard 2 of 2 is there 2 times: part-2-again.jsonl and part-2.jsonl"]);
  });

  it("names a shard of another split (N), of another corpus, and of other code, all at once", () => {
    const mixed = (dir: string) => {
      writeShards(dir, ids, 3);
      writeShards(dir, ids.slice(1), 3, { only: [1], name: () => "part-1.jsonl" });
      writeShards(dir, ids, 4, { only: [2], name: () => "part-2.jsonl" });
      writeShards(dir, ids, 3, { only: [3], change: (m) => ({ ...m, ...stamps("b", "9") }) });
    };
    const found = problems(mixed);
    expect(found).toHaveLength(4);
    expect(found[0]).toMatch(
      /^<dir>\/part-1\.jsonl: corpus: is a shard of another corpus \(11 articles, sha256 [0-9a-f]{12}…\) than the others \(12 articles/u,
    );
    expect(found[1]).toBe("<dir>/part-2.jsonl: shard: is shard 2 of 4, the others are of 3: a shard of another split");
    expect(found[2]).toMatch(
      /^<dir>\/part-3\.jsonl: analysis: was made by analysis 0\.24\.0 \(bbbbbbbbbbbb…\) with other framing files than the other shards/u,
    );
    // Shard 2 of 3 is then missing too.
    expect(found[3]).toMatch(/^<dir>: shard: 1 of 3 shards is missing \(shard 2\)/u);
  });

  it("refuses shards made by other code or codebooks than this build's, naming which", () => {
    expect(problems((dir) => writeShards(dir, ids, 2), stamps("a", "7"))).toEqual([
      expect.stringMatching(
        /^<dir>\/part-1\.jsonl: analysis: was made by other framing files than this build's \(analysis 0\.24\.0, aaaaaaaaaaaa…\); analyse the corpus again with this checkout$/u,
      ),
      expect.stringMatching(/^<dir>\/part-2\.jsonl: analysis: was made by other framing files/u),
    ]);
  });

  it("refuses a file without a manifest and a manifest without its file", () => {
    const found = problems((dir) => {
      writeShards(dir, ids, 2);
      writeFileSync(join(dir, "extra.jsonl"), "");
      rmSync(join(dir, "part-2.jsonl"));
    });
    expect(found).toEqual([
      expect.stringMatching(/^<dir>\/extra\.jsonl: manifest: has no manifest \(extra\.manifest\.json\)/u),
      "<dir>/part-2.manifest.json: records: its records file (part-2.jsonl) is missing",
      "<dir>: shard: 1 of 2 shards is missing (shard 2): the others hold 6 of the corpus's 12 articles",
    ]);
  });

  it("finds, while reading, a shard that holds other records than its manifest says", async () => {
    const dir = mkdtempSync(join(tmpdir(), "shard-set-"));
    try {
      writeShards(dir, ids, 2);
      const file = join(dir, "part-2.jsonl");
      writeFileSync(file, readFileSync(file, "utf8").split("\n").slice(1).join("\n"));
      const errors = await corpusErrors(async () => {
        for await (const line of openShardSet(dir).lines) void line;
      });
      expect(errors.map((e) => `${e.field}: ${e.message}`)).toEqual([
        expect.stringMatching(
          /^records: holds 5 records \(sha256 [0-9a-f]{12}…\), its manifest says 6 \([0-9a-f]{12}…\): the file was cut short or changed after it was written$/u,
        ),
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("exercisesForRecords(paths, corpus)", () => {
  it("keeps the bundled exercise sets for records of the bundled corpus only", async () => {
    const paths = corpusPaths({});
    const bundled = corpusFingerprint(await indexCorpus(join(PROJECT_ROOT, "corpus", "articles"), readingOptions(paths)));
    expect(paths.exercises).toBe(join(PROJECT_ROOT, "corpus", "exercises"));
    expect((await exercisesForRecords(paths, bundled)).exercises).toBe(paths.exercises);
    expect((await exercisesForRecords(paths, { articles: 5, sha256: "0".repeat(64) })).exercises).toBeNull();
    // Sets a researcher named for another corpus are theirs: left as they are.
    const own = { ...paths, exercises: "/somewhere/exercises" };
    expect((await exercisesForRecords(own, { articles: 5, sha256: "0".repeat(64) })).exercises).toBe("/somewhere/exercises");
  });
});

/** The .jsonl files of a folder, sorted. */
function readdirJsonl(dir: string): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith(".jsonl"))
    .sort();
}
