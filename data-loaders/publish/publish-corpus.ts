import { createHash } from "node:crypto";
import { join } from "node:path";
import { openRecordCache } from "../pipeline/record-cache.ts";
import { codeFingerprint } from "../pipeline/analysis-stamp.ts";
import { codebookStamps } from "../pipeline/analyze-article.ts";
import { loadResources } from "../pipeline/analyze-corpus.ts";
import { ARTICLES_PER_WORKER, analyzeInOrder, type ParallelOptions } from "../pipeline/analyze-parallel.ts";
import { indexCorpus } from "../reading/read-corpus.ts";
import { readRecordShards } from "../reading/read-records.ts";
import { CorpusValidationError } from "../reading/corpus-error.ts";
import { comparisonOf, listConcordance, type ListedConcordance } from "../compare/compare-frames.ts";
import { toneComparison } from "../compare/compare-tone.ts";
import { bootstrapInput, bootstrapTables } from "../compare/bootstrap-tables.ts";
import { bootstrapThread, type BootstrapThread } from "../compare/bootstrap-thread.ts";
import { articleViews, type ViewLine } from "./article-view.ts";
import { compareHandCheck, handCheckArticles } from "../compare/hand-check.ts";
import { compareVoices, voicesByPeriod } from "../compare/compare-voices.ts";
import { actorsView, codebookView, speechCuesView } from "./codebook-view.ts";
import { SearchIndexBuilder } from "./search-index.ts";
import { GROUPINGS, groupValues } from "../compare/groupings.ts";
import { KEYNESS_MAX_GROUPS, KEYNESS_MIN_FREQUENCY, KeynessBuilder } from "../compare/keyness-lists.ts";
import { readingOptions, type CorpusPaths } from "../project-paths.ts";
import { ReuseFinder } from "../reuse/find-reuse.ts";
import { reuseArticle } from "./reuse-input.ts";
import { readExerciseSets, readHandCheck, readSentimentValidation } from "../pipeline/read-data-files.ts";
import { CodingFrameBuilder, codingTasks, toneClassBounds } from "../compare/coding-frame.ts";
import { resolveExerciseSets, type ExerciseArticle } from "../compare/exercise-sets.ts";
import { defaultCode, type CodingTask } from "../portable/coding.ts";
import type { ArticleRecord } from "../schema/record.ts";
import type { ArticleSummary, BuildStamp, PagedList, VoiceRow } from "../schema/site-outputs.ts";

/** The zip's folders whose files pages fetch by name rather than load with FileAttachment. */
export const FETCHED_FOLDERS: readonly string[] = ["articles", "rows", "text", "concordance", "voices", "search", "keyness", "coding"];

/**
 * Deflate level of the fetched files, the bulk of the zip: stored (0), not deflated, since deflating them
 * cost more than the rest of a rebuild and the site serves them uncompressed anyway.
 */
const FETCHED_LEVEL = 0;
const COMMA = Buffer.from(",");
const CLOSE_LINES = Buffer.from("]}");

/** Attributions per published page of the faceless and framed lists on Who speaks. */
const VOICE_LIST_PAGE_SIZE = 200;

/**
 * Analyses a corpus once and hands every file the site publishes to `add(name, text)`, in a fixed order.
 * Fetched by a page when it shows an article or a page of a long list (written as they are analysed, or
 * once the corpus is read):
 *   articles/<id>.json         the full analysis record of one article (the CLI's record)
 *   rows/<id>.json             what the pages show of one article: overview row, tone interval, actor tone, voices
 *   concordance/<kind>/<category>/<page>.json   keyword-in-context lines, 400 per page
 *   voices/<faceless|framed>/<page>.json        attributions to faceless voices / in framed sentences, 200 per page
 *   text/<id>.json             an article's searchable sentences, for the search page's keyword-in-context lines
 *   search/<shard>.json        the full-text index: postings of the words starting with the shard's two characters
 *   coding/<task>.json         a coding task's sampling frame: the units the pipeline coded, by code
 * Loaded by the pages with FileAttachment (corpus-wide, small at any corpus size):
 *   articles.json              the corpus index: one entry per article, stored by column
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
  const stampsNow = JSON.stringify({ analysis: resources.analysis, codebooks: codebookStamps(resources) });
  // Records made elsewhere (`npm run analyze -- --shard K/N` on a cluster) are read instead of analysed,
  // after checking that this build's code and codebooks made them: a site never mixes analyses.
  const index = options.recordsFolder ? null : await indexCorpus(paths.articles, readingOptions(paths));
  const records = index
    ? analyzeInOrder(index, paths, resources, options)
    : stampedRecords(readRecordShards(options.recordsFolder!), stampsNow);
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

/** publishCorpus's options (see there). */
export type PublishOptions = Pick<ParallelOptions, "workers" | "cacheFolder" | "articlesPerWorker"> & {
  readonly recordsFolder?: string | null;
  /**
   * Where each article's own files (articles/, rows/ and text/<id>.json) go instead of `add` (the same
   * bytes); for a record, with its SHA-256, computed once for its view and its file.
   */
  readonly articleFile?: (name: string, content: Buffer, sha256?: string) => void;
};

