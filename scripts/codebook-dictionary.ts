/**
 * The import and export subcommands of `npm run codebook`: file reading and writing around
 * data-loaders/terms/dictionary-formats.ts and dictionary-codebook.ts.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { basename } from "node:path";
import { stringify } from "yaml";
import { readCodebook } from "../data-loaders/pipeline/read-data-files.ts";
import {
  codebookToDictionary,
  dictionaryToCodebook,
  PLACEHOLDER,
  type ConversionProblem,
} from "../data-loaders/terms/dictionary-codebook.ts";
import {
  EXPORT_FORMATS,
  formatOfFile,
  readDictionary,
  writeDictionary,
  type ExportFormat,
} from "../data-loaders/terms/dictionary-formats.ts";
import { LANGUAGES } from "../data-loaders/schema/enums.ts";
import type { Language } from "../data-loaders/schema/record.ts";

export const DICTIONARY_USAGE = `import <dictionary> --out <codebook.yaml> [--language en|nl] [--id <id>]
       npm run codebook -- export <codebook.yaml> --format yaml|dic|lc3|cat --out <file> [--language en|nl]`;

export const DICTIONARY_OPTIONS = {
  out: { type: "string" },
  format: { type: "string" },
  language: { type: "string" },
  id: { type: "string" },
} as const;

type Values = { out?: string; format?: string; language?: string; id?: string };

function report(command: string, problems: readonly ConversionProblem[]): void {
  for (const problem of problems) process.stderr.write(`codebook ${command}: ${problem.entry}: ${problem.message}\n`);
}

function fail(message: string): number {
  process.stderr.write(`codebook: ${message}\n`);
  return 2;
}

/** Runs `import` or `export`; returns the exit code. */
export function runDictionaryCommand(command: "import" | "export", files: readonly string[], values: Values): number {
  if (files.length !== 1) return fail(`${command} takes one file, got ${files.length}`);
  if (!values.out) return fail(`${command} needs --out <file>`);
  if (existsSync(values.out)) return fail(`${values.out} exists; name a new file, so that no codebook or dictionary is overwritten`);
  const language = (values.language ?? "en") as Language;
  if (!LANGUAGES.includes(language)) return fail(`--language must be ${LANGUAGES.join(" or ")}, got ${values.language}`);
  return command === "import" ? importDictionary(files[0]!, values.out, language, values.id) : exportCodebook(files[0]!, values, language);
}

function importDictionary(file: string, out: string, language: Language, id: string | undefined): number {
  const format = formatOfFile(file);
  if (!format)
    return fail(
      `${file}: unknown dictionary format: name it .yaml/.yml (quanteda), .dic or .dicx (LIWC), .lc3 (Lexicoder) or .cat (WordStat)`,
    );
  const read = readDictionary(readFileSync(file, "utf8"), format);
  for (const problem of read.problems) process.stderr.write(`codebook import: ${file}: ${problem}\n`);
  const slug = basename(file)
    .replace(/\.[^.]+$/, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^[^a-z]+|-+$/g, "");
  const { codebook, problems } = dictionaryToCodebook(read.categories, {
    id: id ?? (slug || "imported"),
    file: basename(file),
    format,
    language,
  });
  report("import", problems);
  const entries = (codebook.entries as unknown[]).length;
  if (!entries) return (process.stderr.write(`codebook import: ${file}: no category could be imported\n`), 1);
  const header = [
    `Imported from ${basename(file)} by npm run codebook -- import. Every "${PLACEHOLDER}" is a placeholder:`,
    "write the title, licence, source, each definition and real examples, then run npm run codebook -- check.",
  ];
  writeFileSync(out, `${header.map((line) => `# ${line}`).join("\n")}\n${stringify(codebook, { lineWidth: 0 })}`);
  process.stderr.write(
    `codebook import: wrote ${entries} entries to ${out}; ${problems.length} ${problems.length === 1 ? "word or category" : "words or categories"} left out (listed above); edit every "${PLACEHOLDER}" before use\n`,
  );
  return 0;
}

function exportCodebook(file: string, values: Values, language: Language): number {
  const format = values.format;
  if (!(EXPORT_FORMATS as readonly string[]).includes(format ?? ""))
    return fail(`--format must be ${EXPORT_FORMATS.slice(0, -1).join(", ")} or ${EXPORT_FORMATS.at(-1)}, got ${format ?? "nothing"}`);
  const codebook = readCodebook(file, { requireTerms: false });
  const { categories, problems } = codebookToDictionary(codebook.entries, language);
  report("export", problems);
  writeFileSync(values.out!, writeDictionary(categories, format as ExportFormat));
  process.stderr.write(`codebook export: wrote ${categories.length} categories (${language} terms) to ${values.out}\n`);
  return 0;
}
