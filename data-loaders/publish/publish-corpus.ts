import { join } from "node:path";
import { openRecordCache } from "../pipeline/record-cache.ts";
import { codeFingerprint } from "../pipeline/analysis-stamp.ts";
import { codebookStamps } from "../pipeline/analyze-article.ts";
import { loadResources } from "../pipeline/analyze-corpus.ts";
import { checkCodebooksInUse } from "../pipeline/codebook-examples.ts";
import { ARTICLES_PER_WORKER, analyzeInOrder } from "../pipeline/analyze-parallel.ts";
import { indexCorpus } from "../reading/read-corpus.ts";
import { exercisesForRecords } from "../pipeline/shard-manifest.ts";
import { openShardSet } from "../pipeline/shard-set.ts";
import { CorpusValidationError } from "../reading/corpus-error.ts";
import { comparisonOf } from "../compare/compare-frames.ts";
import { toneComparison } from "../compare/compare-tone.ts";
import { bootstrapInput, bootstrapTables } from "../compare/bootstrap-tables.ts";
import { bootstrapThread, type BootstrapThread } from "../compare/bootstrap-thread.ts";
import { compareHandCheck, handCheckArticles } from "../compare/hand-check.ts";
import { codingTasks, LEXICON_TONE_BOUNDS } from "../compare/coding-frame.ts";
import { resolveExerciseSets } from "../compare/exercise-sets.ts";
import { readingOptions, type CorpusPaths } from "../project-paths.ts";
import { readExerciseSets, readHandCheck, readSentimentValidation } from "../pipeline/read-data-files.ts";
import type { ArticleRecord } from "../schema/record.ts";
import type { ArticleSummary } from "../schema/site-outputs.ts";
import { actorsView, codebookView, speechCuesView } from "./codebook-view.ts";
import { publishPublicArticles, quotedItems, teachableSets, withoutClosedQuotes, withoutClosedText } from "./public-build.ts";
import { SiteFiles, type AddFile, type PublishOptions } from "./site-files.ts";
import { publishArticles, type Gathered } from "./article-files.ts";
import { publishConcordance, publishKeyness, publishVoices } from "./list-files.ts";
import { publishCoding } from "./coding-files.ts";
import { publishOutlets } from "./publish-outlets.ts";
import { coOccurrence } from "../compare/co-occurrence.ts";
import { filterIndex } from "./filter-index.ts";
import { indexFiles } from "./index-files.ts";
import { publishSearchIndex } from "./search-index.ts";

/** The zip's folders whose files pages fetch by name rather than load with FileAttachment. */
export const FETCHED_FOLDERS: readonly string[] = [
  "index",
  "filter",
  "articles",
  "rows",
  "text",
  "concordance",
  "voices",
  "search",
  "keyness",
  "coding",
  "public",
  "outlets",
];

