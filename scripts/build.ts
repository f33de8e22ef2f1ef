/**
 * npm run build: a reproducible `observable build`.
 *
 * 0. Validate the corpus and every data file: all their errors are printed together, located, and the build
 *    stops before Framework starts (its own message would hide them behind a bug-report tip).
 * 1. freshen-loaders: if the corpus, data files, analysis code or lockfile changed, drop the loaders' cached
 *    output so the analysis is redone (Framework's build would otherwise reuse it).
 * 2. observable build.
 * 3. Framework writes each data file's cache modification time into the pages (FileAttachment
 *    lastModified), so two builds of the same inputs would differ in that number alone. If any loader ran
 *    in step 2, set the cached outputs' times to SOURCE_DATE_EPOCH (default 2000-01-01) and render again
 *    from that cache. A build whose cache was already current renders once.
 * 4. Write the files pages fetch by name (records, rows, concordance and voice-list pages) from the cached
 *    data/corpus.zip into the site (scripts/fetched-files.ts): Framework copies only declared files.
 * A broken link between pages fails the build. Extra arguments go to `observable build`.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync, rmSync, statSync, utimesSync } from "node:fs";
import { isAbsolute, join, relative, resolve } from "node:path";
import { loadInputs } from "../data-loaders/pipeline/analyze-corpus.ts";
import { corpusPaths, PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { CorpusValidationError } from "../data-loaders/reading/corpus-error.ts";
import { freshenLoaders } from "./freshen-loaders.ts";
import { writeFetchedFiles } from "./fetched-files.ts";

const CACHE_DATA = join(PROJECT_ROOT, "src", ".observablehq", "cache", "data");
const epochSeconds = Number(process.env.SOURCE_DATE_EPOCH ?? Date.UTC(2000, 0, 1) / 1000);
if (!Number.isFinite(epochSeconds)) {
  process.stderr.write(`build: SOURCE_DATE_EPOCH must be seconds since 1970, not ${process.env.SOURCE_DATE_EPOCH}\n`);
  process.exit(2);
}
const fixedTime = new Date(epochSeconds * 1000);

function cachedFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? cachedFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

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

/** Runs `observable build`, echoing its output; a failed build or a broken link stops the script. */
function observableBuild(): void {
  clearOutsideOutput();
  const bin = join(PROJECT_ROOT, "node_modules", ".bin", "observable");
  const result = spawnSync(bin, ["build", ...process.argv.slice(2)], { cwd: PROJECT_ROOT, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? "");
  process.stderr.write(result.stderr ?? "");
  if (result.status !== 0) process.exit(result.status ?? 1);
  // Framework only warns about links to pages that do not exist; a published notebook must not have any.
  if (/broken links?/.test(`${result.stdout}${result.stderr}`)) {
    process.stderr.write("build: the site has broken links (listed above)\n");
    process.exit(1);
  }
}

try {
  await loadInputs(corpusPaths());
} catch (error) {
  if (!(error instanceof CorpusValidationError)) throw error;
  process.stderr.write(`${error.message}\nbuild: fix the errors above; nothing was built\n`);
  process.exit(1);
}
if (freshenLoaders()) process.stderr.write("build: inputs changed; data loaders will rerun\n");
observableBuild();
const unsettled = cachedFiles(CACHE_DATA).filter((file) => statSync(file).mtimeMs !== fixedTime.getTime());
if (unsettled.length) {
  for (const file of unsettled) utimesSync(file, fixedTime, fixedTime);
  process.stderr.write(
    `build: rendering again with ${unsettled.length} data files dated ${fixedTime.toISOString()} (reproducible pages)\n`,
  );
  observableBuild();
}
const output = resolve(PROJECT_ROOT, process.env.BUILD_OUTPUT || "dist");
const fetched = await writeFetchedFiles(join(CACHE_DATA, "corpus.zip"), output);
process.stderr.write(`build: ${fetched} fetched data files written to ${relative(PROJECT_ROOT, output) || "."}/_file/data/corpus/\n`);
