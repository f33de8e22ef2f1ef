/**
 * The site half of `npm run bench -- --site N`: builds the site from a synthetic corpus of N articles
 * through the real `npm run build`, three times, and measures what a user waits for and what a browser
 * downloads:
 *   cold     no record cache and no loader cache: every article analysed, every page rendered;
 *   warm     the record cache kept, the loader cache dropped: nothing analysed, everything else done;
 *   rebuild  one article's text edited (a paragraph added): that article analysed again, the rest from the
 *            cache; three times, a different article each time, and the median reported (a shared machine's
 *            builds vary).
 * Page data is what a page loads when first opened: its FileAttachment files (sizes from the built HTML)
 * plus the files it fetches for its first view (the first 60 articles' rows files, the first concordance
 * or voice-list page, the reader's record and rows).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import type { SearchChunk, SearchShard } from "../data-loaders/schema/site-outputs.ts";
import { searchIndex } from "../src/components/search-results.ts";
import { parseQuery, wordSpans } from "../src/components/search.ts";
import { filesBelow } from "./fetched-files.ts";

export interface SiteBench {
  readonly articles: number;
  readonly coldSeconds: number;
  readonly warmSeconds: number;
  /** The median of the REBUILDS rebuilds, each after editing another article. */
  readonly rebuildSeconds: number;
  /** Every rebuild's time, in the order run. */
  readonly rebuildRuns: readonly number[];
  /** Each build's phases, as it printed them. */
  readonly phases: Readonly<Record<"cold" | "warm" | "rebuild", BuildPhases | null>>;
  readonly peakRssMB: number;
  readonly pageDataKB: Readonly<Record<string, number>>;
  readonly siteMB: number;
  readonly files: number;
  readonly search: SearchBench;
}

/** The full-text index's size and how long queries take against it. */
export interface SearchBench {
  readonly indexMB: number;
  readonly shards: number;
  readonly largestShardKB: number;
  /** Per query: milliseconds to read and parse the shards it needs and find every hit, and the hits. */
  readonly queries: ReadonlyArray<{ readonly query: string; readonly ms: number; readonly hits: number }>;
}

/** Runs `npm run build` with `env`; resolves with its wall time and the peak RSS of its largest process. */
/** Where a build's time went, as `npm run build` prints it: loader, data files, Framework, fetched files (seconds). */
export type BuildPhases = Readonly<Record<"analysis" | "dataFiles" | "framework" | "fetchedFiles", number>>;

/** The phases of `npm run build`'s timing line in its stderr, or null when it printed none. */
function buildPhases(stderr: string): BuildPhases | null {
  const m = /inputs and analysis ([\d.]+) s, data files ([\d.]+) s, Framework ([\d.]+) s, fetched files ([\d.]+) s/.exec(stderr);
  return m ? { analysis: Number(m[1]), dataFiles: Number(m[2]), framework: Number(m[3]), fetchedFiles: Number(m[4]) } : null;
}

function timedBuild(env: Record<string, string>): Promise<{ seconds: number; peakRssMB: number; phases: BuildPhases | null }> {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    // GNU time's %M is the peak RSS of the largest child; fall back to wall time only without it.
    const gnuTime = existsSync("/usr/bin/time");
    const [command, ...args] = gnuTime ? ["/usr/bin/time", "-f", "%M", "npm", "run", "build"] : ["npm", "run", "build"];
    const child = spawn(command!, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) return reject(new Error(`npm run build failed:\n${stderr.slice(-4000)}`));
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const kb = gnuTime ? Number(stderr.trim().split("\n").pop()) : NaN;
      resolve({ seconds, peakRssMB: Number.isFinite(kb) ? kb / 1024 : 0, phases: buildPhases(stderr) });
    });
  });
}

/** A data file the pages declare, parsed: Framework names it `<name>.<hash>.json` in `data`. */
function declaredFile(data: string, name: string): unknown {
  const file = readdirSync(data).find((n) => n.startsWith(`${name}.`) && /^[a-z-]+\.[0-9a-f]+\.json$/.test(n))!;
  return JSON.parse(readFileSync(join(data, file), "utf8"));
}

/** Every article id of a built site, in id order, from its index pages (index/<page>.json). */
function corpusIds(data: string): string[] {
  const manifest = declaredFile(data, "index") as { firstIds: string[] };
  return manifest.firstIds.flatMap(
    (_, page) => (JSON.parse(readFileSync(join(data, "index", `${page}.json`), "utf8")) as { columns: { id: string[] } }).columns.id,
  );
}

