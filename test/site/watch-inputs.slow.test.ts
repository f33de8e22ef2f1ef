// npm run dev must see every save, including editors that save by writing a temporary file and renaming
// it over the original (vim, many IDEs): after such a save, fs.watch followed the old file and missed
// every later edit.
import { renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { watchInputs } from "../../scripts/watch-inputs.ts";
import { writeCorpus } from "../helpers.ts";

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Resolves when `condition()` holds, checking every 50 ms; rejects after `limit` ms. */
async function until(condition: () => boolean, limit = 60_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limit) throw new Error("the watcher reported nothing");
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("watchInputs(paths, onChange)", () => {
  it("reports edits to a file after it was saved by rename, again and again", async () => {
    const dir = writeCorpus({ "articles/a.md": "first\n" });
    const seen: string[] = [];
    const watcher = await watchInputs([dir], (path) => seen.push(path));
    try {
      // Saves a second apart, as a person saves: the watcher needs a moment to follow the new file.
      for (const version of ["second", "third", "fourth"]) {
        await pause(1000);
        const before = seen.length;
        writeFileSync(join(dir, "articles", ".a.md.swp"), `${version}\n`);
        renameSync(join(dir, "articles", ".a.md.swp"), join(dir, "articles", "a.md"));
        await until(() => seen.slice(before).some((path) => path.endsWith("a.md")));
      }
      await pause(1000);
      const before = seen.length;
      writeFileSync(join(dir, "articles", "a.md"), "fifth, written in place\n");
      await until(() => seen.slice(before).some((path) => path.endsWith("a.md")));
    } finally {
      await watcher.close();
    }
    expect(seen.filter((path) => path.endsWith(join("articles", "a.md"))).length).toBeGreaterThanOrEqual(4);
  });
});
