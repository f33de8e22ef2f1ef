/**
 * What `npm run bench` prints: one line per measure for a reader, then the JSON line (scripts/bench.ts).
 */
import { CEILING_ARTICLES, type ThreadCeiling } from "./thread-ceiling.ts";
import type { SiteBench } from "./site-bench.ts";

const round = (value: number, digits = 0) => Number(value.toFixed(digits));

/** The bench's result as bench.ts assembles it (rounded for the JSON line). */
export interface BenchResult {
  readonly articles: number;
  readonly tokens: number;
  readonly seed: number;
  readonly fullSeconds: number;
  readonly articlesPerSecond: number;
  readonly tokensPerSecond: number;
  readonly bareTokensPerSecond: number;
  readonly sbdOnlyTokensPerSecond: number;
  readonly pipelineReadDocTokensPerSecond: number;
  readonly ratio: number;
  readonly sbdOnlyRatio: number;
  readonly pipelineReadDocRatio: number;
  readonly peakRssMB: number;
  readonly workers: number;
  readonly parallelSeconds: number;
  readonly speedUp: number;
  readonly fullCpuSeconds: number;
  readonly parallelCpuSeconds: number;
  readonly ceiling: ThreadCeiling | null;
  readonly outputMB: number;
  readonly longArticles: ReadonlyArray<{ megabytes: number; words: number; seconds: number; microsecondsPerWord: number }>;
  readonly longWordSeconds: number;
  readonly speechDense: ReadonlyArray<{ text: string; words: number; microsecondsPerWord: number }>;
  readonly frontMatter: ReadonlyArray<{ keys: number; seconds: number; microsecondsPerKey: number }>;
  readonly reuse: ReadonlyArray<{ articles: number; seconds: number; microsecondsPerArticle: number; groups: number; pairs: number }>;
}

/** The unrounded times the cores-busy figures are computed from. */
export interface RawTimes {
  readonly fullSeconds: number;
  readonly fullCpuSeconds: number;
  readonly parallelSeconds: number;
  readonly parallelCpuSeconds: number;
}

/** Prints the analysis measures, a line each. */
export function printBench(result: BenchResult, raw: RawTimes): void {
  console.log(`synthetic corpus: ${result.articles} articles, ${result.tokens.toLocaleString("en")} tokens (seed ${result.seed})`);
  console.log(
    `full pipeline:    ${result.articlesPerSecond.toLocaleString("en")} articles/s, ${result.tokensPerSecond.toLocaleString("en")} tokens/s (${result.fullSeconds} s)`,
  );
  console.log(
    `bare readDoc:     ${result.bareTokensPerSecond.toLocaleString("en")} tokens/s (wink default pipeline); ${result.sbdOnlyTokensPerSecond.toLocaleString("en")} tokens/s with only sentence boundaries; ${result.pipelineReadDocTokensPerSecond.toLocaleString("en")} tokens/s as the pipeline calls it (sentence boundaries, and POS tags for English)`,
  );
  console.log(
    `ratio full/bare:  ${result.ratio} (default); ${result.sbdOnlyRatio} (sentence boundaries only); ${result.pipelineReadDocRatio} (as the pipeline calls it)`,
  );
  console.log(`peak RSS:         ${result.peakRssMB} MB (output ${result.outputMB} MB, streamed)`);
  console.log(
    `in parallel:      ${result.workers} threads (this one and ${result.workers - 1} workers), ${result.parallelSeconds} s (${round(result.articles / raw.parallelSeconds)} articles/s): ${result.speedUp}× one thread`,
  );
  console.log(
    `CPU time:         one thread's pass ${result.fullCpuSeconds} s in ${result.fullSeconds} s (${round(raw.fullCpuSeconds / raw.fullSeconds, 2)} cores); in parallel ${result.parallelCpuSeconds} s in ${result.parallelSeconds} s (${round(raw.parallelCpuSeconds / raw.parallelSeconds, 2)} cores)`,
  );
  const ceiling = result.ceiling;
  console.log(
    ceiling
      ? `thread ceiling:   ${ceiling.threads} warmed threads on the same ${ceiling.articles} articles each, side by side ${ceiling.togetherSeconds.join(" and ")} s, one alone ${ceiling.aloneSeconds.join(" and ")} s: ${ceiling.speedUp}× (the pool's ${result.speedUp}× is ${round((100 * result.speedUp) / ceiling.speedUp)}% of it)`
      : `thread ceiling:   not measured (one thread, or fewer than ${CEILING_ARTICLES} articles)`,
  );
  for (const row of result.longArticles) {
    console.log(
      `long article:     ${row.megabytes} MB, ${row.words.toLocaleString("en")} words in ${row.seconds} s: ${row.microsecondsPerWord} µs per word`,
    );
  }
  console.log(`long word:        a 200 KB run without white space in ${result.longWordSeconds} s`);
  for (const row of result.speechDense)
    console.log(
      `speech-dense:     ${row.text}, ${row.words.toLocaleString("en")} words in one sentence: ${row.microsecondsPerWord} µs per word`,
    );
  for (const row of result.frontMatter)
    console.log(
      `front matter:     ${row.keys.toLocaleString("en")} fields parsed in ${row.seconds} s: ${row.microsecondsPerKey} µs per field`,
    );
  for (const row of result.reuse)
    console.log(
      `reuse:            ${row.articles.toLocaleString("en")} articles in ${row.seconds} s: ${row.microsecondsPerArticle} µs per article (${row.groups} groups, ${row.pairs} pairs)`,
    );
}

/** Prints the site build's measures (`npm run bench -- --site N`). */
export function printSiteBench(site: SiteBench): void {
  console.log(
    [
      `site build:       ${site.articles} articles: ${site.coldSeconds} s cold, ${site.warmSeconds} s with the record cache, ${site.rebuildSeconds} s after adding a paragraph to one article (median of ${site.rebuildRuns.join(", ")} s; peak RSS ${site.peakRssMB} MB)`,
      ...(["cold", "warm", "rebuild"] as const).map((run) => {
        const p = site.phases[run];
        const label = run === "rebuild" ? "rebuild, median" : run;
        return `  ${label.padEnd(16)}${p ? `loader ${p.analysis} s, data files ${p.dataFiles} s, Framework ${p.framework} s, fetched files ${p.fetchedFiles} s` : "no timing line printed"}`;
      }),
    ].join("\n"),
  );
  console.log(
    `page data:        ${Object.entries(site.pageDataKB)
      .map(([page, kb]) => `${page} ${kb} KB`)
      .join(", ")}; site ${site.siteMB} MB in ${site.files} files`,
  );
  console.log(
    `search index:     ${site.search.indexMB} MB in ${site.search.shards} shards (largest ${site.search.largestShardKB} KB); ${site.search.queries
      .map((q) => `"${q.query}" ${q.hits} hits in ${q.ms} ms`)
      .join(", ")}`,
  );
}