/** What each page downloads as data when first opened, in KB. */
function pageData(site: string): Record<string, number> {
  const data = join(site, "_file", "data", "corpus");
  const size = (name: string) => statSync(join(data, name)).size;
  const declared = (page: string) =>
    [...readFileSync(join(site, page), "utf8").matchAll(/registerFile\("[^"]+", \{[^}]*"size":(\d+)/g)].reduce(
      (sum, m) => sum + Number(m[1]),
      0,
    );
  const ids = corpusIds(data);
  // The pages that list articles fetch the first index page, and the first 60 articles' rows.
  const firstRows = size("index/0.json") + ids.slice(0, 60).reduce((sum, id) => sum + size(`rows/${id}.json`), 0);
  const firstPage = (folder: string) => {
    const dir = join(data, folder);
    const first = filesBelow(dir).filter((f) => f.endsWith("/0.json"));
    return first.length ? Math.max(...first.map((f) => statSync(f).size)) : 0;
  };
  const reader = Math.max(...ids.map((id) => size(`articles/${id}.json`) + size(`rows/${id}.json`)));
  // A coding task fetches its sampling frame (the largest is counted) and the text files of its sample.
  const largestFrame = Math.max(...filesBelow(join(data, "coding")).map((f) => statSync(f).size));
  const kb = (bytes: number) => Math.round(bytes / 1024);
  return {
    index: kb(declared("index.html") + size("index/0.json")),
    frames: kb(declared("compare/frames.html") + firstRows + firstPage("concordance/frames")),
    devices: kb(declared("compare/devices.html") + firstRows + firstPage("concordance/devices")),
    tone: kb(declared("tone.html") + firstRows),
    whoSpeaks: kb(declared("who-speaks.html") + firstRows + firstPage("voices")),
    readerLargest: kb(declared("article.html") + reader),
    codebook: kb(declared("codebook.html")),
    methods: kb(declared("methods.html")),
    coding: kb(declared("coding.html") + largestFrame),
    agreement: kb(declared("agreement.html") + largestFrame),
    exercises: kb(declared("exercises.html") + largestFrame),
  };
}

/**
 * Measures the search index of a built site: its size, and the time of four queries (the corpus's first
 * word, a phrase and a rare word from its first sentence, and a wildcard) the way the Search page runs them,
 * reading each shard from disk and parsing it as the browser would (without the network).
 */
async function benchSearch(site: string): Promise<SearchBench> {
  const data = join(site, "_file", "data", "corpus");
  const shardFiles = filesBelow(join(data, "search"));
  const sizes = shardFiles.map((f) => statSync(f).size);
  const manifest = declaredFile(data, "search") as { shards: string[]; firstWords: string[] };
  const ids = corpusIds(data);
  const first = JSON.parse(readFileSync(join(data, "text", `${ids[0]}.json`), "utf8")) as { sentences: [number, string][] };
  const words = wordSpans(first.sentences[0]![1]).map((w) => w.word);
  const long = words.find((w) => w.length >= 4) ?? words[0]!;
  const queries = [words[0]!, `${words[0]} ${words[1] ?? ""}`.trim(), words[words.length - 1]!, `${long.slice(0, 3)}*`];
  const results = [];
  for (const query of queries) {
    const parsed = parseQuery(query);
    if ("error" in parsed) continue;
    const started = performance.now();
    const read = (name: string) => JSON.parse(readFileSync(join(data, "search", `${name}.json`), "utf8")) as unknown;
    const hits = await searchIndex(parsed, {
      list: manifest,
      shard: async (name) => read(name) as SearchShard,
      chunk: async (name) => read(name) as SearchChunk,
    });
    results.push({ query, ms: Math.round(performance.now() - started), hits: hits.length });
  }
  return {
    indexMB: Number((sizes.reduce((a, b) => a + b, 0) / 1e6).toFixed(1)),
    shards: shardFiles.length,
    largestShardKB: Math.round(Math.max(0, ...sizes) / 1024),
    queries: results,
  };
}

/** The text with its last paragraph added once more at its end: an edit that changes its words, counts and tone. */
export function addedParagraph(text: string): string {
  const paragraphs = text.trimEnd().split(/\n\s*\n/);
  return `${text.trimEnd()}\n\n${paragraphs[paragraphs.length - 1]}\n`;
}

/** How many times the site is rebuilt after an edit (odd: the median is one of them). */
const REBUILDS = 3;

/** Builds the site from the JSON Lines corpus `corpusFile`: cold, warm, then REBUILDS times after an edit (see the header). */
export async function benchSite(corpusFile: string, work: string, articles: number): Promise<SiteBench> {
  const cache = join(work, "record-cache");
  const site = join(work, "site");
  const env = { CORPUS: corpusFile, RECORD_CACHE: cache, BUILD_OUTPUT: site };
  const loaderCache = join(PROJECT_ROOT, "src", ".observablehq", "cache", "data");
  rmSync(loaderCache, { recursive: true, force: true });
  const cold = await timedBuild(env);
  rmSync(loaderCache, { recursive: true, force: true });
  const warm = await timedBuild(env);
  // Edit one article at a time, a different one each time, as a writer would: a paragraph added (its last
  // paragraph once more), so its words, counts and tone change and every group it is in is resampled.
  const rebuilds: Array<Awaited<ReturnType<typeof timedBuild>>> = [];
  for (let run = 1; run <= REBUILDS; run++) {
    const lines = readFileSync(corpusFile, "utf8").split("\n");
    const edited = Math.floor((run * articles) / (REBUILDS + 1));
    const article = JSON.parse(lines[edited]!) as { text: string };
    article.text = addedParagraph(article.text);
    lines[edited] = JSON.stringify(article);
    writeFileSync(corpusFile, lines.join("\n"));
    rebuilds.push(await timedBuild(env));
  }
  const rebuild = [...rebuilds].sort((a, b) => a.seconds - b.seconds)[(REBUILDS - 1) / 2]!;
  const all = filesBelow(site);
  const result: SiteBench = {
    articles,
    coldSeconds: Number(cold.seconds.toFixed(1)),
    warmSeconds: Number(warm.seconds.toFixed(1)),
    rebuildSeconds: Number(rebuild.seconds.toFixed(1)),
    rebuildRuns: rebuilds.map((r) => Number(r.seconds.toFixed(1))),
    phases: { cold: cold.phases, warm: warm.phases, rebuild: rebuild.phases },
    peakRssMB: Math.round(Math.max(cold.peakRssMB, warm.peakRssMB, ...rebuilds.map((r) => r.peakRssMB))),
    pageDataKB: pageData(site),
    siteMB: Number((all.reduce((sum, f) => sum + statSync(f).size, 0) / 1e6).toFixed(1)),
    files: all.length,
    search: await benchSearch(site),
  };
  // The loader cache now holds the synthetic corpus; drop it so the next build is of the user's corpus.
  rmSync(loaderCache, { recursive: true, force: true });
  return result;
}
