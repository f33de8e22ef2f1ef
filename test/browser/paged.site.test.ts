// A corpus larger than a page: builds the site from 130 synthetic articles (recombined from the bundled
// corpus's sentences, with outlets and dates) into a temporary folder through the real `npm run build`,
// and checks in headless Chromium that per-article charts page through the corpus 60 articles at a time,
// that a cell on a later page still opens the reader at the right article with its frame highlighted, and
// that no page loads more than its index, aggregates and the shown articles' rows.
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadResources } from "../../data-loaders/pipeline/analyze-corpus.ts";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { sentencePools, writeSyntheticCorpus } from "../../scripts/synthetic-corpus.ts";
import { runCommand, writeCorpus } from "../helpers.ts";
import { openSite, visitPage } from "./browser.ts";

const ARTICLES = 130;
let close: () => Promise<void>;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  const work = writeCorpus({});
  const corpus = join(work, "synthetic.jsonl");
  const paths = corpusPaths({});
  await writeSyntheticCorpus(corpus, await sentencePools(paths.articles, loadResources(paths)), ARTICLES, 7);
  const site = join(work, "site");
  const result = await runCommand("npm", ["run", "build"], { CORPUS: corpus, BUILD_OUTPUT: site, RECORD_CACHE: "off" });
  expect(result.status, result.stderr.slice(-3000)).toBe(0);
  ({ origin, browser, close } = await openSite(site));
});

afterAll(() => close?.());

/** The article ids of the heatmap's rows, top to bottom, from its cells' links (rows are labelled by title). */
async function heatmapArticles(page: Page): Promise<string[]> {
  const hrefs = await page.locator("svg a").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
  return [...new Set(hrefs.map((href) => /[?&]id=([^&]+)/.exec(href)?.[1]).filter((id): id is string => !!id))];
}

/** Records the files below _file/ that `page` requests from now on. */
function recordFetches(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes("/_file/")) urls.push(path.slice(path.indexOf("/_file/") + "/_file/".length));
  });
  return urls;
}

/** Waits until the heatmap's first row is article `id`. */
function heatmapStartsAt(page: Page, id: string): Promise<unknown> {
  return page.waitForFunction(
    (first) => /[?&]id=([^&]+)/.exec(document.querySelector("svg a")?.getAttribute("href") ?? "")?.[1] === first,
    id,
  );
}

describe(`a site of ${ARTICLES} articles`, () => {
  it("pages the frame heatmap 60 articles at a time, and a cell on page 3 opens its article with the frame marked", async () => {
    const { page, problems } = await visitPage(browser, origin, "/compare/frames.html", "svg a");
    const fetched = recordFetches(page);
    expect(await page.locator(".pager").first().textContent()).toContain(`${ARTICLES} articles, 60 at a time: page 1 of 3`);
    const first = await heatmapArticles(page);
    expect(first).toHaveLength(60);
    expect(first[0]).toBe("bench-000000");
    const next = page.locator(".pager").first().locator("button", { hasText: "next" });
    await next.click();
    await heatmapStartsAt(page, "bench-000060");
    await next.click();
    await heatmapStartsAt(page, "bench-000120");
    expect(await page.locator(".pager span").first().textContent()).toContain("page 3 of 3");
    const third = await heatmapArticles(page);
    expect(third).toEqual(Array.from({ length: ARTICLES - 120 }, (_, i) => `bench-${String(120 + i).padStart(6, "0")}`));
    // Each page fetched exactly its articles' rows files, nothing else.
    expect(fetched.sort()).toEqual(
      Array.from({ length: ARTICLES - 60 }, (_, i) => `data/corpus/rows/bench-${String(60 + i).padStart(6, "0")}.json`).sort(),
    );
    // A cell of article 125 with a non-zero count (its tooltip says "<frame>: <count> (… per 1,000 words)").
    const cells = await page
      .locator("svg a")
      .evaluateAll((links) => links.map((a) => ({ href: a.getAttribute("href") ?? "", title: a.textContent ?? "" })));
    const href = cells.find((c) => c.href.includes("id=bench-000125&show=") && /: [1-9]\d* \(/.test(c.title))!.href;
    const target = new URL(href, page.url());
    const frame = target.searchParams.get("show")!;
    await page.goto(target.href, { waitUntil: "networkidle" });
    await page.waitForSelector(".article-body .sentence");
    expect(await page.locator("h1").first().textContent()).toBe("Synthetic article 126");
    expect(await page.locator(".article-body").getAttribute("class")).toContain(`show-f-${frame}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("filters the articles shown by outlet, on every per-article chart's filter", async () => {
    const { page, problems } = await visitPage(browser, origin, "/tone.html", "svg");
    await page.locator("input[placeholder^='Filter articles']").fill("Outlet C");
    await page.waitForFunction(() => !document.querySelector(".pager span")!.textContent!.startsWith("130"));
    const status = (await page.locator(".pager span").first().textContent())!;
    const shown = Number(/^(\d+) articles/.exec(status)![1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(ARTICLES);
    // The tables link exactly the filtered articles (all on one page) to the reader: the articles' table one
    // row each, the actor tone table (issue 32) one cell per actor of some of them. The tables are redrawn
    // after the shown articles' rows files arrive: wait for them (on a loaded machine the pager's count can
    // run ahead of the tables).
    const linkedIds = async () =>
      new Set(
        (
          await page.locator("table a[href*='article.html?id=']").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""))
        ).map((href) => /[?&]id=([^&]+)/.exec(href)?.[1]),
      ).size;
    await expect.poll(linkedIds, { timeout: 30_000 }).toBe(shown);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows the seed hand check's figures only for a corpus that contains the seeds", async () => {
    const { page, problems } = await visitPage(browser, origin, "/who-speaks.html", "svg.voice-network");
    const intro = (await page.locator("main p", { hasText: "Which voices do the articles let speak" }).textContent())!;
    expect(intro).toContain("The seed hand check does not describe this corpus");
    expect(intro).not.toMatch(/found \d+% of the attributions/);
    expect(problems).toEqual([]);
    await page.close();
    // Methods in a page of its own: leaving Who speaks while it still fetches rows files would abort them.
    const methodsPage = await visitPage(browser, origin, "/methods.html", "table");
    const methods = (await methodsPage.page.locator("main").textContent())!;
    expect(methods).toContain("so the hand check's figures, which describe those articles only, are not shown");
    expect(methods).not.toContain("detection recall");
    expect(methods).not.toMatch(/Frame counts: the pipeline agrees/);
    expect(methodsPage.problems).toEqual([]);
    await methodsPage.page.close();
  });

  it("loads on the overview only the corpus index's manifest and its first page, whatever the corpus size", async () => {
    const page = await browser.newPage();
    const files: string[] = [];
    page.on("request", (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes("/_file/")) files.push(path);
    });
    await page.goto(`${origin}/index.html`, { waitUntil: "networkidle" });
    await page.waitForSelector("table a[href*='article.html?id=']");
    expect(files.map((f) => f.replace(/\.[0-9a-f]{8}\.json$/, ".json"))).toEqual([
      "/_file/data/corpus/index.json",
      "/_file/data/corpus/index/0.json",
    ]);
    expect(await page.locator("main").textContent()).toContain(`The corpus holds ${ARTICLES} articles`);
    await page.close();
  });
});
