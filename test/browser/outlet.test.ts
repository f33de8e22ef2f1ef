// The outlet profile and one frame across outlets on the built site (dist/, the bundled corpus), in headless
// Chromium: reached from the overview, every count drilling to its sentences, and the outlet × frame heatmap
// readable at 1024 px.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIST, useBuiltSite } from "./browser.ts";
import { outletHeatmap } from "./outlet-heatmap.ts";

const { visit, opened } = useBuiltSite();

/** A published file of the built site, parsed: `frames` finds frames.<hash>.json, `outlets/1` outlets/1.json. */
function siteFile<T>(name: string): T {
  const folder = join(DIST, "_file", "data", "corpus");
  const hashed = readdirSync(folder).find((n) => n.startsWith(`${name}.`) && n.endsWith(".json"));
  return JSON.parse(readFileSync(join(folder, hashed ?? `${name}.json`), "utf8")) as T;
}

/** Text of every cell of the first table row (under `table`) whose text has `label`. */
async function rowCells(page: import("playwright-core").Page, table: string, label: string): Promise<string[]> {
  return page.locator(`${table} tbody tr`, { hasText: label }).first().locator("td").allTextContents();
}

type Rate = { grouping: string; group: string; category: string; count: number; words: number };

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

describe("the outlet profile's reference and tone", () => {
  const source = "no source stated";
  const path = `/outlet.html?${new URLSearchParams({ source })}`;

  it("sets the outlet against the rest of the corpus: the corpus's count and words less the outlet's", async () => {
    const { page, problems } = await visit(path, "ol.sentence-links a");
    expect(await page.locator("main").textContent()).toContain("Compared with the rest of the corpus");
    // Recomputed from frames.json (the whole corpus's and the outlet's counts), not from the profile file.
    const rates = siteFile<{ rates: Rate[]; categories: Array<{ id: string; label: string }> }>("frames");
    const of = (grouping: string, group: string, category: string) =>
      rates.rates.find((r) => r.grouping === grouping && r.group === group && r.category === category)!;
    const used = rates.categories.find((c) => of("outlet", source, c.id).count > 0)!;
    const all = of("all", "all articles", used.id);
    const own = of("outlet", source, used.id);
    const rest = (1000 * (all.count - own.count)) / (all.words - own.words);
    // Columns: (select), frame, kind, count, rate [interval], rest of the corpus [interval], difference [interval].
    const cells = await rowCells(page, "form", used.label);
    expect(cells[5]).toMatch(new RegExp(`^${rest.toFixed(2)}\\[-?\\d+\\.\\d\\d, -?\\d+\\.\\d\\d\\]$`));
    const difference = (1000 * own.count) / own.words - rest;
    expect(cells[6]).toMatch(new RegExp(`^\\${difference > 0 ? "+" : "-"}${Math.abs(difference).toFixed(2)}\\[`));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows its tone in its own voice with the 95% interval its profile publishes", async () => {
    const manifest = siteFile<{ outlets: Array<{ source: string; file: number }> }>("outlets");
    const file = manifest.outlets.find((o) => o.source === source)!.file;
    type Tone = { mean: number; low: number | null; high: number | null };
    const profile = siteFile<{ tone: { own: Tone } }>(`outlets/${file}`);
    expect(profile.tone.own.low).not.toBeNull();
    const { page, problems } = await visit(path, "ol.sentence-links a");
    const cells = await rowCells(page, "form", "own voice");
    expect(cells.slice(-2)).toEqual([
      profile.tone.own.mean.toFixed(2),
      `${profile.tone.own.low!.toFixed(2)} to ${profile.tone.own.high!.toFixed(2)}`,
    ]);
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
