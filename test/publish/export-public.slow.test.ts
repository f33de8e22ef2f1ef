// npm run export on a corpus of one closed and one openly licensed article (issue 31, item 4; issue 34):
// a public export keeps the closed article's text out, and the leak check that guards the public site
// finds nothing in it (and finds the closed text in the full export of the same records); build.json
// names the corpus by the very hash the site's index.json (and so every page download) carries.
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runAnalyze, runCommand, runLoader, writeCorpus } from "../helpers.ts";
import { parseCsv } from "./csv-rows.ts";

const CLOSED =
  "---\nlanguage: en\ntitle: A closed report\nurl: https://example.org/closed\n---\n" +
  "The minister told reporters that the hegemon would never accept a multipolar world order.\n\n" +
  "Critics answered that the vassals of Washington had always said exactly the same thing.\n";
const OPEN =
  "---\nlanguage: en\ntitle: An open report\nlicence: CC-BY-4.0\nauthor: A. Writer\n---\n" +
  "An openly licensed report says the sanctions were described as theft by the ministry.\n";

let corpus: string;
let work: string;

/** npm run export of the analysed records into `name`, with `env` added; its build.json. */
async function exportTo(name: string, env: Record<string, string> = {}): Promise<{ build: Record<string, unknown>; out: string }> {
  const out = join(work, name);
  const args = ["run", "--silent", "export", "--", "--format", "csv", "--out", out, "--records", join(work, "records")];
  const result = await runCommand("npm", args, { CORPUS: corpus, ...env });
  expect(result.status, result.stderr).toBe(0);
  return { build: JSON.parse(readFileSync(join(out, "build.json"), "utf8")) as Record<string, unknown>, out };
}

/** The sentence_text column of an export's sentences.csv, by article. */
function sentenceTexts(out: string): Map<string, string[]> {
  const [header, ...rows] = parseCsv(readFileSync(join(out, "sentences.csv"), "utf8"));
  const column = header!.indexOf("sentence_text");
  const texts = new Map<string, string[]>();
  for (const row of rows) texts.set(row[0]!, [...(texts.get(row[0]!) ?? []), row[column]!]);
  return texts;
}

beforeAll(async () => {
  corpus = writeCorpus({ "closed.md": CLOSED, "open.md": OPEN });
  work = writeCorpus({});
  mkdirSync(join(work, "records"));
  const analysed = await runAnalyze([corpus, "--out", join(work, "records", "all.jsonl")]);
  expect(analysed.status, analysed.stderr).toBe(0);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The full export (no PUBLISH), which two tests look at: its text, and its build.json's corpus. Made once, when first asked for. */
let fullExport: ReturnType<typeof exportTo> | undefined;
const exportFull = () => (fullExport ??= exportTo("full"));

describe("npm run export with PUBLISH=public", () => {
  it("keeps a closed article's text out and an open one's in, and the leak check finds nothing in it", async () => {
    const { build, out } = await exportTo("public", { PUBLISH: "public" });
    expect(build).toMatchObject({ publish: "public", public: { defaultLicence: "unknown", snippetWords: 0 } });
    const texts = sentenceTexts(out);
    expect(texts.get("closed")!.every((text) => text === "")).toBe(true);
    expect(texts.get("open")!.join(" ")).toContain("sanctions were described as theft");
    const check = await runCommand("npm", ["run", "--silent", "check-public", "--", out], { CORPUS: corpus });
    expect(check.status, check.stdout + check.stderr).toBe(0);
    expect(check.stdout).toMatch(/^check-public: no closed text found; scanned \d+ files against 1 closed articles/u);
  });

  it("is what the full export would leak otherwise: the same check fails on it, naming the closed sentences", async () => {
    const { build, out } = await exportFull();
    expect(build).toMatchObject({ publish: "full" });
    expect(sentenceTexts(out).get("closed")!.join(" ")).toContain("the hegemon would never accept");
    const check = await runCommand("npm", ["run", "--silent", "check-public", "--", out], { CORPUS: corpus });
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^sentences\.csv: \d+ runs? of closed text/mu);
  });
});

describe("build.json of npm run export", () => {
  it("names the corpus by the hash the site's index.json carries, from the same records", async () => {
    const { build } = await exportFull();
    const { zip } = await runLoader({ CORPUS: corpus, RECORDS: join(work, "records"), RECORD_CACHE: "off" });
    const index = JSON.parse(strFromU8(unzipSync(new Uint8Array(zip))["index.json"]!)) as { corpus: unknown };
    expect(build.corpus).toEqual(index.corpus);
    expect(build.corpus).toMatchObject({ articles: 2, sha256: expect.stringMatching(/^[0-9a-f]{64}$/u) });
  });
});
