// Each article's own files (articles/, rows/, text/<id>.json), published as its record arrives, and what
// the corpus-wide files gather from its view.
import { createHash } from "node:crypto";
import type { loadResources } from "../pipeline/analyze-corpus.ts";
import type { compareVoices } from "../compare/compare-voices.ts";
import { CodingFrameBuilder } from "../compare/coding-frame.ts";
import type { ExerciseArticle } from "../compare/exercise-sets.ts";
import { groupValues } from "../compare/groupings.ts";
import { KeynessBuilder } from "../compare/keyness-lists.ts";
import { defaultCode, type CodingTask } from "../portable/coding.ts";
import type { ArticleRecord } from "../schema/record.ts";
import type { ArticleSummary, VoiceRow } from "../schema/site-outputs.ts";
import { articleViews, type ArticleView } from "./article-view.ts";
import { SpilledLines } from "./spilled-lines.ts";
import { ByteFile } from "../common/byte-file.ts";
import { ClosedTextIndex } from "./leak-check.ts";
import { closedView, publishedArticle, unorderedWords, type PublishedArticle } from "./public-build.ts";
import { SearchIndexBuilder } from "./search-index.ts";
import { CorpusHash } from "./corpus-hash.ts";
import type { ProfileArticle } from "../compare/outlet-profiles.ts";
import { ReuseFinder } from "../reuse/find-reuse.ts";
import { reuseArticle } from "./reuse-input.ts";
import type { PublishOptions, SiteFiles } from "./site-files.ts";

/** What publishRecords gathers from the records, one article at a time, for the corpus-wide files. */
export interface Gathered {
  readonly summary: ArticleSummary[];
  /** The keyword-in-context lines, their JSON on disk. */
  readonly concordance: SpilledLines;
  readonly checkedRecords: ArticleRecord[];
  readonly voiceArticles: Parameters<typeof compareVoices>[0][number][];
  readonly voices: VoiceRow[];
  readonly search: SearchIndexBuilder;
  readonly keyness: KeynessBuilder;
  readonly coding: CodingFrameBuilder;
  readonly exerciseArticles: Map<string, ExerciseArticle>;
  /** In a public build, what public.json says of each article (else empty). */
  readonly published: PublishedArticle[];
  /** In a public build, the closed articles' runs of words, to keep codebook examples quoting them out. */
  readonly closedText: ClosedTextIndex;
  /** Each article's summary, tone facts and voices, for the outlet profiles and co-occurrence: the facts on disk, in `profileFacts`. */
  readonly profiles: ProfileArticle[];
  /** The profiles' facts as JSON, read back whenever asked for (SpilledProfile); dispose() once published. */
  readonly profileFacts: ByteFile;
  /** Copies and reused paragraphs, found as the articles arrive. */
  readonly reuse: ReuseFinder;
  /** The corpus's fingerprint: every article's input hash, in id order. */
  corpusSha: string;
}

/**
 * Publishes each article's own files (its record, rows and text) as its record arrives, and gathers what
 * the corpus-wide files need from its view: its summary, concordance lines, voices, words for the search
 * index and keyness lists, its coding units, and the full record of a hand-checked article.
 */
export async function publishArticles(
  files: SiteFiles,
  records: AsyncIterable<string | Buffer>,
  options: PublishOptions,
  resources: ReturnType<typeof loadResources>,
  settings: {
    readonly tasks: readonly CodingTask[];
    readonly checked: ReadonlySet<string>;
    readonly exerciseIds: ReadonlySet<string>;
  },
): Promise<Gathered> {
  const gathered = emptyGathered(settings.tasks);
  // The corpus's fingerprint: every article's input hash, in id order (records arrive in id order).
  const corpusHash = new CorpusHash();
  const viewOf = articleViews(options.recordsFolder ? null : (options.cacheFolder ?? null), {
    en: { negativeWeight: resources.sentiment.rules.en.negativeSentenceWeight },
    nl: { negativeWeight: resources.sentiment.rules.nl.negativeSentenceWeight },
  });
  for await (const line of records) {
    // A record as UTF-8 bytes (as the cache holds it), published as it is.
    const json = typeof line === "string" ? Buffer.from(line) : line;
    const sha256 = createHash("sha256").update(json).digest("hex");
    const view = publishArticle(files, gathered, { json, sha256, full: viewOf(json, sha256) }, options, settings);
    corpusHash.add(view.input);
  }
  gathered.corpusSha = corpusHash.digest().sha256;
  return gathered;
}

