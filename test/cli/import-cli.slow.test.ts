import { mkdirSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { runAnalyze, runTsx, writeCorpus } from "../commands.ts";
import { nexisParagraphs, rtf } from "../reading/office-fixtures.ts";

const FIXTURES = join(PROJECT_ROOT, "test", "fixtures", "import");
const EN = "The council met on Monday and agreed a plan for the new bridge over the river.";
const DE = "Die Regierung hat heute beschlossen, dass die Steuern im nächsten Jahr steigen werden, sagte der Minister.";

/** Runs `npm run import` (scripts/import.ts) with `args`. */
const runImport = (args: readonly string[], env: Readonly<Record<string, string>> = {}) => runTsx(join("scripts", "import.ts"), args, env);

const records = (stdout: string) =>
  stdout
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as { id: string; meta: Record<string, unknown> });
const withoutSource = (r: { meta: Record<string, unknown> }) => ({ ...r, meta: { ...r.meta, source: null } });

describe("npm run import", () => {
  it("writes a CSV as Markdown articles, reports what it mapped, and the folder analyses as the CSV does", async () => {
    const out = join(writeCorpus({}), "imported");
    const imported = await runImport([join(FIXTURES, "media-cloud.csv"), "--out", out]);
    expect(imported.status).toBe(0);
    expect(readdirSync(out)).toEqual(["1001.md", "1002.md", "1003.md"]);
    expect(imported.stderr).toContain('media-cloud.csv: 3 rows; id ← "stories_id"; text ← "text";');
    expect(imported.stderr).toContain("import: read 3 articles; wrote 3 Markdown articles to");
    // Records from the CSV in two threads (each row read again in a worker) and from the imported folder.
    const fromCsv = await runAnalyze([join(FIXTURES, "media-cloud.csv"), "--workers", "2"], { ARTICLES_PER_WORKER: "1" });
    const fromFolder = await runAnalyze([out]);
    expect([fromCsv.status, fromFolder.status]).toEqual([0, 0]);
    expect(records(fromCsv.stdout).map(withoutSource)).toEqual(records(fromFolder.stdout).map(withoutSource));
  });

  it("splits a Nexis Uni .rtf export into Markdown articles, and the folder analyses as the export does in two threads", async () => {
    const ferry = {
      title: "Island gets a new ferry",
      outlet: "The Example Gazette",
      date: "March 5, 2024 Tuesday",
      body: [EN, EN.replace("bridge", "ferry")],
    };
    const dir = writeCorpus({ "nexis.rtf": rtf(nexisParagraphs([ferry, { ...ferry, title: "Second", body: [EN] }])) });
    const out = join(dir, "imported");
    const imported = await runImport([join(dir, "nexis.rtf"), "--out", out]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('nexis.rtf: Nexis Uni export, 2 articles ("End of Document" 2 times);');
    expect(readdirSync(out)).toHaveLength(2);
    const fromExport = await runAnalyze([join(dir, "nexis.rtf"), "--workers", "2"], { ARTICLES_PER_WORKER: "1" });
    const fromFolder = await runAnalyze([out]);
    expect([fromExport.status, fromFolder.status]).toEqual([0, 0]);
    expect(records(fromExport.stdout).map(withoutSource)).toEqual(records(fromFolder.stdout).map(withoutSource));
    expect(records(fromExport.stdout).map((r) => r.meta.title)).toEqual(expect.arrayContaining(["Island gets a new ferry", "Second"]));
  });

  it("takes --map repeated and comma-separated", async () => {
    const out = join(writeCorpus({}), "imported");
    const args = ["--map", "text=body", "--map", "title=headline,published=date,language=lang"];
    const imported = await runImport([join(FIXTURES, "scraper.jsonl"), "--out", out, ...args]);
    expect(imported.status, imported.stderr).toBe(0);
    expect(readFileSync(join(out, "s1.md"), "utf8")).toBe(
      "---\n# imported from scraper.jsonl:1\nid: s1\nlanguage: en\ntitle: Museum extends its opening hours\npublished: 2024-05-10\n---\n" +
        "The city museum will stay open until ten in the evening on Fridays from next month, its director said.",
    );
  });

  it("refuses a folder that is not empty, and a missing --out, with the usage (exit 2)", async () => {
    const out = writeCorpus({ "keep.md": "---\nlanguage: en\n---\nText." });
    const full = await runImport([join(FIXTURES, "articles.tsv"), "--out", out]);
    expect(full.status).toBe(2);
    expect(full.stderr).toMatch(/is not empty; name a new folder/);
    expect(readdirSync(out)).toEqual(["keep.md"]);
    expect((await runImport([join(FIXTURES, "articles.tsv")])).status).toBe(2);
  });

  it("prints every error of a malformed table at once, without a stack trace, and writes nothing", async () => {
    const dir = writeCorpus({ "a.csv": `id,date,text\na1,2024-13-01,${EN}\na1,2024-01-01,\n` });
    const out = join(dir, "out");
    const result = await runImport([join(dir, "a.csv"), "--out", out]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("corpus: 2 errors:");
    expect(result.stderr).toContain('a.csv:2: published (column "date"): "2024-13-01" is not a valid ISO date');
    expect(result.stderr).toContain("a.csv:3: text: is empty: an article needs text");
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(["a.csv"]);
  });
});

describe("imported corpora in worker threads", () => {
  const inputs: [string, Record<string, string>][] = [
    ["media-cloud.csv", {}],
    ["scraper.json", { CORPUS_MAP: "id=story_id" }],
    ["texts", {}],
  ];
  it.each(inputs)("%s: every record made by a worker (each row read again there) equals the CLI's one-thread record", async (name, env) => {
    const pooled = await runTsx(join("test", "pipeline", "records-in-order.script.ts"), [join(FIXTURES, name), "2", "--workers-only"], env);
    const alone = await runAnalyze([join(FIXTURES, name), "--workers", "1"], env);
    expect(pooled.status, pooled.stderr).toBe(0);
    expect(alone.status, alone.stderr).toBe(0);
    expect(pooled.stderr).toMatch(/in workers: [1-9]/);
    expect(pooled.stdout).toBe(alone.stdout);
  });
});

describe("npm run analyze with articles in a language the pipeline does not analyse", () => {
  const corpus = () => writeCorpus({ "en.txt": EN, "de.txt": DE });

  it("stops with each one listed and says how to proceed", async () => {
    const result = await runAnalyze([corpus()]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("de.txt: language: detected German (deu); the pipeline analyses only English and Dutch");
    expect(result.stderr).toMatch(/run again with --skip-unsupported/);
  });

  it("with --skip-unsupported analyses the rest and lists the skipped beside --out", async () => {
    const dir = corpus();
    const out = join(dir, "..", "records", "run.jsonl");
    mkdirSync(join(out, ".."), { recursive: true });
    const result = await runAnalyze([dir, "--skip-unsupported", "--out", out]);
    expect(result.status).toBe(0);
    expect(records(readFileSync(out, "utf8")).map((r) => r.id)).toEqual(["en"]);
    expect(readFileSync(join(out, "..", "run.skipped.csv"), "utf8")).toBe(
      "file,id,language,name,basis\r\nde.txt,de,deu,German,detected\r\n",
    );
  });

  it("with SKIP_UNSUPPORTED=1 and records on stdout lists the skipped on stderr", async () => {
    const result = await runAnalyze([corpus()], { SKIP_UNSUPPORTED: "1" });
    expect(result.status).toBe(0);
    expect(records(result.stdout).map((r) => r.id)).toEqual(["en"]);
    expect(result.stderr).toContain("  de.txt: German (deu, detected)");
  });
});
