// Loads the built site (dist/, made by `npm run build`) in headless Chromium from a loopback server and
// fails on any console error or warning (Plot reports misuse as warnings), page error, failed request, or
// request to another origin.
import { existsSync } from "node:fs";
import type { Server } from "node:http";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { serveStatic } from "../../scripts/serve.ts";

const DIST = join(PROJECT_ROOT, "dist");

function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execFileSync("which", [name], { encoding: "utf8" }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error("no Chromium found: run scripts/ensure-chromium.sh or set CHROMIUM_PATH");
}

let server: Server;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  if (!existsSync(join(DIST, "index.html"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  server = await serveStatic(DIST, 0);
  const address = server.address();
  origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((done) => server?.close(done));
});

/** Opens `path`, waits for the page to settle, and returns what went wrong plus the page. */
async function visit(path: string, ready: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed request: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin)
      problems.push(`off-origin request: ${request.url()}`);
  });
  await page.goto(`${origin}${path}`, { waitUntil: "networkidle" });
  await page.waitForSelector(ready, { timeout: 30_000 });
  // Framework reports failed cells inline as .observablehq--error; none may appear.
  const inlineErrors = await page.locator(".observablehq--error").allTextContents();
  problems.push(...inlineErrors.map((text) => `cell error: ${text}`));
  return { page, problems };
}

