import { dirname, isAbsolute, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { CorpusValidationError } from "./reading/corpus-error.ts";

/**
 * The repository root (the folder above data-loaders/). Computed from the module's file URL as a string:
 * under jsdom the global URL class is jsdom's, which Node's fileURLToPath would reject.
 */
export const PROJECT_ROOT = dirname(dirname(fileURLToPath(import.meta.url)));

/** The data files a run reads, and how large one article may be. */
export interface CorpusPaths {
  /** Folder of Markdown articles, a `.md` file, or a `.jsonl` file. */
  readonly articles: string;
  readonly boilerplate: string;
  readonly framing: string;
  readonly devices: string;
  readonly speechCues: string;
  readonly handCheck: string;
  readonly sentimentRules: string;
  /** The fitted Dutch news-tone model (`TONE_WEIGHTS`), `npm run fit:tone`: Dutch news sentences are scored with it. */
  readonly toneWeights: string;
  /**
   * The learned attribution model (`ATTRIBUTION_MODEL`): cue detector and speaker ranker, `npm run
   * fit:attribution`; {@link RULES_ONLY_MODEL} for the speech-cue lists and speaker sieves alone.
   */
  readonly attributionModel: string;
  readonly sentimentValidation: string;
  readonly actors: string;
  readonly outlets: string;
  /**
   * Folder of teachers' exercise sets (`EXERCISES`): one YAML file per set; a missing folder means none. Sets
   * name articles, so they belong to a corpus: the bundled sets go with the bundled corpus only, and another
   * corpus (`CORPUS`) has none unless `EXERCISES` names its folder (null).
   */
  readonly exercises: string | null;
  /** The largest article body accepted, in UTF-8 bytes (`MAX_ARTICLE_BYTES`); a larger one is an error. */
  readonly maxArticleBytes: number;
  /**
   * Which column or field of an imported corpus holds which article field (`CORPUS_MAP`, `field=column`
   * separated by commas, as `--map`; reading/import-fields.ts); empty for the default column names alone. A
   * list, not a string, so that nothing takes it for a path to watch or fingerprint as a file.
   */
  readonly fieldMap: readonly string[];
  /** Leave out, and list, articles in languages the pipeline does not analyse (`SKIP_UNSUPPORTED=1`) instead of failing. */
  readonly skipUnsupported: boolean;
}

/** How the corpus of `paths` is read: what indexCorpus (reading/read-corpus.ts) is given. */
export function readingOptions(paths: CorpusPaths) {
  return { maxArticleBytes: paths.maxArticleBytes, fieldMap: paths.fieldMap.join(","), skipUnsupported: paths.skipUnsupported };
}

/** Reads an on/off setting ("1", "true", "yes" or "0", "false", "no"; unset is off); anything else is a located error. */
export function switchSetting(value: string | undefined, name: string): boolean {
  const written = (value ?? "").trim().toLowerCase();
  if (["", "0", "false", "no", "off"].includes(written)) return false;
  if (["1", "true", "yes", "on"].includes(written)) return true;
  throw new CorpusValidationError([{ file: name, field: "setting", message: `must be 1 or 0, not ${JSON.stringify(value)}` }]);
}

/** `ATTRIBUTION_MODEL=rules-only`: attribute English as Dutch, with the lists and sieves alone (no learned model). */
export const RULES_ONLY_MODEL = "rules-only";

/** The default limit on one article's body: far above any news article, low enough to refuse a dump. */
export const DEFAULT_MAX_ARTICLE_BYTES = 16 * 1024 * 1024;

/** Reads an article size limit ("16777216"); unset means the default. Anything else is a located error. */
export function articleSizeLimit(value: string | undefined, name = "MAX_ARTICLE_BYTES"): number {
  if (value === undefined || value === "") return DEFAULT_MAX_ARTICLE_BYTES;
  const bytes = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(bytes) || bytes < 1) {
    throw new CorpusValidationError([
      { file: name, field: "setting", message: `must be a whole number of bytes, not ${JSON.stringify(value)}` },
    ]);
  }
  return bytes;
}

/**
 * Where the articles and data files are: the bundled corpus unless the environment names others
 * (`CORPUS` for the articles, `BOILERPLATE_PATTERNS`, `FRAMING_CODEBOOK`, `DEVICES_CODEBOOK`, `SPEECH_CUES`,
 * `HAND_CHECK`, `SENTIMENT_RULES`, `TONE_WEIGHTS`, `ATTRIBUTION_MODEL`, `ACTORS_GAZETTEER`, `OUTLETS_GAZETTEER`, `EXERCISES`
 * for the data files; `CORPUS_MAP` and `SKIP_UNSUPPORTED` for how the articles are read); relative paths are taken from the current folder). The CLI's flags override these;
 * the site build reads only the environment.
 */
export function corpusPaths(env: Readonly<Record<string, string | undefined>> = process.env): CorpusPaths {
  const pick = (value: string | undefined, fallback: string) =>
    value ? (isAbsolute(value) ? value : resolve(value)) : join(PROJECT_ROOT, fallback);
  return {
    articles: pick(env.CORPUS, "corpus/articles"),
    boilerplate: pick(env.BOILERPLATE_PATTERNS, "corpus/patterns/boilerplate.yaml"),
    framing: pick(env.FRAMING_CODEBOOK, "corpus/codebooks/framing.yaml"),
    devices: pick(env.DEVICES_CODEBOOK, "corpus/codebooks/devices.yaml"),
    speechCues: pick(env.SPEECH_CUES, "corpus/codebooks/speech-cues.yaml"),
    handCheck: pick(env.HAND_CHECK, "corpus/checks/seed-hand-check.yaml"),
    sentimentRules: pick(env.SENTIMENT_RULES, "corpus/lexicons/sentiment-rules.yaml"),
    toneWeights: pick(env.TONE_WEIGHTS, "corpus/models/dutch-news-tone.json"),
    attributionModel:
      env.ATTRIBUTION_MODEL === RULES_ONLY_MODEL ? RULES_ONLY_MODEL : pick(env.ATTRIBUTION_MODEL, "corpus/models/attribution.json"),
    sentimentValidation: join(PROJECT_ROOT, "corpus/checks/sentiment-validation.json"),
    actors: pick(env.ACTORS_GAZETTEER, "corpus/gazetteers/actors.yaml"),
    outlets: pick(env.OUTLETS_GAZETTEER, "corpus/gazetteers/outlets.yaml"),
    exercises: env.EXERCISES || !env.CORPUS ? pick(env.EXERCISES, "corpus/exercises") : null,
    maxArticleBytes: articleSizeLimit(env.MAX_ARTICLE_BYTES),
    fieldMap: env.CORPUS_MAP ? [env.CORPUS_MAP] : [],
    skipUnsupported: switchSetting(env.SKIP_UNSUPPORTED, "SKIP_UNSUPPORTED"),
  };
}
