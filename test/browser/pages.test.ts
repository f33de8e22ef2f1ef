// The built site's pages: the overview, the reader, each comparison page, heatmap and concordance links.
// Loads the built site (dist/, made by `npm run build`) in headless Chromium from a loopback server and
// fails on any console error or warning (Plot reports misuse as warnings), page error, failed request, or
// request to another origin.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { useBuiltSite } from "./browser.ts";

const { visit, opened } = useBuiltSite();

describe("built site in headless Chromium", () => {
  it("renders the overview with one linked row per article, no errors and no off-origin requests", async () => {
    const { page, problems } = await visit("/index.html", "table a[href*='article.html?id=']");
    expect(problems).toEqual([]);
    const links = page.locator("table a[href*='article.html?id=']");
    const hrefs = await links.evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).searchParams.get("id")));
    expect(hrefs).toEqual([
      "000_d933d23d6336647c",
      "001_eefbe2e11fc71058",
      "002_f0f90def628e7567",
      "003_f979703bd7accda2",
      "004_8866a9befeb25ce2",
    ]);
    // Rows name the article by title and its source, not by id; a source found in the text says where.
    expect(await links.nth(2).textContent()).toMatch(/^Chinese leader Xi Jinping/);
    const sources = await page.locator("main > div > form table tbody tr td:nth-child(3)").allTextContents();
    expect(sources).toEqual(["Pepe Escobar (credited author)", "RT (origin line)", "–", "Global Times + People's Daily (summary of)", "–"]);
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
    ["/compare/reuse.html", "main h2"],
    ["/codebook.html", ".codebook-entry"],
    ["/methods.html", "table"],
    ["/tone.html", "svg"],
    ["/who-speaks.html", "svg.voice-network"],
    ["/search.html", "form input"],
    ["/keywords.html", "form select"],
    ["/time.html", "main p"],
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

  it("shows one codebook term's concordance lines, fetched by page, each linking to its sentence", async () => {
    const { page, problems } = await visit("/compare/frames.html", "table .kwic-match");
    // The Hegemon frame is first; choose its codebook term "Hegemon" (the proper name) and count its lines.
    const termSelect = page.locator("form", { hasText: "Codebook term" }).locator("select");
    const option = await termSelect
      .locator("option", { hasText: /^Hegemon \(/ })
      .first()
      .textContent();
    await termSelect.selectOption({ label: option! });
    const expected = Number(/\((\d+)\)/.exec(option!)![1]);
    await page.waitForFunction((n) => document.body.textContent!.includes(`${n} line${n === 1 ? "" : "s"}.`), expected);
    const hrefs = await page.locator("table a[title*=', sentence ']").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs.length).toBe(expected);
    expect(hrefs.every((href) => /^\.\.\/article\.html\?id=[^&]+&show=hegemon#s-\d+$/.test(href!))).toBe(true);
    expect(await page.locator(".pager").first().textContent()).toContain("page 1 of 1");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says so when the reader is asked for an article the corpus does not have, and offers the record as JSON", async () => {
    const { browser } = opened();
    const missing = await browser.newPage();
    await missing.goto(`${opened().origin}/article.html?id=no-such-article`, { waitUntil: "networkidle" });
    await missing.waitForSelector("h1");
    expect(await missing.locator("h1").first().textContent()).toBe("No such article");
    expect(await missing.locator("main").textContent()).toContain("This corpus has no article no-such-article");
    await missing.close();
    const { page, problems } = await visit("/article.html?id=002_f0f90def628e7567", ".article-body .sentence");
    const href = await page.locator("a[download]").getAttribute("href");
    const record = await page.evaluate(async (url) => (await fetch(url!)).json(), href);
    expect(record.id).toBe("002_f0f90def628e7567");
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
    expect(await toneWord.getAttribute("title")).toMatch(
      /^tone -\d\.\d\d of the sentence's [-+]?\d\.\d\d; the model's baseline [-+]?\d\.\d\d$/,
    );
    // Turning the frame off removes the highlight.
    await page.locator(".category-legend input[value=hegemon]").uncheck();
    expect(await page.locator("#s-12 .f-hegemon").evaluate((el) => getComputedStyle(el).backgroundColor)).toBe("rgba(0, 0, 0, 0)");
    await page.close();
  });
});
