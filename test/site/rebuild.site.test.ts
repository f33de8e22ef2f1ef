// End to end: an edited article reaches the built site on the next `npm run build`, although Framework's
// build reuses any cached loader output (see scripts/freshen-loaders.ts); a damaged cached archive is made
// again; and a build stopped midway (SIGTERM, SIGKILL) leaves the last finished site as it was (issue 29).
// Builds into temporary folders with a temporary corpus, through the real `npm run build`; the tests after
// the first share one corpus, in order, each going on from the site the one before built.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { SITE_MARKER } from "../../scripts/site-output.ts";
import { runCommand, writeCorpus, type CommandResult } from "../helpers.ts";

const CACHE_DATA = join(PROJECT_ROOT, "src", ".observablehq", "cache", "data");

async function build(corpus: string, output: string): Promise<CommandResult> {
  const result = await runCommand("npm", ["run", "build"], { CORPUS: corpus, BUILD_OUTPUT: output });
  expect(result.status, result.stderr + result.stdout).toBe(0);
  return result;
}

/** Every file below `dir` with its bytes, keyed by relative path. */
function tree(dir: string, prefix = ""): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) for (const [p, bytes] of tree(dir, path)) files.set(p, bytes);
    else files.set(path, readFileSync(join(dir, path)));
  }
  return files;
}

/** The titles the built site shows: in the corpus index, and in each article's fetched rows file and record. */
function publishedTitles(dist: string): { index: string[]; rows: string[]; records: string[] } {
  const dir = join(dist, "_file", "data", "corpus");
  // The corpus index's pages (index/<page>.json, fetched by name), in page order.
  const pages = readdirSync(join(dir, "index")).sort((x, y) => parseInt(x) - parseInt(y));
  const columns = pages.map(
    (name) => (JSON.parse(readFileSync(join(dir, "index", name), "utf8")) as { columns: { id: string[]; title: string[] } }).columns,
  );
  const index = { columns: { id: columns.flatMap((c) => c.id), title: columns.flatMap((c) => c.title) } };
  const fetched = (folder: string) => index.columns.id.map((id) => JSON.parse(readFileSync(join(dir, folder, `${id}.json`), "utf8")));
  return {
    index: index.columns.title,
    rows: fetched("rows").map((rows: { summary: { title: string } }) => rows.summary.title),
    records: fetched("articles").map((record: { title: string }) => record.title),
  };
}

/** Every file below `dir`, relative, sorted. */
function files(dir: string): string[] {
  return [...tree(dir).keys()].sort();
}

/** Starts `scripts/build.ts` as `npm run build` does (node --import tsx: the tsx command would kill a busy
 * child 60 ms after a signal), in a process group of its own, so a test can kill the whole tree. */