/** How publishCorpus hands a file to its caller: a name, the bytes or text, and a deflate level. */
type AddFile = (name: string, content: string | Buffer, level?: number) => void;

/** The writers of one build's files, each stamped with the build (see publishCorpus). */
class SiteFiles {
  /** An article's own files, their JSON (an object with at least one field) opened with the stamp. */
  private readonly stampOpening: Buffer;
  private readonly articleFile: (name: string, content: Buffer, sha256?: string) => void;

  constructor(
    readonly build: BuildStamp,
    private readonly add: AddFile,
    articleFile: PublishOptions["articleFile"],
  ) {
    this.stampOpening = Buffer.from(`{"build":${JSON.stringify(build)},`);
    this.articleFile = articleFile ?? ((name, content) => add(name, content, FETCHED_LEVEL));
  }

  /** A file pages load with FileAttachment (deflated). */
  json(name: string, content: object): void {
    this.add(name, JSON.stringify({ build: this.build, ...content }));
  }

  /** A file pages fetch by name: stamped like the others, stored rather than deflated. */
  fetched(name: string, content: object): void {
    this.add(name, JSON.stringify({ build: this.build, ...content }), FETCHED_LEVEL);
  }

  /** A concordance page, its lines' JSON as the views keep it: byte for byte JSON.stringify({ build, ...head, lines }). */
  lines(name: string, head: object, lines: readonly ViewLine[]): void {
    const parts: Buffer[] = [Buffer.from(`${JSON.stringify({ build: this.build, ...head }).slice(0, -1)},"lines":[`)];
    lines.forEach((line, i) => (i ? parts.push(COMMA, line.json) : parts.push(line.json)));
    parts.push(CLOSE_LINES);
    this.add(name, Buffer.concat(parts), FETCHED_LEVEL);
  }

  /** A record as it is (with its SHA-256, computed once for its view and its file). */
  record(name: string, json: Buffer, sha256: string): void {
    this.articleFile(name, json, sha256);
  }

  /** An article's rows or text, serialised already, stamped. */
  articleJson(name: string, json: Buffer): void {
    this.articleFile(name, Buffer.concat([this.stampOpening, json.subarray(1)]));
  }
}

/** What publishRecords gathers from the records, one article at a time, for the corpus-wide files. */
interface Gathered {
  readonly summary: ArticleSummary[];
  readonly concordance: ViewLine[];
  readonly checkedRecords: ArticleRecord[];
  readonly voiceArticles: Parameters<typeof compareVoices>[0][number][];
  readonly voices: VoiceRow[];
  readonly search: SearchIndexBuilder;
  readonly keyness: KeynessBuilder;
  readonly coding: CodingFrameBuilder;
  readonly exerciseArticles: Map<string, ExerciseArticle>;
  readonly reuse: ReuseFinder;
  /** The corpus's fingerprint: every article's input hash, in id order. */
  corpusSha: string;
}

