// The reader's marks as Chromium draws them (issue 32 item 1; WCAG 2.1 1.4.3 and 1.4.11): with every
// category shown, each mark's text, frame underline, device or cue underline and frame number are measured
// against the background drawn behind them, from the computed styles. test/site/reader-palette.test.ts checks
// the whole palette; this checks what the stylesheet makes of it on a page. Also screenshots of the reader
// with a frame selection and of Who speaks' stacked bars at 1440 and 1024 px, for a person to look at.
import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { contrastRatio } from "../../src/components/contrast.ts";
import { useBuiltSite, visitPage } from "./browser.ts";

const FIRST = "000_d933d23d6336647c";
const READER = `/article.html?id=${FIRST}&show=hegemon#s-12`;

const { visit, opened } = useBuiltSite();

/** What a mark draws: its classes, its text colour, its background (its own or the nearest drawn behind
 * it), its frame underline (the inset box-shadow), its text decoration and its number's colour (::after). */
interface DrawnMark {
  classes: string;
  color: string;
  background: string;
  underline: string | null;
  decoration: string | null;
  number: string | null;
}

function drawnMarks(page: Page): Promise<DrawnMark[]> {
  return page.locator(".article-body mark.mark:not([role=none])").evaluateAll((marks) => {
    const opaque = (c: string) => c !== "rgba(0, 0, 0, 0)" && c !== "transparent";
    const background = (el: Element | null): string => {
      for (let at = el; at; at = at.parentElement) {
        const c = getComputedStyle(at).backgroundColor;
        if (opaque(c)) return c;
      }
      return "rgb(255, 255, 255)";
    };
    return marks.map((mark) => {
      const style = getComputedStyle(mark);
      const inset = /(rgb\([^)]*\))[^,]*inset/.exec(style.boxShadow);
      const after = getComputedStyle(mark, "::after");
      return {
        classes: mark.className,
        color: style.color,
        background: background(mark),
        underline: inset ? inset[1]! : null,
        decoration: style.textDecorationLine.includes("underline") ? style.textDecorationColor : null,
        number: after.content && after.content !== "none" ? after.color : null,
      };
    });
  });
}

/** `rgb(r, g, b)` as `#rrggbb`. */
function hex(rgb: string): string {
  const parts = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(rgb);
  if (!parts) throw new Error(`not an opaque rgb() colour: ${rgb}`);
  return `#${parts
    .slice(1)
    .map((n) => Number(n).toString(16).padStart(2, "0"))
    .join("")}`;
}

describe("the reader's marks as drawn", () => {
  it("keeps every shown mark's text at 4.5:1 and its underlines at 3:1 on what is behind them", async () => {
    const { page, problems } = await visit(READER, ".article-body .sentence.targeted");
    for (const box of await page.locator(".category-legend input[type=checkbox]").all()) await box.check();
    const marks = await drawnMarks(page);
    // The page behind the article: the nearest drawn background of the article or above it.
    const pageColour = await page.evaluate(() => {
      for (let at: Element | null = document.querySelector(".article-body"); at; at = at.parentElement) {
        const c = getComputedStyle(at).backgroundColor;
        if (c !== "rgba(0, 0, 0, 0)" && c !== "transparent") return c;
      }
      return "rgb(255, 255, 255)";
    });
    expect(marks.filter((m) => m.underline).length).toBeGreaterThan(0);
    expect(marks.filter((m) => m.decoration).length).toBeGreaterThan(0);
    expect(marks.filter((m) => /\bt-(positive|negative)\b/.test(m.classes)).length).toBeGreaterThan(0);
    const low: string[] = [];
    const check = (what: string, a: string, b: string, least: number, m: DrawnMark) => {
      const ratio = contrastRatio(hex(a), hex(b));
      if (ratio < least) low.push(`${m.classes}: ${what} ${a} on ${b} is ${ratio.toFixed(2)}:1`);
    };
    for (const m of marks) {
      check("text", m.color, m.background, 4.5, m);
      if (m.number) check("number", m.number, m.background, 4.5, m);
      for (const line of [m.underline, m.decoration].filter((l) => l !== null)) {
        check("underline", line, m.background, 3, m);
        check("underline on the page", line, pageColour, 3, m);
      }
    }
    // The sentence a link marks is outlined: a line at 3:1 or more on the page too.
    const outline = await page
      .locator(".sentence.targeted")
      .first()
      .evaluate((el) => getComputedStyle(el).outlineColor);
    if (contrastRatio(hex(outline), hex(pageColour)) < 3) low.push(`targeted sentence: outline ${outline} on ${pageColour}`);
    expect(low).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it.each([1440, 1024])("draws the reader with a frame selection and Who speaks' bars at %i px, within the width", async (width) => {
    const context = await opened().browser.newContext({ viewport: { width, height: 900 } });
    for (const [name, path, ready, shot] of [
      ["reader-hegemon", READER, ".article-body .sentence.targeted", "#s-12"],
      ["who-speaks-bars", "/who-speaks.html", "svg.voice-network", "figure.stacked-bars"],
    ] as const) {
      const { page, problems } = await visitPage(opened().browser, opened().origin, path, ready, context);
      await page.locator(shot).first().scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(import.meta.dirname, "output", `${name}-${width}.png`) });
      expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
      expect(problems).toEqual([]);
    }
    await context.close();
  });
});
