// End to end: an edited article reaches the built site on the next `npm run build`, although Framework's
// build reuses any cached loader output (see scripts/freshen-loaders.ts); a cold or damaged cached archive
// is made again, giving the same bytes; an unchanged rebuild says so in a few lines; an article file edited
// through a site's hard link is published again. Builds into temporary folders with a temporary corpus,
// through the real build, in a copy of the project (test/site/project-copy.ts), whose cache the tests look
// at and damage while other files build beside it; the tests after the first share one corpus, in order,
// each going on from the site the one before built. A build stopped midway: stopped-build.site.test.ts.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../helpers.ts";
import { build, cacheData, expectSameSite, startBuild } from "./build-runs.ts";
import { projectCopy } from "./project-copy.ts";

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

/** The copy of the project these tests build in. */
let root: string;
/**
 * The corpus the tests below share, in order, and the site the last of them built: each test starts from
 * the build before it (the copy's cache then holds that corpus's archive), rather than building the same
 * site again first.
 */
let corpus: string;
let out: string;
let latest: string;

beforeAll(async () => {
  root = await projectCopy();
});

describe("npm run build", () => {
  it("fails on a corpus with errors, listing every one", async () => {
    const corpus = writeCorpus({
      "a.md": "---\nlanguage: fr\n---\nTexte.\n",
      "b.md": "---\nlanguage: en\npublished: 2024-02-30\n---\nText here.\n",
    });
    const out = writeCorpus({});
    const result = await startBuild(root, { CORPUS: corpus, BUILD_OUTPUT: join(out, "site") }).done;
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

  it("publishes an edited article, not the cached analysis", async () => {
    corpus = writeCorpus({ "a.md": "---\nlanguage: en\n---\nFirst version of the story. It has two sentences.\n" });
    out = writeCorpus({});
    await build(root, corpus, join(out, "first"));
    const first = ["First version of the story."];
    expect(publishedTitles(join(out, "first"))).toEqual({ index: first, rows: first, records: first });

    writeFileSync(join(corpus, "a.md"), "---\nlanguage: en\n---\nSecond version, rewritten. Still two sentences.\n");
    // Framework clears only output folders inside the project, so the second build gets a fresh folder.
    await build(root, corpus, join(out, "second"));
    const rewritten = ["Second version, rewritten."];
    expect(publishedTitles(join(out, "second"))).toEqual({ index: rewritten, rows: rewritten, records: rewritten });
    latest = join(out, "second");
  });

  it("analyses again from a cold cache and a damaged archive, and publishes the same bytes", async () => {
    // One build for both: the cache of data emptied but for the archive (with its seal and store list), and the
    // archive damaged, four bytes written into its middle in place (the size stays). The build reacts to
    // any archiveProblem alike and drops the archive, which leaves the cache cold;
    // test/site/archive-seal.test.ts tells the other kinds (an emptied archive, a removed seal) apart in the
    // same words, without a build each.
    const kept = new Set(["corpus.zip", "corpus.zip.seal", "corpus.zip.store.json"]);
    for (const name of readdirSync(cacheData(root))) if (!kept.has(name)) rmSync(join(cacheData(root), name), { recursive: true });
    const archive = join(cacheData(root), "corpus.zip");
    const archived = readFileSync(archive);
    archived.write("XXXX", Math.floor(archived.length / 2), "latin1");
    writeFileSync(archive, archived);
    const again = await build(root, corpus, join(out, "cold"));
    expect(again.stderr).toMatch(
      /build: the cached archive src\/.observablehq\/cache\/data\/corpus.zip does not match its seal \(its content does not match its SHA-256\): damaged, or replaced since; analysing again/,
    );
    expectSameSite(join(out, "cold"), latest);
    latest = join(out, "cold");
  });

  it("builds again unchanged in a few lines, with Framework's log kept back and no fetched file counted as changed", async () => {
    const again = await build(root, corpus, join(out, "unchanged"));
    expect(again.stdout).toContain("build: Framework rendered ");
    expect(again.stdout).not.toContain("[using stale]");
    expect(again.stderr).toContain("build: inputs unchanged; the published corpus comes from the last build's cache, nothing analysed");
    expect(again.stderr).toMatch(/build: \d+ data files for the pages, \d+ fetched files in the site \(0 changed\)/);
    expect((again.stdout + again.stderr).trim().split("\n").length).toBeLessThan(12);
    expectSameSite(join(out, "unchanged"), latest);
    latest = join(out, "unchanged");
  });

  it("republishes an article file edited in a built site (a hard link into the build's store) on the next build", async () => {
    // The site the test above built last.
    const dir = (site: string) => join(site, "_file", "data", "corpus");
    const [rows] = readdirSync(join(dir(latest), "rows"));
    const original = readFileSync(join(dir(latest), "rows", rows!));
    // Overwriting the file in place edits the stored file the site is linked to.
    writeFileSync(join(dir(latest), "rows", rows!), "edited");
    const again = await build(root, corpus, join(out, "republished"));
    expect(again.stderr).toContain("build: a published article file changed since the last build; publishing the corpus again");
    expect(readFileSync(join(dir(join(out, "republished")), "rows", rows!)).equals(original)).toBe(true);
    expect(readFileSync(join(dir(latest), "rows", rows!), "utf8")).toBe("edited");
  });
});
