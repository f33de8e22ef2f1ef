// What a killed run left behind is removed by a later one, but only once its process is gone.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { processGone, removeStalePartials } from "../../data-loaders/common/stale-partials.ts";
import { writeCorpus } from "../helpers.ts";

/** The id of a process that has ended. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
  await once(child, "exit");
  return child.pid!;
}

describe("processGone(pid)", () => {
  it.skipIf(!existsSync("/proc/self/stat"))("takes a process that ended but was never reaped (a zombie) for gone", async () => {
    // The first `sleep` ends after a moment; its parent is by then the second `sleep`, which never waits for it: a zombie for 20 s.
    const parent = spawn("sh", ["-c", "sleep 0.1 & echo $!; exec sleep 20"], { stdio: ["ignore", "pipe", "ignore"] });
    const [line] = (await once(parent.stdout!, "data")) as [Buffer];
    const zombie = Number(line.toString().trim());
    try {
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect(readFileSync(`/proc/${zombie}/stat`, "utf8")).toMatch(/\) Z /);
      expect(processGone(zombie)).toBe(true);
      expect(processGone(parent.pid!)).toBe(false);
    } finally {
      parent.kill();
    }
  });
});

describe("removeStalePartials(folder, pattern)", () => {
  it("removes the files and folders of a process that is gone, and keeps a live one's and everything else", async () => {
    const dead = await deadPid();
    expect(processGone(dead)).toBe(true);
    expect(processGone(process.pid)).toBe(false);
    const folder = writeCorpus({
      [`corpus.zip.${dead}.partial`]: "half",
      [`corpus.zip.${dead}.partial.list`]: "{}",
      [`corpus.zip.${process.pid}.partial`]: "mine, being written",
      "corpus.zip": "whole",
    });
    mkdirSync(join(folder, `.dist.fetched-${dead}`, "rows"), { recursive: true });
    writeFileSync(join(folder, `.dist.fetched-${dead}`, "rows", "a.json"), "{}");
    const removedZip = removeStalePartials(folder, /^corpus\.zip\.(\d+)\.partial(?:\.list)?$/);
    const removedFolders = removeStalePartials(folder, /^\.dist\.fetched-(\d+)$/);
    expect(removedZip.sort()).toEqual([`corpus.zip.${dead}.partial`, `corpus.zip.${dead}.partial.list`]);
    expect(removedFolders).toEqual([`.dist.fetched-${dead}`]);
    expect(existsSync(join(folder, `corpus.zip.${process.pid}.partial`))).toBe(true);
    expect(existsSync(join(folder, "corpus.zip"))).toBe(true);
    expect(removeStalePartials(join(folder, "missing"), /(\d+)/)).toEqual([]);
  });
});
