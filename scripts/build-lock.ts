/**
 * One build of a project at a time. Builds share Framework's cache (src/.observablehq/cache): a second
 * `npm run build` started while one runs would drop, fill or read the cached archive midway, whatever its
 * BUILD_OUTPUT. So a build first takes a lock, a file made only if absent (O_EXCL) that holds its process
 * id; a build that finds the lock taken says so once and waits for that process to end, and one whose
 * holder is gone (a killed build) takes the lock over. The lock goes when the process exits, however it ends.
 */
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { dirname } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { processGone } from "../data-loaders/common/stale-partials.ts";

/** Makes `path` holding this process's id; false when it exists already. */
function tryCreate(path: string): boolean {
  let fd: number;
  try {
    fd = openSync(path, "wx");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
  writeSync(fd, `${process.pid}\n`);
  closeSync(fd);
  return true;
}

/** The process id a lock file names, or null when it is being written or unreadable. */
function holderOf(path: string): number | null {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8"), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

/**
 * Takes the lock at `path`, waiting (polling every `pollMs`) while a running process holds it; `say` is
 * told once whom it waits for. The lock is released when this process exits.
 * @example await takeBuildLock("src/.observablehq/cache/build.lock", (line) => process.stderr.write(line))
 */
export async function takeBuildLock(path: string, say: (line: string) => void, pollMs = 250): Promise<void> {
  mkdirSync(dirname(path), { recursive: true });
  let told = false;
  for (;;) {
    if (tryCreate(path)) break;
    const holder = holderOf(path);
    if (holder === process.pid) break;
    if (holder !== null && processGone(holder)) {
      // A killed build's lock. (Two builds that both find it in the same instant could each remove it and
      // both go on; after a killed build, start one build first.)
      rmSync(path, { force: true });
      continue;
    }
    if (!told && holder !== null) {
      say(`build: waiting for another build of this project (process ${holder}) to finish\n`);
      told = true;
    }
    await sleep(pollMs);
  }
  process.on("exit", () => {
    if (holderOf(path) === process.pid) rmSync(path, { force: true });
  });
}
