import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { FIXTURE_CORPUS, RECORD_FIELDS, SEED_CORPUS, runAnalyze, writeCorpus, type CommandResult } from "../commands.ts";

// The CLI's records of the fixture (Markdown and JSON Lines) and of the bundled corpus, made once for the
// run by the slow project's global setup (analyzed-fixtures.ts).
const analyzed = inject("analyzed");

const parse = (stdout: string) =>
  stdout
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line));

describe("npm run analyze", () => {
  // One run on the fixture with --out, which two tests look at: what it writes, and that a later failing run
  // keeps it (the folder holds that run's failing input beside it).
  let outRun: { dir: string; out: string; result: CommandResult };
  beforeAll(async () => {
    const dir = writeCorpus({ "bad/a.md": "---\nlanguage: fr\n---\nTexte.\n" });
    const out = join(dir, "records.jsonl");
    outRun = { dir, out, result: await runAnalyze([FIXTURE_CORPUS, "--out", out]) };
  });

  it("prints one record per article of a Markdown folder, sorted by id, with the documented fields", async () => {
    const { status, stdout } = analyzed.markdown;
    expect(status).toBe(0);
    const records = parse(stdout);
    expect(records.map((r) => r.id)).toEqual(["alpha", "beta", "gamma-custom-id"]);
    for (const record of records) {
      expect(Object.keys(record)).toEqual(RECORD_FIELDS);
      for (const sentence of record.sentences) expect(Object.keys(sentence)).toEqual(["index", "start", "end", "block"]);
    }
    expect(records.map((r) => [r.language, r.languageSource])).toEqual([
      ["en", "declared"],
      ["nl", "detected"],
      ["nl", "declared"],
    ]);
  });

  it("gives the same records from JSONL as from the same articles in Markdown, apart from meta.source", async () => {
    const fromFolder = parse(analyzed.markdown.stdout);
    const jsonl = analyzed.jsonl;
    expect(jsonl.status).toBe(0);
    const fromJsonl = parse(jsonl.stdout);
    const strip = (r: { meta: Record<string, unknown> }) => ({ ...r, meta: { ...r.meta, source: null } });
    expect(fromJsonl.map(strip)).toEqual(fromFolder.map(strip));
  });

  it("is deterministic: two runs give byte-identical output", async () => {
    // The run for the bundled corpus (no input) and one more naming its folder.
    const first = analyzed.bundled;
    const second = await runAnalyze([SEED_CORPUS]);
    expect(first.status).toBe(0);
    expect(first.stdout.length).toBeGreaterThan(10_000);
    expect(second.stdout).toBe(first.stdout);
  });

  it("writes to --out and keeps stdout for data only, progress on stderr", async () => {
    const { out, result } = outRun;
    const { status, stdout, stderr } = result;
    expect(status).toBe(0);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/analyze: 3\/3 articles/);
    expect(readFileSync(out, "utf8")).toBe(analyzed.markdown.stdout);
  });

  it("analyses the bundled corpus when no input is given: five seeds with their languages", async () => {
    const records = parse(analyzed.bundled.stdout);
    expect(records.map((r) => [r.id, r.language])).toEqual([
      ["000_d933d23d6336647c", "nl"],
      ["001_eefbe2e11fc71058", "nl"],
      ["002_f0f90def628e7567", "en"],
      ["003_f979703bd7accda2", "nl"],
      ["004_8866a9befeb25ce2", "en"],
    ]);
  });

  it("exits 1 and lists every corpus error on stderr, printing no records", async () => {
    const dir = writeCorpus({
      "a.md": "---\nlanguage: xx\n---\nSome text here.\n",
      "b.md": "---\nlanguage: en\npublished: 2024-13-01\n---\nMore text.\n",
    });
    const { status, stdout, stderr } = await runAnalyze([dir]);
    expect(status).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("corpus: 2 errors:");
    expect(stderr).toContain("a.md: language: unknown language");
    expect(stderr).toContain('b.md: published: "2024-13-01" is not a valid ISO date');
  });

  it("rejects a pattern file whose regular expression does not compile, naming the field", async () => {
    const dir = writeCorpus({
      "p.yaml":
        "version: 1\nboilerplate:\n  - {id: broken, label: Broken, pattern: 'a(b', where: line}\nsourceLines: []\nembeddedHeadline: {minBlankLinesBefore: 2}\nheadings: {maxWords: 20}\n",
    });
    const { status, stderr } = await runAnalyze([FIXTURE_CORPUS, "--patterns", join(dir, "p.yaml")]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/p\.yaml: boilerplate\.0\.pattern: does not compile/);
  });

  it("matches the stored snapshot on the fixture corpus, so a diff shows how records changed", async () => {
    const records = parse(analyzed.markdown.stdout).map((r) => ({ ...r, meta: { ...r.meta } }));
    // The analysis-code fingerprint changes with every edit to data-loaders/; the snapshot keeps its shape
    // only, so that its diff shows how findings changed (the stamp itself is tested in analysis-stamp.test.ts).
    const masked = records.map((r) => ({ ...r, analysis: { ...r.analysis, code: "<fingerprint of data-loaders/**/*.ts>" } }));
    await expect(`${masked.map((r) => JSON.stringify(r, null, 1)).join("\n")}\n`).toMatchFileSnapshot(
      "__snapshots__/small-corpus.records.json",
    );
  });
  it("stops with the codebook's errors, naming the file, the entry and the term", async () => {
    const book =
      'id: book\ntitle: Test\nversion: 1.0.0\nlicence: CC0\nsource: test\nentries:\n  - id: hegemon\n    label: The Hegemon\n    definition: The USA as the one dominating power.\n    terms: { en: ["hegemon"], nl: ["x{a"] }\n    examples: [{ language: en, text: "The hegemon rules." }]\n    source: test\n';
    const dir = writeCorpus({ "book.yaml": book });
    const { status, stderr } = await runAnalyze([FIXTURE_CORPUS], { FRAMING_CODEBOOK: `${dir}/book.yaml` });
    expect(status).toBe(1);
    expect(stderr).toMatch(/book\.yaml: entries\.hegemon\.terms\.nl\.0: term "x\{a" unclosed/);
  });
  it.each([
    ["an unknown flag", ["--bogus"], /^analyze: Unknown option '--bogus'/],
    ["a flag without its value", ["--out"], /^analyze: Option '--out <value>' argument missing/],
  ])("answers %s with one line and the usage, exit 2, no stack trace", async (_name, args, message) => {
    const { status, stdout, stderr } = await runAnalyze(args);
    expect(status).toBe(2);
    expect(stdout).toBe("");
    expect(stderr).toMatch(message);
    expect(stderr).toContain("usage: npm run analyze");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("answers an --out that is a folder with one line naming it, no stack trace, and leaves nothing behind", async () => {
    const dir = writeCorpus({ "out/.keep": "" });
    const out = join(dir, "out");
    const { status, stderr } = await runAnalyze([FIXTURE_CORPUS, "--out", out]);
    expect(status).toBe(1);
    expect(stderr).toMatch(new RegExp(`analyze: cannot write ${out.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: it is a folder`));
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(["out"]);
  });

  it("keeps an earlier good --out file when a later run fails", async () => {
    const { dir, out, result } = outRun;
    expect(result.status).toBe(0);
    const good = readFileSync(out, "utf8");
    const failed = await runAnalyze([join(dir, "bad"), "--out", out]);
    expect(failed.status).toBe(1);
    expect(readFileSync(out, "utf8")).toBe(good);
    expect(readdirSync(dir).sort()).toEqual(["bad", "records.jsonl", "records.manifest.json"]);
  });

  it("reports data-file errors and corpus errors together", async () => {
    const dir = writeCorpus({ "bad/a.md": "---\nlanguage: fr\n---\nTexte.\n", "p.yaml": "version: 1\nboilerplate: nope\n" });
    const { status, stderr } = await runAnalyze([join(dir, "bad"), "--patterns", join(dir, "p.yaml")]);
    expect(status).toBe(1);
    expect(stderr).toMatch(/p\.yaml: /);
    expect(stderr).toContain('a.md: language: "fr" (French) is not analysed');
  });
  it("says which long article it is reading, and --max-article-bytes rejects one that is too large", async () => {
    const body = "The minister said the talks would go on. Critics were not convinced.\n\n".repeat(16_000);
    const dir = writeCorpus({ "long.md": `---\nlanguage: en\n---\n${body}` });
    const read = await runAnalyze([dir]);
    expect(read.status).toBe(0);
    expect(read.stderr).toContain("analyze: reading long (1.1 MB) …");
    const refused = await runAnalyze([dir, "--max-article-bytes", "100000"]);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe("");
    expect(refused.stderr).toMatch(/long\.md: body: the (body|file) is 1\.1 MB, over the limit of 0\.1 MB per article/);
    const bad = await runAnalyze([dir, "--max-article-bytes", "lots"]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('MAX_ARTICLE_BYTES: setting: must be a whole number of bytes, not "lots"');
  });
});
