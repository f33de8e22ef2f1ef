// Builds in a copy of the project (test/site/project-copy.ts) and what they leave, for the rebuild tests
// (rebuild.site.test.ts, stopped-build.site.test.ts).
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { CommandResult } from "../helpers.ts";

/** Framework's cache of data in the project at `root`: the loader's archive and the files taken from it. */
export const cacheData = (root: string) => join(root, "src", ".observablehq", "cache", "data");

/**
 * Starts `scripts/build.ts` of the project at `root` as `npm run build` does (node --import tsx: the tsx
 * command would kill a busy child 60 ms after a signal), in a process group of its own, so a test can kill
 * the whole tree.
 */
export function startBuild(root: string, env: Readonly<Record<string, string>>): { child: ChildProcess; done: Promise<CommandResult> } {
  const child = spawn(process.execPath, ["--import", "tsx", join(root, "scripts", "build.ts")], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout!.on("data", (chunk: Buffer) => stdout.push(chunk));
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk));
  const done = once(child, "close").then(([status]) => ({
    status: status as number | null,
    stdout: Buffer.concat(stdout).toString("utf8"),
    stderr: Buffer.concat(stderr).toString("utf8"),
  }));
  return { child, done };
}

/** `npm run build` of `corpus` into `output` in the project at `root`, which must succeed. */
export async function build(root: string, corpus: string, output: string): Promise<CommandResult> {
  const result = await startBuild(root, { CORPUS: corpus, BUILD_OUTPUT: output }).done;
  expect(result.status, result.stderr + result.stdout).toBe(0);
  return result;
}

/** Every file below `dir` with its bytes, keyed by relative path. */
export function tree(dir: string, prefix = ""): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const path = join(prefix, entry.name);
    if (entry.isDirectory()) for (const [p, bytes] of tree(dir, path)) files.set(p, bytes);
    else files.set(path, readFileSync(join(dir, path)));
  }
  return files;
}

/** Expects the site at `actual` to hold the same files as `expected`, byte for byte. */
export function expectSameSite(actual: string, expected: string): void {
  const want = tree(expected);
  const got = tree(actual);
  expect([...got.keys()].sort()).toEqual([...want.keys()].sort());
  for (const [path, bytes] of want) expect(got.get(path)!.equals(bytes), path).toBe(true);
}

/** Every file below `dir`, relative, sorted. */
export function files(dir: string): string[] {
  return [...tree(dir).keys()].sort();
}

/** Resolves when `condition()` holds, checking every 100 ms. */
export async function until(condition: () => boolean, what: string, limit = 600_000): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > limit) throw new Error(`waited in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The names beside the site that a build makes while it runs (`.site.building-<pid>` and the like). */
export const besideSite = (out: string) => readdirSync(out).filter((name) => name.startsWith(".site."));

/** The loader's half-written archives in the cache of the project at `root`. */
export const zipPartials = (root: string) =>
  existsSync(cacheData(root)) ? readdirSync(cacheData(root)).filter((name) => name.includes(".partial")) : [];
