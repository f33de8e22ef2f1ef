import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { compareIds } from "../common/compare-ids.ts";
import { PROJECT_ROOT, type CorpusPaths } from "../project-paths.ts";
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

/**
 * A SHA-256 fingerprint of everything besides an article that can change its record: the analysis stamp
 * (version and code), the bytes of every data file the analysis reads (codebooks, speech cues, patterns,
 * sentiment rules, tone weights, gazetteers) and of package-lock.json (wink-nlp and its model move tokens).
 * The record cache keys each record by this and the article (record-cache.ts), so a change to any of them
 * reanalyses every article and nothing stale is ever served.
 */
export function readRunFingerprint(paths: CorpusPaths, root: string = PROJECT_ROOT): string {
  const hash = createHash("sha256").update(JSON.stringify(readAnalysisStamp(root)));
  const files: Array<[string, string]> = [
    ["boilerplate", paths.boilerplate],
    ["framing", paths.framing],
    ["devices", paths.devices],
    ["speechCues", paths.speechCues],
    ["sentimentRules", paths.sentimentRules],
    ["toneWeights", paths.toneWeights],
    ["actors", paths.actors],
    ["outlets", paths.outlets],
    ["lockfile", join(root, "package-lock.json")],
  ];
  for (const [name, file] of files) {
    hash.update(`\n${name}\n`);
    try {
      hash.update(readFileSync(file));
    } catch {
      // A missing optional file (tone weights) is part of the fingerprint as absent.
      hash.update("(absent)");
    }
  }
  return hash.digest("hex");
}