/** publishCorpus once its records are on their way: `tables` is the bootstrap tables' thread, if they have one. */
async function publishRecords(
  paths: CorpusPaths,
  add: AddFile,
  options: PublishOptions,
  resources: ReturnType<typeof loadResources>,
  records: AsyncIterable<string | Buffer>,
  tables: { thread: BootstrapThread | null; readonly wanted: (articles: number) => boolean },
): Promise<{ articles: number; concordanceLines: number }> {
  const files = new SiteFiles({ analysis: resources.analysis, codebooks: codebookStamps(resources) }, add, options.articleFile);
  const handCheck = readHandCheck(paths.handCheck);
  const exerciseSets = paths.exercises ? readExerciseSets(paths.exercises) : [];
  const tasks = codingTasks(resources.framing, resources.devices);
  const toneBounds = toneClassBounds(resources.sentiment.newsThresholds);
  const gathered = await publishArticles(files, records, options, resources, {
    tasks,
    toneBounds,
    checked: new Set(handCheckArticles(handCheck)),
    exerciseIds: new Set(exerciseSets.flatMap((set) => set.items.map((item) => item.article))),
  });
  const { summary } = gathered;
  // Each group's bootstrap resamples, drawn once for the frames, devices and tone tables; with a record
  // cache, each group's rows are kept in <cache>/groups/ and read back while its articles are unchanged.
  const drawn = new Map<string, Uint8Array>();
  const keptAt =
    options.cacheFolder && !options.recordsFolder
      ? { folder: join(options.cacheFolder, "groups"), salt: codeFingerprint("compare/rate-statistics.ts") }
      : undefined;
  const kept = keptAt && { store: openRecordCache(keptAt.folder, keptAt.salt, { prune: true }), salt: keptAt.salt };
  if (!tables.thread && tables.wanted(summary.length)) tables.thread = bootstrapThread();
  const inThread = tables.thread ? await tables.thread.compute(summary, resources, keptAt) : null;
  const listed = publishConcordance(files, resources, gathered.concordance);
  publishVoices(files, gathered);
  const shards = gathered.search.shards();
  for (const { name, shard } of shards) files.fetched(`search/${name}.json`, shard);
  files.json("search.json", { ...gathered.search.totals(), shards: shards.map((s) => s.name) });
  files.json(
    "keyness.json",
    publishKeyness(gathered.keyness, (name, content) => files.fetched(name, content)),
  );
  files.json("articles.json", { corpus: { articles: summary.length, sha256: gathered.corpusSha }, ...articleIndex(summary) });
  files.json("codebooks.json", {
    stamps: files.build.codebooks,
    framing: codebookView(resources.framing),
    devices: codebookView(resources.devices),
    speechCues: speechCuesView(paths.speechCues),
    actors: actorsView(paths.actors),
  });
  files.json("hand-check.json", compareHandCheck(handCheck, gathered.checkedRecords));
  const exercises = resolveExerciseSets(exerciseSets, new Map(tasks.map((t) => [t.id, t])), gathered.exerciseArticles);
  if (exercises.errors.length) throw new CorpusValidationError(exercises.errors);
  files.json("exercises.json", { sets: exercises.sets });
  publishCoding(files, gathered, tasks, toneBounds);
  files.json("sentiment-validation.json", readSentimentValidation(paths.sentimentValidation));
  files.json("reuse.json", { corpus: { articles: summary.length, sha256: gathered.corpusSha }, ...gathered.reuse.findings() });
  const computed = inThread ? await inThread() : bootstrapTables(bootstrapInput(summary, resources), { drawn, kept });
  files.json("frames.json", comparisonOf(resources.framing, computed.frames, listed.get("frames")!));
  files.json("devices.json", comparisonOf(resources.devices, computed.devices, listed.get("devices")!));
  files.json("tone.json", toneComparison(resources.gazetteer, computed.tone));
  return { articles: summary.length, concordanceLines: gathered.concordance.length };
}

/**
 * Publishes each article's own files (its record, rows and text) as its record arrives, and gathers what
 * the corpus-wide files need from its view: its summary, concordance lines, voices, words for the search
 * index and keyness lists, its coding units, and the full record of a hand-checked article.
 */
