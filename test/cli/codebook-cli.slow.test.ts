import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { strFromU8, unzipSync } from "fflate";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { runLoader, runTsx } from "../commands.ts";

const FIXTURES = join(PROJECT_ROOT, "test", "fixtures", "dictionaries");

/** Runs `npm run codebook` (scripts/codebook.ts) with `args`. */
const runCodebook = (args: readonly string[]) => runTsx(join("scripts", "codebook.ts"), args);

describe.concurrent("npm run codebook", () => {
  it("check: exit 0 and a one-line summary for the bundled framing codebook", async () => {
    const result = await runCodebook(["check", join(PROJECT_ROOT, "corpus", "codebooks", "framing.yaml")]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^codebook: 1 file, \d+ entries, \d+ examples and counter-examples agree\n$/);
  });
  it("check: exit 1 naming file, entry, sentence and what matched", async () => {
    const result = await runCodebook(["check", "test/fixtures/dictionaries/bad-examples.yaml"]);
    expect(result.status).toBe(1);
    expect(result.stderr.split("\n")).toEqual([
      `test/fixtures/dictionaries/bad-examples.yaml: entries.rain.examples.1: nl example "De bui viel op de kade." is not found by any of the entry's terms`,
      `test/fixtures/dictionaries/bad-examples.yaml: entries.rain.counterExamples.0: en counter-example "The rain stopped the match." is matched: "rain" (term "rain")`,
      "codebook: 2 problems",
      "",
    ]);
  });
  it("check: schema errors all at once, with exit 1 and no stack trace", async () => {
    const result = await runCodebook(["check", join(FIXTURES, "weather.yml")]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("weather.yml: id: Invalid input: expected string, received undefined");
    expect(result.stderr).toContain("weather.yml: entries: ");
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
  it("import: writes a codebook with placeholders and lists what it left out; the check then asks for real examples", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "codebook-")), "weather.yaml");
    const imported = await runCodebook(["import", join(FIXTURES, "weather.yml"), "--out", out]);
    expect(imported.status).toBe(0);
    expect(imported.stderr).toContain(`codebook import: weather.sun: "sun?" left out`);
    expect(imported.stderr).toMatch(/wrote 3 entries to .*; 2 words or categories left out .*edit every "EDIT ME" before use\n$/);
    expect(readFileSync(out, "utf8")).toMatch(/^# Imported from weather.yml by npm run codebook -- import\./);
    const checked = await runCodebook(["check", out, "--kind", "devices"]);
    expect(checked.status).toBe(1);
    expect(checked.stderr).toContain(
      `entries.weather-rain.examples.0: en example "EDIT ME: write a sentence this entry must find." is not found`,
    );
  });
  it("export: writes LIWC .dic in its published layout (a % block of category ids and names first)", async () => {
    const out = join(mkdtempSync(join(tmpdir(), "codebook-")), "framing.dic");
    const exported = await runCodebook(["export", "corpus/codebooks/framing.yaml", "--format", "dic", "--out", out]);
    expect(exported.status).toBe(0);
    expect(readFileSync(out, "utf8")).toMatch(/^%\n1\thegemon\n/);
  });
  it("answers a missing subcommand, a wrong format, a wrong kind and an existing --out with exit 2", async () => {
    const results = await Promise.all([
      runCodebook([]),
      runCodebook(["export", "corpus/codebooks/framing.yaml", "--format", "ykd", "--out", "x"]),
      runCodebook(["check", "corpus/codebooks/framing.yaml", "--kind", "frames"]),
      runCodebook(["import", join(FIXTURES, "weather.dic"), "--out", join(FIXTURES, "weather.lc3")]),
    ]);
    expect(results.map((r) => r.status)).toEqual([2, 2, 2, 2]);
    expect(results.map((r) => r.stderr.split("\n")[0])).toEqual([
      "codebook: expected check, stamp, import or export, got nothing",
      "codebook: --format must be yaml, dic, lc3 or cat, got ykd",
      "codebook: --kind must be framing or devices, got frames",
      `codebook: ${join(FIXTURES, "weather.lc3")} exists; name a new file, so that no codebook or dictionary is overwritten`,
    ]);
  });
  it("the build's loader stops on a codebook in use whose examples disagree, naming file, entry and sentence", async () => {
    const failure = await runLoader({ FRAMING_CODEBOOK: join(FIXTURES, "bad-examples.yaml"), WORKERS: "1", RECORD_CACHE: "off" }).then(
      () => "",
      (error: Error) => error.message,
    );
    expect(failure).toMatch(/^corpus: 2 errors:\n/);
    expect(failure).toContain(
      `bad-examples.yaml: entries.rain.counterExamples.0: en counter-example "The rain stopped the match." is matched`,
    );
    expect(failure).not.toMatch(/\n\s+at /);
  });
  it("flags a codebook edited under an unchanged version in check, the build log and codebooks.json, and goes on", async () => {
    const framing = readFileSync(join(PROJECT_ROOT, "corpus", "codebooks", "framing.yaml"), "utf8");
    const file = join(mkdtempSync(join(tmpdir(), "codebook-")), "framing.yaml");
    writeFileSync(file, framing.replace("Code every use of the word family.", "Code each use of the word family."));
    const warned = (stderr: string) =>
      stderr.split("\n").some((line) => line.startsWith(`warning: ${file}: the content changed under the unchanged version 2.0.0 (`));
    const [checked, built] = await Promise.all([
      runCodebook(["check", file]),
      runLoader({ FRAMING_CODEBOOK: file, WORKERS: "1", RECORD_CACHE: "off" }),
    ]);
    expect(checked.status).toBe(0);
    expect([warned(checked.stderr), warned(built.stderr)]).toEqual([true, true]);
    const codebooks = JSON.parse(strFromU8(unzipSync(built.zip)["codebooks.json"]!)) as { framing: { versionCheck: { status: string } } };
    expect(codebooks.framing.versionCheck.status).toBe("changed");
  });
});
