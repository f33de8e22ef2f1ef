// The public build (issue 34), built once through the real `npm run build -- --public` from a corpus of one
// closed and one openly licensed article, with an exercise set that quotes one closed sentence under a stated
// exception: what it publishes, the leak check on it (a full build failing the check is tested on the
// bundled corpus, test/site/public-seeds.site.test.ts, without a build of its own), and every page and both
// readers in headless Chromium, without a console error, failed or off-origin request or a serious or
// critical axe-core finding.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { filesBelow } from "../../scripts/fetched-files.ts";
import { articleRowsFileSchema } from "../../data-loaders/schema/site-outputs.ts";
import { runCommand, writeCorpus } from "../helpers.ts";
import { openSite, seriousViolations, visitPage } from "./browser.ts";

const CLOSED =
  "---\nlanguage: en\ntitle: A closed story\nurl: https://example.org/closed\n---\n" +
  "The minister told reporters that the hegemon would never accept a multipolar world order.\n\n" +
  "Critics answered that the vassals of Washington had always said exactly the same thing.\n";
const OPEN =
  "---\nlanguage: en\ntitle: An open story\nlicence: CC-BY-4.0\nauthor: A. Writer\n---\n" +
  "An openly licensed report says the sanctions were described as theft by the ministry.\n";
const EXERCISES = `id: public-week
title: Public week
version: 1.0.0
author: A. Teacher
licence: CC-BY-4.0
exception: Quoted for teaching and criticism, one sentence at a time.
instructions: Code first.
items:
  - { task: "frame:vassal", article: closed, find: "vassals of Washington", answer: present, quotable: true }
  - { task: "frame:hegemon", article: closed, find: "the hegemon would", answer: present }
  - { task: tone, article: open, find: "sanctions were described", answer: negative }
`;

let corpus: string;
let exercises: string;
let out: string;
let close: () => Promise<void>;
let browser: Browser;
let origin: string;

async function build(output: string, ...flags: string[]): Promise<void> {
  const args = ["run", "build", ...(flags.length ? ["--", ...flags] : [])];
  const result = await runCommand("npm", args, { CORPUS: corpus, EXERCISES: exercises, BUILD_OUTPUT: output, RECORD_CACHE: "off" });
  expect(result.status, result.stderr.slice(-3000) + result.stdout.slice(-2000)).toBe(0);
}

beforeAll(async () => {
  corpus = writeCorpus({ "closed.md": CLOSED, "open.md": OPEN });
  exercises = writeCorpus({ "public-week.yaml": EXERCISES });
  out = writeCorpus({});
  await build(join(out, "public"), "--public");
  ({ origin, browser, close } = await openSite(join(out, "public")));
});

afterAll(() => close?.());

describe("npm run build -- --public, and npm run check-public", () => {
  it("publishes open texts only, with each article's URL, licence, attribution and text hash", () => {
    const data = join(out, "public", "_file", "data", "corpus");
    expect(existsSync(join(data, "text", "open.json"))).toBe(true);
    expect(existsSync(join(data, "articles", "open.json"))).toBe(true);
    expect(existsSync(join(data, "text", "closed.json"))).toBe(false);
    expect(existsSync(join(data, "articles", "closed.json"))).toBe(false);
    const published = JSON.parse(readFileSync(join(data, "public", "articles.json"), "utf8"));
    expect(published.build.public).toEqual({ defaultLicence: "unknown", snippetWords: 0 });
    const rows = published.articles.map((a: { id: string; open: boolean; attribution: string | null }) => [a.id, a.open, a.attribution]);
    expect(rows).toEqual([
      ["closed", false, null],
      ["open", true, 'A. Writer, "An open story" (CC-BY-4.0)'],
    ]);
    // The index of a public build is stamped too, so every page knows.
    const index = readdirSync(data).find((name) => /^index\.[0-9a-f]+\.json$/.test(name))!;
    const { build } = JSON.parse(readFileSync(join(data, index), "utf8"));
    expect(build.public).toBeDefined();
    // An article's own files carry the policy and the hash of that stamp, not a copy of it.
    const closedRows = JSON.parse(readFileSync(join(data, "rows", "closed.json"), "utf8"));
    expect(articleRowsFileSchema.safeParse(closedRows).success).toBe(true);
    expect(closedRows.build).toEqual({ public: build.public, stamp: createHash("sha256").update(JSON.stringify(build)).digest("hex") });
  });

  it("passes the leak check, allowing the one sentence quoted under the exception", async () => {
    const passed = await runCommand("npm", ["run", "check-public", "--", join(out, "public")], { CORPUS: corpus });
    expect(passed.status, passed.stderr + passed.stdout).toBe(0);
    expect(passed.stdout).toContain("check-public: no closed text found");
    expect(passed.stdout).toContain("1 sentence quoted under a stated exception (exercises.json) allowed");
  });
});

