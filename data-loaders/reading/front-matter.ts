/**
 * Front matter: a Markdown article's optional YAML block between `---` lines, found whatever its line ends,
 * and parsed in time linear in its size into values that JSON keeps exactly as written, or refused.
 */
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Tags } from "yaml";
import type { CorpusError } from "./corpus-error.ts";

/**
 * A line break as YAML 1.2 reads one: CR LF, LF, or a lone CR (old Mac files). A CR is a break of its own
 * only when no LF follows, so that CR LF reads one way only: under a repetition, `\r\n|\r|\n` could read
 * every CR LF as one break or two, and a run of blank lines would backtrack exponentially.
 */
const BREAK = String.raw`(?:\r\n|\r(?!\n)|\n)`;
const OPENING = new RegExp(String.raw`^---[ \t]*${BREAK}`);
/** An opening --- after blank lines, or indented: not front matter to a YAML reader. */
const LATE_OPENING = new RegExp(String.raw`^(?:[ \t]*${BREAK})*([ \t]*)---[ \t]*${BREAK}`);
/** A closing --- or ... line: at the start of the text or after a line break, up to its own break or the end. */
const CLOSING = new RegExp(String.raw`(?:^|(?<=[\r\n]))(?:---|\.\.\.)[ \t]*(?:${BREAK}|$)`);

/** What opens a Markdown article: front matter (its YAML and the body after it), none, or a misplaced one. */
export type FrontMatterSplit =
  | { readonly yaml: string; readonly body: string; readonly errors: readonly [] }
  | { readonly yaml: null; readonly body: string; readonly errors: readonly CorpusError[] };

/**
 * Splits a Markdown article into its front matter's YAML and its body. Lines may end in CR LF, LF or a lone
 * CR; the body is returned exactly as written (its own line endings kept), so every offset into it is an
 * offset into the file's text after the front matter.
 * @example splitFrontMatter("---\rid: a\r---\rHello.", "a.md").yaml // "id: a\r"
 */
export function splitFrontMatter(source: string, file: string): FrontMatterSplit {
  const open = OPENING.exec(source);
  if (!open) {
    // A `---` that is not on the very first line, or is indented, is not front matter to a YAML reader; left
    // alone, the metadata would silently become body text (and the id fall back to the file name).
    const late = LATE_OPENING.exec(source);
    if (!late) return { yaml: null, body: source, errors: [] };
    const line = lineCount(source.slice(0, late.index + late[0].length)) - 1;
    const where = late[1] ? `is indented (line ${line})` : `stands on line ${line}, after blank lines`;
    const message = `the opening --- ${where}; front matter must start at the very beginning of the file`;
    return { yaml: null, body: source, errors: [{ file, field: "front matter", message }] };
  }
  const rest = source.slice(open[0].length);
  const end = CLOSING.exec(rest);
  if (!end) {
    const message = "opened with --- on line 1 but never closed with a --- line";
    return { yaml: null, body: source, errors: [{ file, field: "front matter", message }] };
  }
  return { yaml: rest.slice(0, end.index), body: rest.slice(end.index + end[0].length), errors: [] };
}

/** Lines in `text`, counting CR LF, LF and a lone CR as one break each. */
function lineCount(text: string): number {
  return text.split(/\r\n|\r|\n/).length;
}

/**
 * YAML's `!!timestamp` tag would turn "2024-02-03T23:30:00+05:00" into a Date, and so into another day in
 * UTC; dates are kept as written and validated as ISO 8601 text instead.
 */
const keepTimestampsAsWritten = (tags: Tags): Tags => [
  ...tags,
  { tag: "tag:yaml.org,2002:timestamp", resolve: (text: string) => text, identify: () => false },
];

/** YAML types that JSON (and so a record) cannot hold as written: refused rather than silently changed. */
const UNKEPT_TAGS = new Map([
  ["tag:yaml.org,2002:set", "a set (!!set), which a record cannot keep as written; write a list instead"],
  ["tag:yaml.org,2002:omap", "an ordered mapping (!!omap), which a record cannot keep as written; write a list instead"],
  ["tag:yaml.org,2002:binary", "binary data (!!binary), which a record cannot keep as written; write it as quoted text"],
]);

/** The parsed front matter (null when it has errors, or is empty) and every problem found in it. */
export interface FrontMatter {
  readonly value: Record<string, unknown> | null;
  readonly errors: readonly CorpusError[];
}

/**
 * Parses front matter YAML into a plain object that JSON keeps exactly: every problem is reported with its
 * field and line, and nothing is dropped or changed without a word (a key given twice, `__proto__`, `!!set`,
 * `!!omap`, `!!binary`, `.nan`, an integer past 2^53). Linear in the size of the YAML: the yaml package's own
 * duplicate-key check compares each key with every earlier one (100,000 keys took minutes), so keys are
 * checked here, with a set per mapping.
 * @example parseFrontMatter("a: 1\na: 2\n", "x.md").errors[0].message // "appears twice (lines 2 and 3); keep one"
 */
