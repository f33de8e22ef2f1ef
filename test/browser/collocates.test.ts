// The Search page's collocates and dispersion plot (issue 33 item 5) on the built bundled corpus: the table's
// numbers are recomputed here from the published text files and search index, with the formulas written out
// (not the page's module), and the plot has one linked tick per line.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIST, useBuiltSite } from "./browser.ts";

const { visit } = useBuiltSite();
const CORPUS = join(DIST, "_file", "data", "corpus");
const json = (path: string) => JSON.parse(readFileSync(join(CORPUS, path), "utf8"));
const fold = (w: string) => w.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
const words = (text: string) => Array.from(text.matchAll(/[\p{L}\p{M}\p{N}]+/gu), (m) => fold(m[0])).filter(Boolean);

describe("Search: collocates and dispersion", () => {
  it("scores collocates as recomputed from the published files, and plots one linked tick per line", async () => {
    const { page, problems } = await visit("/search.html?q=poetin", "table caption");
    // Every sentence the site publishes, and the node's windows at the page's default, 5 left and 5 right.
    const sentences: string[][] = readdirSync(join(CORPUS, "text")).flatMap((f) =>
      json(`text/${f}`).sentences.map(([, t]: [number, string]) => words(t)),
    );
    const windows = sentences.flatMap((ws) =>
      ws.flatMap((w, i) => (w === "poetin" ? [[...ws.slice(Math.max(0, i - 5), i), ...ws.slice(i + 1, i + 6)]] : [])),
    );
    const manifest = json(readdirSync(CORPUS).find((f) => /^search\.[0-9a-f]+\.json$/.test(f))!);
    const row = page.locator("table:has(caption) tbody tr").first();
    const cells = await row.locator("td").allTextContents();
    // After the row's first, empty cell: word, O, left, right, in corpus, E, G², MI, t.
    const [, word, o, , , total, expected, , mi, t] = cells;
    const observed = windows.reduce((n, ws) => n + ws.filter((w) => w === word).length, 0);
    const inCorpus = sentences.reduce((n, ws) => n + ws.filter((w) => w === word).length, 0);
    const e = (windows.length * 10 * inCorpus) / manifest.words;
    expect(Number(o)).toBe(observed);
    expect(Number(total)).toBe(inCorpus);
    expect(Number(expected)).toBeCloseTo(e, 3);
    expect(Number(mi)).toBeCloseTo(Math.log2(observed / e), 2);
    expect(Number(t)).toBeCloseTo((observed - e) / Math.sqrt(observed), 2);
    // The dispersion plot: one tick per line, each a link to the reader at its sentence.
    const ticks = page.locator('svg[aria-label^="Dispersion plot"] a');
    expect(await ticks.count()).toBe(windows.length);
    expect(await ticks.first().getAttribute("href")).toMatch(/article\.html\?id=[^#]+#s-\d+$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
