// Every command a user runs answers --help (what it does, its flags and settings, an example) on stdout with
// exit 0 before doing any work, and an unknown flag with one line and the usage, exit 2, no stack trace
// (issue 36 item 4). The commands are package.json's scripts but the project's own checks, and the scripts
// the docs tell a user to run with `npx tsx scripts/<name>.ts`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { runCommand, runTsx } from "../commands.ts";

/** Scripts that are the project's checks, not commands a user runs with flags. */
const CHECKS = new Set(["typecheck", "pretest", "test", "lint", "format"]);
const scripts = Object.keys((JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { scripts: object }).scripts)
  .filter((name) => !CHECKS.has(name))
  .sort();
/** Commands run as `npx tsx scripts/<name>.ts` (docs/command-line.md, docs/validation.md, docs/performance.md). */
const DIRECT = [
  "code-lengths",
  "compare-attribution-designs",
  "compare-tone-designs",
  "page-downloads",
  "tone-speed",
  "write-synthetic-corpus",
];

/** How a user runs a command, what its usage line starts with, and the name its one-line errors start with. */
const commands = [
  ...scripts.map((name) => ({
    name,
    run: (...args: string[]) => runCommand("npm", ["run", "-s", name, "--", ...args]),
    usage: `npm run ${name}`,
  })),
  ...DIRECT.map((name) => ({
    name,
    // What `npx tsx` runs, without its second Node process (test/commands.ts).
    run: (...args: string[]) => runTsx(join("scripts", `${name}.ts`), args),
    usage: `npx tsx scripts/${name}.ts`,
  })),
];
const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\:]/g, "\\$&");

describe.concurrent("every command's --help", () => {
  it("is the commands a user runs", () => {
    expect(scripts).toEqual(expect.arrayContaining(["analyze", "build", "dev", "export", "serve", "validate", "fit:tone", "bench"]));
  });
  for (const { name, run, usage } of commands) {
    it(`${usage} -- --help says what it does, with an example, exit 0 and nothing on stderr`, async () => {
      const result = await run("--help");
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^usage: ${escaped(usage)}`));
      expect(result.stdout.trim().split("\n").length, result.stdout).toBeGreaterThanOrEqual(3);
      expect(result.stdout, result.stdout).toMatch(/\nExample: /);
      expect(result.stderr).toBe("");
    });
    it(`${usage} answers an unknown flag with one line and the usage, exit 2, no stack trace`, async () => {
      const result = await run("--no-such-flag");
      expect(result.status, result.stderr).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(new RegExp(`^${escaped(name)}: .*--no-such-flag.*\\nusage: `));
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
