// A corpus larger than a page: builds the site from 130 synthetic articles (recombined from the bundled
// corpus's sentences, with outlets and dates) into a temporary folder through the real `npm run build`,
// and checks in headless Chromium that per-article charts page through the corpus 60 articles at a time,
// that a cell on a later page still opens the reader at the right article with its frame highlighted, and
// that no page loads more than its index, aggregates and the shown articles' rows. The corpus index has
// two pages here (100 articles a page): filters find articles on either, lists name articles by title
// whichever page holds them, and Search fetches only the index pages of the lines it shows.
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

/** A fetched file's name without the content hash the build gives a FileAttachment ("index.1a2b3c4d.json"). */
const withoutHash = (file: string) => file.replace(/\.[0-9a-f]{8}\.json$/, ".json");

/** The index pages among the files a page fetched, in order. */
const indexPages = (files: readonly string[]) => files.map(withoutHash).filter((f) => /index\/\d+\.json$/.test(f));

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
    // Each page fetched exactly its articles' rows files (and at most the index page holding articles 101–130,
    // unless the concordance's labels had fetched it already).
    expect(
      fetched
        .map(withoutHash)
        .filter((f) => !f.startsWith("data/corpus/index/"))
        .sort(),
    ).toEqual(Array.from({ length: ARTICLES - 60 }, (_, i) => `data/corpus/rows/bench-${String(60 + i).padStart(6, "0")}.json`).sort());
    expect(indexPages(fetched).filter((f) => f !== "data/corpus/index/1.json")).toEqual([]);
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

  it("filters the whole corpus on the overview: an article on the second index page is found and named", async () => {
    const { page, problems } = await visitPage(browser, origin, "/index.html", "table a[href*='article.html?id=']");
    const fetched = recordFetches(page);
    await page.locator("input[placeholder^='Filter articles']").fill("article 126");
    await page.waitForFunction(() => document.querySelector("main [role=status]")?.textContent?.startsWith("1 of 130"));
    await expect.poll(() => page.locator("table a[href*='article.html?id=']").allTextContents()).toEqual(["Synthetic article 126"]);
    // The filter read its words' shards, and the list the one index page holding the article.
    expect(fetched.some((f) => f.startsWith("data/corpus/filter/"))).toBe(true);
    expect(indexPages(fetched)).toEqual(["data/corpus/index/1.json"]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("names every article of a concordance page by its title, on either index page", async () => {
    const { page, problems } = await visitPage(browser, origin, "/compare/frames.html", "table a[title*=', sentence']");
    const links = await page
      .locator("table a[title*=', sentence']")
      .evaluateAll((as) =>
        as.map((a) => ({ id: /[?&]id=([^&]+)/.exec(a.getAttribute("href") ?? "")?.[1] ?? "", text: a.textContent ?? "" })),
      );
    expect(links.length).toBeGreaterThan(0);
    // The concordance names articles from both index pages (ids from bench-000100 are on the second).
    expect(links.some((l) => l.id >= "bench-000100")).toBe(true);
    expect(links.filter((l) => l.text === l.id || !l.text.includes("Synthetic article"))).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("searches a common word fetching only the index pages of the articles it shows, and filters by source over the whole corpus", async () => {
    const { page, problems } = await visitPage(browser, origin, "/search.html?q=the", "table a[href*='article.html?id=']");
    const fetched = recordFetches(page);
    await page.reload({ waitUntil: "networkidle" });
    await page.waitForSelector("table a[href*='article.html?id=']");
    const firstView = new Set(indexPages(fetched));
    // The articles with hits in order, from the dispersion table (25 a page): the first view shows lines of the
    // first of them and computes collocates over the first 60, so it fetches exactly their index pages.
    const hitIds: string[] = [];
    const dispersionPager = page.locator(".pager").last();
    const dispersionIds = () =>
      page
        .locator("table a")
        .evaluateAll((as) => as.flatMap((a) => /article\.html\?id=([^&#]+)$/.exec(a.getAttribute("href") ?? "")?.[1] ?? []));
    for (let k = 0; k < 3; k++) {
      const ids = await dispersionIds();
      hitIds.push(...ids.filter((id) => !hitIds.includes(id)));
      const next = dispersionPager.locator("button", { hasText: "next" });
      if (hitIds.length >= 60 || (await next.isDisabled())) break;
      await next.click();
      await expect.poll(async () => (await dispersionIds()).some((id) => !hitIds.includes(id))).toBe(true);
    }
    const pageOf = (id: string) => `data/corpus/index/${Math.floor(Number(id.slice("bench-".length)) / 100)}.json`;
    expect([...firstView].sort()).toEqual([...new Set(hitIds.slice(0, 60).map(pageOf))].sort());
    await page.getByLabel("Source").selectOption({ label: "Outlet C" });
    await page.waitForFunction(() => /filters keep/.test(document.querySelector("main")?.textContent ?? ""));
    const summary = (await page.locator("main p", { hasText: "filters keep" }).first().textContent())!;
    const articles = Number(/in ([\d,]+) articles?/.exec(summary)![1]);
    expect(articles).toBeGreaterThan(0);
    expect(articles).toBeLessThan(ARTICLES);
    expect(fetched.some((f) => f.startsWith("data/corpus/filter/"))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
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
