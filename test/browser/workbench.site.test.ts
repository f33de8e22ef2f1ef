// The researcher's workbench on a corpus of our own (test/fixtures/workbench: two declared outlets, an
// outlet found only in an origin line, a credited author, dates at day, month and year precision and one
// without): the site is built from it through the real `npm run build`, and each tool is checked in
// headless Chromium on it.
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { runCommand, writeCorpus } from "../helpers.ts";
import { openSite, visitPage } from "./browser.ts";

const CORPUS = join(PROJECT_ROOT, "test", "fixtures", "workbench", "articles");
let close: () => Promise<void>;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  const site = join(writeCorpus({}), "site");
  const result = await runCommand("npm", ["run", "build"], { CORPUS, BUILD_OUTPUT: site, RECORD_CACHE: "off" });
  expect(result.status, result.stderr.slice(-3000)).toBe(0);
  ({ origin, browser, close } = await openSite(site));
});

afterAll(() => close?.());

describe("the workbench on a corpus with outlets and dates", () => {
  it("groups by the declared outlet, else by the source found in the text, labelled which is which", async () => {
    const { page, problems } = await visitPage(browser, origin, "/index.html", "table a[href*='article.html?id=']");
    const sources = await page.locator(".card", { hasText: "By source" }).locator("tbody td").allTextContents();
    expect(sources).toEqual(expect.arrayContaining(["Eastern Ledger", "Oosterpost", "RT (origin line)", "J. Doe (credited author)"]));
    // The origin line the text states counts as provenance stated in the text, though the metadata declares none.
    const provenance = await page.locator(".card", { hasText: "By provenance" }).locator("tbody td").allTextContents();
    expect(provenance).toEqual(expect.arrayContaining(["origin line (“Bron: …”)", "credited author"]));
    await page.goto(`${origin}/compare/frames.html`, { waitUntil: "networkidle" });
    await page
      .locator("form", { hasText: "Compare by" })
      .locator("select")
      .selectOption({ label: "outlet (declared, else found in the text)" });
    await page.waitForFunction(() => document.querySelector("main")!.textContent!.includes("RT (origin line)"));
    const groups = await page.locator(".group-heatmap tbody th").allTextContents();
    expect(new Set(groups)).toEqual(new Set(["Eastern Ledger", "Oosterpost", "RT (origin line)", "J. Doe (credited author)"]));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows frames by month and by year, keeping each date's precision", async () => {
    const { page, problems } = await visitPage(browser, origin, "/time.html", "svg");
    const text = (await page.locator("main").textContent())!;
    expect(text).toContain("Of 8 articles, 7 have a date and 6 a month.");
    expect(text).toContain("1 article is dated only to the year and left out of this view.");
    expect(text).toContain("1 article has no date.");
    const months = await page.locator("table tbody tr td:nth-child(2)").allTextContents();
    expect([...new Set(months)].sort()).toEqual(["2022-01", "2022-02", "2022-03", "2022-05", "2023-01"]);
    await page.locator("label", { hasText: /^year$/ }).click();
    await page.waitForFunction(() => document.querySelector("table tbody tr td:nth-child(2)")?.textContent === "2022");
    const years = await page.locator("table tbody tr td:nth-child(2)").allTextContents();
    expect([...new Set(years)].sort()).toEqual(["2022", "2023"]);
    // The year 2022 has the six articles dated in it, the one dated only "2022" included.
    const articles = await page.locator("table tbody tr", { hasText: "2022" }).first().locator("td:nth-child(4)").textContent();
    expect(articles).toBe("6");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("searches a Dutch phrase and narrows it by source", async () => {
    const { page, problems } = await visitPage(browser, origin, "/search.html?q=multipolaire%20wereld", "table .kwic-match");
    expect(await page.locator("table .kwic-match").allTextContents()).toEqual(["multipolaire wereld", "multipolaire wereld"]);
    await page.locator("form", { hasText: "Source" }).locator("select").first().selectOption({ label: "Oosterpost" });
    await page.waitForFunction(() => document.querySelectorAll("table .kwic-match").length === 1);
    expect(await page.locator("main").textContent()).toContain("1 line in 1 article for multipolaire wereld");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("compares one outlet's words with the rest of the corpus in its language", async () => {
    const { page, problems } = await visitPage(browser, origin, "/keywords.html", "form select");
    const summary = await page.locator("main p", { hasText: /^Target / }).textContent();
    expect(summary).toMatch(
      /^Target Eastern Ledger: 4 articles, \d+ words\. Reference the rest of the corpus in en: 1 article, \d+ words\./,
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it("compares a saved selection of articles (its address) with the rest of the corpus", async () => {
    const { page, problems } = await visitPage(
      browser,
      origin,
      "/keywords.html?grouping=selection&select=ledger&from=2022-01&to=2022-01",
      "form select",
    );
    await page.waitForFunction(() => document.querySelector("main")!.textContent!.includes("Target the selection"));
    const text = (await page.locator("main").textContent())!;
    expect(text).toContain("2 articles selected.");
    expect(text).toMatch(/Target the selection: 2 articles, \d+ words\. Reference the rest of the corpus in en: 3 articles/);
    const link = await page.locator("a", { hasText: "Link to this selection" }).getAttribute("href");
    expect(link).toBe("./keywords.html?grouping=selection&select=ledger&from=2022-01&to=2022-01");
    expect(problems).toEqual([]);
    await page.close();
  });
});
