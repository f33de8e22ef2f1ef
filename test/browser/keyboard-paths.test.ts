// Keyboard paths (issue 32, "Done means"): a student with only a keyboard opens Frames compared, Search and
// Who speaks, takes the skip link, and tabs to a figure's drill-down and into the reader, where the
// sentences behind it are marked. Every stop on the way is in the main content, visibly focused, never the
// page's body.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { useBuiltSite } from "./browser.ts";

/** The most Tab presses a path may take from the skip link to its drill-down. */
const MOST_STOPS = 40;

const { visit } = useBuiltSite();

/** What has focus: its tag, link, text, whether it is inside main, and its outline. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName.toLowerCase() ?? "",
      href: el?.getAttribute("href") ?? "",
      text: (el?.textContent ?? "").trim().slice(0, 80),
      inMain: !!el?.closest("#observablehq-main"),
      outline: el ? getComputedStyle(el).outlineStyle : "",
    };
  });
}

/** Tab (the skip link), Enter: focus moves to the main content. */
async function takeSkipLink(page: Page): Promise<void> {
  await page.keyboard.press("Tab");
  expect(await focused(page)).toMatchObject({ text: "Skip to main content", href: "#observablehq-main" });
  await page.keyboard.press("Enter");
}

/**
 * Presses Tab until `wanted` holds of the focused element; every stop must be in the main content with a
 * visible outline (never the body). Returns the stops taken, the last one the wanted element.
 */
async function tabTo(page: Page, wanted: (stop: Awaited<ReturnType<typeof focused>>) => boolean) {
  const stops: Array<Awaited<ReturnType<typeof focused>>> = [];
  for (let k = 0; k < MOST_STOPS; k++) {
    await page.keyboard.press("Tab");
    const stop = await focused(page);
    stops.push(stop);
    expect(stop.tag, `stop ${k + 1}`).not.toBe("body");
    expect(stop.inMain, `stop ${k + 1}: ${stop.tag} ${stop.text}`).toBe(true);
    expect(stop.outline, `stop ${k + 1}: ${stop.tag} ${stop.text}`).not.toBe("none");
    if (wanted(stop)) return stops;
  }
  throw new Error(`no wanted stop in ${MOST_STOPS} Tab presses: ${stops.map((s) => `${s.tag} ${s.text}`).join(" | ")}`);
}

/** Enter on the focused link, waiting for the reader to open and mark what the link asks for. */
async function drillDown(page: Page, marked: string): Promise<void> {
  await Promise.all([page.waitForURL(/article\.html\?id=/), page.keyboard.press("Enter")]);
  await page.waitForSelector(marked, { timeout: 30_000 });
}

describe("keyboard paths from the skip link to a drill-down", () => {
  it("Frames compared: the heatmap is one stop; the arrows reach a cell with a count, Enter opens its sentences", async () => {
    const { page, problems } = await visit("/compare/frames.html", "table .kwic-match");
    await takeSkipLink(page);
    const stops = await tabTo(page, (s) => s.tag === "a" && s.href.includes("article.html?id=") && s.href.includes("show="));
    // Only one stop of the heatmap is on the way, however many cells it has.
    expect(stops.filter((s) => s.href.includes("show=")).length).toBe(1);
    const count = () =>
      page.evaluate(() => Number(/: (\d+) \(/.exec(document.activeElement?.querySelector("title")?.textContent ?? "")?.[1] ?? 0));
    for (let k = 0; k < 30 && (await count()) === 0; k++) await page.keyboard.press("ArrowRight");
    const cell = await focused(page);
    expect(await count()).toBeGreaterThan(0);
    const category = new URL(cell.href, page.url()).searchParams.get("show");
    await drillDown(page, ".article-body .sentence.targeted");
    expect(new URL(page.url()).searchParams.get("show")).toBe(category);
    expect(await page.locator(`.article-body mark.f-${category}`).count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("Search: type a word, Enter, hear the count, tab to a line and open its sentence", async () => {
    const { page, problems } = await visit("/search.html", "form input");
    await takeSkipLink(page);
    await tabTo(page, (s) => s.tag === "input");
    await page.keyboard.type("hegemon*");
    await page.keyboard.press("Enter");
    const said = page.locator("main .live-region[role=status]");
    await expect.poll(() => said.textContent()).toMatch(/^\d+ lines? in \d+ articles? for hegemon\*\.$/);
    const line = await tabTo(page, (s) => s.tag === "a" && /article\.html\?id=.*#s-\d+/.test(s.href));
    const sentence = new URL(line.at(-1)!.href, page.url()).hash;
    await drillDown(page, ".article-body .sentence.targeted");
    expect(await page.locator(".article-body .sentence.targeted").first().getAttribute("id")).toBe(sentence.slice(1));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("Who speaks: tab to an article's voices and open them in the reader", async () => {
    const { page, problems } = await visit("/who-speaks.html", "svg.voice-network");
    await takeSkipLink(page);
    const stops = await tabTo(page, (s) => s.tag === "a" && s.href.includes("show=voices"));
    expect(stops.length).toBeGreaterThan(1);
    await drillDown(page, ".article-body .sentence.targeted");
    expect(new URL(page.url()).searchParams.get("show")).toBe("voices");
    expect(await page.locator(".selection-note").textContent()).toContain("quotations and reported speech");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("Who speaks: the network's table lists each article and its voices, and a filter is announced", async () => {
    const { page, problems } = await visit("/who-speaks.html", "svg.voice-network");
    const network = page.locator("svg.voice-network");
    const articles = await network.locator("a[href*='article.html']").count();
    const table = page.locator("details.chart-table-box", { hasText: "The network as a table" });
    expect(await table.getAttribute("open")).toBeNull();
    await table.locator("summary").focus();
    await page.keyboard.press("Enter");
    expect(await table.locator("tbody tr").count()).toBe(articles);
    // Every voice in the picture, a circle named with its type, is in the table.
    const voices = await network.locator("g[role=img]").evaluateAll((gs) => gs.map((g) => g.getAttribute("aria-label")!));
    expect(voices.length).toBeGreaterThan(0);
    const listed = (await table.locator("tbody").textContent())!;
    // "Ministry of Foreign Affairs (China) (Government or official): 3 links": the name, then the type.
    for (const voice of voices) {
      const type = /\(([^()]*)\): \d+ links?$/.exec(voice)![1];
      expect(listed, voice).toContain(`${voice.slice(0, voice.lastIndexOf(` (${type})`))} (${type}, `);
    }
    const said = page.locator("main .live-region[role=status]");
    expect(await said.textContent()).toBe("");
    await page.locator("input[type=search]").first().fill("zzzz-no-article");
    await expect.poll(() => said.textContent()).toMatch(/^0 of \d+ articles match the filter\.$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
