// Nothing on disk is trusted (issue 29, item 1): damaged record, view and group entries in the cache are
// reported, recomputed, and the output is byte for byte a cold run's, through `npm run analyze` and the
// site's loader as a user runs them.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { runAnalyze, runLoader, SEED_CORPUS } from "../helpers.ts";

/** Every entry file below a cache folder, sorted. */
function entries(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json"))
    .map((f) => join(folder, f))
    .sort();
}

/** The ways an entry is damaged on disk, each as a change of its bytes (`other`: another entry's file). */
const DAMAGE: ReadonlyArray<readonly [string, (bytes: Buffer, other: Buffer) => Buffer | string]> = [
  ["emptied", () => ""],
  ["truncated", (b) => b.subarray(0, Math.floor(b.length / 2))],
  ["a flipped byte", (b) => Buffer.from(b.map((x, i) => (i === b.length - 2 ? x ^ 0x04 : x)))],
  // The first digit of the content (after the header line, if any) one more.
  [
    "an edited value",
    (b) => {
      const at = b.findIndex((x, i) => i > b.indexOf(0x0a) && x >= 0x30 && x <= 0x39);
      return Buffer.from(b.map((x, i) => (i === at ? 0x30 + ((x - 0x30 + 1) % 10) : x)));
    },
  ],
  ["another entry copied in", (_, other) => other],
];

/** Damages `files[i]` the i-th way (cycling), with the next file as the one copied in; returns what was done. */
function damage(files: readonly string[]): string[] {
  return files.map((file, i) => {
    const [what, change] = DAMAGE[i % DAMAGE.length]!;
    const before = readFileSync(file);
    const after = change(before, readFileSync(files[(i + 1) % files.length]!));
    expect(Buffer.from(after).equals(before), `${what} changes ${file}`).toBe(false);
    writeFileSync(file, after);
    return what;
  });
}

/** The site's loader on the fixture corpus in one thread. */
const loader = (env: Record<string, string>) => runLoader({ WORKERS: "1", ...env });

/** Cold runs (record cache off) of the CLI on the bundled corpus and of the loader, made once for the run (test/cli/analyzed-fixtures.ts). */
const analyzed = inject("analyzed");

const DAMAGE_LINE = /^cache: .+\.json is damaged \(.+\); deleted, and computed again$/;

describe("a damaged cache", () => {
  it("gives npm run analyze a cold run's records, one line per damaged record, exit 0", async () => {
    const work = mkdtempSync(join(tmpdir(), "damaged-cache-"));
    const cache = join(work, "cache");
    try {
      const cold = analyzed.bundled;
      expect(cold.status, cold.stderr).toBe(0);
      const warm = await runAnalyze([SEED_CORPUS, "--workers", "1"], { RECORD_CACHE: cache });
      expect(warm.stdout).toBe(cold.stdout);
      const files = entries(cache);
      expect(files).toHaveLength(cold.stdout.trim().split("\n").length);
      const done = damage(files);
      // Again, with two threads: the damaged records are analysed again, whichever thread reads them.
      const again = await runAnalyze([SEED_CORPUS, "--workers", "2"], { RECORD_CACHE: cache, ARTICLES_PER_WORKER: "1" });
      expect(again.status, again.stderr).toBe(0);
      expect(again.stdout).toBe(cold.stdout);
      const reported = again.stderr.split("\n").filter((line) => line.startsWith("cache: "));
      expect(reported, done.join(", ")).toHaveLength(files.length);
      for (const line of reported) expect(line).toMatch(DAMAGE_LINE);
      expect(again.stderr).not.toMatch(/\n\s+at /);
      // Written again, whole: a third run reads them all and reports nothing.
      const third = await runAnalyze([SEED_CORPUS, "--workers", "1"], { RECORD_CACHE: cache });
      expect(third.stdout).toBe(cold.stdout);
      expect(third.stderr).not.toMatch(/^cache: /m);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });

  it("gives the site's loader a cold run's archive when records, views and group rows are damaged", async () => {
    const work = mkdtempSync(join(tmpdir(), "damaged-site-cache-"));
    const cache = join(work, "cache");
    try {
      const cold = { zip: Buffer.from(analyzed.loaderZip, "base64") };
      expect((await loader({ RECORD_CACHE: cache })).zip.equals(cold.zip)).toBe(true);
      const records = entries(cache).filter((f) => !f.startsWith(join(cache, "site")) && !f.startsWith(join(cache, "groups")));
      const views = entries(join(cache, "site"));
      const groups = entries(join(cache, "groups"));
      for (const list of [records, views, groups]) expect(list.length).toBeGreaterThan(1);
      // Each kind damaged in each way, as far as it has entries.
      const damaged = [...records, ...views, ...groups].filter((_, i) => i % 2 === 0);
      damage(damaged);
      const again = await loader({ RECORD_CACHE: cache });
      expect(again.zip.equals(cold.zip)).toBe(true);
      const reported = again.stderr.split("\n").filter((line) => line.startsWith("cache: "));
      expect(reported).toHaveLength(damaged.length);
      for (const line of reported) expect(line).toMatch(DAMAGE_LINE);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