/** Nothing gathered yet. */
function emptyGathered(tasks: readonly CodingTask[]): Gathered {
  return {
    summary: [],
    concordance: new SpilledLines(),
    checkedRecords: [],
    voiceArticles: [],
    voices: [],
    search: new SearchIndexBuilder(),
    keyness: new KeynessBuilder(),
    coding: new CodingFrameBuilder(tasks),
    exerciseArticles: new Map(),
    published: [],
    closedText: new ClosedTextIndex([]),
    profiles: [],
    profileFacts: new ByteFile("profile-facts"),
    reuse: new ReuseFinder(),
    corpusSha: "",
  };
}

/**
 * What a build publishes of one article, `full` its view: in a public build, a closed article's numbers, not
 * its text (data-loaders/publish/public-build.ts), whose words are remembered for the leak screening of
 * codebook examples. Returns the view published, and whether its text is.
 */
function shownView(
  gathered: Gathered,
  { json, full }: { readonly json: Buffer; readonly full: ArticleView },
  options: PublishOptions,
): { view: ArticleView; open: boolean } {
  const record = options.public ? (JSON.parse(json.toString()) as ArticleRecord) : null;
  const shown = record && publishedArticle(record, options.public!);
  if (shown) gathered.published.push(shown);
  const open = !shown || shown.open;
  if (open) return { view: full, open };
  const title = record!.meta.title ? [record!.meta.title] : [];
  gathered.closedText.add({ id: full.summary.id, language: record!.language, text: record!.text, published: title });
  return { view: closedView(full, options.public!), open };
}

/** Publishes one article's own files and gathers what the corpus-wide files need of it; returns its view. */
function publishArticle(
  files: SiteFiles,
  gathered: Gathered,
  article: { readonly json: Buffer; readonly sha256: string; readonly full: ArticleView },
  options: PublishOptions,
  settings: Parameters<typeof publishArticles>[4],
): ArticleView {
  const { json, sha256, full } = article;
  const id = full.summary.id;
  const { view, open } = shownView(gathered, article, options);
  if (open) files.record(`articles/${id}.json`, json, sha256);
  files.articleJson(`rows/${id}.json`, view.rowsJson);
  if (open) files.articleJson(`text/${id}.json`, view.textJson);
  // Each sentence's folded words, found once (and cached) for the search index and the keyness lists; of a
  // closed article, the index keeps how often it has each word, the keyness lists no two-word phrase.
  const words = open ? view.words : unorderedWords(view.words);
  gathered.search.add(gathered.summary.length, view.words, !open);
  // Coding samples are drawn from open texts only: a closed article adds no units to a public build's frames.
  gathered.coding.add(open ? view.words.sentences.length : 0, open ? view.coding : []);
  if (settings.exerciseIds.has(id)) gathered.exerciseArticles.set(id, exerciseArticle(full));
  gathered.keyness.add({ language: view.summary.language, groups: groupValues(view.summary), words });
  // Reuse is found on the whole text, but only the public view's summary (no title taken from the text) is published.
  gathered.reuse.add(reuseArticle({ summary: view.summary, words: full.words, paragraphOf: full.paragraphOf }));
  gathered.summary.push(view.summary);
  for (const line of view.concordance) gathered.concordance.add(line);
  if (settings.checked.has(id)) gathered.checkedRecords.push(JSON.parse(json.toString()) as ArticleRecord);
  gathered.voiceArticles.push({ id, title: view.summary.title, outlets: view.outlets });
  for (const row of view.attributions) gathered.voices.push(row);
  const facts = Buffer.from(JSON.stringify(view.facts));
  const at = gathered.profileFacts.append(facts);
  gathered.profiles.push(new SpilledProfile(gathered.profileFacts, view.summary, view.attributions, at, facts.length));
  return view;
}

/**
 * An article as the outlet profiles and co-occurrence read it, its facts kept on disk as JSON (about 4 KB an
 * article in memory) and parsed whenever asked for: the views' cache stores them as the same JSON, so the
 * numbers are the same either way.
 */
class SpilledProfile implements ProfileArticle {
  constructor(
    private readonly file: ByteFile,
    readonly summary: ProfileArticle["summary"],
    readonly voices: ProfileArticle["voices"],
    private readonly at: number,
    private readonly length: number,
  ) {}

  get facts(): ProfileArticle["facts"] {
    return JSON.parse(this.file.read(this.at, this.length).toString()) as ProfileArticle["facts"];
  }
}

/** An article of a teachers' exercise set: its sentences and the pipeline's code for each task. */
function exerciseArticle(view: ReturnType<ReturnType<typeof articleViews>>): ExerciseArticle {
  const codes = new Map(view.coding);
  return {
    sentences: (JSON.parse(view.textJson.toString()) as { sentences: Array<[number, string]> }).sentences,
    code: (task, position) => codes.get(task.id)?.find(([at]) => at === position)?.[1] ?? defaultCode(task.kind),
  };
}
