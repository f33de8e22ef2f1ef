/**
 * Where `npm run build` may write its site (BUILD_OUTPUT), and how a built site is told from any other
 * folder: every site it finishes holds SITE_MARKER. Framework empties its output folder before it writes
 * (inside the project), so a wrong BUILD_OUTPUT would delete whatever the folder held: these checks run first.
 */
import { existsSync, lstatSync, readdirSync, realpathSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";

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
