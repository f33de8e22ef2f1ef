// The outlet views on a corpus of 50 outlets, built through the real `npm run build` from invented articles
// (one outlet each, some with long names): the frame-across-outlets ranking and the outlet × frame heatmap at
// 1024 × 768, with every outlet listed and no label cut.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { join } from "node:path";
import { runCommand, writeCorpus } from "../helpers.ts";
import { openSite, visitPage } from "./browser.ts";
import { outletHeatmap } from "./outlet-heatmap.ts";

const OUTLETS = 50;
/** Outlet k's name: every fifth a long one, so that labels would be cut if they could be. */
const outletName = (k: number) => (k % 5 ? `Outlet ${k}` : `The Very Long Named International News Agency Number ${k}`);

/** Article k: a paragraph with the Hegemon k % 4 times and a multipolar world every other article. */
function article(k: number): string {
  const hegemon = Array.from({ length: k % 4 }, () => "Officials said the Hegemon sets the rules for its vassals.").join(" ");
  const multipolar = k % 2 ? "Delegates spoke of a multipolar world." : "Delegates spoke of trade.";
  return `---\nlanguage: en\ntitle: Report ${k}\noutlet: ${outletName(k)}\npublished: 2022-${String((k % 12) + 1).padStart(2, "0")}-01\n---\n${hegemon} ${multipolar} The talks ended on Monday.\n`;
}

let close: () => Promise<void>;
let browser: Browser;
let origin: string;

beforeAll(async () => {
  const root = writeCorpus(
    Object.fromEntries(Array.from({ length: OUTLETS }, (_, k) => [`articles/${String(k).padStart(2, "0")}.md`, article(k)])),
  );
  const site = join(root, "site");
  const result = await runCommand("npm", ["run", "build"], { CORPUS: join(root, "articles"), BUILD_OUTPUT: site, RECORD_CACHE: "off" });
  expect(result.status, result.stderr.slice(-3000)).toBe(0);
  ({ origin, browser, close } = await openSite(site));
});

afterAll(() => close?.());

/** One frame across outlets (the Hegemon) at 1024 × 768. */
async function openAcross(): ReturnType<typeof visitPage> {
  const opened = await visitPage(browser, origin, "/frame-across-outlets.html?kind=frames&category=hegemon", "ol.sentence-links a");
  await opened.page.setViewportSize({ width: 1024, height: 768 });
  return opened;
}

describe("outlet views with 50 outlets at 1024 × 768", () => {
  it("ranks all 50 outlets by one frame's rate, highest first", async () => {
    const { page, problems } = await openAcross();
    const text = (await page.locator("main").textContent())!;
    expect(text).toContain(`of ${OUTLETS} outlets use it`);
    const ranked = await page.locator("main svg[aria-label*='ranked'] [aria-label='y-axis tick label'] text").allTextContents();
    expect(ranked).toHaveLength(OUTLETS);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("fits its rate and voice tables in the page, nothing cut, and maps every outlet that uses it by month", async () => {
    const { page, problems } = await openAcross();
    await page.waitForTimeout(300);
    const layout = await page.evaluate(() => {
      const out: string[] = [];
      for (const form of document.querySelectorAll("main form")) {
        const table = form.querySelector("table");
        if (!table) continue;
        if (form.scrollWidth > form.clientWidth + 1) out.push(`scrolls sideways: ${table.querySelector("th")?.textContent}`);
        for (const cell of table.querySelectorAll("th, td"))
          if (cell.scrollWidth > cell.clientWidth + 1) out.push(`cut: ${cell.textContent}`);
      }
      return out;
    });
    expect(layout).toEqual([]);
    // Article k uses the Hegemon k % 4 times: every outlet but those with k divisible by 4.
    const using = Array.from({ length: OUTLETS }, (_, k) => k)
      .filter((k) => k % 4)
      .map(outletName);
    const monthly = await page.locator(".group-heatmap-box[aria-label*='by outlet and month'] tbody th").allTextContents();
    expect(new Set(monthly)).toEqual(new Set(using));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows every outlet in the heatmap, whole, with its headers in view", async () => {
    const heatmap = await outletHeatmap(browser, origin);
    expect(new Set(heatmap.names)).toEqual(new Set(Array.from({ length: OUTLETS }, (_, k) => outletName(k))));
    expect(heatmap.cut).toEqual([]);
    expect(heatmap.headerInView).toBe(true);
    expect(heatmap.namesRightOfLeft).toBeLessThanOrEqual(1);
  });
});
