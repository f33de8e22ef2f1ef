// What the browser tests read of Frames compared grouped by outlet (src/components/outlet-charts.ts
// groupHeatmap), on a page of 1024 × 768 px.
import type { Browser } from "playwright-core";

/**
 * Opens Frames compared at 1024 × 768, groups by outlet and returns the heatmap's outlet names, the header
 * cells whose text does not fit, and, scrolled to its bottom right, whether the column headers are still
 * inside the box and how far the outlet names stand from its left edge (1 px, its border, when sticky).
 */
export async function outletHeatmap(
  browser: Browser,
  origin: string,
): Promise<{ names: string[]; cut: string[]; headerInView: boolean; namesRightOfLeft: number }> {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await page.goto(`${origin}/compare/frames.html`, { waitUntil: "networkidle" });
  await page
    .locator("form", { hasText: "Compare by" })
    .locator("select")
    .selectOption({ label: "outlet (declared, else found in the text)" });
  await page.waitForSelector(".group-heatmap tbody th a[href*='outlet.html?source=']");
  const names = await page.locator(".group-heatmap tbody th").allTextContents();
  const cut = await page.evaluate(() =>
    [...document.querySelectorAll(".group-heatmap th")]
      .filter((th) => th.scrollWidth > th.clientWidth + 1 || th.scrollHeight > th.clientHeight + 1)
      .map((th) => th.textContent ?? ""),
  );
  const box = page.locator(".group-heatmap-box");
  await box.evaluate((el) => el.scrollTo(el.scrollWidth, el.scrollHeight));
  const edges = (await box.boundingBox())!;
  const header = (await page.locator(".group-heatmap thead th").nth(1).boundingBox())!;
  const name = (await page.locator(".group-heatmap tbody th").last().boundingBox())!;
  await page.close();
  const headerInView = header.y >= edges.y && header.y + header.height <= edges.y + edges.height;
  return { names, cut, headerInView, namesRightOfLeft: Math.round(name.x - edges.x) };
}
