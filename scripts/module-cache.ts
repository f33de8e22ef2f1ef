/**
 * Framework bundles each npm package a page imports into its cache (`src/.observablehq/cache/_node/…`) and
 * reuses what it finds there without checking it. A render stopped part-way can leave a module empty or cut
 * short, and every later build would publish it while reporting success, its pages failing in the browser
 * ("does not provide an export named …"). So a build marks its render as under way and removes the mark
 * when the render has finished; a build that finds the mark of one that never finished, or an empty module,
 * has Framework bundle the modules again (a few seconds).
 */
import { existsSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { filesBelow } from "./fetched-files.ts";

/** The folders of Framework's cache that hold bundled modules. */
const MODULE_FOLDERS = ["_node", "_npm"] as const;

/**
 * Checks the bundled modules under `cacheRoot` before a render and marks the render as under way; call
 * `finished()` once it has finished. `log` hears one line when the modules are made again, and why.
 */
export function openModuleCache(cacheRoot: string, log: (line: string) => void): { finished(): void } {
  const mark = join(cacheRoot, "modules.rendering");
  const problem = existsSync(mark) ? "a render stopped part-way" : emptyModule(cacheRoot);
  if (problem) {
    for (const folder of MODULE_FOLDERS) rmSync(join(cacheRoot, folder), { recursive: true, force: true });
    log(`build: Framework's bundled modules are made again (${problem})\n`);
  }
  writeFileSync(mark, "");
  return { finished: () => rmSync(mark, { force: true }) };
}

/** "<file> is empty" for the first empty bundled module, else null. */
function emptyModule(cacheRoot: string): string | null {
  for (const folder of MODULE_FOLDERS) {
    const root = join(cacheRoot, folder);
    if (!existsSync(root)) continue;
    const empty = filesBelow(root).find((file) => file.endsWith(".js") && statSync(file).size === 0);
    if (empty) return `${relative(cacheRoot, empty)} is empty`;
  }
  return null;
}
