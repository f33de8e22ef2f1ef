/**
 * npm run build: a reproducible `observable build`.
 *
 * 1. freshen-loaders: if the corpus, data files, analysis code or lockfile changed, drop the loaders' cached
 *    output (Framework's build would otherwise reuse it).
 * 2. If data/corpus.zip is not cached, run its loader here, into Framework's cache: a corpus or data file
 *    with errors stops the build with all of them listed, located, before Framework starts (its own
 *    message would hide them behind a bug-report tip).
 * 3. One pass over the zip (scripts/fetched-files.ts) puts the files pages load into Framework's cache,
 *    dated to SOURCE_DATE_EPOCH (default 2000-01-01): Framework writes each data file's date into the pages
 *    (FileAttachment lastModified), so dating them, not the build's clock, keeps rebuilds identical.
 * 4. observable build, once; it finds every file it needs cached.
 * 5. Meanwhile, a second pass puts the files pages fetch by name (records, rows, concordance and voice-list pages)
 *    into the site (Framework copies only declared files): each is written to a store kept between builds
 *    only when its bytes changed, and hard-linked from there (scripts/fetched-files.ts). Each article's own
 *    files (records, rows, text: two thirds of the bytes) the loader run in step 2 puts into the store
 *    itself, not into the archive, so nobody writes them into it or reads them back. They are linked into a
 *    folder beside the output while Framework renders, and moved into the site when it is done.
 * 6. Every page's shell is made accessible (scripts/page-shell.ts: lang, zoom, skip link, sidebar list).
 * A broken link between pages fails the build. Extra arguments go to `observable build`.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { freshenLoaders } from "./freshen-loaders.ts";
import { extractEntries, filesBelow, isFetched, publishFetchedFiles, readStoreList, storeListOf } from "./fetched-files.ts";
import { storeHolds } from "../data-loaders/publish/fetched-store.ts";
import { archiveProblem, sealArchive, sealOf } from "./archive-seal.ts";
import { NODE_HEAP_FLAGS, OFFLINE_ENV } from "./framework-env.ts";
import { helpIfAsked, parseCommandLine } from "./cli-args.ts";
import { besideOutput, moveStaged, outputProblem, replaceSite } from "./site-output.ts";
import { removeStalePartials } from "../data-loaders/common/stale-partials.ts";
import { rewritePageShells } from "./page-shell.ts";
import { takeBuildLock } from "./build-lock.ts";
import { openModuleCache } from "./module-cache.ts";

const USAGE = "usage: npm run build [-- --public] [-- --verbose] [-- --root <folder>] [-- --config <file>]";
helpIfAsked(
  USAGE,
  `
Builds the static site from the corpus, reproducibly (the same inputs give the same bytes): analyses what
changed since the last build (the record cache), publishes the corpus for the pages, and renders them with
Framework. A corpus or data file with errors stops it with all of them listed. It says in a few lines what
was analysed, cached and written; --verbose adds Framework's own log (every page, data file and bundle).
Settings: BUILD_OUTPUT (where the site goes, default dist; a new or empty folder or a site a build made),
CORPUS and the data-file variables of npm run analyze, PUBLISH=public (as --public: the site for the open
web, without the text of articles whose licence is not open; LICENCE, the corpus's default licence, and
SNIPPET_WORDS, words of context kept each side of a keyword, default 0; check it with npm run check-public), RECORDS (a folder of record shards to publish instead
of analysing: npm run analyze -- --shard K/N --out <folder>/part-K.jsonl, each with the manifest it writes
beside it; a set with a shard missing or twice, of another split, corpus or code is refused, and the corpus
folder is not read), SOURCE_DATE_EPOCH (the date written into pages, default 2000-01-01), WORKERS, RECORD_CACHE.
Example: CORPUS=~/my-corpus BUILD_OUTPUT=/tmp/site npm run build && npm run serve -- --root /tmp/site`,
);
// Any other flag is a mistake, refused before anything runs; --root and --config go on to `observable build`.
parseCommandLine("build", USAGE, {
  options: { public: { type: "boolean" }, verbose: { type: "boolean" }, root: { type: "string" }, config: { type: "string", short: "c" } },
});
// --verbose: Framework's own log (every page loaded, data file copied and bundle written), else kept back
// unless Framework fails or finds a broken link.
const verbose = process.argv.includes("--verbose");
if (verbose) process.argv = process.argv.filter((arg) => arg !== "--verbose");
// --public: the site for the open web, without closed articles' text (data-loaders/publish/public-build.ts).
if (process.argv.includes("--public")) {
  process.argv = process.argv.filter((arg) => arg !== "--public");
  process.env.PUBLISH = "public";
}
const CACHE_DATA = join(PROJECT_ROOT, "src", ".observablehq", "cache", "data");
// The fetched files of the last build, kept so that a rebuild writes only the ones that changed.
const FETCHED_STORE = join(PROJECT_ROOT, "src", ".observablehq", "cache", "fetched");
const epochSeconds = Number(process.env.SOURCE_DATE_EPOCH ?? Date.UTC(2000, 0, 1) / 1000);
if (!Number.isFinite(epochSeconds)) {
  process.stderr.write(`build: SOURCE_DATE_EPOCH must be seconds since 1970, not ${process.env.SOURCE_DATE_EPOCH}\n`);
  process.exit(2);
}
const fixedTime = new Date(epochSeconds * 1000);

/**
 * The folder the site goes to (BUILD_OUTPUT, else dist/; a relative path is taken from the project), checked
 * before anything runs (scripts/site-output.ts): never the project, its corpus, sources or anything above
 * them, never a folder that is neither new, empty nor a site a build made. Refused: one line, exit code 2.
 */
