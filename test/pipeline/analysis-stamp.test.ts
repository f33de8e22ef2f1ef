import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeFingerprint, readAnalysisStamp } from "../../data-loaders/pipeline/analysis-stamp.ts";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { writeCorpus } from "../helpers.ts";

describe("readAnalysisStamp(root)", () => {
  it("carries the project's version from package.json", () => {
    const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8"));
    expect(readAnalysisStamp().version).toBe(version);
    expect(readAnalysisStamp().code).toMatch(/^[0-9a-f]{64}$/);
  });

  it("fingerprints the .ts files the analysis entry points import, by path and bytes, nothing else", () => {
    const project = (files: Record<string, string>) => writeCorpus({ "package.json": '{"version": "1.2.3"}', ...files });
    const entries = {
      "data-loaders/pipeline/analyze-corpus.ts": 'import { a } from "../stage/a.ts";\nexport const run = a;\n',
      "data-loaders/pipeline/analyze-parallel.ts": 'const worker = new URL("./analysis-worker.ts", import.meta.url);\n',
      "data-loaders/pipeline/analysis-worker.ts": 'import "./record-json.ts";\n',
      "data-loaders/pipeline/record-json.ts": 'export { b } from "../stage/b.ts";\nimport { z } from "zod";\n',
    };
    const base = { ...entries, "data-loaders/stage/a.ts": "export const a = 1;\n", "data-loaders/stage/b.ts": "export const b = 2;\n" };
    const first = readAnalysisStamp(project(base));
    expect(first.version).toBe("1.2.3");
    expect(readAnalysisStamp(project(base)).code).toBe(first.code);
    // An imported file's bytes, a file reached through `export … from` and a worker named by URL all count.
    expect(readAnalysisStamp(project({ ...base, "data-loaders/stage/a.ts": "export const a = 2;\n" })).code).not.toBe(first.code);
    expect(readAnalysisStamp(project({ ...base, "data-loaders/stage/b.ts": "export const b = 3;\n" })).code).not.toBe(first.code);
    expect(readAnalysisStamp(project({ ...base, "data-loaders/pipeline/record-json.ts": "export {};\n" })).code).not.toBe(first.code);
    // Code no entry imports (what only publishes records) and other files do not.
    expect(readAnalysisStamp(project({ ...base, "data-loaders/publish/table.ts": "export const t = 1;\n" })).code).toBe(first.code);
    expect(readAnalysisStamp(project({ ...base, "data-loaders/schema/data-dictionary.md": "# notes\n" })).code).toBe(first.code);
  });

  it("codeFingerprint(entry) covers what the entry imports", () => {
    const files = { "data-loaders/publish/view.ts": 'import { a } from "./a.ts";\n', "data-loaders/publish/a.ts": "1\n" };
    const first = codeFingerprint("publish/view.ts", writeCorpus(files));
    expect(codeFingerprint("publish/view.ts", writeCorpus({ ...files, "data-loaders/publish/b.ts": "2\n" }))).toBe(first);
    expect(codeFingerprint("publish/view.ts", writeCorpus({ ...files, "data-loaders/publish/a.ts": "3\n" }))).not.toBe(first);
  });

  it("is read once per process for a root", () => {
    const root = writeCorpus({
      "package.json": '{"version": "0.0.1"}',
      "data-loaders/pipeline/analyze-corpus.ts": "1\n",
      "data-loaders/pipeline/analyze-parallel.ts": "1\n",
      "data-loaders/pipeline/analysis-worker.ts": "1\n",
      "data-loaders/pipeline/record-json.ts": "1\n",
    });
    const first = readAnalysisStamp(root);
    writeFileSync(join(root, "data-loaders", "pipeline", "record-json.ts"), "2\n");
    expect(readAnalysisStamp(root)).toBe(first);
  });
});
