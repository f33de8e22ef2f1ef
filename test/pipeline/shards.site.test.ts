// Past one machine (issue 14, item 4): --shard K/N, merging shards, and a site built from record shards
// without analysing. Through the real CLI and `npm run build`. JSON Lines on stdin and a bad --shard, which
// build nothing, are tested in shards-cli.slow.test.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledSite } from "../build-site.ts";
import { runAnalyze, runCommand } from "../helpers.ts";

describe("npm run analyze beyond one machine", () => {
  it("splits a corpus into shards that cover it once, and merged shards are exactly the whole run; a site built from them equals the analysed one", async () => {
    const work = mkdtempSync(join(tmpdir(), "shards-"));
    try {
      const shards = join(work, "records");
      const whole = await runAnalyze([]);
      expect(whole.status).toBe(0);
      for (const k of [1, 2, 3]) {
        const result = await runAnalyze(["--shard", `${k}/3`, "--out", join(shards, `part-${k}.jsonl`)]);
        expect(result.status, result.stderr).toBe(0);
      }
      const ids = readdirSync(shards).flatMap((f) =>
        readFileSync(join(shards, f), "utf8")
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
      // The site from the shards (no analysis) and from the corpus are the same, file for file. The site of
      // the corpus is the one the browser project's setup built for this run (test/build-site.ts), if it did.
      const fromCorpus = await bundledSite();
      const fromShards = await runCommand("npm", ["run", "build"], { BUILD_OUTPUT: join(work, "b"), RECORDS: shards });
      expect(fromShards.status, fromShards.stderr).toBe(0);
      const files = (dir: string) => readdirSync(dir, { recursive: true, encoding: "utf8" }).sort();
      expect(files(join(work, "b"))).toEqual(files(fromCorpus));
      for (const f of files(fromCorpus).filter((f) => f.endsWith(".json") || f.endsWith(".html")))
        expect(readFileSync(join(work, "b", f)).equals(readFileSync(join(fromCorpus, f))), f).toBe(true);
      // A shard made by other code is refused by name, not published.
      writeFileSync(
        join(shards, "part-1.jsonl"),
        readFileSync(join(shards, "part-1.jsonl"), "utf8").replace(/"code":"[0-9a-f]+"/gu, '"code":"0000"'),
      );
      const stale = await runCommand("npm", ["run", "build"], { BUILD_OUTPUT: join(work, "c"), RECORDS: shards });
      expect(stale.status).not.toBe(0);
      expect(stale.stderr + stale.stdout).toMatch(/was made by analysis .* analyse the corpus again with this checkout/u);
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
