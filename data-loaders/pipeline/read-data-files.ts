/**
 * Reads the data files that drive the analysers (boilerplate patterns, codebooks, speech cues, sentiment
 * rules and lexicons, gazetteers, the seed hand check, the published validation figures) and compiles each
 * with its stage's pure compiler. Every problem is reported located (file, field, message); a file that
 * cannot be read, is not UTF-8 or is not YAML is reported the same way.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parse as parseYaml } from "yaml";
import { compileBoilerplatePatterns, type BoilerplatePatterns } from "../reading/boilerplate-patterns.ts";
import { CorpusValidationError, type CorpusError } from "../reading/corpus-error.ts";
import { decodeUtf8 } from "../reading/parse-article.ts";
import { PROJECT_ROOT } from "../project-paths.ts";
import { compileCodebook, type Codebook } from "../terms/codebook.ts";
import { compileGazetteer, type Gazetteer } from "../terms/gazetteer.ts";
import { compileSentimentRules, type SentimentResources } from "../tone/score-sentiment.ts";
import { compileNewsToneModel, newsToneScorer, type NewsToneModel } from "../tone/news-tone-model.ts";
import { dutchLexicon, englishLexicon } from "../tone/sentiment-lexicons.ts";
import { compileOutlets, type OutletGazetteer } from "../voices/outlets.ts";
import { compileSpeechCues, type SpeechCues } from "../voices/speech-cues.ts";
import { compileAttributionModel, type AttributionModel } from "../voices/attribution-model.ts";
import { parseHandCheck, type HandCheck } from "../compare/hand-check.ts";
import { compileExerciseSet, type ExerciseSetInput } from "../compare/exercise-sets.ts";
import { compareIds } from "../common/compare-ids.ts";

/**
 * Reads a YAML data file and compiles it; throws one {@link CorpusValidationError} with every problem. The
 * compiler gets the parsed value, the file's bytes (for its SHA-256 stamp) and the file name for errors;
 * `compiled` picks the compiled value (null when there were errors) out of its result.
 */
function readCompiled<R extends { readonly errors: readonly CorpusError[] }, T>(
  file: string,
  compile: (value: unknown, bytes: Uint8Array, file: string) => R,
  compiled: (result: R) => T | null,
): T {
  const { value, bytes } = readYamlWithBytes(file);
  const result = compile(value, bytes, file);
  const out = compiled(result);
  if (out === null) throw new CorpusValidationError(result.errors);
  return out;
}

/** Reads, validates and compiles a boilerplate pattern file. */
export function readBoilerplatePatterns(file: string): BoilerplatePatterns {
  return readCompiled(
    file,
    (value, _bytes, name) => compileBoilerplatePatterns(value, name),
    (r) => r.patterns,
  );
}

/** Reads a codebook (framing or devices) and compiles it; errors name the file, the entry id and the reason. */
export function readCodebook(file: string, options: { requireTerms: boolean }): Codebook {
  return readCompiled(
    file,
    (value, bytes, name) => compileCodebook(value, bytes, name, options),
    (r) => r.codebook,
  );
}

/** Reads and compiles the speech-cue list. */
export function readSpeechCues(file: string): SpeechCues {
  return readCompiled(
    file,
    (value, bytes, name) => compileSpeechCues(value, bytes, name),
    (r) => r.speechCues,
  );
}

/** Reads and compiles the actor gazetteer. */
export function readGazetteer(file: string): Gazetteer {
  return readCompiled(
    file,
    (value, bytes, name) => compileGazetteer(value, bytes, name),
    (r) => r.gazetteer,
  );
}

/** Reads and compiles the outlet gazetteer. */
export function readOutlets(file: string): OutletGazetteer {
  return readCompiled(
    file,
    (value, bytes, name) => compileOutlets(value, bytes, name),
    (r) => r.gazetteer,
  );
}

/** Reads the seed hand check (corpus/checks/seed-hand-check.yaml). */
export function readHandCheck(file: string): HandCheck {
  return readCompiled(
    file,
    (value, _bytes, name) => parseHandCheck(value, name),
    (r) => r.handCheck,
  );
}

/**
 * Reads the sentiment rules file, the two published lexicons installed from the npm registry (VADER's
 * vader_lexicon.txt from vader-sentiment, Pattern's Dutch lexicon from @nlpjs/lang-nl) and, unless
 * `modelFile` is null (when it is being fitted), the Dutch news-tone model fitted on ecosent.
 */