function checkedOutput(): string {
  const output = resolve(PROJECT_ROOT, process.env.BUILD_OUTPUT || "dist");
  const corpus = process.env.CORPUS ? [resolve(process.env.CORPUS)] : [];
  const problem = outputProblem(output, PROJECT_ROOT, { extraProtected: corpus, legacy: output === join(PROJECT_ROOT, "dist") });
  if (problem) {
    process.stderr.write(`build: BUILD_OUTPUT ${output}: ${problem}; nothing was built or deleted\n`);
    process.exit(2);
  }
  return output;
}

/** The child process running now (the loader or Framework), stopped with this one. */
let running: ChildProcess | null = null;
/** Half-made files and folders of this run, removed whenever it ends: finished, failed or stopped by a signal. */
const ownPartials = new Set<string>();
process.on("exit", () => {
  for (const path of ownPartials) rmSync(path, { recursive: true, force: true });
});
for (const [signal, code] of [
  ["SIGINT", 130],
  ["SIGTERM", 143],
] as const) {
  process.on(signal, () => {
    process.stderr.write(`build: stopped (${signal}); the last finished site is left as it was\n`);
    if (!running) process.exit(code);
    // Once the child has stopped writing, its half-made folders can go.
    running.once("close", () => process.exit(code));
    running.kill(signal);
  });
}

/** Framework's log in one line: the pages it rendered and the links it checked (all of it with --verbose). */
function frameworkSummary(output: string): string {
  const pages = /built (\d+) pages?/.exec(output)?.[1] ?? "?";
  const links = /(\d+) links? validated/.exec(output)?.[1] ?? "?";
  return `build: Framework rendered ${pages} pages and found all ${links} links between them (its log: --verbose)\n`;
}

/**
 * Runs `observable build` in a child process, echoing its output when it ends; a failed build or a broken
 * link stops the script. Asynchronous, so the fetched files are staged meanwhile; its output goes to a file,
 * since a pipe left unread while this process works would stall it.
 */
async function observableBuild(): Promise<void> {
  // Framework clears only an output folder inside the project; a second render must start empty anywhere.
  rmSync(building, { recursive: true, force: true });
  const bin = join(PROJECT_ROOT, "node_modules", ".bin", "observable");
  const log = join(mkdtempSync(join(tmpdir(), "observable-build-")), "output.log");
  const fd = openSync(log, "w");
  const child = spawn(bin, ["build", ...process.argv.slice(2)], {
    cwd: PROJECT_ROOT,
    env: { ...OFFLINE_ENV, BUILD_OUTPUT: building },
    stdio: ["ignore", fd, fd],
  });
  running = child;
  closeSync(fd);
  const status = await new Promise<number | null>((resolvePromise, reject) => {
    child.on("error", reject);
    child.on("close", resolvePromise);
  });
  running = null;
  const output = readFileSync(log, "utf8");
  rmSync(dirname(log), { recursive: true, force: true });
  // Framework only warns about links to pages that do not exist; a published notebook must not have any.
  const broken = /broken links?/.test(output);
  process.stdout.write(verbose || status !== 0 || broken ? output : frameworkSummary(output));
  if (status !== 0) process.exit(status ?? 1);
  if (broken) {
    process.stderr.write("build: the site has broken links (listed above)\n");
    process.exit(1);
  }
}

