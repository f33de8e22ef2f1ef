// End to end: an edited article reaches the built site on the next `npm run build`, although Framework's
// build reuses any cached loader output (see scripts/freshen-loaders.ts). Builds into a temporary folder
// with a temporary corpus, through the real `npm run build`; the tests after the first share one corpus,
// in order, each going on from the site the one before built.
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { runCommand, writeCorpus, type CommandResult } from "../helpers.ts";

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

  it("analyses again, and publishes what a cold build does, when the cached archive is damaged, emptied or unsealed", async () => {
    // The site the test above built from a cold cache and again unchanged, and the archive that build left.
    const first = tree(latest);
    const archive = join(PROJECT_ROOT, "src", ".observablehq", "cache", "data", "corpus.zip");
    const damages: Array<[string, () => void, RegExp]> = [
      // Four bytes written into the middle of the archive, in place (the size stays).
      [
        "four bytes changed",
        () => {
          const bytes = readFileSync(archive);
          bytes.write("XXXX", Math.floor(bytes.length / 2), "latin1");
          writeFileSync(archive, bytes);
        },
        /does not match its seal \(its content does not match its SHA-256\): damaged, or replaced since/,
      ],
      [
        "emptied",
        () => writeFileSync(archive, ""),
        /does not match its seal \(it holds 0 bytes where its seal says \d+\): damaged, or replaced since/,
      ],
      ["its seal removed", () => rmSync(`${archive}.seal`), /has no seal \(made by npm run dev, or an interrupted build\)/],
    ];
    for (const [what, damage, reported] of damages) {
      damage();
      const again = await runCommand("npm", ["run", "build"], { CORPUS: corpus, BUILD_OUTPUT: join(out, what) });
      expect(again.status, again.stderr).toBe(0);
      expect(again.stderr, what).toMatch(
        new RegExp(`build: the cached archive src/.observablehq/cache/data/corpus.zip ${reported.source}; analysing again`),
      );
      const site = tree(join(out, what));
      expect([...site.keys()].sort(), what).toEqual([...first.keys()].sort());
      for (const [path, bytes] of first) expect(site.get(path)!.equals(bytes), `${what}: ${path}`).toBe(true);
      latest = join(out, what);
    }
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
});
