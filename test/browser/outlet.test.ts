// The outlet profile and one frame across outlets on the built site (dist/, the bundled corpus), in headless
// Chromium: reached from the overview, every count drilling to its sentences, and the outlet × frame heatmap
// readable at 1024 px.
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "./browser.ts";
import { outletHeatmap } from "./outlet-heatmap.ts";

const { visit, opened } = useBuiltSite();

describe("the outlet profile", () => {
  it("opens from a source's name on the overview, named in the address", async () => {
    const { page, problems } = await visit("/index.html", ".card a[href*='outlet.html?source=']");
    const link = page.locator(".card", { hasText: "By source" }).locator("a[href*='outlet.html?source=']").first();
    const name = (await link.textContent())!;
    await Promise.all([page.waitForURL(/outlet\.html\?source=/), link.click()]);
    await page.waitForSelector("ol.sentence-links a");
    expect(new URL(page.url()).searchParams.get("source")).toBe(name);
    expect(await page.locator("main p strong").first().textContent()).toBe(name);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("drills from a frame's count to as many sentences in the reader, with the frame marked", async () => {
    const path = "/outlet.html?source=Pepe%20Escobar%20(credited%20author)";
    const { page, problems } = await visit(path, "ol.sentence-links a");
    const row = page.locator("table tbody tr", { hasText: "The Hegemon" }).first();
    const count = row.locator("a[href*='show=frames']");
    const shown = Number(await count.textContent());
    expect(shown).toBeGreaterThan(0);
    await Promise.all([page.waitForURL(/show=frames%2Fhegemon/), count.click()]);
    await page.waitForSelector("ol.sentence-links a[href*='show=hegemon']");
    const links = page.locator("ol.sentence-links a");
    expect(await links.count()).toBe(shown);
    await Promise.all([page.waitForURL(/article\.html\?id=.*show=hegemon.*#s-\d+/), links.first().click()]);
    await page.waitForSelector(".article-body .sentence.targeted");
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("one frame across outlets", () => {
  it("ranks the outlets that use it, each count opening that many sentences", async () => {
    const { page, problems } = await visit("/frame-across-outlets.html?kind=frames&category=hegemon", "ol.sentence-links a");
    const rates = (await page.locator("table tbody tr td:nth-child(5)").allTextContents()).map(Number);
    expect(rates.length).toBeGreaterThan(1);
    expect(rates).toEqual([...rates].sort((a, b) => b - a));
    const first = page.locator("table tbody tr").first();
    const count = Number(await first.locator("td:nth-child(4)").textContent());
    expect(await page.locator("ol.sentence-links a").count()).toBe(count);
    expect(await page.locator("main svg[aria-label]").count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("frames together", () => {
  it("drills from a pair's count of sentences with both to that many sentences, the reader marking the first", async () => {
    const { page, problems } = await visit("/frames-together.html?with=frame%2Fhegemon", "ol.sentence-links a");
    const count = page.locator("table tbody tr").first().locator("td:nth-child(4) a");
    const shown = Number(await count.textContent());
    await Promise.all([page.waitForURL(/pair=\d+#sentences/), count.click()]);
    await page.waitForSelector("ol.sentence-links a");
    const links = page.locator("ol.sentence-links a");
    expect(await links.count()).toBe(Math.min(shown, 20));
    await Promise.all([page.waitForURL(/article\.html\?id=.*#s-\d+/), links.first().click()]);
    await page.waitForSelector(".article-body .sentence.targeted");
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("Frames compared, by outlet", () => {
  it("shows a heatmap whose outlet names and frame labels are whole and in view at 1024 px", async () => {
    const heatmap = await outletHeatmap(opened().browser, opened().origin);
    expect(heatmap.names.length).toBeGreaterThan(1);
    expect(heatmap.cut).toEqual([]);
    // Scrolled to the bottom right of its box, the column headers and outlet names are still at its edges.
    expect(heatmap.headerInView).toBe(true);
    expect(heatmap.namesRightOfLeft).toBeLessThanOrEqual(1);
  });
});
