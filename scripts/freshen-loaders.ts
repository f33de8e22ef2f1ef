/**
 * Cache honesty for Framework data loaders.
 *
 * Framework caches loader output in src/.observablehq/cache. `observable preview` reruns a loader only when
 * the loader file is newer than its cached output, and `observable build` never reruns one whose output is
 * cached at all (it loads with useStale). Our loaders are thin: what they print depends on the corpus, the
 * pattern and codebook files, the analysis library and the installed package versions. This script
 * fingerprints all of those (SHA-256 over sorted relative paths and contents, plus the CORPUS/…
 * environment overrides) and, when the fingerprint differs from the one recorded last time, deletes the
 * cached outputs of the loaders in src/data (cache/data/, not Framework's npm or node_modules caches) and
 * touches the loaders, so both build and preview rerun them. `npm run build` runs it first; `npm run dev`
 * runs it on every change.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { corpusPaths, PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { compareIds } from "../data-loaders/common/compare-ids.ts";

/** The settings of the public build (data-loaders/publish/public-build.ts): they change what the loader prints. */
const PUBLIC_SETTINGS = ["PUBLISH", "LICENCE", "SNIPPET_WORDS"] as const;
const LOADER_DIR = join(PROJECT_ROOT, "src", "data");
const CACHE_DIR = join(PROJECT_ROOT, "src", ".observablehq", "cache");

function filesBelow(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true })
    .sort((a, b) => compareIds(a.name, b.name))
    .flatMap((entry) => (entry.name.startsWith(".") || entry.name === "node_modules" ? [] : filesBelow(join(path, entry.name))));
}

/** The fingerprint of everything the loaders read besides their own source. */
export function inputsFingerprint(env: Readonly<Record<string, string | undefined>> = process.env): string {
  const paths = corpusPaths(env);
  const inputs = [
    join(PROJECT_ROOT, "corpus"),
    join(PROJECT_ROOT, "data-loaders"),
    join(PROJECT_ROOT, "package-lock.json"),
    ...Object.values(paths).filter((value): value is string => typeof value === "string"),
    // Record shards to publish instead of analysing (RECORDS=<folder>), and the settings that choose them.
    ...(env.RECORDS ? [resolve(env.RECORDS)] : []),
  ];
  const hash = createHash("sha256");
  for (const [key, value] of Object.entries(paths)) hash.update(`${key}=${value}\n`);
  hash.update(`RECORDS=${env.RECORDS ? resolve(env.RECORDS) : ""}\n`);
  // The public build's settings, only when set: a full build's fingerprint stays what it was.
  for (const name of PUBLIC_SETTINGS) if (env[name]) hash.update(`${name}=${env[name]}\n`);
  const seen = new Set<string>();
  for (const file of inputs.flatMap(filesBelow)) {
    if (seen.has(file)) continue;
    seen.add(file);
    hash
      .update(`${relative(PROJECT_ROOT, file)}\n`)
      .update(readFileSync(file))
      .update("\n");
  }
  return hash.digest("hex");
}

/** Where the inputs' fingerprint of the last run is kept, in Framework's cache folder. */
function stampOf(cacheDir: string): string {
  return join(cacheDir, ".inputs-fingerprint");
}

/** The inputs' fingerprint recorded by the last freshenLoaders, or null. */
export function recordedFingerprint(cacheDir: string = CACHE_DIR): string | null {
  try {
    return readFileSync(stampOf(cacheDir), "utf8").trim();
  } catch {
    return null;
  }
}

/**
 * If the inputs changed since the last run, deletes the loaders' cached outputs and touches the loaders;
 * returns whether it did.
 * @param options.loaderDir folder of loader files (src/data)
 * @param options.cacheDir Framework's cache folder; the fingerprint is kept in it, so deleting the cache
 *   forgets the fingerprint too
 */
export function freshenLoaders(
  options: { loaderDir?: string; cacheDir?: string; env?: Readonly<Record<string, string | undefined>> } = {},
): boolean {
  const { loaderDir = LOADER_DIR, cacheDir = CACHE_DIR, env = process.env } = options;
  const stamp = stampOf(cacheDir);
  const fingerprint = inputsFingerprint(env);
  const previous = existsSync(stamp) ? readFileSync(stamp, "utf8").trim() : null;
  if (previous === fingerprint) return false;
  // Cached outputs mirror the loaders' paths below the source root: src/data/x.zip.ts → cache/data/x.zip.
  rmSync(join(cacheDir, relative(join(loaderDir, ".."), loaderDir)), { recursive: true, force: true });
  const now = new Date();
  for (const file of filesBelow(loaderDir)) utimesSync(file, now, now);
  mkdirSync(join(stamp, ".."), { recursive: true });
  writeFileSync(stamp, `${fingerprint}\n`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const touched = freshenLoaders();
  process.stderr.write(
    touched
      ? "freshen-loaders: inputs changed; data loaders will rerun\n"
      : "freshen-loaders: inputs unchanged; cached loader output is current\n",
  );
}