/**
 * Analyses a corpus once and hands every file the site publishes to `add(name, text)`, in a fixed order.
 * Fetched by a page when it shows an article or a page of a long list (written as they are analysed, or
 * once the corpus is read):
 *   index/<page>.json          the corpus index, 100 articles a page in id order, stored by column
 *   filter/<k>.json            the article filter's index: the articles having each word of their listed fields, each facet
 *   articles/<id>.json         the full analysis record of one article (the CLI's record)
 *   rows/<id>.json             what the pages show of one article: overview row, tone interval, actor tone, voices
 *   concordance/<kind>/<category>/<page>.json   keyword-in-context lines, 400 per page
 *   voices/<faceless|framed>/<page>.json        attributions to faceless voices / in framed sentences, 200 per page
 *   text/<id>.json             an article's searchable sentences, for the search page's keyword-in-context lines
 *   search/<shard>.json        the full-text index: postings of a run of words in code-unit order, about 64 KB a shard
 *   public/articles/<page>.json  a public build's licence, URL and text hash of the articles of index/<page>.json
 *   search/c/<j>_<k>.json      chunk k of a word whose postings pass 64 KB, split by article (its shard holds a header)
 *   coding/<task>.json         a coding task's sampling frame: the units the pipeline coded, by code
 *   outlets/<k>.json           one outlet's profile; outlets/<kind>/<category>.json: one frame or device across outlets
 * Loaded by the pages with FileAttachment (corpus-wide, small at any corpus size):
 *   index.json                 the corpus index's manifest: its pages' first ids, counts by language, source, provenance
 *   codebooks.json             the framing and devices codebooks, for the codebook page and the legends
 *   frames.json, devices.json  rates per group with bootstrap intervals, counts per term and form, concordance pages
 *   hand-check.json            the pipeline's output against the seed hand check
 *   sentiment-validation.json  the sentiment scorer's measured accuracy (npm run validate)
 *   tone.json                  tone by group, the camps and actors
 *   voices.json                who speaks: totals, speakers, the network of the most-quoting articles
 *   search.json                the full-text index's totals and shard names
 *   keyness.json               which keyness frequency lists there are (keyness/…, fetched by the Keywords page)
 *   coding.json                the coding tasks and the numbering of the units a coding sample is drawn from
 *   exercises.json             teachers' exercise sets, their sentences found in the corpus
 *   outlets.json               which outlets have a profile, and which frames and devices a file across outlets
 *   cooccurrence.json          frames and devices together within sentences and articles, with exact odds-ratio intervals
 *   reuse.json                 who republishes whom: copies and reused paragraphs, likely origins, the outlet network
 * Every file but the records opens with `build`: the analysis stamp and codebook stamps it was made with
 * (records carry the same as `analysis` and `codebooks`). Each file's schema is in
 * data-loaders/schema/site-outputs.ts. Only full records of the hand-checked articles are kept in memory;
 * everything else is a summary. `options` choose the threads and the record cache (the site's loader:
 * one thread per core and .cache/records; by default this thread alone and no cache), and where each
 * article's own files go (by default into the archive; `npm run build` has them written to its store of
 * fetched files instead: data-loaders/publish/fetched-store.ts).
 */
export async function publishCorpus(
  paths: CorpusPaths,
  add: (name: string, content: string | Buffer, level?: number) => void,
  options: PublishOptions = {
    workers: 1,
    cacheFolder: null,
  },
): Promise<{ articles: number; concordanceLines: number }> {
  const resources = loadResources(paths);
  // A codebook whose examples it misses, or whose counter-examples it finds, stops the build (file, entry, sentence);
  // one edited under an unchanged version is flagged in the build log (and on the Codebook page).
  for (const warning of checkCodebooksInUse(resources, paths)) process.stderr.write(`${warning}\n`);
  const stamps = { analysis: resources.analysis, codebooks: codebookStamps(resources) };
  // Records made elsewhere (`npm run analyze -- --shard K/N` on a cluster) are read instead of analysed,
  // after checking their manifests (every shard of one corpus there once, made by this build's code and
  // codebooks: pipeline/shard-set.ts) and each record's stamps: a site never mixes analyses or
  // misses a shard. The corpus folder is not read: the records hold each article's text and metadata.
  const index = options.recordsFolder ? null : await indexCorpus(paths.articles, readingOptions(paths));
  const shards = options.recordsFolder ? openShardSet(options.recordsFolder, { expected: stamps }) : null;
  const records = index ? analyzeInOrder(index, paths, resources, options) : stampedRecords(shards!.lines, JSON.stringify(stamps));
  if (shards?.checked) paths = await exercisesForRecords(paths, shards.checked.corpus);
  // With more than one worker and a corpus of many articles, the bootstrap tables (frames and devices
  // rates, tone means) are computed in a thread of their own while this one publishes everything else (the
  // same rows either way): started now, so that it has loaded by the time the tables are wanted (records
  // read from shards are counted first).
  const tables = {
    thread: null as BootstrapThread | null,
    wanted: (articles: number) => (options.workers ?? 1) > 1 && articles >= (options.articlesPerWorker ?? ARTICLES_PER_WORKER),
  };
  if (index && tables.wanted(index.length)) tables.thread = bootstrapThread();
  try {
    return await publishRecords(paths, add, options, resources, records, tables);
  } finally {
    await tables.thread?.close();
  }
}

