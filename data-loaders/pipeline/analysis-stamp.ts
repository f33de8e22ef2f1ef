import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { compareIds } from "../common/compare-ids.ts";
import { PROJECT_ROOT, type CorpusPaths } from "../project-paths.ts";
import type { AnalysisStamp } from "../schema/record.ts";

/** The modules that make a record: the analysis, the worker that runs it, and the record's serialisation. */
const RECORD_ENTRIES: readonly string[] = [
  "pipeline/analyze-corpus.ts",
  "pipeline/analyze-parallel.ts",
  "pipeline/analysis-worker.ts",
  "pipeline/record-json.ts",
];

/** A relative module specifier's targets in TypeScript source: `from "./x.ts"`, `import "./x.ts"`, `import("./x.ts")`, `new URL("./x.ts", …)`. */
const RELATIVE_IMPORT = /(?:\bfrom\s*|\bimport\s*\(?\s*|\bnew URL\(\s*)["'](\.{1,2}\/[^"']+\.ts)["']/g;

/**
 * The `.ts` files below `library` that `entries` (paths relative to it) import, directly or through each
 * other, entries included: relative paths with "/", in code-unit order. Package imports are left out (the
 * lockfile stands for them); a file outside `library` is left out too.
 */
export function moduleClosure(library: string, entries: readonly string[]): string[] {
  const seen = new Set<string>();
  const pending = [...entries];
  while (pending.length) {
    const file = pending.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(join(library, file), "utf8");
    for (const [, specifier] of source.matchAll(RELATIVE_IMPORT)) {
      const target = relative(library, resolve(library, dirname(file), specifier!))
        .split(sep)
        .join("/");
      if (!target.startsWith("..") && existsSync(join(library, target))) pending.push(target);
    }
  }
  return [...seen].sort(compareIds);
}

/** SHA-256 over `files` (relative to `library`) as path and bytes. */
function filesFingerprint(library: string, files: readonly string[]): string {
  const hash = createHash("sha256");
  for (const file of files)
    hash
      .update(`${file}\n`)
      .update(readFileSync(join(library, file)))
      .update("\n");
  return hash.digest("hex");
}

/**
 * The project's version (package.json) and a SHA-256 fingerprint of the code that makes a record: every
 * `.ts` file below data-loaders/ that the analysis, its worker or the record's serialisation import,
 * directly or not, as its relative path and bytes, in code-unit order. Any edit to that code changes the
 * fingerprint, so a record says exactly which code made it, even between releases; an edit to what only
 * publishes records (the site's tables, exports) does not, so it does not reanalyse the corpus. Read once
 * per process.
 * @example readAnalysisStamp() // { version: "0.7.0", code: "3f1c…" }
 */
export function readAnalysisStamp(root: string = PROJECT_ROOT): AnalysisStamp {
  const cached = stamps.get(root);
  if (cached) return cached;
  const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { version: string };
  const library = join(root, "data-loaders");
  const stamp = { version, code: filesFingerprint(library, moduleClosure(library, RECORD_ENTRIES)) };
  stamps.set(root, stamp);
  return stamp;
}

/**
 * A SHA-256 fingerprint of the modules below data-loaders/ that `entry` (relative to it) imports, directly
 * or not, itself included: what a cache of values computed by that code is keyed by.
 */
export function codeFingerprint(entry: string, root: string = PROJECT_ROOT): string {
  const library = join(root, "data-loaders");
  return filesFingerprint(library, moduleClosure(library, [entry]));
}

const stamps = new Map<string, AnalysisStamp>();

/**
 * A SHA-256 fingerprint of everything besides an article that can change its record: the analysis stamp
 * (version and code), the bytes of every data file the analysis reads (codebooks, speech cues, patterns,
 * sentiment rules, tone weights, the attribution model, gazetteers) and of package-lock.json (wink-nlp and its model move tokens).
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
    ["attributionModel", paths.attributionModel],
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
