// Past one machine (issue 14, item 4): --shard K/N, merging shards, and a site built from record shards
// without analysing. Through the real CLI and `npm run build`. JSON Lines on stdin and a bad --shard, which
// build nothing, are tested in shards-cli.slow.test.ts.
import { cpSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { runAnalyze, runCommand } from "../helpers.ts";

/** One more article, making the bundled corpus another one. */
const EXTRA_ARTICLE =
  "---\nlanguage: en\ntitle: One more report\n---\nThe minister said the sanctions were described as theft by the hegemon.\n";

/** A copy of the folder of shards `shards` as `name`, changed by `change` (given the copy's path). */
function brokenCopy(work: string, shards: string, name: string, change: (dir: string) => void): string {
  const dir = join(work, name);
  cpSync(shards, dir, { recursive: true });
  change(dir);
  return dir;
}

/** Edits the manifest of shard `k` in `dir`. */
function editManifest(dir: string, k: number, edit: (manifest: Record<string, Record<string, unknown>>) => void): void {
  const file = join(dir, `part-${k}.manifest.json`);
  const manifest = JSON.parse(readFileSync(file, "utf8")) as Record<string, Record<string, unknown>>;
  edit(manifest);
  writeFileSync(file, JSON.stringify(manifest));
}

/**
 * merge-records refuses a set with a shard missing, a shard twice, shards of different N, of another corpus
 * or of other code, each with its message and exit code 1; the build refuses them all at once, without a
 * stack trace, before Framework runs.
 */
async function refusesBrokenSets(work: string, shards: string): Promise<void> {
  const cases: Array<[string, (dir: string) => void, RegExp]> = [
    [
      "missing",
      (dir) => ["jsonl", "manifest.json"].forEach((ext) => rmSync(join(dir, `part-3.${ext}`))),
      /: shard: 1 of 3 shards is missing \(shard 3\): the others hold \d+ of the corpus's 6 articles\n/u,
    ],
    [
      "twice",
      (dir) => ["jsonl", "manifest.json"].forEach((ext) => cpSync(join(dir, `part-2.${ext}`), join(dir, `part-2b.${ext}`))),
      /: shard: shard 2 of 3 is there 2 times: part-2\.jsonl and part-2b\.jsonl\n/u,
    ],
    [
      "split",
      (dir) => editManifest(dir, 2, (m) => (m.shard!.count = 4)),
      /part-2\.jsonl: shard: is shard 2 of 4, the others are of 3: a shard of another split\n/u,
    ],
    [
      "corpus",
      (dir) => editManifest(dir, 1, (m) => (m.corpus!.sha256 = "0".repeat(64))),
      /part-1\.jsonl: corpus: is a shard of another corpus \(6 articles, sha256 000000000000…\)/u,
    ],
    [
      "code",
      (dir) => editManifest(dir, 1, (m) => (m.analysis!.code = "0".repeat(64))),
      /part-1\.jsonl: analysis: was made by analysis [\d.]+ \(000000000000…\) than the other shards/u,
    ],
  ];
  for (const [name, change, message] of cases) {
    const dir = brokenCopy(work, shards, name, change);
    const result = await runCommand("npm", ["run", "--silent", "merge-records", "--", dir]);
    expect(result.status, name).toBe(1);
    expect(result.stderr, name).toMatch(message);
    expect(result.stdout, name).toBe("");
  }
  // The build: a missing shard and a shard of other code, both said, nothing built.
  const broken = brokenCopy(work, shards, "broken", (dir) => {
    renameSync(join(dir, "part-3.jsonl"), join(dir, "part-3.jsonl.away"));
    editManifest(dir, 1, (m) => (m.analysis!.code = "0".repeat(64)));
  });
  const refused = await runCommand("npm", ["run", "build"], { BUILD_OUTPUT: join(work, "c"), RECORDS: broken });
  expect(refused.status).toBe(1);
  const said = refused.stderr + refused.stdout;
  expect(said).toMatch(/corpus: 3 errors:\n/u);
  expect(said).toMatch(
    /part-1\.jsonl: analysis: was made by analysis [\d.]+ \(000000000000…\) than this build's .*; analyse the corpus again with this checkout\n/u,
  );
  expect(said).toMatch(/part-3\.manifest\.json: records: its records file \(part-3\.jsonl\) is missing\n/u);
  expect(said).toMatch(/: shard: 1 of 3 shards is missing \(shard 3\)/u);
  expect(said).toContain("build: fix the errors above; nothing was built");
  expect(said).not.toMatch(/^\s+at /mu);
}

describe("npm run analyze beyond one machine", () => {
  it("splits a corpus into shards that cover it once, and merged shards are exactly the whole run; a site built from them without the corpus equals the analysed one", async () => {
    const work = mkdtempSync(join(tmpdir(), "shards-"));
    try {
      // Another corpus than the bundled one (its articles and one more), so that the bundled exercise sets,
      // which name the bundled articles, must not be applied to its shards (issue 35).
      const corpus = join(work, "corpus");
      cpSync(join(PROJECT_ROOT, "corpus", "articles"), corpus, { recursive: true });
      writeFileSync(join(corpus, "zz-extra.md"), EXTRA_ARTICLE);
      const shards = join(work, "records");
      const whole = await runAnalyze([corpus]);
      expect(whole.status).toBe(0);
      for (const k of [1, 2, 3]) {
        const result = await runAnalyze([corpus, "--shard", `${k}/3`, "--out", join(shards, `part-${k}.jsonl`)]);
        expect(result.status, result.stderr).toBe(0);
      }
      expect(readdirSync(shards).sort()).toEqual([1, 2, 3].flatMap((k) => [`part-${k}.jsonl`, `part-${k}.manifest.json`]));
      const ids = [1, 2, 3].flatMap((k) =>
        readFileSync(join(shards, `part-${k}.jsonl`), "utf8")
          .trim()
          .split("\n")
          .filter(Boolean)
          .map((l) => (JSON.parse(l) as { id: string }).id),
      );
      expect(ids.sort()).toEqual(
        whole.stdout
          .trim()
          .split("\n")
          .map((l) => (JSON.parse(l) as { id: string }).id),
      );
      const merged = await runCommand("npm", ["run", "--silent", "merge-records", "--", shards]);
      expect(merged.status, merged.stderr).toBe(0);
      expect(merged.stdout).toBe(whole.stdout);
      expect(merged.stderr).toContain(`merge-records: ${ids.length} records of a corpus of ${ids.length}`);
      // The site from the shards (no analysis, no CORPUS: the corpus folder is not read) and from the corpus
      // are the same, file for file.
      const built = await runCommand("npm", ["run", "build"], { BUILD_OUTPUT: join(work, "a"), CORPUS: corpus });
      expect(built.status, built.stderr).toBe(0);
      const fromShards = await runCommand("npm", ["run", "build"], { BUILD_OUTPUT: join(work, "b"), RECORDS: shards });
      expect(fromShards.status, fromShards.stderr).toBe(0);
      const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
      expect(files(join(work, "b"))).toEqual(files(join(work, "a")));
      for (const f of files(join(work, "a")).filter((f) => f.endsWith(".json") || f.endsWith(".html")))
        expect(readFileSync(join(work, "b", f)).equals(readFileSync(join(work, "a", f))), f).toBe(true);
      await refusesBrokenSets(work, shards);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