async function publishArticles(
  files: SiteFiles,
  records: AsyncIterable<string | Buffer>,
  options: PublishOptions,
  resources: ReturnType<typeof loadResources>,
  settings: {
    readonly tasks: readonly CodingTask[];
    readonly toneBounds: ReturnType<typeof toneClassBounds>;
    readonly checked: ReadonlySet<string>;
    readonly exerciseIds: ReadonlySet<string>;
  },
): Promise<Gathered> {
  const gathered: Gathered = {
    summary: [],
    concordance: [],
    checkedRecords: [],
    voiceArticles: [],
    voices: [],
    search: new SearchIndexBuilder(),
    keyness: new KeynessBuilder(),
    coding: new CodingFrameBuilder(settings.tasks),
    exerciseArticles: new Map(),
    reuse: new ReuseFinder(),
    corpusSha: "",
  };
  // The corpus's fingerprint: every article's input hash, in id order (records arrive in id order).
  const corpusHash = createHash("sha256");
  const { toneBounds } = settings;
  const viewOf = articleViews(options.recordsFolder ? null : (options.cacheFolder ?? null), {
    en: { negativeWeight: resources.sentiment.rules.en.negativeSentenceWeight, toneBounds: toneBounds.en },
    nl: { negativeWeight: resources.sentiment.rules.nl.negativeSentenceWeight, toneBounds: toneBounds.nl },
  });
  for await (const line of records) {
    // A record as UTF-8 bytes (as the cache holds it), published as it is.
    const json = typeof line === "string" ? Buffer.from(line) : line;
    const sha256 = createHash("sha256").update(json).digest("hex");
    const view = viewOf(json, sha256);
    const id = view.summary.id;
    files.record(`articles/${id}.json`, json, sha256);
    files.articleJson(`rows/${id}.json`, view.rowsJson);
    files.articleJson(`text/${id}.json`, view.textJson);
    // Each sentence's folded words, found once (and cached) for the search index and the keyness lists.
    const words = view.words;
    gathered.search.add(gathered.summary.length, words);
    gathered.coding.add(words.sentences.length, view.coding);
    if (settings.exerciseIds.has(id)) gathered.exerciseArticles.set(id, exerciseArticle(view));
    gathered.keyness.add({ language: view.summary.language, groups: groupValues(view.summary), words });
    gathered.reuse.add(reuseArticle(view));
    gathered.summary.push(view.summary);
    corpusHash.update(`${view.input}\n`);
    for (const line of view.concordance) gathered.concordance.push(line);
    if (settings.checked.has(id)) gathered.checkedRecords.push(JSON.parse(json.toString()) as ArticleRecord);
    gathered.voiceArticles.push({ id, title: view.summary.title, outlets: view.outlets });
    for (const row of view.attributions) gathered.voices.push(row);
  }
  gathered.corpusSha = corpusHash.digest("hex");
  return gathered;
}

/** An article of a teachers' exercise set: its sentences and the pipeline's code for each task. */
function exerciseArticle(view: ReturnType<ReturnType<typeof articleViews>>): ExerciseArticle {
  const codes = new Map(view.coding);
  return {
    sentences: (JSON.parse(view.textJson.toString()) as { sentences: Array<[number, string]> }).sentences,
    code: (task, position) => codes.get(task.id)?.find(([at]) => at === position)?.[1] ?? defaultCode(task.kind),
  };
}

/** Each codebook's concordance pages, returned as listed for its comparison (published once the tables are computed). */
function publishConcordance(
  files: SiteFiles,
  resources: ReturnType<typeof loadResources>,
  concordance: readonly ViewLine[],
): Map<"frames" | "devices", ListedConcordance<ViewLine>> {
  const listed = new Map<"frames" | "devices", ListedConcordance<ViewLine>>();
  for (const kind of ["frames", "devices"] as const) {
    const lineKind = kind === "frames" ? "frame" : "device";
    const list = listConcordance(
      kind === "frames" ? resources.framing : resources.devices,
      concordance.filter((l) => l.kind === lineKind),
    );
    for (const { category, page, first, lines } of list.pages)
      files.lines(`concordance/${kind}/${category}/${page}.json`, { category, page, first }, lines);
    listed.set(kind, list);
  }
  return listed;
}

/** voices.json, with the faceless voices and the voices in framed sentences published page by page. */
function publishVoices(files: SiteFiles, gathered: Gathered): void {
  const { voices } = gathered;
  const faceless = voices.filter((r) => r.type === "anonymous" || r.type === "unnamed-group").map((r) => ({ ...r, frame: null }));
  const framed = voices.flatMap((r) => r.frames.map((frame) => ({ ...r, frame })));
  files.json("voices.json", {
    ...compareVoices(gathered.voiceArticles, voices),
    periods: voicesByPeriod(gathered.summary, voices),
    faceless: publishPages(faceless, (page, rows) => files.fetched(`voices/faceless/${page}.json`, { list: "faceless", page, rows })),
    framed: publishPages(framed, (page, rows) => files.fetched(`voices/framed/${page}.json`, { list: "framed", page, rows })),
  });
}

