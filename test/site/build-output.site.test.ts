// npm run build writes only its own site (issue 29): a BUILD_OUTPUT that names the project, its corpus or
// sources, or a folder that is not a site, is refused before anything runs, in one line, with nothing
// deleted; and a build stopped midway (SIGTERM, SIGKILL) leaves the last finished site as it was, no
// half-made folder or archive after a later run, and the next build replaces the site.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { SITE_MARKER } from "../../scripts/site-output.ts";
import { runCommand, writeCorpus } from "../helpers.ts";

const TSX = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
// How `npm run build` starts it: node --import tsx (the tsx command would kill a busy child 60 ms after a signal).
const NODE_TSX = [process.execPath, "--import", "tsx"] as const;
const BUILD = join(PROJECT_ROOT, "scripts", "build.ts");
const CACHE_DATA = join(PROJECT_ROOT, "src", ".observablehq", "cache", "data");

/** Every file below `dir`, relative, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

/** Starts `tsx scripts/build.ts` in a process group of its own (so a test can kill the whole tree). */
function startBuild(env: Record<string, string>): { child: ChildProcess; done: Promise<{ status: number | null; stderr: string }> } {
  const child = spawn(NODE_TSX[0], [...NODE_TSX.slice(1), BUILD], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  const stderr: Buffer[] = [];
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk));
  const done = once(child, "close").then(([status]) => ({
    status: status as number | null,
    stderr: Buffer.concat(stderr).toString("utf8"),
  }));
  return { child, done };
}

/** Resolves when `condition()` holds, checking every 100 ms. */
async function until(condition: () => boolean, what: string, limit = 600_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limit) throw new Error(`waited in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The names beside the site that a build makes while it runs (`.site.building-<pid>` and the like). */
const besideSite = (out: string) => readdirSync(out).filter((name) => name.startsWith(".site."));
const zipPartials = () => (existsSync(CACHE_DATA) ? readdirSync(CACHE_DATA).filter((name) => name.includes(".partial")) : []);

describe("npm run build: BUILD_OUTPUT", () => {
  it("refuses the project, its corpus and sources, and any folder that is not a site, in one line, deleting nothing", async () => {
    const articles = files(join(PROJECT_ROOT, "corpus"));
    const outside = writeCorpus({ "thesis.tex": "chapter one\n" });
    for (const output of [".", PROJECT_ROOT, "..", "corpus/articles", "corpus", "src", ".git", "data-loaders", "node_modules", outside]) {
      const result = await runCommand(TSX, [BUILD], { BUILD_OUTPUT: output });
      expect(result.status, output).toBe(2);
      expect(result.stderr, output).toMatch(/^build: BUILD_OUTPUT .*: it .*; nothing was built or deleted\n$/);
    }
    expect(files(join(PROJECT_ROOT, "corpus"))).toEqual(articles);
    expect(readFileSync(join(outside, "thesis.tex"), "utf8")).toBe("chapter one\n");
    expect(existsSync(join(PROJECT_ROOT, ".git", "HEAD"))).toBe(true);
  });
});

describe("npm run build, stopped midway", () => {
  it("keeps the last finished site through SIGTERM and SIGKILL, leaves nothing half-made, and the next build replaces it", async () => {
    const corpus = writeCorpus({ "a.md": "---\nlanguage: en\n---\nThe first story. It has two sentences.\n" });
    const out = writeCorpus({});
    const site = join(out, "site");
    const first = await startBuild({ CORPUS: corpus, BUILD_OUTPUT: site }).done;
    expect(first.status, first.stderr).toBe(0);
    expect(existsSync(join(site, SITE_MARKER))).toBe(true);
    const finished = files(site);

    // SIGTERM while Framework renders: the build stops its child and removes its own half-made folders.
    const terminated = startBuild({ CORPUS: corpus, BUILD_OUTPUT: site });
    await until(() => besideSite(out).some((name) => name.startsWith(".site.building-")), "Framework to start rendering");
    process.kill(terminated.child.pid!, "SIGTERM");
    const stopped = await terminated.done;
    expect(stopped.status).not.toBe(0);
    expect(stopped.stderr).not.toMatch(/\n\s+at /);
    expect(besideSite(out)).toEqual([]);
    expect(files(site)).toEqual(finished);

    // SIGKILL of the whole process tree while the loader writes a new archive (the corpus changed), then
    // again while Framework renders: what they leave is removed by the next build, which replaces the site.
    const edited = writeCorpus({ "a.md": "---\nlanguage: en\n---\nThe second story. It has two sentences.\n" });
    const killedInLoader = startBuild({ CORPUS: edited, BUILD_OUTPUT: site });
    await until(() => zipPartials().length > 0, "the loader to start its archive");
    process.kill(-killedInLoader.child.pid!, "SIGKILL");
    await killedInLoader.done;
    expect(zipPartials().length).toBeGreaterThan(0);
    const killedInFramework = startBuild({ CORPUS: corpus, BUILD_OUTPUT: site });
    await until(() => besideSite(out).some((name) => name.startsWith(".site.building-")), "Framework to start rendering");
    process.kill(-killedInFramework.child.pid!, "SIGKILL");
    await killedInFramework.done;
    expect(besideSite(out).length).toBeGreaterThan(0);
    expect(files(site)).toEqual(finished);

    const next = await startBuild({ CORPUS: edited, BUILD_OUTPUT: site }).done;
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toContain("left by a build that was stopped");
    expect(besideSite(out)).toEqual([]);
    expect(zipPartials()).toEqual([]);
    expect(existsSync(join(site, SITE_MARKER))).toBe(true);
    // The edited title is in the corpus index's (only) page, a fetched file.
    expect(readFileSync(join(site, "_file", "data", "corpus", "index", "0.json"), "utf8")).toContain("The second story.");
  });
});
