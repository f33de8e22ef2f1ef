/**
 * Cache honesty for Framework data loaders.
 *
 * Framework reruns a loader only when the loader file is newer than its cached output
 * (src/.observablehq/cache). Our loaders are thin: what they print depends on the corpus, the pattern and
 * codebook files, the analysis library and the installed package versions. This script fingerprints all
 * of those (SHA-256 over sorted relative paths and contents, plus the CORPUS/… environment overrides) and,
 * when the fingerprint differs from the one recorded at the last build, touches every loader in src/data so
 * Framework sees it as stale. `npm run build` runs it first; `npm run dev` runs it on every change.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { pathToFileURL } from "node:url";
import { corpusPaths, PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { compareIds } from "../data-loaders/read-corpus.ts";

const LOADER_DIR = join(PROJECT_ROOT, "src", "data");
const STAMP = join(PROJECT_ROOT, "src", ".observablehq", "cache", ".inputs-fingerprint");

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
  const inputs = [join(PROJECT_ROOT, "corpus"), join(PROJECT_ROOT, "data-loaders"), join(PROJECT_ROOT, "package-lock.json"), ...Object.values(paths)];
  const hash = createHash("sha256");
  for (const [key, value] of Object.entries(paths)) hash.update(`${key}=${value}\n`);
  const seen = new Set<string>();
  for (const file of inputs.flatMap(filesBelow)) {
    if (seen.has(file)) continue;
    seen.add(file);
    hash.update(`${relative(PROJECT_ROOT, file)}\n`).update(readFileSync(file)).update("\n");
  }
  return hash.digest("hex");
}

/** Touches the loaders if the inputs changed since the last run; returns whether it did. */
export function freshenLoaders(): boolean {
  const fingerprint = inputsFingerprint();
  const previous = existsSync(STAMP) ? readFileSync(STAMP, "utf8").trim() : null;
  if (previous === fingerprint) return false;
  const now = new Date();
  for (const file of filesBelow(LOADER_DIR)) utimesSync(file, now, now);
  mkdirSync(join(STAMP, ".."), { recursive: true });
  writeFileSync(STAMP, `${fingerprint}\n`);
  return true;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const touched = freshenLoaders();
  process.stderr.write(touched ? "freshen-loaders: inputs changed; data loaders will rerun\n" : "freshen-loaders: inputs unchanged; cached loader output is current\n");
}
