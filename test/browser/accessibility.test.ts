// axe-core (WCAG 2.1 A and AA) on every page of the built site (dist/, made by `npm run build`) and on the
// reader with each kind of selection a link can make (issue 32). A serious or critical violation fails the
// test unless its rule is on OPEN_RULES, the list of what is still open; a rule on the list that no page
// breaks any more fails the test too, so the list can only shrink. axe runs from node_modules, injected into
// the page as a script: nothing is fetched from another origin.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { seriousViolations, type Violation, useBuiltSite, visitPage } from "./browser.ts";

const FIRST = "000_d933d23d6336647c";

/** Rules still broken somewhere, each with why and the issue that tracks it. Only ever remove from this list. */
const OPEN_RULES: Readonly<Record<string, string>> = {};

/** Every page, and the reader with each selection the site links to, with what shows it has rendered. */
const PAGES: ReadonlyArray<readonly [path: string, ready: string]> = [
  ["/index.html", "table a[href*='article.html?id=']"],
  ["/search.html", "form input"],
  ["/search.html?q=hegemon", "main table"],
  ["/search.html?q=poetin", "table caption"],
  ["/keywords.html", "main table"],
  ["/compare/frames.html", "table .kwic-match"],
  ["/compare/devices.html", "table .kwic-match"],
  ["/outlet.html?source=Pepe%20Escobar%20(credited%20author)", "ol.sentence-links a"],
  ["/frame-across-outlets.html?kind=frames&category=hegemon", "ol.sentence-links a"],
  ["/frames-together.html?with=frame%2Fhegemon", "ol.sentence-links a"],
  ["/compare/reuse.html", "main h2"],
  ["/tone.html", "main svg"],
  ["/who-speaks.html", "svg.voice-network"],
  ["/time.html", "main p"],
  ["/codebook.html", ".codebook-entry"],
  ["/methods.html", "main table"],
  ["/guide.html", "main h1"],
  ["/exercises.html", "fieldset.exercise"],
  ["/coding.html", ".coding-card"],
  ["/agreement.html", "main h1"],
  ["/teaching.html", "main h1"],
  [`/article.html?id=${FIRST}`, ".article-body .sentence"],
  [`/article.html?id=${FIRST}#s-3`, ".article-body .sentence.targeted"],
  [`/article.html?id=${FIRST}&show=hegemon#s-12`, ".article-body .sentence.targeted"],
  [`/article.html?id=${FIRST}&show=hegemon`, ".article-body .sentence.targeted"],
  [`/article.html?id=${FIRST}&show=voices&speaker=Russia`, ".article-body .sentence.targeted"],
  [`/article.html?id=${FIRST}&actor=usa`, ".article-body .sentence.targeted"],
  [`/article.html?id=${FIRST}&camp=out`, ".article-body .sentence.targeted"],
];

/** Where `path` stands in PAGES (a path not in it, such as the reader with every category shown, after them). */
const order = (path: string) => {
  const at = PAGES.findIndex(([page]) => page === path);
  return at < 0 ? PAGES.length : at;
};

/** Nodes per rule over every page, for the summary at the end. */
const seen = new Map<string, number>();
/** Every serious or critical violation by page, written to test/browser/output/axe-violations.json. */
const byPage: Record<string, Violation[]> = {};

const { visit, opened } = useBuiltSite();