/** coding.json (the tasks and the numbering of units) and each task's sampling frame. */
function publishCoding(
  files: SiteFiles,
  gathered: Gathered,
  tasks: readonly CodingTask[],
  toneBounds: ReturnType<typeof toneClassBounds>,
): void {
  files.json("coding.json", {
    corpus: { articles: gathered.summary.length, sha256: gathered.corpusSha },
    units: gathered.coding.unitCount(),
    firstUnits: gathered.coding.articleFirstUnits(),
    toneBounds,
    tasks: tasks.map((task) => ({ ...task, file: codingFile(task) })),
  });
  for (const { task, frame } of gathered.coding.frames())
    files.fetched(codingFile(task), {
      task: task.id,
      units: frame.units,
      coded: frame.coded.map(([code, units]) => [code, deltas(units)]),
    });
}

/** Where a coding task's sampling frame is published: coding/frame/<id>.json, coding/tone.json, … */
function codingFile(task: CodingTask): string {
  return `coding/${task.category ? `${task.kind}/${task.category}` : task.kind}.json`;
}

/** Ascending numbers as the first then the differences (smaller JSON). */
function deltas(units: readonly number[]): number[] {
  return units.map((unit, i) => (i ? unit - units[i - 1]! : unit));
}

/**
 * Publishes the frequency lists keyness is computed from (keyness/corpus-<language>.json and
 * keyness/<grouping>/<k>.json) and returns their manifest. Every grouping but the whole corpus and
 * language (keyness compares texts of one language).
 */
function publishKeyness(keyness: KeynessBuilder, write: (name: string, content: object) => void): object {
  const groupings = GROUPINGS.filter((g) => g.id !== "all" && g.id !== "language");
  const { corpus, groups } = keyness.lists(groupings.map((g) => g.id));
  for (const list of corpus) write(`keyness/corpus-${list.language}.json`, { grouping: null, group: null, lists: [list] });
  const manifest = groupings.map(({ id, label }) => {
    const own = groups.filter((g) => g.grouping === id);
    own.forEach((g, k) => write(`keyness/${id}/${k}.json`, { grouping: id, group: g.group, lists: g.lists }));
    return {
      id,
      label,
      groups: own.map((g) => ({
        group: g.group,
        articles: g.articles,
        languages: g.lists.map((l) => ({ language: l.language, articles: l.articles })),
      })),
    };
  });
  return {
    minFrequency: KEYNESS_MIN_FREQUENCY,
    maxGroups: KEYNESS_MAX_GROUPS,
    corpus: corpus.map((l) => ({ language: l.language, articles: l.articles, tokens: l.tokens, features: l.features.length })),
    groupings: manifest,
  };
}

/** Hands `items` to `write` in pages of VOICE_LIST_PAGE_SIZE and returns the list's manifest. */
function publishPages<T>(items: readonly T[], write: (page: number, rows: readonly T[]) => void): PagedList {
  const pages = Math.ceil(items.length / VOICE_LIST_PAGE_SIZE);
  for (let page = 0; page < pages; page++) write(page, items.slice(page * VOICE_LIST_PAGE_SIZE, (page + 1) * VOICE_LIST_PAGE_SIZE));
  return { count: items.length, pages, pageSize: VOICE_LIST_PAGE_SIZE };
}

/** The corpus index: the overview rows' fields as columns, articles in id order (see articleIndexFileSchema). */
function articleIndex(rows: readonly ArticleSummary[]): object {
  const coded = (values: ReadonlyArray<string | null>) => {
    const distinct = new Map<string | null, number>();
    const codes = values.map((value) => {
      if (!distinct.has(value)) distinct.set(value, distinct.size);
      return distinct.get(value)!;
    });
    return { values: [...distinct.keys()], codes };
  };
  return {
    count: rows.length,
    columns: {
      id: rows.map((r) => r.id),
      title: rows.map((r) => r.title),
      words: rows.map((r) => r.words),
      sentences: rows.map((r) => r.sentences),
      titleSource: coded(rows.map((r) => r.titleSource)),
      language: coded(rows.map((r) => r.language)),
      languageSource: coded(rows.map((r) => r.languageSource)),
      provenanceKind: coded(rows.map((r) => r.provenanceKind)),
      provenance: coded(rows.map((r) => r.provenance)),
      outlet: coded(rows.map((r) => r.outlet)),
      sourceName: coded(rows.map((r) => r.sourceName)),
      sourceBasis: coded(rows.map((r) => r.sourceBasis)),
      author: coded(rows.map((r) => r.author)),
      published: coded(rows.map((r) => r.published)),
      frameIds: coded(rows.map((r) => Object.keys(r.frames).join(" "))),
    },
  };
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