export type { PublishOptions };

/** publishCorpus once its records are on their way: `tables` is the bootstrap tables' thread, if they have one. */
async function publishRecords(
  paths: CorpusPaths,
  add: AddFile,
  options: PublishOptions,
  resources: ReturnType<typeof loadResources>,
  records: AsyncIterable<string | Buffer>,
  tables: { thread: BootstrapThread | null; readonly wanted: (articles: number) => boolean },
): Promise<{ articles: number; concordanceLines: number }> {
  const stamp = { analysis: resources.analysis, codebooks: codebookStamps(resources) };
  // A public build says so in every file's stamp, with its policy: the pages read it there.
  const files = new SiteFiles(options.public ? { ...stamp, public: options.public } : stamp, add, options.articleFile);
  const handCheck = readHandCheck(paths.handCheck);
  const exerciseSets = paths.exercises ? readExerciseSets(paths.exercises) : [];
  const tasks = codingTasks(resources.framing, resources.devices);
  const gathered = await publishArticles(files, records, options, resources, {
    tasks,
    checked: new Set(handCheckArticles(handCheck)),
    exerciseIds: new Set(exerciseSets.flatMap((set) => set.items.map((item) => item.article))),
  });
  const { summary } = gathered;
  const closed = new Set(gathered.published.filter((a) => !a.open).map((a) => a.id));
  const bootstrapped = await startBootstrapTables(summary, resources, options, tables);
  const listed = publishConcordance(files, resources, gathered.concordance.lines);
  gathered.concordance.dispose();
  publishVoices(files, gathered);
  publishSearchIndex(files, gathered.search);
  files.json(
    "keyness.json",
    publishKeyness(gathered.keyness, (name, content) => files.fetched(name, content)),
  );
  const index = indexFiles(summary);
  for (const page of index.pages) files.fetched(`index/${page.page}.json`, page);
  const filter = filterIndex(summary);
  for (const shard of filter.shards) files.fetched(`filter/${shard.shard}.json`, shard);
  const filterManifest = { firstKeys: filter.firstKeys, bytes: filter.bytes };
  files.json("index.json", { corpus: { articles: summary.length, sha256: gathered.corpusSha }, ...index.manifest, filter: filterManifest });
  publishTeachingFiles(files, paths, resources, gathered, { handCheck, exerciseSets, tasks, closed });
  publishCoding(files, gathered, tasks, LEXICON_TONE_BOUNDS);
  if (options.public) publishPublicArticles(files, options.public, gathered.published, index.manifest.pageSize);
  files.json("sentiment-validation.json", readSentimentValidation(paths.sentimentValidation));
  files.json("reuse.json", { corpus: { articles: summary.length, sha256: gathered.corpusSha }, ...gathered.reuse.findings() });
  const computed = await bootstrapped();
  files.json("frames.json", comparisonOf(resources.framing, computed.frames, listed.get("frames")!));
  files.json("devices.json", comparisonOf(resources.devices, computed.devices, listed.get("devices")!));
  files.json("tone.json", toneComparison(resources.gazetteer, computed.tone));
  files.json(
    "outlets.json",
    publishOutlets(gathered.profiles, (name, content) => files.fetched(name, content)),
  );
  files.json(
    "cooccurrence.json",
    coOccurrence(gathered.profiles.map(({ summary, facts }) => ({ id: summary.id, sentences: summary.sentences, facts }))),
  );
  gathered.profileFacts.dispose();
  return { articles: summary.length, concordanceLines: gathered.concordance.lines.length };
}