export function parseFrontMatter(yaml: string, file: string): FrontMatter {
  // The yaml package reads CR LF but not a lone CR as a line break; one break for another keeps line numbers.
  const text = yaml.includes("\r") ? yaml.replace(/\r\n?/g, "\n") : yaml;
  const lines = new LineCounter();
  const document = parseDocument(text, { uniqueKeys: false, customTags: keepTimestampsAsWritten, lineCounter: lines });
  // +1 on every line: the opening --- line.
  const lineOf = (offset: number) => lines.linePos(offset).line + 1;
  if (document.errors.length) {
    const errors = document.errors.map((error) => {
      const line = (error.linePos?.[0]?.line ?? 1) + 1;
      const message = error.message.split("\n")[0]!.replace(/ at line \d+, column \d+:?$/, "");
      return { file, field: "front matter", message: `invalid YAML on line ${line}: ${message}` };
    });
    return { value: null, errors };
  }
  const errors = unkeptValues(document, file, lineOf);
  if (errors.length) return { value: null, errors };
  let value: unknown;
  try {
    value = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // The yaml library refuses alias expansions that would blow up ("billion laughs").
    return { value: null, errors: [{ file, field: "front matter", message: `cannot be read: ${(error as Error).message}` }] };
  }
  if (value === null || value === undefined) return { value: null, errors: [] };
  if (typeof value !== "object" || Array.isArray(value)) {
    return { value: null, errors: [{ file, field: "front matter", message: "must be a YAML mapping of field: value lines" }] };
  }
  return { value: value as Record<string, unknown>, errors: [] };
}

/**
 * Every value in a parsed document that JSON would not keep as written, in document order: a key given twice
 * in one mapping (as JavaScript reads keys: `1` and `"1"` are one key), a `__proto__` key (an object would
 * take it as its prototype and drop it), a key that is a list or mapping, a YAML type with no JSON form, and
 * a number JSON cannot hold. Aliases are checked where their anchor stands.
 */
function unkeptValues(document: Document.Parsed, file: string, lineOf: (offset: number) => number): CorpusError[] {
  const found: { offset: number; error: CorpusError }[] = [];
  const offsetOf = (node: { range?: readonly number[] | null }) => node.range?.[0] ?? 0;
  const report = (field: string, node: { range?: readonly number[] | null }, message: string) =>
    found.push({
      offset: offsetOf(node),
      error: { file, field: field || "front matter", message: `${message} (line ${lineOf(offsetOf(node))})` },
    });
  const stack: { node: unknown; path: string }[] = [{ node: document.contents, path: "" }];
  while (stack.length) {
    const { node, path } = stack.pop()!;
    if (!node || isAlias(node)) continue;
    const tag = (node as { tag?: string }).tag;
    const unkept = tag === undefined ? undefined : UNKEPT_TAGS.get(tag);
    if (unkept) {
      report(path, node as { range?: number[] }, `is ${unkept}`);
    } else if (isScalar(node)) {
      const problem = numberProblem(node.value, String(node.source));
      if (problem) report(path, node, problem);
    } else if (isMap(node)) {
      const seen = new Map<string, number>();
      const children: { node: unknown; path: string }[] = [];
      for (const pair of node.items) {
        const key: unknown = isAlias(pair.key) ? pair.key.resolve(document) : pair.key;
        const keyNode = (pair.key ?? pair.value ?? node) as { range?: number[] };
        if (key && !isScalar(key)) {
          report(path, keyNode, "has a key that is a list or mapping; keys must be text");
          continue;
        }
        // As an object reads keys: null (an empty key) is "", 1 and "1" are the same key.
        const name = !isScalar(key) || key.value == null ? "" : String(key.value);
        const field = path ? `${path}.${name}` : name;
        const line = lineOf(offsetOf(keyNode));
        const first = seen.get(name);
        if (name === "__proto__") {
          report(field, keyNode, RESERVED_KEY_PROBLEM);
        } else if (first !== undefined) {
          found.push({
            offset: offsetOf(keyNode),
            error: { file, field, message: `appears twice (lines ${first} and ${line}); keep one` },
          });
        } else seen.set(name, line);
        children.push({ node: pair.value, path: field });
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push({ node: node.items[i], path: path ? `${path}.${i}` : String(i) });
    }
  }
  // In the order they stand in the file (a mapping's keys are checked before the values inside it).
  return found.sort((a, b) => a.offset - b.offset).map((f) => f.error);
}

/** Why a `__proto__` key (in front matter or a JSON line) cannot be kept. */
export const RESERVED_KEY_PROBLEM = "is a field name JavaScript reserves (an object would drop it); rename the field";

/**
 * Why a number JSON cannot hold as written (NaN, an infinity, an integer past 2^53) cannot be kept; null
 * otherwise. `written` is the number as the file writes it.
 * @example numberProblem(2 ** 64, "18446744073709551616") // "is 18446744073709551616, more digits than …"
 */
export function numberProblem(value: unknown, written: string): string | null {
  if (typeof value !== "number") return null;
  if (!Number.isFinite(value))
    return `is ${written}, which a record cannot keep (JSON has no NaN or infinity); quote it to keep it as text`;
  if (Number.isInteger(value) && !Number.isSafeInteger(value))
    return `is ${written}, more digits than a number keeps exactly; quote it to keep it as text`;
  return null;
}