describe("accessibility: axe-core, WCAG 2.1 A and AA", () => {
  // The pages side by side (the project's maxConcurrency at a time); the summary below runs after them all.
  it.concurrent.for(PAGES)("%s has no serious or critical violation but the open ones", async ([path, ready], { expect }) => {
    const { page, problems } = await visit(path, ready);
    const violations = await seriousViolations(page);
    for (const v of violations) seen.set(v.rule, (seen.get(v.rule) ?? 0) + v.nodes);
    byPage[path] = violations;
    const unexpected = violations.filter((v) => !(v.rule in OPEN_RULES));
    expect(unexpected.map((v) => `${v.rule} (${v.impact}, ${v.nodes} nodes: ${v.help}) e.g. ${v.targets.slice(0, 3).join(" | ")}`)).toEqual(
      [],
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the reader with every category switched on has no serious or critical violation but the open ones", async () => {
    const path = `/article.html?id=${FIRST}&show=hegemon#s-12`;
    const { page, problems } = await visit(path, ".article-body .sentence.targeted");
    for (const box of await page.locator(".category-legend input[type=checkbox]").all()) await box.check();
    const violations = await seriousViolations(page);
    for (const v of violations) seen.set(v.rule, (seen.get(v.rule) ?? 0) + v.nodes);
    byPage[`${path} (every category shown)`] = violations;
    expect(violations.filter((v) => !(v.rule in OPEN_RULES)).map((v) => `${v.rule}: ${v.targets.slice(0, 3).join(" | ")}`)).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("still sees every rule on the open list (a fixed rule leaves the list)", () => {
    // In PAGES' order, whichever page finished first.
    const inOrder = Object.fromEntries(
      Object.keys(byPage)
        .sort((a, b) => order(a) - order(b))
        .map((path) => [path, byPage[path]]),
    );
    writeFileSync(join(import.meta.dirname, "output", "axe-violations.json"), JSON.stringify(inOrder, null, 1) + "\n");
    console.log(
      `axe serious/critical nodes per rule over ${PAGES.length} page loads:\n` +
        [...seen].map(([rule, nodes]) => `  ${rule}: ${nodes}`).join("\n"),
    );
    expect(Object.keys(OPEN_RULES).filter((rule) => !seen.has(rule))).toEqual([]);
  });
});

describe("accessibility: the keyboard", () => {
  it("makes a heatmap one tab stop whose cells the arrow keys cross, and Enter opens a cell's link", async () => {
    const { page, problems } = await visit("/compare/frames.html", "table .kwic-match");
    const heatmap = page.locator("main svg[class^='plot-']", { has: page.locator("g[aria-label='cell'] a") }).first();
    const stops = await heatmap.locator("g[aria-label='cell'] a").evaluateAll((as) => as.map((a) => a.getAttribute("tabindex")));
    expect(stops.filter((t) => t === "0")).toHaveLength(1);
    expect(stops.filter((t) => t === "-1")).toHaveLength(stops.length - 1);
    await heatmap.locator("g[aria-label='cell'] a[tabindex='0']").focus();
    const where = () =>
      page.evaluate(
        () =>
          document.activeElement?.querySelector("rect")?.getAttribute("x") +
          "," +
          document.activeElement?.querySelector("rect")?.getAttribute("y"),
      );
    const start = await where();
    await page.keyboard.press("ArrowRight");
    const right = await where();
    expect(right).not.toBe(start);
    expect(right.split(",")[1]).toBe(start.split(",")[1]);
    await page.keyboard.press("ArrowDown");
    expect((await where()).split(",")[0]).toBe(right.split(",")[0]);
    // Tab leaves the heatmap from any cell: the next stop is outside it.
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("g[aria-label='cell']"))).toBe(false);
    await heatmap.locator("g[aria-label='cell'] a[tabindex='0']").focus();
    const href = await page.evaluate(() => document.activeElement?.getAttribute("href"));
    await Promise.all([page.waitForURL(/article\.html\?id=/), page.keyboard.press("Enter")]);
    expect(page.url()).toContain(href!.replace(/^\.\.\//, ""));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("reaches a skip link first on every page, which takes the next Tab into the main content", async () => {
    const { page, problems } = await visit("/compare/frames.html", "table .kwic-match");
    await page.keyboard.press("Tab");
    const skip = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement;
      const box = a.getBoundingClientRect();
      return { text: a.textContent, href: a.getAttribute("href"), width: box.width, outline: getComputedStyle(a).outlineStyle };
    });
    expect(skip).toMatchObject({ text: "Skip to main content", href: "#observablehq-main", outline: "solid" });
    expect(skip.width).toBeGreaterThan(50);
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest("#observablehq-main"))).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows the sidebar toggle, on top of the open sidebar, when it has focus", async () => {
    const { page, problems } = await visit("/index.html", "main table");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const toggle = await page.evaluate(() => {
      const a = document.activeElement as HTMLElement;
      const box = a.getBoundingClientRect();
      const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
      return { id: a.id, outline: getComputedStyle(a).outlineStyle, onTop: top === a };
    });
    expect(toggle).toEqual({ id: "observablehq-sidebar-toggle", outline: "solid", onTop: true });
    expect(problems).toEqual([]);
    await page.close();
  });

  it("sorts a table from its header with Enter, saying how in aria-sort", async () => {
    const { page, problems } = await visit("/index.html", "main table");
    // The overview's "By source" table: a source and its count of articles.
    const table = page.locator("form:has(th[title='source']):has(th[title='articles']):not(:has(th[title='title']))");
    const header = table.locator("th[title='source']");
    const column = () => table.locator("tbody tr td:nth-child(2)").allTextContents();
    const before = await column();
    expect(await header.getAttribute("aria-sort")).toBeNull();
    await header.locator("button").focus();
    expect(await header.locator("button").evaluate((b) => getComputedStyle(b).outlineStyle)).toBe("solid");
    await page.keyboard.press("Enter");
    expect(await header.getAttribute("aria-sort")).toBe("ascending");
    expect(await column()).toEqual([...before].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
    await page.keyboard.press("Enter");
    expect(await header.getAttribute("aria-sort")).toBe("descending");
    expect(await column()).toEqual([...before].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("accessibility: the reader's marks", () => {
  it("names each shown mark's category to assistive technology, and presents hidden ones as text", async () => {
    const { page, problems } = await visit(`/article.html?id=${FIRST}&show=hegemon#s-12`, ".article-body .sentence.targeted");
    const hegemon = page.locator("#s-12 mark.f-hegemon");
    expect(await hegemon.getAttribute("aria-description")).toMatch(/^framing marker: The Hegemon/);
    expect(await hegemon.getAttribute("role")).toBeNull();
    // Tone words are off at first: plain text to a screen reader, as on screen.
    const toneWord = page.locator(".article-body mark.t-negative").first();
    expect(await toneWord.getAttribute("role")).toBe("none");
    await page.locator(".category-legend input[value=negative]").check();
    expect(await toneWord.getAttribute("aria-description")).toMatch(/tone word: tone -\d\.\d\d of the sentence's/);
    expect(await toneWord.evaluate((el) => getComputedStyle(el).fontStyle)).toBe("italic");
    // A frame marker is told apart without colour: a dark underline and the frame's number after it.
    expect(await hegemon.evaluate((el) => getComputedStyle(el).boxShadow)).toContain("inset");
    const number = await page
      .locator("#s-12 mark.end-f-hegemon")
      .first()
      .evaluate((el) => getComputedStyle(el, "::after").content);
    expect(number).toMatch(/^"\d+"/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("moves focus to the sentence that next › and ‹ previous mark", async () => {
    const { page, problems } = await visit(`/article.html?id=${FIRST}&show=hegemon`, ".article-body .sentence.targeted");
    const targeted = await page.locator(".sentence.targeted").evaluateAll((els) => els.map((e) => e.id));
    expect(targeted.length).toBeGreaterThan(1);
    await page.locator(".selection-note button", { hasText: "next ›" }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(targeted[1]);
    await page.locator(".selection-note button", { hasText: "‹ previous" }).focus();
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(targeted[0]);
    expect(await page.locator(".selection-note").textContent()).toContain(`sentence 1 of ${targeted.length}`);
    // Clearing the marks leaves focus on the article, never on the page's body.
    await page.locator(".selection-note button", { hasText: "clear" }).click();
    expect(await page.evaluate(() => document.activeElement?.className)).toContain("article-body");
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("accessibility: announcements", () => {
  it("announces a search's result count in a polite live region that was on the page before", async () => {
    const { page, problems } = await visit("/search.html", "form input");
    const region = page.locator("main .live-region[role=status]");
    expect(await region.count()).toBe(1);
    expect(await region.textContent()).toBe("");
    await page.locator("form", { hasText: "Word or phrase" }).locator("input").first().fill("hegemon*");
    await page.locator("form", { hasText: "Word or phrase" }).locator("button", { hasText: "Search" }).click();
    await expect.poll(() => region.textContent()).toMatch(/^\d+ lines? in \d+ articles? for hegemon\*\.$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says the pager's page and keeps focus on a button when the last page disables next ›", async () => {
    // "de" fills more than one page of 50 lines in the Dutch seeds.
    const { page, problems } = await visit("/search.html?q=de", "main table");
    const pager = page.locator("main .pager").first();
    const pages = Number((await pager.locator("[role=status]").textContent())!.match(/of (\d+)/)![1]);
    expect(pages).toBeGreaterThan(1);
    await pager.locator("button", { hasText: "next ›" }).focus();
    for (let k = 1; k < pages; k++) await page.keyboard.press("Enter");
    expect(await pager.locator("[role=status]").textContent()).toContain(`page ${pages} of ${pages}`);
    expect(await pager.locator("button", { hasText: "next ›" }).isDisabled()).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("‹ previous");
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("accessibility: charts", () => {
  it.each([
    ["/compare/frames.html", "table .kwic-match"],
    ["/frame-across-outlets.html?kind=frames&category=hegemon", "ol.sentence-links a"],
    ["/frames-together.html?with=frame%2Fhegemon", "ol.sentence-links a"],
    ["/tone.html", "main svg"],
    ["/who-speaks.html", "svg.voice-network"],
  ])("names and describes every chart on %s", async (path, ready) => {
    const { page, problems } = await visit(path, ready);
    // Plot's charts (not their colour-scale legends) and the network.
    const charts = await page
      .locator("main svg[class^='plot-']:not([class$='-ramp']), main svg.voice-network")
      .evaluateAll((svgs) => svgs.map((svg) => [svg.getAttribute("aria-label"), svg.getAttribute("aria-description")]));
    expect(charts.length).toBeGreaterThan(0);
    for (const [label, description] of charts) {
      expect(label).toMatch(/\w{4}/);
      expect(description).toMatch(/\w{4}/);
    }
    expect(problems).toEqual([]);
    await page.close();
  });
});

describe("accessibility: 200% zoom", () => {
  // 200% zoom on a 1280 × 800 screen: 640 × 400 CSS pixels drawn at two device pixels each. The screenshots
  // (test/browser/output/zoom-200-*.png) are for a person to look at; the test checks nothing is cut off
  // sideways: the page does not scroll horizontally (a wide table scrolls in its own box).
  it.each([
    ["frames", "/compare/frames.html", "table .kwic-match"],
    ["who-speaks", "/who-speaks.html", "svg.voice-network"],
    ["search", "/search.html?q=hegemon", "main table"],
    ["reader", `/article.html?id=${FIRST}&show=hegemon#s-12`, ".article-body .sentence.targeted"],
  ])("keeps %s within the window's width", async (name, path, ready) => {
    const context = await opened().browser.newContext({ viewport: { width: 640, height: 400 }, deviceScaleFactor: 2 });
    const { page, problems } = await visitPage(opened().browser, opened().origin, path, ready, context);
    await page.screenshot({ path: join(import.meta.dirname, "output", `zoom-200-${name}.png`) });
    expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    expect(problems).toEqual([]);
    await context.close();
  });
});
