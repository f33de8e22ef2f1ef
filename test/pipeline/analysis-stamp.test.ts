import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readAnalysisStamp } from "../../data-loaders/pipeline/analysis-stamp.ts";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { writeCorpus } from "../helpers.ts";

describe("readAnalysisStamp(root)", () => {
  it("carries the project's version from package.json", () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8"));
    expect(readAnalysisStamp().version).toBe(version);
    expect(readAnalysisStamp().code).toMatch(/^[0-9a-f]{64}$/);
  });

  it("fingerprints the .ts files below data-loaders/ by path and bytes, nothing else", () => {
    const project = (files: Record<string, string>) => writeCorpus({ "package.json": '{"version": "1.2.3"}', ...files });
    const base = { "data-loaders/a.ts": "export const a = 1;\n", "data-loaders/stage/b.ts": "export const b = 2;\n" };
    const first = readAnalysisStamp(project(base));
    expect(first.version).toBe("1.2.3");
    expect(readAnalysisStamp(project(base)).code).toBe(first.code);
    expect(readAnalysisStamp(project({ ...base, "data-loaders/a.ts": "export const a = 2;\n" })).code).not.toBe(first.code);
    expect(
      readAnalysisStamp(
        project({ "data-loaders/a.ts": base["data-loaders/a.ts"], "data-loaders/stage/c.ts": base["data-loaders/stage/b.ts"] }),
      ).code,
    ).not.toBe(first.code);
    expect(readAnalysisStamp(project({ ...base, "data-loaders/schema/data-dictionary.md": "# notes\n" })).code).toBe(first.code);
  });

  it("is read once per process for a root", () => {
    const root = writeCorpus({ "package.json": '{"version": "0.0.1"}', "data-loaders/a.ts": "1\n" });
    const first = readAnalysisStamp(root);
    writeFileSync(join(root, "data-loaders", "a.ts"), "2\n");
    expect(readAnalysisStamp(root)).toBe(first);
  });
});
