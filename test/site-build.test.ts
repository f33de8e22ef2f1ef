// End to end: an edited article reaches the built site on the next `npm run build`, although Framework's
// build reuses any cached loader output (see scripts/freshen-loaders.ts). Builds into a temporary folder
// with a temporary corpus, through the real `npm run build`.
import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { writeCorpus } from "./helpers.ts";

function build(corpus: string, output: string): void {
  const result = spawnSync("npm", ["run", "build"], { cwd: PROJECT_ROOT, env: { ...process.env, CORPUS: corpus, BUILD_OUTPUT: output }, encoding: "utf8" });
  expect(result.status, result.stderr + result.stdout).toBe(0);
}

function publishedSummary(dist: string): Array<{ id: string; title: string }> {
  const dir = join(dist, "_file", "data", "corpus");
  const file = readdirSync(dir).find((name) => /^summary\.[0-9a-f]+\.json$/.test(name));
  return JSON.parse(readFileSync(join(dir, file!), "utf8"));
}

describe("npm run build after an article is edited", () => {
  it("publishes the edited text, not the cached analysis", () => {
    const corpus = writeCorpus({ "a.md": "---\nlanguage: en\n---\nFirst version of the story. It has two sentences.\n" });
    const out = writeCorpus({});
    build(corpus, join(out, "first"));
    expect(publishedSummary(join(out, "first")).map((row) => row.title)).toEqual(["First version of the story."]);

    writeFileSync(join(corpus, "a.md"), "---\nlanguage: en\n---\nSecond version, rewritten. Still two sentences.\n");
    // Framework clears only output folders inside the project, so the second build gets a fresh folder.
    build(corpus, join(out, "second"));
    expect(publishedSummary(join(out, "second")).map((row) => row.title)).toEqual(["Second version, rewritten."]);
  });
});
