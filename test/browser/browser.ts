// Headless Chromium for the browser tests: launching it, and opening a page while recording everything that
// goes wrong on it (console errors and warnings, page errors, failed requests, HTTP errors, requests to
// another origin, and cells Framework reports as failed).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Download, type Page } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { openSite as openSiteWith } from "./open-site.ts";
import { launchChromium } from "./chromium.ts";

/**
 * The run's shared Chromium (test/browser/shared-chromium.ts), connected to; a file run outside a project
 * that provides one (a single file, say) launches its own. Closing it closes only this file's pages.
 */
export function launchBrowser(): Promise<Browser> {
  const endpoint = inject("chromiumEndpoint");
  return endpoint ? chromium.connect(endpoint) : launchChromium();
}

/**
 * Opens `origin + path` (in `context` if given: a viewport or zoom of its own), waits for `ready`, and returns
 * the page with every problem seen so far (and later).
 */
export async function visitPage(
  browser: Browser,
  origin: string,
  path: string,
  ready: string,
  context?: BrowserContext,
): Promise<{ page: Page; problems: string[] }> {
  const page = await (context ?? browser).newPage();
  const problems: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" || message.type() === "warning") problems.push(`console ${message.type()}: ${message.text()}`);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => problems.push(`failed request: ${request.url()}`));
  page.on("response", (response) => {
    if (response.status() >= 400) problems.push(`HTTP ${response.status()}: ${response.url()}`);
  });
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol !== "data:" && url.protocol !== "blob:" && url.origin !== origin)
      problems.push(`off-origin request: ${request.url()}`);
  });
  // Requests still in flight: a page fetches an article's files after its cells run, which on a loaded
  // machine can be after "networkidle"; leaving the page then would abort them.
  let inFlight = 0;
  page.on("request", () => inFlight++);
  page.on("requestfinished", () => inFlight--);
  page.on("requestfailed", () => inFlight--);
  await page.goto(`${origin}${path}`, { waitUntil: "networkidle" });
  await page.waitForSelector(ready, { timeout: 30_000 });
  for (let quiet = 0, waited = 0; quiet < 5 && waited < 300; waited++) {
    quiet = inFlight === 0 ? quiet + 1 : 0;
    await page.waitForTimeout(100);
  }
  // Framework reports failed cells inline as .observablehq--error; none may appear.
  const inlineErrors = await page.locator(".observablehq--error").allTextContents();
  problems.push(...inlineErrors.map((text) => `cell error: ${text}`));
  return { page, problems };
}

/**
 * Calls `visit` on every item, at most `atOnce` at a time (pages open side by side, each waits mostly on the
 * network and timers); resolves when all have finished, rejects with the first failure.
 */
export async function eachAtOnce<T>(items: readonly T[], atOnce: number, visit: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) await visit(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(atOnce, items.length) }, lane));
}

/**
 * What a download holds, as text: read through its stream, which works on the shared Chromium too (a
 * connected browser keeps its downloads on its own side, so `download.path()` is not available there).
 */
export async function downloadedText(download: Download): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of await download.createReadStream()) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** A built site served on loopback, looked at with the run's shared Chromium (launchBrowser); `close` stops both. */
export function openSite(root: string): Promise<{ origin: string; browser: Browser; close: () => Promise<void> }> {
  return openSiteWith(root, launchBrowser);
}

/** The site `npm run build` made (dist/), where `npm test` builds it before the browser tests. */
export const DIST = join(import.meta.dirname, "..", "..", "dist");

/** The built site (dist/) served and opened in Chromium; fails clearly when it has not been built. */
export function openBuiltSite(): ReturnType<typeof openSite> {
  if (!existsSync(join(DIST, "index.html"))) throw new Error("dist/ is missing: run `npm run build` first (npm test does)");
  return openSite(DIST);
}

/**
 * For a test file on the built site: opens it (served, with Chromium) before the file's tests and closes it
 * after; `visit(path, ready)` opens a page of it and waits for it to settle (visitPage); `opened()` gives
 * the browser and the site's origin, for a test that opens pages its own way.
 */
export function useBuiltSite(): {
  visit: (path: string, ready: string) => Promise<{ page: Page; problems: string[] }>;
  opened: () => { browser: Browser; origin: string };
} {
  let site: Awaited<ReturnType<typeof openSite>> | undefined;
  beforeAll(async () => {
    site = await openBuiltSite();
  });
  afterAll(() => site?.close());
  return { visit: (path, ready) => visitPage(site!.browser, site!.origin, path, ready), opened: () => site! };
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

/** An axe-core violation, as the accessibility tests report it. */
export interface Violation {
  rule: string;
  impact: string;
  nodes: number;
  help: string;
  targets: string[];
}

/** axe's serious and critical WCAG 2.1 A/AA violations on the page as it stands (axe injected from node_modules). */
export async function seriousViolations(page: Page): Promise<Violation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (tags) => {
    // @ts-expect-error axe is the global the injected script defines
    const results = await window.axe.run(document, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
    return (results.violations as Array<{ id: string; impact: string; help: string; nodes: Array<{ target: unknown[] }> }>).map((v) => ({
      rule: v.id,
      impact: v.impact,
      nodes: v.nodes.length,
      help: v.help,
      targets: v.nodes.map((n) => String(n.target)),
    }));
  }, WCAG_21_AA);
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
}