const output = checkedOutput();
// Builds of one project share Framework's cache: one at a time (scripts/build-lock.ts).
await takeBuildLock(join(PROJECT_ROOT, "src", ".observablehq", "cache", "build.lock"), (line) => process.stderr.write(line));
const { building, staging, previous } = besideOutput(output);
for (const path of [building, staging, previous]) ownPartials.add(path);
const ZIP = join(CACHE_DATA, "corpus.zip");
// The files the loader put into the store instead of the archive (scripts/fetched-files.ts, STORE_LIST).
const LIST = storeListOf(ZIP);
removeStalePartials(CACHE_DATA, /^corpus\.zip\.(\d+)\.partial(?:\.list)?$/);
const started = performance.now();
let phaseStart = started;
/** Seconds since the previous call, for the timing line at the end. */
const lap = () => {
  const now = performance.now();
  const seconds = ((now - phaseStart) / 1000).toFixed(1);
  phaseStart = now;
  return seconds;
};
if (freshenLoaders()) process.stderr.write("build: inputs changed; data loaders will rerun\n");
// A cached archive whose articles' files are in the store is used only while the store still holds them
// (a file edited through a site's hard link edits the stored file): else the loader runs again.
if (existsSync(ZIP) && existsSync(LIST) && !storeHolds(FETCHED_STORE, readStoreList(LIST))) {
  process.stderr.write("build: a published article file changed since the last build; publishing the corpus again\n");
  rmSync(ZIP);
}
// The archive is checked against its seal (size and SHA-256, under the inputs' fingerprint) before use: a
// damaged or foreign one is reported and made again, never published.
const damaged = existsSync(ZIP) ? archiveProblem(ZIP) : null;
if (damaged) {
  process.stderr.write(`build: the cached archive ${relative(PROJECT_ROOT, ZIP)} ${damaged}; analysing again\n`);
  for (const file of [ZIP, LIST, sealOf(ZIP)]) rmSync(file, { force: true });
}
// Whether this build ran the loader: the files it wrote to the store count as changed only then.
const loaderRuns = !existsSync(ZIP);
if (loaderRuns) {
  process.stderr.write("build: analysing the corpus (src/data/corpus.zip.ts)\n");
  mkdirSync(CACHE_DATA, { recursive: true });
  rmSync(LIST, { force: true });
  const partial = `${ZIP}.${process.pid}.partial`;
  ownPartials.add(partial).add(`${partial}.list`);
  const out = openSync(partial, "w");
  const loader = spawnSync(
    join(PROJECT_ROOT, "node_modules", ".bin", "tsx"),
    [...NODE_HEAP_FLAGS, join(PROJECT_ROOT, "src", "data", "corpus.zip.ts")],
    {
      cwd: PROJECT_ROOT,
      stdio: ["ignore", out, "inherit"],
      // Each article's own files go straight into the store of fetched files, listed in `${partial}.list`.
      env: { ...process.env, FETCHED_STORE, FETCHED_LIST: `${partial}.list` },
    },
  );
  if (loader.status === 0) fsyncSync(out);
  closeSync(out);
  if (loader.status !== 0) {
    rmSync(partial, { force: true });
    rmSync(`${partial}.list`, { force: true });
    process.stderr.write(loader.signal ? `build: stopped (${loader.signal})\n` : "build: fix the errors above; nothing was built\n");
    process.exit(1);
  }
  renameSync(`${partial}.list`, LIST);
  renameSync(partial, ZIP);
  sealArchive(ZIP);
} else process.stderr.write("build: inputs unchanged; the published corpus comes from the last build's cache, nothing analysed\n");
const analysed = lap();
utimesSync(ZIP, fixedTime, fixedTime);
for (const file of [LIST, sealOf(ZIP)]) if (existsSync(file)) utimesSync(file, fixedTime, fixedTime);
const declared = extractEntries(ZIP, (name) => (isFetched(name) ? null : join(CACHE_DATA, "corpus", name)), fixedTime);
const prepared = lap();
// The fetched files are linked into a folder beside the output while Framework renders (it clears its
// output first), then moved in: the same file system, so the links stay links and the moves are renames.
const renderStart = performance.now();
// Framework's bundled modules, checked before it reuses them (scripts/module-cache.ts).
const modules = openModuleCache(join(PROJECT_ROOT, "src", ".observablehq", "cache"), (line) => process.stderr.write(line));
const rendering = observableBuild();
const listed = existsSync(LIST) ? readStoreList(LIST) : undefined;
const fetched = publishFetchedFiles(ZIP, staging, FETCHED_STORE, listed && { ...listed, written: loaderRuns ? listed.written : 0 });
const staged = ((performance.now() - renderStart) / 1000).toFixed(1);
await rendering;
// Every cached data file is dated already; a file Framework made itself (a loader added later) would not
// be, and would put the build's clock into the pages: date it and render again.
const unsettled = filesBelow(CACHE_DATA).filter((file) => statSync(file).mtimeMs !== fixedTime.getTime());
if (unsettled.length) {
  for (const file of unsettled) utimesSync(file, fixedTime, fixedTime);
  process.stderr.write(
    `build: rendering again with ${unsettled.length} data files dated ${fixedTime.toISOString()} (reproducible pages)\n`,
  );
  await observableBuild();
}
modules.finished();
// Framework's page shell made accessible: lang, zoom, a skip link, a well-formed sidebar list.
rewritePageShells(building);
moveStaged(staging, building);
replaceSite(building, output, previous);
const rendered = lap();
process.stderr.write(
  `build: ${declared} data files for the pages, ${fetched.files} fetched files in the site (${fetched.written} changed); ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s: inputs and analysis ${analysed} s, data files ${prepared} s, ` +
    `Framework ${rendered} s, fetched files ${staged} s (staged while Framework rendered)\n`,
);
