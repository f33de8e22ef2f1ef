// Every command a user runs answers --help (what it does, its flags and settings, an example) on stdout with
// exit 0 before doing any work, and an unknown flag with one line and the usage, exit 2, no stack trace
// (issue 36 item 4). The commands are package.json's scripts but the project's own checks.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { runCommand } from "../helpers.ts";

/** Scripts that are the project's checks, not commands a user runs with flags. */
const CHECKS = new Set(["typecheck", "pretest", "test", "lint", "format"]);
/** Commands whose other flags go on to Framework (`observable build`, `observable preview`). */
const PASSES_FLAGS_ON = new Set(["build", "dev"]);
const scripts = Object.keys((JSON.parse(readFileSync(join(PROJECT_ROOT, "package.json"), "utf8")) as { scripts: object }).scripts)
  .filter((name) => !CHECKS.has(name))
  .sort();

describe.concurrent("every command's --help", () => {
  it("is the commands a user runs", () => {
    expect(scripts).toEqual(expect.arrayContaining(["analyze", "build", "dev", "export", "serve", "validate", "fit:tone", "bench"]));
  });
  for (const name of scripts) {
    it(`npm run ${name} -- --help says what it does, with exit 0 and nothing on stderr`, async () => {
      const result = await runCommand("npm", ["run", "-s", name, "--", "--help"]);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toMatch(new RegExp(`^usage: (npm run ${name.replace(":", "\\:")}|npx tsx )`));
      expect(result.stdout.trim().split("\n").length, result.stdout).toBeGreaterThanOrEqual(3);
      expect(result.stderr).toBe("");
    });
    if (PASSES_FLAGS_ON.has(name)) continue;
    it(`npm run ${name} answers an unknown flag with one line and the usage, exit 2, no stack trace`, async () => {
      const result = await runCommand("npm", ["run", "-s", name, "--", "--no-such-flag"]);
      expect(result.status).toBe(2);
      expect(result.stdout).toBe("");
      expect(result.stderr).toMatch(new RegExp(`^${name.replace(":", "\\:")}: .*--no-such-flag.*\\nusage: `));
      expect(result.stderr).not.toMatch(/\n\s+at /);
    });
  }
});