export function readSentimentResources(rulesFile: string, modelFile: string | null): SentimentResources {
  const rules = readCompiled(
    rulesFile,
    (value, _bytes, name) => compileSentimentRules(value, name),
    (r) => r.rules,
  );
  // Resolve the lexicon packages from the project's own node_modules.
  const require = createRequire(join(PROJECT_ROOT, "package.json"));
  const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));
  const version = (name: string) =>
    (JSON.parse(readFileSync(join(packageDir(name), "package.json"), "utf8")) as { version: string }).version;
  const vader = readFileSync(join(packageDir("vader-sentiment"), "vader_lexicon.txt"), "utf8");
  const pattern = JSON.parse(readFileSync(join(packageDir("@nlpjs/lang-nl"), "src", "sentiment", "pattern_nl.json"), "utf8")) as Record<
    string,
    number
  >;
  const model = modelFile === null ? null : readNewsToneModel(modelFile);
  const nl = dutchLexicon(pattern, rules.nl.overrides);
  return {
    rules,
    lexicons: { en: englishLexicon(vader), nl },
    sources: {
      en: `VADER lexicon (vader-sentiment ${version("vader-sentiment")})`,
      nl: `CLiPS Pattern Dutch lexicon (@nlpjs/lang-nl ${version("@nlpjs/lang-nl")})`,
    },
    newsModel: model
      ? { scorer: newsToneScorer(model, nl, rules.nl), source: `${model.id} ${model.version}`, crossValidated: model.crossValidated }
      : null,
  };
}

/** Reads the fitted Dutch news-tone model (corpus/models/dutch-news-tone.json, `npm run fit:tone`). */
export function readNewsToneModel(file: string): NewsToneModel {
  const { model, errors } = compileNewsToneModel(readJson(file), file);
  if (!model) throw new CorpusValidationError(errors);
  return model;
}

/** Reads the learned attribution model (corpus/models/attribution.json, `npm run fit:attribution`). */
export function readAttributionModel(file: string): AttributionModel {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CorpusValidationError([{ file, field: "file", message: `cannot be read: ${(error as Error).message.split("\n")[0]}` }]);
  }
  const { model, errors } = compileAttributionModel(parseJson(bytes, file), bytes, file);
  if (!model) throw new CorpusValidationError(errors);
  return model;
}

/** Reads a JSON data file; a file that cannot be read or parsed is a located error. */
function readJson(file: string): unknown {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (error) {
    throw new CorpusValidationError([
      { file, field: "file", message: `cannot be read as JSON: ${(error as Error).message.split("\n")[0]}` },
    ]);
  }
  return parseJson(bytes, file);
}

/** Parses a data file's bytes as JSON; a parse error is a located error. */
function parseJson(bytes: Uint8Array, file: string): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch (error) {
    throw new CorpusValidationError([
      { file, field: "file", message: `cannot be read as JSON: ${(error as Error).message.split("\n")[0]}` },
    ]);
  }
}

/** Reads the published sentiment validation figures (written by `npm run validate -- --write`). */
export function readSentimentValidation(file: string): object {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as object;
  } catch (error) {
    throw new CorpusValidationError([{ file, field: "file", message: `cannot be read as JSON: ${(error as Error).message}` }]);
  }
}

/**
 * Reads every exercise set in `folder` (its `.yaml` files, in code-unit order; none when the folder does not
 * exist) and validates them; throws one {@link CorpusValidationError} listing every problem of every file.
 */
export function readExerciseSets(folder: string): ExerciseSetInput[] {
  if (!existsSync(folder)) return [];
  const errors: CorpusError[] = [];
  const sets: ExerciseSetInput[] = [];
  const files = readdirSync(folder)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort(compareIds);
  for (const name of files) {
    try {
      const { value, bytes } = readYamlWithBytes(join(folder, name));
      const result = compileExerciseSet(value, bytes, name);
      if (result.set) sets.push(result.set);
      errors.push(...result.errors.map((e) => ({ ...e, file: join(folder, name) })));
    } catch (error) {
      if (!(error instanceof CorpusValidationError)) throw error;
      errors.push(...error.errors);
    }
  }
  if (errors.length) throw new CorpusValidationError(errors);
  return sets;
}

/**
 * Reads a YAML data file and its bytes; a syntax error is reported with the file and line. Its text is
 * composed (NFC) before parsing, like the article text it is matched on, so a file saved with decomposed
 * letters ("comité" as e + U+0301) means what it says; the stamp's SHA-256 is of the bytes as stored.
 */
function readYamlWithBytes(file: string): { value: unknown; bytes: Uint8Array } {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch {
    throw new CorpusValidationError([{ file, field: "file", message: "cannot be read (no such file?)" }]);
  }
  const decoded = decodeUtf8(bytes, file);
  if (decoded.text === null) throw new CorpusValidationError(decoded.errors);
  try {
    return { value: parseYaml(decoded.text.normalize("NFC"), { uniqueKeys: true }), bytes };
  } catch (error) {
    throw new CorpusValidationError([{ file, field: "file", message: `invalid YAML: ${(error as Error).message.split("\n")[0]}` }]);
  }
}
