// The sentiment figures published on the Methods page and in the README come from
// corpus/checks/sentiment-validation.json. This test re-runs `npm run validate` on the team's labelled data
// (../shared/eval, which may not be copied into the project) and fails if the published figures are stale.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { runTsx } from "../commands.ts";

const evalFolder = join(PROJECT_ROOT, "..", "shared", "eval");
const published = JSON.parse(readFileSync(join(PROJECT_ROOT, "corpus", "checks", "sentiment-validation.json"), "utf8"));

describe("published sentiment validation", () => {
  it.skipIf(!existsSync(evalFolder))("matches a fresh run of npm run validate on ../shared/eval", async () => {
    const result = await runTsx(join("scripts", "validate.ts"), []);
    expect(result.status, result.stderr).toBe(0);
    const fresh = JSON.parse(result.stdout.trimEnd().split("\n").at(-1)!);
    expect(fresh).toEqual(published);
  });

  it("covers the four labelled datasets with their sizes", () => {
    expect(published.results.map((r: { dataset: string; n: number }) => [r.dataset, r.n])).toEqual([
      ["VADER tweets", 4200],
      ["VADER movie review snippets", 10605],
      ["VADER Amazon review snippets", 3708],
      ["bol.com book reviews (CLiPS Pattern test corpus)", 3000],
    ]);
  });
});