function startBuild(env: Record<string, string>): { child: ChildProcess; done: Promise<{ status: number | null; stderr: string }> } {
  const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts", "build.ts")], {
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

/**
 * The corpus the tests below share, in order, and the site the last of them built: each test starts from
 * the build before it (Framework's cache then holds that corpus's archive), rather than building the same
 * site again first.
 */
let corpus: string;
let out: string;
let latest: string;

describe("npm run build", () => {
  it("fails on a corpus with errors, listing every one", async () => {
    const corpus = writeCorpus({
      "a.md": "---\nlanguage: fr\n---\nTexte.\n",
      "b.md": "---\nlanguage: en\npublished: 2024-02-30\n---\nText here.\n",
    });
    const out = writeCorpus({});
    const result = await runCommand("npm", ["run", "build"], { CORPUS: corpus, BUILD_OUTPUT: join(out, "site") });
    expect(result.status).not.toBe(0);
    const output = result.stdout + result.stderr;
    expect(output).toContain("corpus: 2 errors:");
    expect(output).toContain('a.md: language: "fr" (French) is not analysed');
    expect(output).toContain('b.md: published: "2024-02-30" is not a valid ISO date');
    // The project's own message, once, without Framework's bug-report tip or a stack trace.
    expect(output).toContain("build: fix the errors above; nothing was built");
    expect(output.split("corpus: 2 errors:").length).toBe(2);
    expect(output).not.toMatch(/please file an issue|Unexpected error|\n\s+at /);
  });

  it("publishes an edited article, not the cached analysis, and rebuilds byte-identically", async () => {
    corpus = writeCorpus({ "a.md": "---\nlanguage: en\n---\nFirst version of the story. It has two sentences.\n" });
    out = writeCorpus({});
    await build(corpus, join(out, "first"));
    const first = ["First version of the story."];
    expect(publishedTitles(join(out, "first"))).toEqual({ index: first, rows: first, records: first });

    writeFileSync(join(corpus, "a.md"), "---\nlanguage: en\n---\nSecond version, rewritten. Still two sentences.\n");
    // Framework clears only output folders inside the project, so the second build gets a fresh folder.
    await build(corpus, join(out, "second"));
    const rewritten = ["Second version, rewritten."];
    expect(publishedTitles(join(out, "second"))).toEqual({ index: rewritten, rows: rewritten, records: rewritten });

    // The same inputs, analysed again from a cold cache, give a byte-identical site.
    rmSync(join(PROJECT_ROOT, "src", ".observablehq", "cache", "data"), { recursive: true, force: true });
    await build(corpus, join(out, "third"));
    const second = tree(join(out, "second"));
    const third = tree(join(out, "third"));
    expect([...third.keys()].sort()).toEqual([...second.keys()].sort());
    for (const [path, bytes] of second) expect(third.get(path)!.equals(bytes), path).toBe(true);

    // Built again unchanged: a few lines, Framework's log kept back, and no fetched file counted as changed.
    const again = await build(corpus, join(out, "fourth"));
    expect(again.stdout).toContain("build: Framework rendered ");
    expect(again.stdout).not.toContain("[using stale]");
    expect(again.stderr).toContain("build: inputs unchanged; the published corpus comes from the last build's cache, nothing analysed");
    expect(again.stderr).toMatch(/build: \d+ data files for the pages, \d+ fetched files in the site \(0 changed\)/);
    expect((again.stdout + again.stderr).trim().split("\n").length).toBeLessThan(12);
    latest = join(out, "fourth");
  });

  it("analyses again, and publishes what a cold build does, when the cached archive is damaged", async () => {
    // The site the test above built from a cold cache and again unchanged, and the archive that build left.
    // One kind of damage here, four bytes written into the middle of the archive in place (the size stays):
    // the build reacts to any archiveProblem alike, and test/site/archive-seal.test.ts tells the others (an
    // emptied archive, a removed seal) apart in the same words, without a build each.
    const first = tree(latest);
    const archive = join(PROJECT_ROOT, "src", ".observablehq", "cache", "data", "corpus.zip");
    const archived = readFileSync(archive);
    archived.write("XXXX", Math.floor(archived.length / 2), "latin1");
    writeFileSync(archive, archived);
    const damaged = join(out, "damaged");
    const again = await runCommand("npm", ["run", "build"], { CORPUS: corpus, BUILD_OUTPUT: damaged });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toMatch(
      /build: the cached archive src\/.observablehq\/cache\/data\/corpus.zip does not match its seal \(its content does not match its SHA-256\): damaged, or replaced since; analysing again/,
    );
    const site = tree(damaged);
    expect([...site.keys()].sort()).toEqual([...first.keys()].sort());
    for (const [path, bytes] of first) expect(site.get(path)!.equals(bytes), path).toBe(true);
    latest = damaged;
  });

  it("republishes an article file edited in a built site (a hard link into the build's store) on the next build", async () => {
    // The site the test above built last.
    const dir = (site: string) => join(site, "_file", "data", "corpus");
    const [rows] = readdirSync(join(dir(latest), "rows"));
    const original = readFileSync(join(dir(latest), "rows", rows!));
    // Overwriting the file in place edits the stored file the site is linked to.
    writeFileSync(join(dir(latest), "rows", rows!), "edited");
    const again = await runCommand("npm", ["run", "build"], { CORPUS: corpus, BUILD_OUTPUT: join(out, "republished") });
    expect(again.status, again.stderr).toBe(0);
    expect(again.stderr).toContain("build: a published article file changed since the last build; publishing the corpus again");
    expect(readFileSync(join(dir(join(out, "republished")), "rows", rows!)).equals(original)).toBe(true);
    expect(readFileSync(join(dir(latest), "rows", rows!), "utf8")).toBe("edited");
  });

  it("keeps the last finished site through SIGTERM and SIGKILL, leaves nothing half-made, and the next build replaces it", async () => {
    // The site the test above built last, from the shared corpus, moved into a folder of its own (a site
    // stays one wherever it is: its marker goes with it).
    const stopped = writeCorpus({});
    const site = join(stopped, "site");
    renameSync(join(out, "republished"), site);
    const finished = files(site);

    // SIGTERM while Framework renders: the build stops its child and removes its own half-made folders.
    const terminated = startBuild({ CORPUS: corpus, BUILD_OUTPUT: site });
    await until(() => besideSite(stopped).some((name) => name.startsWith(".site.building-")), "Framework to start rendering");
    process.kill(terminated.child.pid!, "SIGTERM");
    const result = await terminated.done;
    expect(result.status).not.toBe(0);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(besideSite(stopped)).toEqual([]);
    expect(files(site)).toEqual(finished);

    // SIGKILL of the whole process tree while the loader writes a new archive (the corpus changed), then
    // again while Framework renders: what they leave is removed by the next build, which replaces the site.
    const edited = writeCorpus({ "a.md": "---\nlanguage: en\n---\nThe third story. It has two sentences.\n" });
    const killedInLoader = startBuild({ CORPUS: edited, BUILD_OUTPUT: site });
    await until(() => zipPartials().length > 0, "the loader to start its archive");
    process.kill(-killedInLoader.child.pid!, "SIGKILL");
    await killedInLoader.done;
    expect(zipPartials().length).toBeGreaterThan(0);
    const killedInFramework = startBuild({ CORPUS: corpus, BUILD_OUTPUT: site });
    await until(() => besideSite(stopped).some((name) => name.startsWith(".site.building-")), "Framework to start rendering");
    process.kill(-killedInFramework.child.pid!, "SIGKILL");
    await killedInFramework.done;
    expect(besideSite(stopped).length).toBeGreaterThan(0);
    expect(files(site)).toEqual(finished);

    const next = await startBuild({ CORPUS: edited, BUILD_OUTPUT: site }).done;
    expect(next.status, next.stderr).toBe(0);
    expect(next.stderr).toContain("left by a build that was stopped");
    expect(besideSite(stopped)).toEqual([]);
    expect(zipPartials()).toEqual([]);
    expect(existsSync(join(site, SITE_MARKER))).toBe(true);
    // The edited title is in the corpus index's (only) page, a fetched file.
    expect(readFileSync(join(site, "_file", "data", "corpus", "index", "0.json"), "utf8")).toContain("The third story.");
  });
});
