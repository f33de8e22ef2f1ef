/**
 * Where `npm run build` may write its site (BUILD_OUTPUT), and how a built site is told from any other
 * folder: every site it finishes holds SITE_MARKER. Framework empties its output folder before it writes
 * (inside the project), so a wrong BUILD_OUTPUT would delete whatever the folder held: these checks run first.
 * Also the folders a build keeps beside its output while it works, and how the finished site takes the old one's place.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, realpathSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { removeStalePartials } from "../data-loaders/common/stale-partials.ts";

/** The file in every site `npm run build` finished (sirv, Framework and the browser never serve dotfiles). */
export const SITE_MARKER = ".framing-notebooks-site";

/** The project's folders a site may never replace or be written into (nor any folder above them). */
export const PROTECTED_FOLDERS: readonly string[] = ["corpus", "src", "data-loaders", "node_modules", "scripts", "test", ".git"];

/** `path` with every symbolic link of its existing part resolved (its missing tail kept as written). */
function realPath(path: string): string {
  const absolute = resolve(path);
  if (existsSync(absolute)) return realpathSync(absolute);
  const parent = dirname(absolute);
  return parent === absolute ? absolute : join(realPath(parent), basename(absolute));
}

/** Whether `inner` is `outer` or lies below it. */
function within(outer: string, inner: string): boolean {
  const path = relative(outer, inner);
  return path === "" || (!path.startsWith("..") && !path.startsWith("/") && !/^[a-zA-Z]:/.test(path));
}

/** Whether `folder` is a site `npm run build` finished: it holds SITE_MARKER. */
export function isBuiltSite(folder: string): boolean {
  return existsSync(join(folder, SITE_MARKER));
}

/** Marks `folder` as a finished site (see isBuiltSite). */
export function markBuiltSite(folder: string): void {
  writeFileSync(join(folder, SITE_MARKER), "A site built by npm run build; a later build may replace this folder.\n");
}

/**
 * Why `output` may not receive a site, or null when it may. Refused: the project root, a protected folder
 * (PROTECTED_FOLDERS, and `extraProtected`, e.g. the corpus), anything inside one or above one; a symbolic
 * link or a file; an existing folder that is neither empty nor a finished site (SITE_MARKER) — except, for
 * `legacy` (the project's own dist/), a site built before the marker existed (it holds `_observablehq/`).
 * Symbolic links in the path are followed before comparing, so a link cannot smuggle the project in.
 * @example outputProblem("/repo/corpus/articles", "/repo") // "…inside the project's corpus/ …"
 */
export function outputProblem(
  output: string,
  projectRoot: string,
  { extraProtected = [], legacy = false }: { extraProtected?: readonly string[]; legacy?: boolean } = {},
): string | null {
  const real = realPath(output);
  const root = realPath(projectRoot);
  const guarded = [root, ...PROTECTED_FOLDERS.map((name) => join(root, name)), ...extraProtected.map(realPath)];
  if (within(real, root)) return "it is the project folder or a folder above it";
  for (const folder of guarded.slice(1)) {
    if (within(real, folder) || within(folder, real)) return `it is or holds ${folder}, which a build never writes`;
  }
  if (!existsSync(output) && !isSymbolicLink(output)) return null;
  if (isSymbolicLink(output)) return "it is a symbolic link; name the folder itself";
  if (!lstatSync(output).isDirectory()) return "it is not a folder";
  if (isBuiltSite(output) || readdirSync(output).length === 0) return null;
  if (legacy && existsSync(join(output, "_observablehq"))) return null;
  return `it is a folder that is neither empty nor a site npm run build made (no ${SITE_MARKER}); name a new or empty folder`;
}

function isSymbolicLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/**
 * The folders a build keeps beside its output, named after the process: Framework renders into `building`,
 * the fetched files are staged in `staging`, and the previous site waits in `previous` while the new one
 * takes its place. Those of a run that was killed are removed first (data-loaders/common/stale-partials.ts).
 */
export function besideOutput(output: string): { building: string; staging: string; previous: string } {
  const name = basename(output).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const removed = removeStalePartials(dirname(output), new RegExp(`^\\.${name}\\.(?:building|fetched|previous)-(\\d+)$`));
  if (removed.length) process.stderr.write(`build: removed ${removed.join(", ")}, left by a build that was stopped\n`);
  const beside = (kind: string) => join(dirname(output), `.${basename(output)}.${kind}-${process.pid}`);
  return { building: beside("building"), staging: beside("fetched"), previous: beside("previous") };
}

/**
 * Puts the finished site `building` at `output`, marked as a site a build made: the previous site is moved
 * aside first and removed after, so `output` always holds a whole site (the last one while a build runs or
 * after one was stopped), never half of one.
 */
export function replaceSite(building: string, output: string, previous: string): void {
  markBuiltSite(building);
  if (existsSync(output)) renameSync(output, previous);
  renameSync(building, output);
  rmSync(previous, { recursive: true, force: true });
}

/**
 * Moves the fetched files staged in `staging` (scripts/fetched-files.ts links them there while Framework
 * renders) into the built site, one top folder at a time: renames, so it takes no time whatever their number.
 */
export function moveStaged(staging: string, output: string): void {
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
