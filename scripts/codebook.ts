/**
 * npm run codebook -- check <file> [...] | stamp <file> | import <file> --out <codebook.yaml> | export <codebook.yaml> --format … --out <file>
 * Checks a codebook (schema, then every example found and every counter-example not, by the real analysis),
 * and turns dictionaries in other tools' formats into codebooks and back (data-loaders/terms/dictionary-*.ts).
 */
import { readFileSync, writeFileSync } from "node:fs";
import { parseCommandLine } from "./cli-args.ts";
import { recordVersion, versionWarning } from "../data-loaders/terms/codebook-version.ts";
import { corpusPaths } from "../data-loaders/project-paths.ts";
import { CorpusValidationError, formatCorpusError, type CorpusError } from "../data-loaders/reading/corpus-error.ts";
import { loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import { checkExamplesWithAnalysis, type CodebookKind } from "../data-loaders/pipeline/codebook-examples.ts";
import { readCodebook } from "../data-loaders/pipeline/read-data-files.ts";
import type { AnalysisResources } from "../data-loaders/pipeline/analyze-article.ts";
import { runDictionaryCommand, DICTIONARY_OPTIONS, DICTIONARY_USAGE } from "./codebook-dictionary.ts";

const USAGE = `usage: npm run codebook -- check <codebook.yaml> [...] [--kind framing|devices]
       npm run codebook -- stamp <codebook.yaml>
       npm run codebook -- ${DICTIONARY_USAGE}`;
const ABOUT = `
  check     validates each codebook (every schema problem, naming file, entry and field) and analyses every
            example and counter-example in its language: each example must be found by its entry, each
            counter-example must not. Exit 1 with one line per problem, 0 with a one-line summary.
  stamp     records the SHA-256 of the codebook's content for its version in its versions list, so that an
            edit under an unchanged version is flagged by check, the build log and the Codebook page
  --kind    check as the framing codebook (default: terms in both en and nl required) or as the devices
            codebook (terms in one language, or a built-in detector, suffice)
  import    reads a quanteda YAML, LIWC .dic or .dicx, Lexicoder .lc3 or WordStat .cat dictionary and writes a codebook;
            what the term syntax cannot represent is listed per entry and left out
  export    writes a codebook as quanteda YAML, LIWC .dic, Lexicoder .lc3 or WordStat .cat
Settings: FRAMING_CODEBOOK, DEVICES_CODEBOOK, SPEECH_CUES (the other codebooks the analysis uses).
Example: npm run codebook -- check corpus/codebooks/framing.yaml`;

/** Checks each file; returns every problem found. Resources are loaded once, only if a file compiles. */
function checkFiles(files: readonly string[], kind: CodebookKind): { problems: CorpusError[]; entries: number; examples: number } {
  const problems: CorpusError[] = [];
  let resources: AnalysisResources | null = null;
  let entries = 0;
  let examples = 0;
  for (const file of files) {
    try {
      const codebook = readCodebook(file, { requireTerms: kind === "framing" });
      resources ??= loadResources(corpusPaths(process.env));
      problems.push(...checkExamplesWithAnalysis(resources, codebook, file, kind));
      const warning = versionWarning(codebook.versionCheck, file, codebook.version);
      if (warning) process.stderr.write(`${warning}\n`);
      entries += codebook.entries.length;
      examples += codebook.entries.reduce((n, e) => n + e.examples.length + e.counterExamples.length, 0);
    } catch (error) {
      if (!(error instanceof CorpusValidationError)) throw error;
      problems.push(...error.errors);
    }
  }
  return { problems, entries, examples };
}

/** Records each codebook's content for its version; 1 if one could not be. */
function stampCodebooks(files: readonly string[]): number {
  if (!files.length) return (process.stderr.write(`codebook: stamp needs at least one codebook file\n${USAGE}\n`), 2);
  let failed = 0;
  for (const file of files) {
    const result = recordVersion(readFileSync(file, "utf8"), file);
    if ("error" in result) failed++;
    if ("text" in result) writeFileSync(file, result.text);
    process.stderr.write(
      `codebook stamp: ${"text" in result ? `${file}: recorded` : "error" in result ? result.error : result.unchanged}\n`,
    );
  }
  return failed ? 1 : 0;
}

function main(): number {
  const { values, positionals } = parseCommandLine(
    "codebook",
    USAGE,
    { allowPositionals: true, options: { kind: { type: "string" }, ...DICTIONARY_OPTIONS } },
    ABOUT,
  );
  const [command, ...files] = positionals;
  if (command === "import" || command === "export") return runDictionaryCommand(command, files, values);
  if (command === "stamp") return stampCodebooks(files);
  if (command !== "check")
    return (process.stderr.write(`codebook: expected check, stamp, import or export, got ${command ?? "nothing"}\n${USAGE}\n`), 2);
  if (!files.length) return (process.stderr.write(`codebook: check needs at least one codebook file\n${USAGE}\n`), 2);
  const kind = values.kind ?? "framing";
  if (kind !== "framing" && kind !== "devices")
    return (process.stderr.write(`codebook: --kind must be framing or devices, got ${kind}\n`), 2);
  const { problems, entries, examples } = checkFiles(files, kind);
  for (const problem of problems) process.stderr.write(`${formatCorpusError(problem)}\n`);
  if (problems.length) return (process.stderr.write(`codebook: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n`), 1);
  process.stdout.write(
    `codebook: ${files.length} file${files.length === 1 ? "" : "s"}, ${entries} entries, ${examples} examples and counter-examples agree\n`,
  );
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  process.stderr.write(error instanceof CorpusValidationError ? `${error.message}\n` : `codebook: ${(error as Error).message}\n`);
  process.exitCode = 1;
}
