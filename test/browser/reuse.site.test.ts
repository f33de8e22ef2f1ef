// Who republishes whom on the reuse fixtures (test/fixtures/reuse/articles: a wire text, two copies, a
// text reusing 2 of its 5 paragraphs, unrelated texts, an undated pair), built through the real
// `npm run build` and read in headless Chromium: the reader's note and the reuse page.
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCommand, writeCorpus } from "../helpers.ts";
import { openSite, seriousViolations, visitPage } from "./browser.ts";
import { REUSE_CORPUS } from "../reuse/reuse-fixtures.ts";

let close: () => Promise<void>;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  const site = join(writeCorpus({}), "site");
  const result = await runCommand("npm", ["run", "build"], { CORPUS: REUSE_CORPUS, BUILD_OUTPUT: site, RECORD_CACHE: "off" });
  expect(result.status, result.stderr.slice(-3000)).toBe(0);
  ({ origin, browser, close } = await openSite(site));
});

afterAll(() => close?.());

describe("reuse in the built site", () => {
  it("says in the reader where a copied text also appears, and its likely origin", async () => {
    const { page, problems } = await visitPage(browser, origin, "/article.html?id=ledger-copy", ".reuse-note");
    const note = (await page.locator(".reuse-note").textContent())!;
    expect(note).toContain("This text also appears in: Valley Courier, “Harbour channel dredging under way” (2023-03-03); Harbour Wire,");
    expect(note).toContain("likely origin: Harbour Wire, the earliest dated copy (2023-03-01)");
    expect(await page.locator(".reuse-note a[href*='article.html?id=harbour-wire']").count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says how many paragraphs a partly reused text shares, linked to the shared paragraph", async () => {
    const { page, problems } = await visitPage(browser, origin, "/article.html?id=signal-partial", ".reuse-note");
    // Three copies of one text share the paragraphs: said once, naming each copy.
    const lines = await page.locator(".reuse-note p").allTextContents();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^2 of its 5 paragraphs also appear in: Valley Courier, .*; Harbour Wire, .*; Eastern Ledger, .* \(the first of them in this text\)\.$/,
    );
    const link = await page.locator(".reuse-note a[href*='id=harbour-wire']").getAttribute("href");
    expect(link).toMatch(/#s-\d+$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("has no serious or critical axe violation on the reader with a note and on the reuse page with its tables filled", async () => {
    for (const [path, ready] of [
      ["/article.html?id=signal-partial", ".reuse-note"],
      ["/compare/reuse.html", "table.reuse-matrix"],
    ] as const) {
      const { page, problems } = await visitPage(browser, origin, path, ready);
      expect((await seriousViolations(page)).map((v) => `${path}: ${v.rule} ${v.targets.slice(0, 3).join(" | ")}`)).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it("shows no note on a text nobody copied", async () => {
    const { page, problems } = await visitPage(browser, origin, "/article.html?id=signal-unrelated", ".article-body .sentence");
    expect(await page.locator(".reuse-note").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("lists the groups and the outlet-to-outlet matrix on the reuse page", async () => {
    const { page, problems } = await visitPage(browser, origin, "/compare/reuse.html", "table.reuse-matrix");
    expect(await page.locator("table.reuse-groups tbody tr").count()).toBe(2);
    const row = await page.locator("table.reuse-matrix tr", { hasText: "Morning Signal" }).locator("td").allTextContents();
    expect(row).toContain("0 + 1");
    expect(await page.locator("table.reuse-matrix caption").count()).toBe(1);
    await page.screenshot({ path: join(import.meta.dirname, "output", "reuse-page.png"), fullPage: true });
    expect(problems).toEqual([]);
    await page.close();
  });
});
