/**
 * npx tsx scripts/code-lengths.ts: the project's functions and files longer than a limit, longest first
 * (issue 36 item 1: functions of about 60 lines or less, files of about 300). Functions are found with the
 * TypeScript compiler's own parser, so a brace in a string or a template never miscounts them.
 *
 * A function's length runs from its first line (its name or its parameters; the JSDoc above it is left out)
 * to its closing line, both counted; a function inside another counts in both. A file's length is its
 * number of lines, as `wc -l` counts them. Symbolic links are not followed (src/components/portable is
 * data-loaders/portable, counted once).
 */
import { lstatSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import ts from "typescript";
import { PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { parseCommandLine } from "./cli-args.ts";

const USAGE =
  "usage: npx tsx scripts/code-lengths.ts [<file or folder>…] [--functions <n>] [--files <n>] [--top <n>] [--exclude <path>]… [--suites]";
const ABOUT = `
Lists the functions and the files of the project's TypeScript and JavaScript longer than a limit, longest
first, one line each: its length in lines, where it is (file:line) and, for a function, its name.
Inputs: files or folders to measure (default: data-loaders, scripts, src and test, and the project's own
.ts and .js files at its top). node_modules, dist, src/.observablehq and symbolic links are skipped.
Flags:
  --functions <n>   list functions longer than <n> lines (default 60)
  --files <n>       list files longer than <n> lines (default 300)
  --top <n>         list the <n> longest functions and files whatever their length (for a before/after table)
  --exclude <path>  leave out a file or folder (repeatable), e.g. --exclude data-loaders/voices
  --suites          measure test suites' bodies too (describe("…", () => {…}): read like a file, so left
                    out by default; the tests inside them are measured either way)
Environment variables: none. Always exits 0 once measured; a path that does not exist exits 1.
Example: npx tsx scripts/code-lengths.ts --functions 60 --files 300 --exclude data-loaders/voices`;

/** A measured function or file: its length in lines and where it starts. */
export interface CodeLength {
  readonly lines: number;
  readonly file: string;
  readonly line: number;
  /** The function's name (`Class.method`, `describe("…") callback`); absent for a file. */
  readonly name?: string;
}

/** Folders never measured: installed packages, Framework's cache and built sites. */
const SKIPPED_FOLDERS = new Set(["node_modules", "dist", ".observablehq", ".git", ".dev"]);
const SOURCE_FILE = /\.(ts|mts|cts|js|mjs|cjs)$/;

/** The source files at or below `path`, in code-unit order, not following symbolic links. */
export function sourceFiles(path: string, excluded: readonly string[] = []): string[] {
  if (excluded.some((skip) => path === skip || path.startsWith(`${skip}/`))) return [];
  const stat = lstatSync(path);
  if (stat.isSymbolicLink()) return [];
  if (stat.isFile()) return SOURCE_FILE.test(path) ? [path] : [];
  if (!stat.isDirectory()) return [];
  return readdirSync(path)
    .filter((name) => !SKIPPED_FOLDERS.has(name))
    .sort()
    .flatMap((name) => sourceFiles(join(path, name), excluded));
}

/** The number of lines of `text`, as `wc -l` counts them plus a last line without its newline. */
export function lineCount(text: string): number {
  const newlines = text.split("\n").length - 1;
  return text.endsWith("\n") || text === "" ? newlines : newlines + 1;
}

/** A short, one-line quotation of a call's first argument, if it is a string (a test's or a suite's name). */
function firstStringArgument(call: ts.CallExpression): string {
  const first = call.arguments[0];
  if (!first || !(ts.isStringLiteral(first) || ts.isNoSubstitutionTemplateLiteral(first))) return "";
  const text = first.text.replace(/\s+/g, " ");
  return JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);
}

/** What a call calls, on one line: `describe.each(cases)` rather than its table written out. */
function calleeName(call: ts.CallExpression, source: ts.SourceFile): string {
  const text = call.expression.getText(source).replace(/\s+/g, " ");
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/**
 * Whether a function is a test suite's body (`describe("…", () => {…})`): a grouping of tests, read like a
 * file rather than a function, so listed only with --suites.
 */
function isSuiteBody(node: ts.Node): boolean {
  const parent = node.parent;
  return ts.isCallExpression(parent) && /^describe\b/.test(parent.expression.getText().replace(/\s+/g, ""));
}

/** The name a reader would look for: the declaration's own, its variable's or property's, or the call it is passed to. */
function functionName(node: ts.FunctionLikeDeclaration, source: ts.SourceFile): string {
  const owner = ts.isClassLike(node.parent) && node.parent.name ? `${node.parent.name.text}.` : "";
  if (ts.isConstructorDeclaration(node)) return `${owner}constructor`;
  if (node.name) return `${owner}${node.name.getText(source)}`;
  const parent = node.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && parent.name) {
    return parent.name.getText(source);
  }
  if (ts.isCallExpression(parent)) return `${calleeName(parent, source)}(${firstStringArgument(parent)}) callback`;
  return "(anonymous)";
}

/**
 * Every function, method, accessor and arrow function of a file with its length in lines; test suites'
 * bodies only with `suites` (the tests inside them are measured either way).
 */
export function functionLengths(file: string, text: string, suites = false): CodeLength[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const found: CodeLength[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body && (suites || !isSuiteBody(node))) {
      const declaration = node as ts.FunctionLikeDeclaration;
      const first = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const last = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      found.push({ lines: last - first + 1, file, line: first + 1, name: functionName(declaration, source) });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Longest first; equal lengths by file, then line, so the same tree always prints the same list. */
function byLength(a: CodeLength, b: CodeLength): number {
  return b.lines - a.lines || (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line);
}

/** One printed line: the length right-aligned, where it is, and the name. */
function row(length: CodeLength): string {
  const where = length.name === undefined ? length.file : `${length.file}:${length.line}`;
  return `${String(length.lines).padStart(6)}  ${where}${length.name === undefined ? "" : `  ${length.name}`}`;
}

/** A whole number of at least 0 from a flag, or exit 2 with one line. */
function whole(flag: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (value.trim() !== "" && Number.isInteger(n) && n >= 0) return n;
  process.stderr.write(`code-lengths: --${flag} must be a whole number, not ${JSON.stringify(value)}\n${USAGE}\n`);
  process.exit(2);
}

/** The project's default inputs: its source folders and the configuration files at its top. */
function defaultInputs(): string[] {
  const top = readdirSync(PROJECT_ROOT).filter((name) => SOURCE_FILE.test(name) && lstatSync(join(PROJECT_ROOT, name)).isFile());
  return [
    ...["data-loaders", "scripts", "src", "test"].map((folder) => join(PROJECT_ROOT, folder)),
    ...top.sort().map((name) => join(PROJECT_ROOT, name)),
  ];
}

function main(): void {
  const { values, positionals } = parseCommandLine(
    "code-lengths",
    USAGE,
    {
      allowPositionals: true,
      options: {
        functions: { type: "string" },
        files: { type: "string" },
        top: { type: "string" },
        exclude: { type: "string", multiple: true },
        suites: { type: "boolean", default: false },
      },
    },
    ABOUT,
  );
  const functionLimit = whole("functions", values.functions, 60);
  const fileLimit = whole("files", values.files, 300);
  const top = values.top === undefined ? undefined : whole("top", values.top, 0);
  const inputs = positionals.length > 0 ? positionals.map((path) => resolve(path)) : defaultInputs();
  const missing = inputs.filter((path) => lstatSync(path, { throwIfNoEntry: false }) === undefined);
  if (missing.length > 0) {
    for (const path of missing) process.stderr.write(`code-lengths: no such file or folder: ${path}\n`);
    process.exit(1);
  }
  const excluded = (values.exclude ?? []).map((path) => resolve(path));
  const files: CodeLength[] = [];
  const functions: CodeLength[] = [];
  for (const path of inputs.flatMap((input) => sourceFiles(input, excluded))) {
    const text = readFileSync(path, "utf8");
    const file = relative(process.cwd(), path);
    files.push({ lines: lineCount(text), file, line: 1 });
    functions.push(...functionLengths(file, text, values.suites));
  }
  const chosen = (lengths: CodeLength[], limit: number) =>
    top === undefined ? lengths.filter((length) => length.lines > limit).sort(byLength) : lengths.sort(byLength).slice(0, top);
  const heading = (what: string, limit: number, count: number) =>
    top === undefined ? `${what} over ${limit} lines: ${count}` : `The ${count} longest ${what.toLowerCase()}`;
  const longFunctions = chosen(functions, functionLimit);
  const longFiles = chosen(files, fileLimit);
  process.stdout.write(`${heading("Functions", functionLimit, longFunctions.length)} (of ${functions.length})\n`);
  for (const length of longFunctions) process.stdout.write(`${row(length)}\n`);
  process.stdout.write(`${heading("Files", fileLimit, longFiles.length)} (of ${files.length})\n`);
  for (const length of longFiles) process.stdout.write(`${row(length)}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) main();
