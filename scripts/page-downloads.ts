/**
 * What each page of a built site downloads as data when first opened: every file below _file/ it requests
 * (its FileAttachment files and what its first view fetches), summed, recorded in headless Chromium.
 * `npx tsx scripts/page-downloads.ts <site> [--query the] [--phrase "of the"]` prints one JSON object: per page, the files and
 * their bytes. Used to compare a site at two corpus sizes (docs/performance.md, Page downloads).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { openSite } from "../test/browser/open-site.ts";
import { parseCommandLine } from "./cli-args.ts";

const USAGE = "usage: npx tsx scripts/page-downloads.ts <site> [--query <word>] [--phrase <words>]";
const { values, positionals } = parseCommandLine(
  "page-downloads",
  USAGE,
  { options: { query: { type: "string", default: "the" }, phrase: { type: "string", default: "of the" } }, allowPositionals: true },
  `
Opens each page of a built site in headless Chromium and prints one JSON object: per page, the data files
(below _file/) it downloads when first opened, their count and bytes, and its largest file.
  <site>          the built site (a folder npm run build wrote, e.g. dist)
  --query <word>  the word the Search page is opened with (default the)
  --phrase <words> the phrase the Search page is also opened with (default "of the")
Settings: CHROMIUM_PATH (the browser, as for npm test; else chromium on PATH).
Example: BUILD_OUTPUT=/tmp/site npm run build && npx tsx scripts/page-downloads.ts /tmp/site > downloads.json`,
);
const site = positionals[0];
if (!site) {
  process.stderr.write(`page-downloads: name a built site\n${USAGE}\n`);
  process.exit(2);
}
if (!existsSync(join(site, "index.html"))) {
  process.stderr.write(`page-downloads: ${site} holds no built site (no index.html); run npm run build first\n`);
  process.exit(1);
}

/** The first article id of the site, from whichever index it publishes (index pages, or the old articles.json). */
function firstId(data: string): string {
  const old = readdirSync(data).find((n) => /^articles\.[0-9a-f]+\.json$/.test(n));
  const file = old ? join(data, old) : join(data, "index", "0.json");
  return (JSON.parse(readFileSync(file, "utf8")) as { columns: { id: string[] } }).columns.id[0]!;
}

const data = join(site, "_file", "data", "corpus");
const pages = [
  "/index.html",
  `/search.html?q=${encodeURIComponent(values.query!)}`,
  `/search.html?q=${encodeURIComponent(values.phrase!)}`,
  "/keywords.html",
  "/time.html",
  "/compare/frames.html",
  "/compare/devices.html",
  "/outlet.html",
  "/frame-across-outlets.html",
  "/frames-together.html",
  "/tone.html",
  "/who-speaks.html",
  "/coding.html",
  "/agreement.html",
  "/exercises.html",
  "/codebook.html",
  `/article.html?id=${encodeURIComponent(firstId(data))}`,
];
const { origin, browser, close } = await openSite(site);
const report: Record<
  string,
  { bytes: number; files: number; indexBytes: number; searchBytes: number; publicBytes: number; largest: string }
> = {};
try {
  for (const path of pages) {
    const sizes = new Map<string, number>();
    const page = await browser.newPage();
    let inFlight = 0;
    page.on("request", () => inFlight++);
    page.on("requestfailed", () => inFlight--);
    page.on("requestfinished", async (request) => {
      const url = new URL(request.url());
      if (url.pathname.includes("/_file/data/corpus/")) {
        const name = url.pathname.slice(url.pathname.indexOf("/_file/data/corpus/") + "/_file/data/corpus/".length);
        sizes.set(name.replace(/\.[0-9a-f]{8}\.json$/, ".json"), (await (await request.response())?.body())?.length ?? 0);
      }
      inFlight--;
    });
    await page.goto(`${origin}${path}`, { waitUntil: "networkidle" });
    // The search page says how many lines it found once the shards it needs have arrived (a phrase in a
    // public build whose articles are all closed finds none, so there may be no table).
    if (path.startsWith("/search"))
      await page.waitForFunction(() => /lines? in [\d,]+ articles?/.test(document.querySelector("main")?.textContent ?? ""), null, {
        timeout: 120_000,
      });
    else await page.waitForSelector("main h1", { timeout: 120_000 });
    // Quiet for half a second: the first view's fetches (rows files, index pages) come after the cells run.
    for (let quiet = 0, waited = 0; quiet < 5 && waited < 600; waited++) {
      quiet = inFlight === 0 ? quiet + 1 : 0;
      await page.waitForTimeout(100);
    }
    await page.close();
    const files = [...sizes].sort((a, b) => b[1] - a[1]);
    report[path] = {
      bytes: files.reduce((sum, [, n]) => sum + n, 0),
      files: files.length,
      indexBytes: files.filter(([name]) => /^(articles\.json|index\.json|index\/)/.test(name)).reduce((sum, [, n]) => sum + n, 0),
      searchBytes: files.filter(([name]) => /^search\//.test(name)).reduce((sum, [, n]) => sum + n, 0),
      publicBytes: files.filter(([name]) => /^public\//.test(name)).reduce((sum, [, n]) => sum + n, 0),
      largest: files
        .slice(0, 3)
        .map(([name, n]) => `${name} ${n}`)
        .join(", "),
    };
  }
} finally {
  await close();
}
process.stdout.write(`${JSON.stringify(report, null, 1)}\n`);
