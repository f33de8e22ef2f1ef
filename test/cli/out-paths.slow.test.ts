// --out as a user meets it. npm run analyze: `-` is stdout; a link, a FIFO or a path through a file is one
// line with the node left alone; Ctrl-C or kill leaves no partial file, and what kill -9 leaves the next
// run removes. npm run export: a file where the folder should be is one line (it was an EEXIST stack trace).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync, symlinkSync } from "node:fs";
import { once } from "node:events";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { FIXTURE_CORPUS, runAnalyze, runTsx, writeCorpus } from "../commands.ts";

/** A corpus long enough to interrupt: `count` short English articles. */
function longCorpus(count: number): string {
  const files: Record<string, string> = {};
  for (let k = 0; k < count; k++)
    files[`a${String(k).padStart(4, "0")}.md`] =
      `---\nlanguage: en\n---\nThe minister said the talks with the hegemon would go on. Critics were not convinced, analysts said.\n\n`.repeat(
        20,
      );
  return writeCorpus(files);
}

/**
 * Starts the CLI as `npm run analyze` does (node --import tsx: the tsx command would kill a busy child 60 ms
 * after a signal), in a process group of its own; resolves with its exit code when it ends.
 */
function startAnalyze(args: readonly string[]) {
  const child = spawn(process.execPath, ["--import", "tsx", join(PROJECT_ROOT, "scripts", "analyze.ts"), ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, RECORD_CACHE: "off" },
    stdio: ["ignore", "ignore", "pipe"],
    detached: true,
  });
  const stderr: Buffer[] = [];
  child.stderr!.on("data", (chunk: Buffer) => stderr.push(chunk));
  const done = once(child, "close").then(([status]) => ({ status: status as number | null, stderr: Buffer.concat(stderr).toString() }));
  return { child, done };
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const start = Date.now();
  while (!condition()) {
    if (Date.now() - start > 600_000) throw new Error(`waited in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("npm run analyze --out", () => {
  it("writes to stdout for -", async () => {
    const { status, stdout, stderr } = await runAnalyze([FIXTURE_CORPUS, "--out", "-"]);
    expect(status, stderr).toBe(0);
    expect(stdout.trim().split("\n").length).toBeGreaterThan(1);
    expect(stderr).toMatch(/analyze: wrote \d+ records\n$/);
  });
  it("refuses a symbolic link, a FIFO and a path through a file in one line, before reading the corpus", async () => {
    const dir = writeCorpus({ "notes.md": "mine\n" });
    symlinkSync(join(dir, "notes.md"), join(dir, "link.jsonl"));
    spawnSync("mkfifo", [join(dir, "fifo")]);
    for (const [out, reason] of [
      ["link.jsonl", "it is a symbolic link; name the file itself"],
      ["fifo", "it is a named pipe (FIFO)"],
      ["notes.md/x.jsonl", `${join(dir, "notes.md")} is not a folder`],
    ] as const) {
      const { status, stdout, stderr } = await runAnalyze([FIXTURE_CORPUS, "--out", join(dir, out)]);
      expect(status, out).toBe(1);
      expect(stdout).toBe("");
      expect(stderr).toBe(`analyze: cannot write ${join(dir, out)}: ${reason}\n`);
    }
    expect(readFileSync(join(dir, "link.jsonl"), "utf8")).toBe("mine\n");
    expect(readdirSync(dir).sort()).toEqual(["fifo", "link.jsonl", "notes.md"]);
  });
  it("leaves no partial file when stopped by SIGTERM or SIGINT; what SIGKILL left, the next run removes", async () => {
    const corpus = longCorpus(400);
    const dir = writeCorpus({});
    const out = join(dir, "records.jsonl");
    const partials = () => readdirSync(dir).filter((name) => name.includes(".partial-"));
    for (const signal of ["SIGTERM", "SIGINT"] as const) {
      const run = startAnalyze([corpus, "--out", out, "--workers", "1"]);
      await until(() => partials().length > 0, "the partial file");
      process.kill(run.child.pid!, signal);
      const { status, stderr } = await run.done;
      expect(status).toBe(signal === "SIGTERM" ? 143 : 130);
      expect(stderr).toContain(`analyze: stopped (${signal})`);
      expect(readdirSync(dir)).toEqual([]);
    }
    const killed = startAnalyze([corpus, "--out", out, "--workers", "1"]);
    await until(() => partials().length > 0, "the partial file");
    process.kill(-killed.child.pid!, "SIGKILL");
    await killed.done;
    expect(partials()).toHaveLength(1);
    const next = await runAnalyze([FIXTURE_CORPUS, "--out", out]);
    expect(next.status, next.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(["records.jsonl", "records.manifest.json"]);
    expect(existsSync(out)).toBe(true);
  });
});

describe("npm run export --out", () => {
  it("refuses a file and a path through a file in one line, before reading the corpus", async () => {
    const dir = writeCorpus({ "notes.md": "mine\n" });
    for (const [out, reason] of [
      ["notes.md", "it is not a folder"],
      ["notes.md/tables", `${join(dir, "notes.md")} is not a folder`],
    ] as const) {
      const result = await runTsx(
        join("scripts", "export.ts"),
        ["--format", "csv", "--out", join(dir, out), FIXTURE_CORPUS],
        {},
        {
          nodeFlags: ["--max-semi-space-size=64"],
        },
      );
      expect(result.status, out).toBe(1);
      expect(result.stderr).toBe(`export: cannot write ${join(dir, out)}: ${reason}\n`);
    }
    expect(readFileSync(join(dir, "notes.md"), "utf8")).toBe("mine\n");
  });
});
