// Where npm run build may put its site: BUILD_OUTPUT=corpus/articles deleted every article and
// BUILD_OUTPUT=$PWD the whole checkout (issue 29). Checked on a project of our own, made for each test.
import { mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isBuiltSite, markBuiltSite, outputProblem, SITE_MARKER } from "../../scripts/site-output.ts";
import { writeCorpus } from "../helpers.ts";

/** A project folder like ours: sources, corpus, .git, a dist/ built before the marker, a stray folder. */
function project(): string {
  return writeCorpus({
    "corpus/articles/a.md": "text\n",
    "src/index.md": "# home\n",
    "data-loaders/x.ts": "",
    "node_modules/x/index.js": "",
    ".git/HEAD": "ref\n",
    "dist/_observablehq/client.js": "",
    "dist/index.html": "",
    "notes/todo.txt": "mine\n",
  });
}

describe("outputProblem(output, projectRoot)", () => {
  it("refuses the project root, a protected folder, anything inside one and anything above the project", () => {
    const root = project();
    for (const output of [root, join(root, ".."), "/", join(root, "corpus"), join(root, "corpus/articles"), join(root, "src")])
      expect(outputProblem(output, root), output).toMatch(/project folder|never writes/);
    for (const name of [".git", "data-loaders", "node_modules", "src/new-site", "corpus/site"])
      expect(outputProblem(join(root, name), root), name).toMatch(/never writes/);
  });
  it("refuses a folder inside or around the corpus a build reads from elsewhere", () => {
    const root = project();
    const corpus = writeCorpus({ "articles/a.md": "text\n" });
    expect(outputProblem(join(corpus, "articles", "site"), root, { extraProtected: [join(corpus, "articles")] })).toMatch(/never writes/);
    expect(outputProblem(corpus, root, { extraProtected: [join(corpus, "articles")] })).toMatch(/never writes/);
  });
  it("refuses a folder that holds anything but a site a build made, inside the project or outside", () => {
    const root = project();
    expect(outputProblem(join(root, "notes"), root)).toMatch(/neither empty nor a site/);
    const outside = writeCorpus({ "thesis.tex": "chapter\n" });
    expect(outputProblem(outside, root)).toMatch(/neither empty nor a site/);
    // A Framework site of someone else's: without the marker, not ours to delete.
    const other = writeCorpus({ "_observablehq/client.js": "", "index.html": "" });
    expect(outputProblem(other, root)).toMatch(/neither empty nor a site/);
  });
  it("refuses a file and a symbolic link, also one that points into the project", () => {
    const root = project();
    const outside = writeCorpus({ "file.txt": "x" });
    symlinkSync(join(root, "corpus"), join(outside, "link"));
    symlinkSync(join(root, "notes"), join(outside, "link-to-notes"));
    expect(outputProblem(join(outside, "file.txt"), root)).toMatch(/not a folder/);
    expect(outputProblem(join(outside, "link"), root)).toMatch(/never writes/);
    expect(outputProblem(join(outside, "link", "site"), root)).toMatch(/never writes/);
    expect(outputProblem(join(outside, "link-to-notes"), root)).toMatch(/symbolic link/);
  });
  it("accepts a new folder, an empty one and a site a build made; dist/ built before the marker too", () => {
    const root = project();
    const outside = writeCorpus({});
    expect(outputProblem(join(root, "dist"), root, { legacy: true })).toBeNull();
    expect(outputProblem(join(root, "dist"), root)).toMatch(/neither empty nor a site/);
    expect(outputProblem(join(root, "site-2"), root)).toBeNull();
    expect(outputProblem(join(root, ".cache", "site"), root)).toBeNull();
    expect(outputProblem(outside, root)).toBeNull();
    expect(outputProblem(join(outside, "a", "b"), root)).toBeNull();
    mkdirSync(join(outside, "site"));
    writeFileSync(join(outside, "site", "index.html"), "");
    expect(isBuiltSite(join(outside, "site"))).toBe(false);
    markBuiltSite(join(outside, "site"));
    expect(isBuiltSite(join(outside, "site"))).toBe(true);
    expect(outputProblem(join(outside, "site"), root)).toBeNull();
    expect(SITE_MARKER.startsWith(".")).toBe(true);
  });
});
