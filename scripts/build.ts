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
import { spawn, spawnSync } from "node:child_process";
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  utimesSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, isAbsolute, join, relative, resolve } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { freshenLoaders } from "./freshen-loaders.ts";
import { extractEntries, filesBelow, isFetched, publishFetchedFiles, readStoreList, storeListOf } from "./fetched-files.ts";
import { storeHolds } from "../data-loaders/publish/fetched-store.ts";
import { archiveProblem, sealArchive, sealOf } from "./archive-seal.ts";
import { NODE_HEAP_FLAGS, OFFLINE_ENV } from "./framework-env.ts";
import { rewritePageShells } from "./page-shell.ts";

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
 * Framework clears its output folder only when it lies inside the project. Clear an outside one ourselves,
 * but only if it is empty or holds a previous Framework build: never a folder someone named by mistake.
 */
function clearOutsideOutput(): void {
  const output = process.env.BUILD_OUTPUT;
  if (!output) return;
  const absolute = isAbsolute(output) ? output : resolve(output);
  if (!relative(PROJECT_ROOT, absolute).startsWith("..") || !existsSync(absolute)) return;
  const previousBuild = existsSync(join(absolute, "_observablehq")) || readdirSync(absolute).length === 0;
  if (!previousBuild) {
    process.stderr.write(`build: BUILD_OUTPUT ${absolute} exists and is not a previous build; name an empty or new folder\n`);
    process.exit(1);
  }
  rmSync(absolute, { recursive: true, force: true });
}

/**
 * Runs `observable build` in a child process, echoing its output when it ends; a failed build or a broken
 * link stops the script. Asynchronous, so the fetched files are staged meanwhile; its output goes to a file,
 * since a pipe left unread while this process works would stall it.
 */
async function observableBuild(): Promise<void> {
  clearOutsideOutput();
  const bin = join(PROJECT_ROOT, "node_modules", ".bin", "observable");
  const log = join(mkdtempSync(join(tmpdir(), "observable-build-")), "output.log");
  const fd = openSync(log, "w");
  const child = spawn(bin, ["build", ...process.argv.slice(2)], { cwd: PROJECT_ROOT, env: OFFLINE_ENV, stdio: ["ignore", fd, fd] });
  closeSync(fd);
  const status = await new Promise<number | null>((resolvePromise, reject) => {
    child.on("error", reject);
    child.on("close", resolvePromise);
  });
  const output = readFileSync(log, "utf8");
  rmSync(dirname(log), { recursive: true, force: true });
  process.stdout.write(output);
  if (status !== 0) process.exit(status ?? 1);
  // Framework only warns about links to pages that do not exist; a published notebook must not have any.
  if (/broken links?/.test(output)) {
    process.stderr.write("build: the site has broken links (listed above)\n");
    process.exit(1);
  }
}

/**
 * Moves the fetched files staged in `staging` (scripts/fetched-files.ts links them there while Framework
 * renders) into the built site, one top folder at a time: renames, so it takes no time whatever their number.
 */
function moveStaged(staging: string, output: string): void {
  const from = join(staging, "_file", "data", "corpus");
  const to = join(output, "_file", "data", "corpus");
  mkdirSync(to, { recursive: true });
  for (const folder of existsSync(from) ? readdirSync(from).sort() : []) {
    // Framework writes only the declared files, none of which is in a fetched folder.
    if (existsSync(join(to, folder))) throw new Error(`build: ${join(to, folder)} exists in Framework's output; it should not`);
    renameSync(join(from, folder), join(to, folder));
  }
  rmSync(staging, { recursive: true, force: true });
}

const ZIP = join(CACHE_DATA, "corpus.zip");
// The files the loader put into the store instead of the archive (scripts/fetched-files.ts, STORE_LIST).
const LIST = storeListOf(ZIP);
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
  for (const file of [ZIP, LIST]) rmSync(file, { force: true });
}
if (!existsSync(ZIP)) {
  process.stderr.write("build: analysing the corpus (src/data/corpus.zip.ts)\n");
  mkdirSync(CACHE_DATA, { recursive: true });
  rmSync(LIST, { force: true });
  const partial = `${ZIP}.${process.pid}.partial`;
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
    process.stderr.write("build: fix the errors above; nothing was built\n");
    process.exit(1);
  }
  renameSync(`${partial}.list`, LIST);
  renameSync(partial, ZIP);
  sealArchive(ZIP);
}
const analysed = lap();
utimesSync(ZIP, fixedTime, fixedTime);
for (const file of [LIST, sealOf(ZIP)]) if (existsSync(file)) utimesSync(file, fixedTime, fixedTime);
const declared = extractEntries(ZIP, (name) => (isFetched(name) ? null : join(CACHE_DATA, "corpus", name)), fixedTime);
const prepared = lap();
const output = resolve(PROJECT_ROOT, process.env.BUILD_OUTPUT || "dist");
// The fetched files are linked into a folder beside the output while Framework renders (it clears its
// output first), then moved in: the same file system, so the links stay links and the moves are renames.
const staging = join(dirname(output), `.${basename(output)}.fetched-${process.pid}`);
rmSync(staging, { recursive: true, force: true });
// A build that stops (a broken link, Framework's error) leaves no staging folder behind.
process.on("exit", () => rmSync(staging, { recursive: true, force: true }));
const renderStart = performance.now();
const rendering = observableBuild();
const fetched = publishFetchedFiles(ZIP, staging, FETCHED_STORE, existsSync(LIST) ? readStoreList(LIST) : undefined);
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
// Framework's page shell made accessible: lang, zoom, a skip link, a well-formed sidebar list.
rewritePageShells(output);
moveStaged(staging, output);
const rendered = lap();
process.stderr.write(
  `build: ${declared} data files for the pages, ${fetched.files} fetched files in the site (${fetched.written} changed); ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s: inputs and analysis ${analysed} s, data files ${prepared} s, ` +
    `Framework ${rendered} s, fetched files ${staged} s (staged while Framework rendered)\n`,
);
