// npm run build writes only its own site (issue 29): a BUILD_OUTPUT that names the project, its corpus or
// sources, or a folder that is not a site, is refused before anything runs (before the build lock and
// Framework's cache), in one line, with nothing deleted. A build stopped midway is tested in
// test/site/stopped-build.site.test.ts.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { outputProblem } from "../../scripts/site-output.ts";
import { runTsx, writeCorpus } from "../commands.ts";

/** Every file below `dir`, relative, sorted. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => !entry.isDirectory())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe("npm run build: BUILD_OUTPUT", () => {
  it("refuses the project, its corpus and sources, and any folder that is not a site, in one line, deleting nothing", async () => {
    const articles = files(join(PROJECT_ROOT, "corpus"));
    const outside = writeCorpus({ "thesis.tex": "chapter one\n" });
    // The command on one of each kind of refusal (the project, a folder of it, a folder that is not a site);
    // the others through the check the command makes before anything runs (scripts/site-output.ts), as
    // scripts/build.ts calls it (BUILD_OUTPUT taken from the project, no CORPUS, not dist/).
    for (const output of [".", "corpus", outside]) {
      const result = await runTsx(join("scripts", "build.ts"), [], { BUILD_OUTPUT: output });
      expect(result.status, output).toBe(2);
      expect(result.stderr, output).toMatch(/^build: BUILD_OUTPUT .*: it .*; nothing was built or deleted\n$/);
    }
    for (const output of [PROJECT_ROOT, "..", "corpus/articles", "src", ".git", "data-loaders", "node_modules"]) {
      expect(outputProblem(resolve(PROJECT_ROOT, output), PROJECT_ROOT), output).toMatch(/^it /);
    }
    expect(files(join(PROJECT_ROOT, "corpus"))).toEqual(articles);
    expect(readFileSync(join(outside, "thesis.tex"), "utf8")).toBe("chapter one\n");
    expect(existsSync(join(PROJECT_ROOT, ".git", "HEAD"))).toBe(true);
  });
});
