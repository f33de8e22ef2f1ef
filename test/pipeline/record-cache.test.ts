// The record cache's key and store, the run fingerprint and the worker count (data-loaders/pipeline/).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { corpusPaths, PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { readRunFingerprint } from "../../data-loaders/pipeline/analysis-stamp.ts";
import { parseWorkers, defaultWorkers } from "../../data-loaders/pipeline/analyze-parallel.ts";
import {
  checkEntry,
  KEPT_GENERATIONS,
  openRecordCache,
  recordCacheFolder,
  recordKey,
  writeDurably,
} from "../../data-loaders/pipeline/record-cache.ts";
import { bareArticle } from "../../data-loaders/reading/bare-article.ts";

describe("recordKey", () => {
  it("changes with the article's body, id, language or metadata and with the fingerprint, and only then", () => {
    const article = bareArticle("a", "Russia said the talks failed.", "en");
    const key = recordKey("f", article);
    expect(recordKey("f", bareArticle("a", "Russia said the talks failed.", "en"))).toBe(key);
    expect(recordKey("f", bareArticle("a", "Russia said the talks failed!", "en"))).not.toBe(key);
    expect(recordKey("f", bareArticle("b", "Russia said the talks failed.", "en"))).not.toBe(key);
    expect(recordKey("f", bareArticle("a", "Russia said the talks failed.", "nl"))).not.toBe(key);
    expect(recordKey("f", { ...article, meta: { ...article.meta, title: "T" } })).not.toBe(key);
    expect(recordKey("g", article)).not.toBe(key);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe("openRecordCache", () => {
  it("returns what was stored under a key, leaves no temporary file, and stores nothing when off", () => {
    const folder = mkdtempSync(join(tmpdir(), "records-"));
    try {
      const cache = openRecordCache(folder);
      const key = "ab".padEnd(64, "0");
      expect(cache.get(key)).toBeNull();
      cache.put(key, '{"id":"a"}');
      expect(cache.get(key)).toBe('{"id":"a"}');
      expect(readdirSync(join(folder, "ab"))).toEqual([`${key}.json`]);
      const off = openRecordCache(null);
      off.put(key, "x");
      expect(off.get(key)).toBeNull();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
  it("checks every entry when read: a damaged one is reported in one line, deleted, and reads as missing", () => {
    const folder = mkdtempSync(join(tmpdir(), "records-"));
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    try {
      const cache = openRecordCache(folder, "generation");
      const keys = ["a", "b", "c", "d", "e", "f", "g"].map((c) => c.repeat(64));
      const record = (i: number) => JSON.stringify({ id: `article-${i}`, words: 100 + i });
      keys.forEach((key, i) => cache.put(key, record(i)));
      const file = (key: string) =>
        join(
          folder,
          readdirSync(folder).find((n) => n.startsWith("g-"))!,
          key.slice(0, 2),
          `${key}.json`,
        );
      const damage: Array<[string, (bytes: Buffer) => Buffer | string, RegExp]> = [
        ["emptied", () => "", /is empty/],
        ["truncated", (b) => b.subarray(0, b.length - 5), /holds \d+ bytes where its seal says \d+/],
        ["a flipped byte", (b) => Buffer.from(b.map((x, i) => (i === b.length - 3 ? x ^ 1 : x))), /does not match its SHA-256/],
        ["an edited value", (b) => b.toString().replace(/"words":\d+/, '"words":999'), /does not match its SHA-256/],
        ["another key's entry", () => readFileSync(file(keys[0]!)), /holds the entry of another key/],
        ["no seal (a bare record)", () => record(5), /no valid seal line/],
      ];
      damage.forEach(([, change], i) => writeFileSync(file(keys[i + 1]!), change(readFileSync(file(keys[i + 1]!)))));
      stderr.mockClear();
      // The first entry is intact; each other is reported once, with its file and what is wrong.
      expect(cache.get(keys[0]!)).toBe(record(0));
      damage.forEach(([what, , problem], i) => {
        const key = keys[i + 1]!;
        expect(cache.has(key), what).toBe(true);
        expect(i % 2 ? cache.getBytes(key) : cache.get(key), what).toBeNull();
        expect(existsSync(file(key)), what).toBe(false);
        expect(String(stderr.mock.calls.at(-1)![0]), what).toMatch(problem);
      });
      expect(stderr.mock.calls.map((call) => String(call[0]))).toEqual(
        damage.map((_, i) =>
          expect.stringMatching(new RegExp(`^cache: ${file(keys[i + 1]!)} is damaged \\(.+\\); deleted, and computed again\n$`)),
        ),
      );
      // Stored again, it reads back.
      cache.put(keys[1]!, record(1));
      expect(cache.get(keys[1]!)).toBe(record(1));
    } finally {
      stderr.mockRestore();
      rmSync(folder, { recursive: true, force: true });
    }
  });
  it("names an entry's key, length and SHA-256 in its first line, and leaves no temporary file when a write fails", () => {
    const folder = mkdtempSync(join(tmpdir(), "records-"));
    try {
      const key = "ef".padEnd(64, "0");
      openRecordCache(folder).put(key, "{}");
      const stored = readFileSync(join(folder, "ef", `${key}.json`));
      expect(stored.toString()).toBe(`framing-cache 1 ${key} 2 ${createHash("sha256").update("{}").digest("hex")}\n{}`);
      expect(checkEntry(stored, key)).toEqual(Buffer.from("{}"));
      // A write into a folder that does not exist fails, and leaves nothing behind.
      const target = join(folder, "missing", "x.json");
      expect(() => writeDurably(target, `${target}.partial`, [Buffer.from("x")])).toThrow();
      expect(readdirSync(folder)).toEqual(["ef"]);
      // A write whose partial file cannot be renamed (a folder is in the way) removes its partial file.
      mkdirSync(join(folder, "in-the-way.json"));
      mkdirSync(join(folder, "in-the-way.json", "occupied"));
      expect(() => writeDurably(join(folder, "in-the-way.json"), join(folder, "p.partial"), [Buffer.from("x")])).toThrow();
      expect(readdirSync(folder).sort()).toEqual(["ef", "in-the-way.json"]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
  it("keeps each generation apart and, when pruning, only the one in use and the most recently used other", () => {
    expect(KEPT_GENERATIONS).toBe(2);
    const folder = mkdtempSync(join(tmpdir(), "records-"));
    try {
      const key = "cd".padEnd(64, "1");
      const generations = () => readdirSync(folder).filter((name) => name.startsWith("g-"));
      // What is not a generation's folder is never touched.
      mkdirSync(join(folder, "site"));
      mkdirSync(join(folder, "ab"));
      openRecordCache(folder, "old", { prune: true }).put(key, "old");
      openRecordCache(folder, "previous", { prune: true }).put(key, "previous");
      // Used in that order, a minute apart (file times, not the order of the calls, decide).
      // A generation's folder: g- and 16 hex digits of its SHA-256.
      const [oldFolder, previousFolder] = ["old", "previous"].map((g) => `g-${createHash("sha256").update(g).digest("hex").slice(0, 16)}`);
      expect(generations().sort()).toEqual([oldFolder, previousFolder].sort());
      utimesSync(join(folder, oldFolder!, ".used"), 1000, 1000);
      utimesSync(join(folder, previousFolder!, ".used"), 1060, 1060);
      expect(generations()).toHaveLength(2);
      // A worker opens the current generation without pruning: nothing is deleted, its entries are its own.
      const worker = openRecordCache(folder, "current");
      expect(worker.get(key)).toBeNull();
      expect(generations()).toHaveLength(2);
      const current = openRecordCache(folder, "current", { prune: true });
      current.put(key, "current");
      expect(worker.get(key)).toBe("current");
      expect(openRecordCache(folder, "previous").get(key)).toBe("previous");
      expect(existsSync(join(folder, oldFolder!))).toBe(false);
      expect(generations()).toHaveLength(2);
      expect(
        readdirSync(folder)
          .filter((name) => !name.startsWith("g-"))
          .sort(),
      ).toEqual(["ab", "site"]);
      // Without a generation the layout is as before: two-character subfolders of the folder itself.
      openRecordCache(folder).put(key, "plain");
      expect(readdirSync(join(folder, "cd"))).toEqual([`${key}.json`]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
  it("removes, when a run opens it, the temporary files a killed run left, and not a live run's", () => {
    const folder = mkdtempSync(join(tmpdir(), "records-"));
    try {
      const key = "ab".padEnd(64, "0");
      openRecordCache(folder, "generation", { prune: true }).put(key, "{}");
      const sub = join(
        folder,
        readdirSync(folder).find((n) => n.startsWith("g-"))!,
        "ab",
      );
      // A process that has ended: its pid is gone (or a zombie, which counts as gone).
      const ended = spawnSync(process.execPath, ["-e", ""]).pid!;
      writeFileSync(join(sub, `${key}.json.${ended}-0.partial`), "half");
      writeFileSync(join(sub, `${key}.json.${process.pid}-1.partial`), "mine, being written");
      openRecordCache(folder, "generation", { prune: true });
      expect(readdirSync(sub).sort()).toEqual([`${key}.json`, `${key}.json.${process.pid}-1.partial`]);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
  it("is found at RECORD_CACHE, off with RECORD_CACHE=off, else in .cache/records", () => {
    expect(recordCacheFolder({ RECORD_CACHE: "off" })).toBeNull();
    expect(recordCacheFolder({ RECORD_CACHE: "/tmp/x" })).toBe("/tmp/x");
    expect(recordCacheFolder({})).toBe(join(PROJECT_ROOT, ".cache", "records"));
  });
});

describe("readRunFingerprint", () => {
  it("changes when any data file the analysis reads changes", () => {
    const base = readRunFingerprint(corpusPaths({}));
    expect(readRunFingerprint(corpusPaths({}))).toBe(base);
    const folder = mkdtempSync(join(tmpdir(), "fingerprint-"));
    try {
      for (const [variable, file] of [
        ["FRAMING_CODEBOOK", "corpus/codebooks/framing.yaml"],
        ["SPEECH_CUES", "corpus/codebooks/speech-cues.yaml"],
        ["SENTIMENT_RULES", "corpus/lexicons/sentiment-rules.yaml"],
        ["ACTORS_GAZETTEER", "corpus/gazetteers/actors.yaml"],
      ] as const) {
        const copy = join(folder, file.replaceAll("/", "_"));
        cpSync(join(PROJECT_ROOT, file), copy);
        expect(readRunFingerprint(corpusPaths({ [variable]: copy }))).toBe(base);
        writeFileSync(copy, "\n# one more line\n", { flag: "a" });
        expect(readRunFingerprint(corpusPaths({ [variable]: copy }))).not.toBe(base);
      }
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe("parseWorkers", () => {
  it("reads a whole number from 1 to 256, defaults to one per core, and explains anything else", () => {
    expect(parseWorkers("3")).toEqual({ workers: 3 });
    expect(parseWorkers(undefined)).toEqual({ workers: defaultWorkers() });
    expect(parseWorkers("")).toEqual({ workers: defaultWorkers() });
    for (const bad of ["0", "-1", "1.5", "many", "257"]) expect(parseWorkers(bad)).toHaveProperty("error");
  });
});