/**
 * Starts the frames, devices and tone tables, in their own thread when `tables` wants one for this many
 * articles, and returns how to get them. Each group's bootstrap resamples are drawn once for the three;
 * with a record cache, each group's rows are kept in <cache>/groups/ and read back while its articles are
 * unchanged.
 */
async function startBootstrapTables(
  summary: readonly ArticleSummary[],
  resources: ReturnType<typeof loadResources>,
  options: PublishOptions,
  tables: { thread: BootstrapThread | null; readonly wanted: (articles: number) => boolean },
): Promise<() => Promise<ReturnType<typeof bootstrapTables>>> {
  const drawn = new Map<string, Uint8Array>();
  const keptAt =
    options.cacheFolder && !options.recordsFolder
      ? { folder: join(options.cacheFolder, "groups"), salt: codeFingerprint("compare/rate-statistics.ts") }
      : undefined;
  const kept = keptAt && { store: openRecordCache(keptAt.folder, keptAt.salt, { prune: true }), salt: keptAt.salt };
  if (!tables.thread && tables.wanted(summary.length)) tables.thread = bootstrapThread();
  const inThread = tables.thread ? await tables.thread.compute(summary, resources, keptAt) : null;
  return async () => (inThread ? await inThread() : bootstrapTables(bootstrapInput(summary, resources), { drawn, kept }));
}

/**
 * The files of the codebook page, the seed hand check and the exercises; a public build keeps closed texts
 * out of them: codebook examples quoting one, hand-check text, exercises but open texts and the sentences a
 * teacher marked quotable.
 */
function publishTeachingFiles(
  files: SiteFiles,
  paths: CorpusPaths,
  resources: ReturnType<typeof loadResources>,
  gathered: Gathered,
  course: {
    readonly handCheck: ReturnType<typeof readHandCheck>;
    readonly exerciseSets: ReturnType<typeof readExerciseSets>;
    readonly tasks: ReturnType<typeof codingTasks>;
    readonly closed: ReadonlySet<string>;
  },
): void {
  const { handCheck, exerciseSets, tasks, closed } = course;
  const codebooks = {
    stamps: files.build.codebooks,
    framing: codebookView(resources.framing),
    devices: codebookView(resources.devices),
    speechCues: speechCuesView(paths.speechCues),
    actors: actorsView(paths.actors),
  };
  files.json("codebooks.json", closed.size ? withoutClosedQuotes(codebooks, gathered.closedText) : codebooks);
  // A public build cuts the hand check's rows about any article it does not publish openly: the closed ones,
  // and the bundled seeds (licence unknown) when the corpus is another one, since the hand check quotes them.
  const open = new Set(gathered.published.filter((article) => article.open).map((article) => article.id));
  const uncheckedOut = files.build.public ? new Set(handCheckArticles(handCheck).filter((id) => !open.has(id))) : closed;
  files.json("hand-check.json", withoutClosedText(compareHandCheck(handCheck, gathered.checkedRecords), uncheckedOut));
  const exercises = resolveExerciseSets(
    teachableSets(exerciseSets, closed),
    new Map(tasks.map((t) => [t.id, t])),
    gathered.exerciseArticles,
  );
  if (exercises.errors.length) throw new CorpusValidationError(exercises.errors);
  files.json("exercises.json", { sets: quotedItems(exercises.sets, closed) });
}

/** Passes record lines through, failing on the first whose analysis or codebook stamps are not this build's. */
async function* stampedRecords(lines: AsyncGenerator<string>, expected: string): AsyncGenerator<string> {
  for await (const json of lines) {
    const record = JSON.parse(json) as Pick<ArticleRecord, "id" | "analysis" | "codebooks">;
    if (JSON.stringify({ analysis: record.analysis, codebooks: record.codebooks }) !== expected)
      throw new CorpusValidationError([
        {
          file: record.id,
          field: "analysis",
          message: `was made by analysis ${record.analysis?.version} (${record.analysis?.code?.slice(0, 12)}…) or other codebooks than this build's; analyse the corpus again with this checkout`,
        },
      ]);
    yield json;
  }
}
