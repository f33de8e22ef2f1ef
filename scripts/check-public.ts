/**
 * npm run check-public -- <site folder>: the leak check of a public build (data-loaders/publish/leak-check.ts).
 * Reads the corpus (CORPUS, default corpus/articles), remembers its closed articles' runs of words and
 * sentences, and scans every file of the built site (zip archives entry by entry). Prints one line per
 * file that shows closed text (the number of runs, the longest) and exits 1; prints one line and exits 0
 * when nothing leaks.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { parseCommandLine } from "./cli-args.ts";
import { filesBelow } from "./fetched-files.ts";
import { corpusPaths, readingOptions } from "../data-loaders/project-paths.ts";
import { indexCorpus, readIndexedArticle } from "../data-loaders/reading/read-corpus.ts";
import { CorpusValidationError } from "../data-loaders/reading/corpus-error.ts";
import { ClosedTextIndex, DEFAULT_LEAK_POLICY, findLeaks, type ClosedArticle } from "../data-loaders/publish/leak-check.ts";
import { publishedTexts } from "../data-loaders/publish/published-text.ts";
import { exceptionQuotes, publicSettings, publishedArticle } from "../data-loaders/publish/public-build.ts";

const USAGE = "usage: npm run check-public -- [<site folder>] [--run-words <n>] [--sentence-words <n>]";
const { values, positionals } = parseCommandLine(
  "check-public",
  USAGE,
  {
    allowPositionals: true,
    options: { "run-words": { type: "string" }, "sentence-words": { type: "string" } },
  },
  `
Fails (exit 1) if any file of the built site shows a run of ${DEFAULT_LEAK_POLICY.runWords} or more consecutive words of a
closed article (one without an open licence, its own or the corpus default LICENCE) or a whole sentence of one of ${DEFAULT_LEAK_POLICY.minSentenceWords} words or more;
one line per file, with the run found. Declared titles are metadata and may be shown.
Settings: CORPUS and the other corpus variables of npm run build. Default folder: dist.
Example: PUBLISH=public BUILD_OUTPUT=/tmp/site npm run build && npm run check-public -- /tmp/site`,
);

/** A whole number of at least `least` from a flag, or exit 2 with one line. */
function count(flag: string, value: string | undefined, fallback: number, least: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (Number.isInteger(n) && n >= least) return n;
  process.stderr.write(`check-public: --${flag} must be a whole number of at least ${least}, not ${JSON.stringify(value)}\n`);
  process.exit(2);
}

/**
 * The sentences the site's exercises quote under a teacher's stated exception (exercises.json), by article:
 * published on purpose, so allowed, and counted in the report.
 */
function quotedInExercises(site: string): Map<string, string[]> {
  const folder = join(site, "_file", "data", "corpus");
  const name = statSync(folder, { throwIfNoEntry: false })
    ? readdirSync(folder).find((file) => /^exercises\.[0-9a-f]+\.json$/.test(file))
    : undefined;
  return name ? exceptionQuotes(JSON.parse(readFileSync(join(folder, name), "utf8"))) : new Map();
}

/**
 * The corpus's closed articles (no open licence of their own or by the corpus default, LICENCE), read one
 * at a time; their declared titles are published metadata, and so are the sentences in `quotes`.
 */
async function* closedArticles(quotes: ReadonlyMap<string, readonly string[]>): AsyncGenerator<ClosedArticle> {
  const paths = corpusPaths();
  const settings = publicSettings({ ...process.env, PUBLISH: "public" })!;
  for (const entry of await indexCorpus(paths.articles, readingOptions(paths))) {
    const article = readIndexedArticle(entry);
    if (publishedArticle(article, settings).open) continue;
    const published = [...(article.meta.title ? [article.meta.title] : []), ...(quotes.get(article.id) ?? [])];
    yield { id: article.id, language: article.language, text: article.text, published };
  }
}

/** A run as a reader recognises it: its first words, quoted. */
function quoted(words: readonly string[]): string {
  return `"${words.slice(0, 16).join(" ")}${words.length > 16 ? " …" : ""}"`;
}

try {
  if (positionals.length > 1) {
    process.stderr.write(`check-public: one site folder, not ${positionals.length}\n${USAGE}\n`);
    process.exit(2);
  }
  const site = resolve(positionals[0] ?? "dist");
  if (!statSync(site, { throwIfNoEntry: false })?.isDirectory()) {
    process.stderr.write(`check-public: ${site}: not a folder (build the site first)\n`);
    process.exit(2);
  }
  const policy = {
    runWords: count("run-words", values["run-words"], DEFAULT_LEAK_POLICY.runWords, 2),
    minSentenceWords: count("sentence-words", values["sentence-words"], DEFAULT_LEAK_POLICY.minSentenceWords, 1),
  };
  const articles: ClosedArticle[] = [];
  const quotes = quotedInExercises(site);
  for await (const article of closedArticles(quotes)) articles.push(article);
  const index = new ClosedTextIndex(articles, policy);
  const files = filesBelow(site)
    .map((file) => relative(site, file))
    .sort();
  let leaking = 0;
  for (const file of files)
    for (const { file: name, text } of publishedTexts(file, readFileSync(join(site, file)))) {
      const runs = findLeaks(index, text);
      if (!runs.length) continue;
      leaking++;
      const longest = runs.reduce((a, b) => (b.words.length > a.words.length ? b : a));
      process.stdout.write(
        `${name}: ${runs.length} run${runs.length > 1 ? "s" : ""} of closed text, the longest ${longest.words.length} words: ${quoted(longest.words)}\n`,
      );
    }
  const exceptions = [...quotes.values()].flat().length;
  const allowed = exceptions
    ? `; ${exceptions} sentence${exceptions > 1 ? "s" : ""} quoted under a stated exception (exercises.json) allowed`
    : "";
  const scanned = `${files.length} files against ${articles.length} closed articles (runs of ${policy.runWords} words, sentences of ${policy.minSentenceWords} or more)${allowed}`;
  if (leaking) {
    process.stderr.write(`check-public: ${leaking} published texts show closed article text; scanned ${scanned}\n`);
    process.exit(1);
  }
  process.stdout.write(`check-public: no closed text found; scanned ${scanned}\n`);
} catch (error) {
  if (!(error instanceof CorpusValidationError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(1);
}
