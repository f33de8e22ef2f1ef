// The built site's layout and steadiness: the reader's marks, print, 1024 × 768, five loads of every page.
// Loads the built site (dist/, made by `npm run build`) in headless Chromium from a loopback server and
// fails on any console error or warning (Plot reports misuse as warnings), page error, failed request, or
// request to another origin.
import { describe, expect, it } from "vitest";
import { eachAtOnce, useBuiltSite } from "./browser.ts";

const { visit, opened } = useBuiltSite();

describe("built site in headless Chromium", () => {
  it("moves the mark when a second voice link on the same reader page is followed", async () => {
    const { page, problems } = await visit("/article.html?id=001_eefbe2e11fc71058&show=voices", "ul.voices a");
    const links = page.locator("ul.voices a");
    const first = (await links.nth(0).getAttribute("href"))!;
    const second = (await links.nth(1).getAttribute("href"))!;
    const sentence = (href: string) => /#s-(\d+)$/.exec(href)![1];
    await links.nth(0).click();
    await page.waitForFunction((n) => document.getElementById(`s-${n}`)?.classList.contains("targeted"), sentence(first));
    await links.nth(1).click();
    await page.waitForFunction((n) => document.getElementById(`s-${n}`)?.classList.contains("targeted"), sentence(second));
    if (sentence(first) !== sentence(second))
      expect(await page.locator(`#s-${sentence(first)}`).getAttribute("class")).not.toContain("targeted");
    expect(await page.locator(".sentence.targeted").count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("prints the codebook as a coding manual: no sidebar or pager, entries kept whole, speech cues and actors in it", async () => {
    const { page, problems } = await visit("/codebook.html", ".codebook-entry");
    await page.emulateMedia({ media: "print" });
    for (const hidden of ["#observablehq-sidebar", "#observablehq-sidebar-toggle", "#observablehq-toc", ".observablehq-pager"])
      for (const element of await page.locator(hidden).all()) expect(await element.isVisible()).toBe(false);
    expect(
      await page
        .locator(".codebook-entry")
        .first()
        .evaluate((e) => getComputedStyle(e).breakInside),
    ).toBe("avoid");
    const text = (await page.locator("main").textContent())!;
    expect(text).toContain("Speech and attribution cues");
    expect(text).toContain("Reporting verbs and phrases");
    expect(text).toContain("according to");
    expect(text).toContain("volgens");
    expect(text).toMatch(/In-group camp: Russia, China and partners/);
    expect(await page.locator("#camp-west dt", { hasText: "NATO" }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("reads at 1024 × 768: no table wider than the page, no cell or header cut off, network labels of 14 px or more that do not overlap", async () => {
    const { browser } = opened();
    const pages: Array<[string, string]> = [
      ["/index.html", "table a[href*='article.html?id=']"],
      ["/compare/frames.html", "table .kwic-match"],
      ["/tone.html", "form table a"],
      ["/who-speaks.html", "svg.voice-network"],
      ["/methods.html", "table"],
      ["/search.html?q=hegemon*", "table .kwic-match"],
      ["/keywords.html", "table"],
      ["/outlet.html?source=no%20source%20stated", "ol.sentence-links a"],
      ["/frame-across-outlets.html?kind=frames&category=hegemon", "ol.sentence-links a"],
    ];
    for (const [path, ready] of pages) {
      const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
      const problems: string[] = [];
      page.on("console", (m) => (m.type() === "error" || m.type() === "warning" ? problems.push(`${path}: ${m.text()}`) : undefined));
      await page.goto(`${opened().origin}${path}`, { waitUntil: "networkidle" });
      await page.waitForSelector(ready);
      await page.waitForTimeout(300);
      const cut = await page.evaluate(() => {
        const main = document.querySelector("main")!.getBoundingClientRect();
        const out: string[] = [];
        for (const table of document.querySelectorAll("main form table")) {
          if (table.getBoundingClientRect().right > main.right + 2)
            out.push(`table wider than the page: ${table.querySelector("th")?.textContent}`);
          // Every header and every cell (but the one-line concordance contexts) shows all its text.
          for (const cell of table.querySelectorAll("th, td")) {
            if (cell.querySelector(".kwic-left, .kwic-right")) continue;
            if (cell.scrollWidth > cell.clientWidth + 1) out.push(`cut: "${cell.textContent}"`);
          }
        }
        return out;
      });
      expect(cut, path).toEqual([]);
      if (path.startsWith("/who-speaks")) {
        // The labels, not the type's letter drawn inside each circle.
        const labels = await page.locator("svg.voice-network text:not(.voice-symbol)").evaluateAll((texts) =>
          texts.map((t) => {
            const box = t.getBoundingClientRect();
            const svg = (t as SVGTextElement).ownerSVGElement!;
            const size = parseFloat(getComputedStyle(t).fontSize) * (svg.getBoundingClientRect().width / svg.viewBox.baseVal.width);
            return { size, box: [box.left, box.top, box.right, box.bottom] as [number, number, number, number] };
          }),
        );
        expect(labels.length).toBeGreaterThan(5);
        expect(Math.min(...labels.map((l) => l.size))).toBeGreaterThanOrEqual(14);
        const overlapping = labels.filter((a, i) =>
          labels.some(
            (b, j) => j > i && a.box[0] < b.box[2] - 1 && b.box[0] < a.box[2] - 1 && a.box[1] < b.box[3] - 1 && b.box[1] < a.box[3] - 1,
          ),
        );
        expect(overlapping).toEqual([]);
      }
      expect(problems).toEqual([]);
      await page.close();
    }
  });

  it("logs no console error or warning on any page in five consecutive loads", async () => {
    const paths = [
      "/index.html",
      "/search.html?q=poetin",
      "/keywords.html",
      "/compare/frames.html",
      "/compare/devices.html",
      "/compare/reuse.html",
      "/tone.html",
      "/who-speaks.html",
      "/time.html",
      "/codebook.html",
      "/methods.html",
      "/article.html?id=001_eefbe2e11fc71058&show=voices",
      "/guide.html",
      "/exercises.html",
      "/coding.html?task=tone&n=12&seed=3",
      "/agreement.html",
      "/teaching.html",
    ];
    const problems: string[] = [];
    // Each round loads every page, three side by side; the five rounds follow one another.
    for (let load = 1; load <= 5; load++)
      await eachAtOnce(paths, 3, async (path) => {
        const visited = await visit(path, "main");
        problems.push(...visited.problems.map((p) => `load ${load} ${path}: ${p}`));
        await visited.page.close();
      });
    expect(problems.sort()).toEqual([]);
  });

  it("says on Over time that the bundled corpus has no dates, and draws nothing", async () => {
    const { page, problems } = await visit("/time.html", "main p");
    expect(await page.locator("main").textContent()).toContain("No article in this corpus declares a publication date");
    expect(await page.locator("main svg").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });
});
