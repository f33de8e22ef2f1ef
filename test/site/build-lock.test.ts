import { spawn } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { takeBuildLock } from "../../scripts/build-lock.ts";
import { writeCorpus } from "../helpers.ts";

/** A process that has ended (and been reaped): its id names no running process. */
async function endedProcessId(): Promise<number> {
  const child = spawn(process.execPath, ["-e", ""]);
  await once(child, "exit");
  return child.pid!;
}

describe("takeBuildLock(path, say)", () => {
  it("takes a free lock, writing this process's id into it", async () => {
    const lock = join(writeCorpus({}), "cache", "build.lock");
    const said: string[] = [];
    await takeBuildLock(lock, (line) => said.push(line));
    expect(readFileSync(lock, "utf8")).toBe(`${process.pid}\n`);
    expect(said).toEqual([]);
  });

  it("takes over the lock of a build that was killed, saying nothing", async () => {
    const lock = join(writeCorpus({}), "build.lock");
    writeFileSync(lock, `${await endedProcessId()}\n`);
    const said: string[] = [];
    await takeBuildLock(lock, (line) => said.push(line));
    expect(readFileSync(lock, "utf8")).toBe(`${process.pid}\n`);
    expect(said).toEqual([]);
  });

  it("waits while a running process holds the lock, says so once, and takes it when that process ends", async () => {
    const lock = join(writeCorpus({}), "build.lock");
    const holder = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"]);
    writeFileSync(lock, `${holder.pid}\n`);
    const said: string[] = [];
    let taken = false;
    const taking = takeBuildLock(lock, (line) => said.push(line), 20).then(() => (taken = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(taken).toBe(false);
    expect(said).toEqual([`build: waiting for another build of this project (process ${holder.pid}) to finish\n`]);
    holder.kill();
    await taking;
    expect(readFileSync(lock, "utf8")).toBe(`${process.pid}\n`);
    expect(said).toHaveLength(1);
    expect(existsSync(lock)).toBe(true);
  });
});