describe("built site in headless Chromium", () => {
  it("renders the overview with one linked row per article, no errors and no off-origin requests", async () => {
    const { page, problems } = await visit("/index.html", "table a[href*='article.html?id=']");
    expect(problems).toEqual([]);
    const links = await page.locator("table a[href*='article.html?id=']").allTextContents();
    expect(links).toEqual([
      "000_d933d23d6336647c",
      "001_eefbe2e11fc71058",
      "002_f0f90def628e7567",
      "003_f979703bd7accda2",
      "004_8866a9befeb25ce2",
    ]);
    await page.close();
  });

  it("renders an article with its headings, boilerplate and origin line marked, and sentence anchors", async () => {
    const { page, problems } = await visit("/article.html?id=001_eefbe2e11fc71058#s-11", ".article-body .sentence");
    expect(problems).toEqual([]);
    expect(await page.locator(".article-body h2.block-heading").count()).toBe(4);
    expect(await page.locator(".article-body .block-boilerplate").count()).toBe(3);
    expect(await page.locator(".article-body .block-source-line").textContent()).toContain("Bron: www.rt.com");
    expect(await page.locator("#s-11").textContent()).toBe("Wederzijdse militaire hulp");
    await page.screenshot({ path: join(PROJECT_ROOT, "test", "browser", "output", "article-001.png"), fullPage: false });
    await page.close();
  });

  it.each([
    ["/compare/frames.html", "figure svg, svg"],
    ["/compare/devices.html", "figure svg, svg"],
    ["/codebook.html", ".codebook-entry"],
    ["/methods.html", "table"],
    ["/tone.html", "svg"],
    ["/who-speaks.html", "svg.voice-network"],
  ])("renders %s with no errors and no off-origin requests", async (path, ready) => {
    const { page, problems } = await visit(path, ready);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("links a heatmap cell to the reader with that frame highlighted", async () => {
    const { page, problems } = await visit("/compare/frames.html", "svg a");
    const hrefs = await page.locator("svg a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toContain("../article.html?id=000_d933d23d6336647c&show=hegemon");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("splits each frame's count by the codebook term that matched", async () => {
    const { page, problems } = await visit("/compare/frames.html", "#terms");
    const rows = await page
      .locator("xpath=//h2[@id='terms']/../following-sibling::*//table")
      .first()
      .locator("tbody tr")
      .evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll("td")].map((td) => td.textContent ?? "")));
    // Columns (after Inputs.table's empty first cell): frame, codebook term, count, articles, as written.
    // One frame, several terms, each with its own count: Eurasian connectivity's "*corridor{,s,en}" is 8
    // markers in 2 seeds, written five ways.
    expect(rows).toContainEqual([
      "",
      "Eurasian connectivity",
      "*corridor{,s,en}",
      "8",
      "2",
      "corridor, corridors, douanecorridors, transportcorridor, verbindingscorridors",
    ]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("opens a concordance link at its sentence, with only that frame shown", async () => {
    const { page, problems } = await visit("/article.html?id=000_d933d23d6336647c&show=hegemon#s-12", ".article-body .sentence");
    expect(problems).toEqual([]);
    expect(await page.locator("#s-12").getAttribute("class")).toContain("targeted");
    const body = page.locator(".article-body");
    expect(await body.getAttribute("class")).toContain("show-f-hegemon");
    expect(await body.getAttribute("class")).not.toContain("show-f-vassal");
    expect(await page.locator("#s-12 .f-hegemon").textContent()).toBe("Hegemon");
    const highlighted = await page.locator("#s-12 .f-hegemon").evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(highlighted).not.toBe("rgba(0, 0, 0, 0)");
    // Tone words are off by default and coloured when switched on.
    const toneWord = page.locator(".article-body .t-negative").first();
    const before = await toneWord.evaluate((el) => getComputedStyle(el).color);
    await page.locator(".category-legend input[value=negative]").check();
    expect(await toneWord.evaluate((el) => getComputedStyle(el).color)).not.toBe(before);
    expect(await toneWord.getAttribute("title")).toMatch(/^tone -\d\.\d\d of the sentence's [-+]?\d\.\d\d$/);
    // Turning the frame off removes the highlight.
    await page.locator(".category-legend input[value=hegemon]").uncheck();
    expect(await page.locator("#s-12 .f-hegemon").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgba(0, 0, 0, 0)");
    await page.close();
  });

  it("draws the voices network and opens the reader with quotations, cues and speakers highlighted", async () => {
    const { page, problems } = await visit("/who-speaks.html", "svg.voice-network");
    const labels = await page.locator("svg.voice-network text").allTextContents();
    expect(labels).toEqual(expect.arrayContaining(["Vladimir Putin", "CNN", "een kennis", "Global Times"]));
    const fontSizes = await page
      .locator("svg.voice-network text")
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("font-size"))));
    expect(Math.min(...fontSizes)).toBeGreaterThanOrEqual(16);
    await page.goto(`${origin}/article.html?id=002_f0f90def628e7567&show=voices`, { waitUntil: "networkidle" });
    await page.waitForSelector(".article-body .v-speaker");
    expect(await page.locator(".article-body").getAttribute("class")).toContain("show-v-quote");
    const speaker = page.locator(".article-body .v-speaker", { hasText: "White House" }).first();
    // The speaker's title names the rule that found it (two attributions share this span: stated …, kept saying).
    expect(await speaker.getAttribute("title")).toBe(
      "speaker: White House (government); found by the subject-before-cue rule; speaker: White House (government); found by the same-subject rule",
    );
    expect(await speaker.evaluate((el) => getComputedStyle(el).fontWeight)).toBe("700");
    expect(await page.locator(".sources .voices li").allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^CNN \(other media; 2 indirect\)/)]),
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it("counts reported thoughts on Who speaks and leaves them out when the reader switches them off", async () => {
    const { page, problems } = await visit("/who-speaks.html", "svg.voice-network");
    const intro = page.locator("main p", { hasText: "Which voices do the articles let speak" });
    const found = async () => Number((await intro.textContent())!.match(/found (\d+) quotations/)![1]);
    const withThoughts = await found();
    expect(await intro.textContent()).toMatch(/and \d+ reported thoughts, beliefs or intentions/);
    await page.locator("main input[type=checkbox]").first().click();
    await expect.poll(found).toBeLessThan(withThoughts);
    expect(await intro.textContent()).not.toMatch(/reported thoughts/);
    expect(problems).toEqual([]);
    await page.close();
  });
  it("links a tone heatmap cell to the reader with every sentence mentioning the actor marked", async () => {
    const { page, problems } = await visit("/tone.html", "svg a");
    const hrefs = await page.locator("svg a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toContain("./article.html?id=002_f0f90def628e7567&actor=usa");
    await page.goto(`${origin}/article.html?id=002_f0f90def628e7567&actor=usa`, { waitUntil: "networkidle" });
    await page.waitForSelector(".article-body .sentence.targeted");
    const marked = await page.locator(".sentence.targeted").evaluateAll((els) => els.map((e) => e.id));
    expect(marked.length).toBeGreaterThan(3);
    for (const id of marked)
      expect(await page.locator(`#${id}`).textContent()).toMatch(/United States|US\b|Washington|White House|Pentagon|American|America/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("follows an overview link to the article reader", async () => {
    const { page, problems } = await visit("/index.html", "table a[href*='article.html?id=']");
    await Promise.all([
      page.waitForURL(/article\.html\?id=002_f0f90def628e7567/),
      page.locator("a", { hasText: "002_f0f90def628e7567" }).click(),
    ]);
    await page.waitForSelector(".article-body .sentence");
    expect(problems).toEqual([]);
    expect(await page.locator("h1").first().textContent()).toMatch(/^Chinese leader Xi Jinping/);
    await page.close();
  });
});
