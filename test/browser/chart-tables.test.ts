// Charts with a table on the page (issue 32 item 2): each per-article chart has a collapsed table of the
// numbers it draws, a row per article (or cell), read against the chart itself; and a choice on a comparison
// page is announced in its polite live region.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "./browser.ts";

const { visit } = useBuiltSite();

/** The rows of the collapsed table whose summary says `summary`, opened, as the text of their cells. */
async function tableRows(page: import("playwright-core").Page, summary: string): Promise<string[][]> {
  const box = page.locator("details.chart-table-box", { has: page.locator("summary", { hasText: summary }) });
  expect(await box.count()).toBe(1);
  expect(await box.getAttribute("open")).toBeNull();
  await box.locator("summary").click();
  expect(await box.locator("caption").textContent()).toMatch(/\w{4}/);
  return box.locator("tbody tr").evaluateAll((trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent ?? "")));
}

describe("charts with a table on the page", () => {
  it("Frames compared: the heatmap's table has its articles and each cell's count", async () => {
    const { page, problems } = await visit("/compare/frames.html", "table .kwic-match");
    const heatmap = page.locator("main svg[class^='plot-']", { has: page.locator("g[aria-label='cell'] a") }).first();
    // Each drawn number is a count; the table has every count, zeros included.
    const drawn = (await heatmap.locator("g[aria-label='text'] text").allTextContents()).map(Number);
    const cells = await heatmap.locator("g[aria-label='cell'] a").count();
    const rows = await tableRows(page, "The heatmap as a table");
    const counts = rows.flatMap((row) => row.slice(1).map((cell) => Number(/^(\d+) /.exec(cell)![1])));
    expect(counts).toHaveLength(cells);
    expect(counts.reduce((a, b) => a + b, 0)).toBe(drawn.reduce((a, b) => a + b, 0));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("Who speaks: voices per article and direct or indirect, each a table with the chart's articles and totals", async () => {
    const { page, problems } = await visit("/who-speaks.html", "svg.voice-network");
    const bars = page.locator("main svg[aria-label='Attributions per article, by speaker type']");
    const barTotal = (await bars.locator("g[aria-label='bar'] title").allTextContents())
      .map((t) => Number(/: (\d+)$/.exec(t)![1]))
      .reduce((a, b) => a + b, 0);
    const byType = await tableRows(page, "Voices per article");
    expect(byType.map((row) => Number(row.at(-1))).reduce((a, b) => a + b, 0)).toBe(barTotal);
    const byKind = await tableRows(page, "Direct or indirect");
    expect(byKind.map((row) => row.at(-1))).toEqual(byType.filter((row) => Number(row.at(-1)) > 0).map((row) => row.at(-1)));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("Tone: the actor heatmap's table has a row per cell, with its mentions", async () => {
    const { page, problems } = await visit("/tone.html", "main svg");
    const heatmap = page.locator("main svg[aria-label^='Heatmap: tone']");
    const cells = await heatmap.locator("g[aria-label='cell'] a").count();
    const rows = await tableRows(page, "The heatmap as a table");
    expect(rows).toHaveLength(cells);
    expect(rows.every((row) => /^\d+$/.test(row[2]!))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("Frames compared: choosing a grouping is announced with its number of groups", async () => {
    const { page, problems } = await visit("/compare/frames.html", "table .kwic-match");
    const said = page.locator("main .live-region[role=status]");
    expect(await said.textContent()).toBe("");
    await page
      .locator("form", { hasText: "Compare by" })
      .locator("select")
      .selectOption({ label: "outlet (declared, else found in the text)" });
    await page.waitForSelector(".group-heatmap tbody th a[href*='outlet.html?source=']");
    const groups = await page.locator(".group-heatmap tbody tr").count();
    await expect
      .poll(() => said.textContent())
      .toBe(`Compared by outlet (declared, else found in the text): ${groups} group${groups === 1 ? "" : "s"}.`);
    expect(problems).toEqual([]);
    await page.close();
  });
});
