import { existsSync } from "node:fs";
import { watch, type FSWatcher } from "chokidar";

/**
 * Calls `onChange` whenever a file below the given files or folders is added, changed or removed. Uses
 * chokidar, not fs.watch: an editor that saves by writing a new file and renaming it over the old one
 * replaces the inode fs.watch follows, so later edits to that file would go unseen. Paths that do not
 * exist are left out. Resolves once the watcher is ready.
 */
export async function watchInputs(paths: readonly string[], onChange: (path: string) => void): Promise<FSWatcher> {
  const watcher = watch(
    paths.filter((path) => existsSync(path)),
    { ignoreInitial: true, atomic: true },
  );
  watcher.on("all", (_event, path) => onChange(path));
  await new Promise<void>((ready) => watcher.once("ready", () => ready()));
  return watcher;
}
