// Global setup of the browser project: builds the site of the bundled corpus into dist/ with the real
// `npm run build` (the cached analysis makes an unchanged rebuild quick), so that `vitest run` alone runs
// every test, and says so in TEST_BUNDLED_SITE. TEST_BUILD=off keeps the dist/ there is, for iterating on a
// browser test.
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { isBuiltSite } from "../scripts/site-output.ts";
import { runCommand } from "./commands.ts";

export default async function buildSite(): Promise<void> {
  if (process.env.TEST_BUILD === "off") return;
  const child = spawn("npm", ["run", "--silent", "build"], { cwd: PROJECT_ROOT, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
  const status = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (status !== 0) throw new Error(`npm run build failed (exit ${status}):\n${output}\n${stderr}`);
  // Tests of any project that need this very site (the bundled corpus, built now) find it here, in the
  // environment their workers inherit, instead of building it again (test/pipeline/shards.site.test.ts).
  process.env.TEST_BUNDLED_SITE = join(PROJECT_ROOT, "dist");
  process.stdout.write(`browser tests: dist/ built by npm run build. ${stderr.trim().split("\n").at(-1) ?? ""}\n`);
}

/**
 * The full site of the bundled corpus: the one the browser project's setup built for this run
 * (TEST_BUNDLED_SITE), or, when it did not (a project or file run on its own, TEST_BUILD=off), one built by
 * the first test that asks, in the run's temporary folder (test/temporary-folder.ts), and kept for the next
 * test of the same file (test/site/public-seeds.site.test.ts is the only one that asks). Tests that only read
 * that site take it from here instead of building the corpus again.
 */
export async function bundledSite(): Promise<string> {
  if (process.env.TEST_BUNDLED_SITE) return process.env.TEST_BUNDLED_SITE;
  const output = join(tmpdir(), "bundled-site");
  if (isBuiltSite(output)) return output;
  const built = await runCommand("npm", ["run", "build"], { BUILD_OUTPUT: output });
  if (built.status !== 0) throw new Error(`npm run build of the bundled corpus failed (exit ${built.status}):\n${built.stderr}`);
  return output;
}