describe("the public build in Chromium", () => {
  it("loads every page without a console error, a failed request, a request to another origin or a serious axe finding", async () => {
    const site = join(out, "public");
    const pages = filesBelow(site)
      .map((file) => `/${relative(site, file)}`)
      .filter((path) => path.endsWith(".html") && !path.startsWith("/_") && path !== "/404.html")
      .sort();
    expect(pages).toEqual(expect.arrayContaining(["/index.html", "/search.html", "/exercises.html", "/coding.html"]));
    const problems: string[] = [];
    // axe-core's WCAG 2.1 A and AA rules (issue 32), on every page and on both readers: the closed one shows
    // no text, only its sentences' places.
    const violations: string[] = [];
    for (const [path, ready] of [
      ...pages.map((p) => [p, "main h1"]),
      ["/article.html?id=open", ".article-body .sentence"],
      ["/article.html?id=closed", "[role=status]"],
    ]) {
      const visit = await visitPage(browser, origin, path!, ready!);
      problems.push(...visit.problems.map((problem) => `${path}: ${problem}`));
      violations.push(...(await seriousViolations(visit.page)).map((v) => `${path}: ${v.rule} (${v.nodes} nodes) e.g. ${v.targets[0]}`));
      await visit.page.close();
    }
    expect(problems).toEqual([]);
    expect(violations).toEqual([]);
  });

  it("shows the open article's text with its attribution", async () => {
    const { page, problems } = await visitPage(browser, origin, "/article.html?id=open", ".article-body .sentence");
    expect(await page.locator(".article-body").textContent()).toContain("sanctions were described as theft");
    expect(await page.locator("#attribution").textContent()).toContain('A. Writer, "An open story" (CC-BY-4.0)');
    expect(problems).toEqual([]);
    await page.close();
  });

  it("finds a closed article's word, shows the term and how often but no text, and links a linked sentence at its source", async () => {
    const search = await visitPage(browser, origin, "/search.html?q=hegemon", "table .kwic-match");
    expect(await search.page.locator("table .kwic-match").allTextContents()).toEqual(["hegemon"]);
    const line = (await search.page.locator("table tbody tr").first().textContent())!;
    expect(line).toContain("1 time in this article, text not published");
    expect(line).not.toContain("minister");
    expect(await search.page.locator("table .kwic-right a").getAttribute("href")).toBe("https://example.org/closed");
    // Collocates are computed from open texts only: the closed occurrence is left out, and the page says so.
    expect(await search.page.locator("main p", { hasText: "Computed over" }).textContent()).toMatch(
      /1 occurrence in closed articles, whose text this build does not publish, is left out: collocates come from open texts only/,
    );
    expect(await search.page.locator("table tbody tr a[href*='article.html']").first().getAttribute("href")).toBe(
      "./article.html?id=closed",
    );
    expect(search.problems).toEqual([]);
    await search.page.close();

    // Sentence 0 carries the hegemon marker, so the frames' concordance links it: its ends are published.
    const { page, problems } = await visitPage(browser, origin, "/article.html?id=closed#s-0", "[role=status]");
    expect(await page.locator("[role=status]").textContent()).toContain("not published in this build (licence: unknown)");
    expect(await page.locator("main").textContent()).not.toContain("minister told");
    expect(await page.locator("#sentence-at-source").getAttribute("href")).toBe(
      "https://example.org/closed#:~:text=The%20minister,world%20order",
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it("computes agreement on a coding file that names a closed article's sentences, without their text", async () => {
    // Ann codes the closed article's two sentences 1, 0 and the open one's 0; Ben 1, 1, 0. By hand: observed
    // agreement 2/3, chance (1/3 · 2/3) + (2/3 · 1/3) = 4/9, kappa (2/3 − 4/9) / (1 − 4/9) = 0.400.
    const coded = (coder: string, codes: number[]) =>
      "task,article,sentence,coder,code,text\n" +
      [
        ["closed", 0],
        ["closed", 1],
        ["open", 0],
      ]
        .map(([article, sentence], k) => `frame:hegemon,${article},${sentence},${coder},${codes[k]},`)
        .join("\n");
    const folder = writeCorpus({});
    writeFileSync(join(folder, "ann.csv"), coded("Ann", [1, 0, 0]));
    writeFileSync(join(folder, "ben.csv"), coded("Ben", [1, 1, 0]));
    const { page, problems } = await visitPage(browser, origin, "/agreement.html", "input[type=file]");
    await page.locator("input[type=file]").setInputFiles([join(folder, "ann.csv"), join(folder, "ben.csv")]);
    await page.waitForSelector("table.confusion");
    expect(await page.locator("#closed-units").textContent()).toContain(
      "2 coded sentences are in articles whose text this build does not publish",
    );
    const pairs = await page
      .locator("form table tbody tr")
      .evaluateAll((trs) =>
        trs
          .map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent!.trim()).slice(1))
          .filter((cells) => cells.length === 5),
      );
    expect(pairs.map((cells) => cells.slice(0, 3))).toEqual([
      ["Ann", "Ben", "3"],
      ["Ann", "pipeline", "1"],
      ["Ben", "pipeline", "1"],
    ]);
    expect(pairs[0]![4]).toMatch(/^0\.400 \[/);
    await page.getByLabel("Confusion table of", { exact: true }).selectOption({ label: "Ann × Ben" });
    await page.waitForFunction(() => document.querySelector("ol.disagreements")?.textContent?.includes("text not published"));
    expect(await page.locator("ol.disagreements").textContent()).toContain("A closed story, sentence 1");
    expect(await page.locator("main").textContent()).not.toContain("Critics answered");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("quotes the marked closed sentence in the exercises, with the exception, and leaves out the unmarked one", async () => {
    const { page, problems } = await visitPage(browser, origin, "/exercises.html", "fieldset.exercise");
    const text = (await page.locator("main").textContent())!;
    expect(text).toContain("Quoted for teaching and criticism, one sentence at a time.");
    expect(text).toContain("vassals of Washington");
    expect(text).not.toContain("the hegemon would");
    expect(problems).toEqual([]);
    await page.close();
  });
});
