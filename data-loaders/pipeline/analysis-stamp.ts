import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareIds } from "../common/compare-ids.ts";
import { PROJECT_ROOT } from "../project-paths.ts";
import type { AnalysisStamp } from "../schema/record.ts";

/** TypeScript source files below `folder` (relative paths with "/", code-unit order); dot-entries skipped. */
function sourceFiles(folder: string, prefix = ""): string[] {
  return readdirSync(join(folder, prefix), { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith("."))
    .sort((a, b) => compareIds(a.name, b.name))
    .flatMap((entry) => {
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) return sourceFiles(folder, path);
      return entry.isFile() && entry.name.endsWith(".ts") ? [path] : [];
    });
}

/**
 * The project's version (package.json) and a SHA-256 fingerprint of the analysis library's code: every
 * `.ts` file below data-loaders/, as its relative path and bytes, in code-unit order. Any edit to the
 * analysis code changes the fingerprint, so a record says exactly which code made it, even between
 * releases. Read once per process.
 * @example readAnalysisStamp() // { version: "0.7.0", code: "3f1c…" }
 */
export function readAnalysisStamp(root: string = PROJECT_ROOT): AnalysisStamp {
  const cached = stamps.get(root);
  if (cached) return cached;
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const library = join(root, "data-loaders");
  const hash = createHash("sha256");
  for (const file of sourceFiles(library))
    hash
      .update(`${file}\n`)
      .update(readFileSync(join(library, file)))
      .update("\n");
  const stamp = { version, code: hash.digest("hex") };
  stamps.set(root, stamp);
  return stamp;
}

const stamps = new Map<string, AnalysisStamp>();
