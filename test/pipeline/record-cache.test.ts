// The record cache's key and store, the run fingerprint and the worker count (data-loaders/pipeline/).
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { corpusPaths, PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { readRunFingerprint } from "../../data-loaders/pipeline/analysis-stamp.ts";
import { parseWorkers, defaultWorkers } from "../../data-loaders/pipeline/analyze-parallel.ts";
import { KEPT_GENERATIONS, openRecordCache, recordCacheFolder, recordKey } from "../../data-loaders/pipeline/record-cache.ts";
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
