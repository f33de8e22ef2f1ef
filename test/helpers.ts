import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { analyzeArticle, type AnalysisResources } from "../data-loaders/pipeline/analyze-article.ts";
import { loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import { corpusPaths, PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import type { Article, ArticleRecord, Language } from "../data-loaders/schema/types.ts";

/** Writes `files` (relative path → content) into a fresh temporary folder and returns its path. */
export function writeCorpus(files: Readonly<Record<string, string | Uint8Array>>): string {
  const root = mkdtempSync(join(tmpdir(), "corpus-"));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  return root;
}

/** Runs `npm run analyze` equivalent (tsx scripts/analyze.ts) and returns its exit code and streams. */
export function runAnalyze(args: readonly string[], env: Readonly<Record<string, string>> = {}) {
  const result = spawnSync(join(PROJECT_ROOT, "node_modules", ".bin", "tsx"), [join(PROJECT_ROOT, "scripts", "analyze.ts"), ...args], {
    cwd: PROJECT_ROOT,
    encoding: "utf8",
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export const FIXTURE_CORPUS = join(PROJECT_ROOT, "test", "fixtures", "small-corpus");
export const FIXTURE_JSONL = join(PROJECT_ROOT, "test", "fixtures", "small-corpus.jsonl");
export const SEED_CORPUS = join(PROJECT_ROOT, "corpus", "articles");

let resources: AnalysisResources | null = null;

/** The bundled data files and wink-nlp, loaded once per test file. */
export function sharedResources(): AnalysisResources {
  resources ??= loadResources(corpusPaths({}));
  return resources;
}

/** Analyses `text` as an article with the bundled codebooks. */
export function analyzeText(text: string, language: Language = "en"): ArticleRecord {
  const article: Article = {
    id: "t",
    language,
    languageSource: "declared",
    text,
    meta: { title: null, outlet: null, published: null, url: null, author: null, provenance: { creditedAuthor: null, origin: [], summaryOf: [], translatedFrom: null, evidence: null }, source: "t.md", extra: {} },
  };
  return analyzeArticle(article, sharedResources());
}
