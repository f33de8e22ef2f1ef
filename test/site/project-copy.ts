// A copy of the project for a test that builds, in the run's temporary folder: its own Framework cache and
// build lock, so that its builds run beside those of the project and of other copies (the site project runs
// two files at a time), and so that what a build leaves in the cache is the test's own to look at and damage.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { takeBuildLock } from "../../scripts/build-lock.ts";

/** What a build does not read: installed packages (linked instead), history, built sites, caches. */
const LEFT_OUT = new Set(["node_modules", ".git", "dist", ".dev", ".cache", "tmp", join("src", ".observablehq", "cache")]);
/** Framework's bundled npm modules: the same for every corpus, and about 15 s of CPU to make again. */
const MODULE_FOLDERS = ["_node", "_npm"];

/**
 * Copies the project's sources, corpus and data files into a new folder beside it in the temporary folder,
 * links its `node_modules`, and copies in Framework's bundled modules when the project has them (taking the
 * project's build lock meanwhile, so no build is writing them); the copy's own cache of data starts empty.
 * @returns the copy's root, where `scripts/build.ts` and `scripts/dev.ts` run as in the project.
 */
export async function projectCopy(): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), "project-"));
  cpSync(PROJECT_ROOT, root, {
    recursive: true,
    filter: (source) => !LEFT_OUT.has(relative(PROJECT_ROOT, source)),
  });
  symlinkSync(realpathSync(join(PROJECT_ROOT, "node_modules")), join(root, "node_modules"));
  const cache = join(PROJECT_ROOT, "src", ".observablehq", "cache");
  const lock = join(cache, "build.lock");
  if (!MODULE_FOLDERS.some((folder) => existsSync(join(cache, folder)))) return root;
  await takeBuildLock(lock, () => {});
  try {
    // A render stopped part-way leaves this mark, and its modules may be cut short: leave them out.
    if (existsSync(join(cache, "modules.rendering"))) return root;
    const copied = join(root, "src", ".observablehq", "cache");
    mkdirSync(copied, { recursive: true });
    for (const folder of MODULE_FOLDERS.filter((name) => readdirSync(cache).includes(name)))
      cpSync(join(cache, folder), join(copied, folder), { recursive: true });
  } finally {
    rmSync(lock, { force: true });
  }
  return root;
}
