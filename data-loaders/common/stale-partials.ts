/**
 * Clean-up after a run that was killed (SIGKILL, a power cut): the half-written files and folders a run
 * names after its process id (`corpus.zip.<pid>.partial`, `.dist.fetched-<pid>/`, `.x.jsonl.partial-<pid>`)
 * are removed by a later run once that process is gone. A live process's are never touched, so two runs
 * side by side do not break each other.
 */
import { readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";

/**
 * Whether no process `pid` is running: none exists, or (Linux) it has ended and waits to be reaped, a
 * zombie, which a container whose first process does not reap keeps for good. A process of another user
 * counts as running.
 */
export function processGone(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "ESRCH";
  }
  try {
    // The state follows the command name in parentheses, which may itself hold spaces or ")".
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return /^[ZX]/.test(stat.slice(stat.lastIndexOf(")") + 2));
  } catch {
    return false;
  }
}

/**
 * Removes every entry of `folder` whose name `pattern` matches, its first capture group the id of a process
 * that is gone; returns the names removed. A missing folder has none.
 * @example removeStalePartials("dist/..", /^\.dist\.(?:fetched|building)-(\d+)$/)
 */
export function removeStalePartials(folder: string, pattern: RegExp): string[] {
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    const pid = pattern.exec(name)?.[1];
    if (pid === undefined || Number(pid) === process.pid || !processGone(Number(pid))) continue;
    rmSync(join(folder, name), { recursive: true, force: true });
    removed.push(name);
  }
  return removed;
}
