/**
 * Dictionaries in the formats other content-analysis tools use, read into and written from one neutral
 * form: named categories (nested names as a path) with their words in glob syntax (`*` a wildcard, a space
 * between the words of a phrase). Described by the formats' published documentation:
 *   quanteda YAML  nested mapping of keys to lists of patterns (quanteda::dictionary(file = …, format = "YAML"))
 *   LIWC .dic      a `%` block of `id<TAB>name` category lines, then `word<TAB>id<TAB>id…` (LIWC2007/2015)
 *   LIWC .dicx     CSV (LIWC-22): a header of the term column and one column per category; a non-empty cell
 *                  (`X`, `1`, a weight) puts the row's word in that category
 *   Lexicoder .lc3 `+category` lines, each followed by its entries (Lexicoder Sentiment Dictionary)
 *   WordStat .cat  category lines, entries indented below them with a `(1)` weight (Provalis WordStat; read and
 *                  written as quanteda's read_dict_wordstat reads it: tabs nest, an entry ends in " (digit)")
 */
import { parse as parseCsv } from "csv-parse/sync";
import { isMap, isScalar, isSeq, parseDocument, stringify, type YAMLMap } from "yaml";

/** One category: its name path (["economy", "tax"] for nested keys) and its words as written. */
export interface DictionaryCategory {
  readonly path: readonly string[];
  readonly words: readonly string[];
}

/** A dictionary read from a file, and the lines it could not read (`line 12: …`). */
export interface ReadDictionary {
  readonly categories: DictionaryCategory[];
  readonly problems: string[];
}

export const DICTIONARY_FORMATS = ["yaml", "dic", "dicx", "lc3", "cat"] as const;
export type DictionaryFormat = (typeof DICTIONARY_FORMATS)[number];

/** Reads a quanteda YAML dictionary: every key whose value is a list (or one string) is a category. */
export function readQuantedaYaml(text: string): ReadDictionary {
  const document = parseDocument(text);
  if (document.errors.length) return { categories: [], problems: [document.errors[0]!.message.split("\n")[0]!] };
  const categories: DictionaryCategory[] = [];
  const problems: string[] = [];
  const visit = (map: YAMLMap, path: readonly string[]) => {
    for (const pair of map.items) {
      const key = [...path, String(isScalar(pair.key) ? pair.key.value : pair.key)];
      if (isMap(pair.value)) visit(pair.value, key);
      else if (isSeq(pair.value))
        categories.push({ path: key, words: pair.value.items.map((item) => String(isScalar(item) ? item.value : item)) });
      else if (isScalar(pair.value)) categories.push({ path: key, words: [String(pair.value.value)] });
      else problems.push(`${key.join(".")}: is neither a list of patterns nor a mapping of categories`);
    }
  };
  if (isMap(document.contents)) visit(document.contents, []);
  else problems.push("the file is not a mapping of category names to patterns");
  return { categories, problems };
}

/** Reads a LIWC 2007/2015 `.dic`: the `%` header of category ids and names, then words with category ids. */
export function readLiwcDic(text: string): ReadDictionary {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const names = new Map<string, string>();
  const words = new Map<string, string[]>();
  const problems: string[] = [];
  let marks = 0;
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    if (line === "%") return void marks++;
    if (marks === 1) {
      const [id, ...name] = line.split(/\s+/);
      if (!id || !name.length) problems.push(`line ${i + 1}: a category line needs an id and a name`);
      else names.set(id, name.join(" "));
      return;
    }
    if (marks < 2) return void problems.push(`line ${i + 1}: found before the % header block`);
    // Tab-separated, or (as some files are) space-separated with the category ids at the end.
    const fields = line.includes("\t") ? line.split(/\t+/) : splitTrailingIds(line);
    const [word, ...ids] = fields.map((f) => f.trim());
    if (!ids.length) return void problems.push(`line ${i + 1}: "${word}" has no category`);
    for (const id of ids) {
      if (!names.has(id))
        problems.push(`line ${i + 1}: "${word}": category "${id}" is not in the header (conditional LIWC entries are not read)`);
      else words.set(id, [...(words.get(id) ?? []), word!]);
    }
  });
  if (marks < 2) problems.push("no % header block: not a LIWC .dic file");
  const categories = [...names].map(([id, name]) => ({ path: [name], words: words.get(id) ?? [] }));
  return { categories, problems };
}

function splitTrailingIds(line: string): string[] {
  const parts = line.split(/\s+/);
  let cut = parts.length;
  while (cut > 1 && /^\d+$/.test(parts[cut - 1]!)) cut--;
  return [parts.slice(0, cut).join(" "), ...parts.slice(cut)];
}

/** Reads a LIWC-22 `.dicx`: CSV, the words in the first column, one column per category. */
export function readLiwcDicx(text: string): ReadDictionary {
  let rows: string[][];
  try {
    rows = parseCsv(text.replace(/^\uFEFF/, ""), { relax_column_count: true, skip_empty_lines: true }) as string[][];
  } catch (error) {
    return { categories: [], problems: [(error as Error).message.split("\n")[0]!] };
  }
  const [header, ...body] = rows;
  if (!header || header.length < 2) return { categories: [], problems: ["no header of a term column and category columns"] };
  const categories = header.slice(1).map((name) => ({ path: [name.trim()], words: [] as string[] }));
  for (const row of body) {
    const word = row[0]?.trim();
    if (!word) continue;
    categories.forEach((category, k) => {
      const cell = row[k + 1]?.trim() ?? "";
      if (cell && cell !== "0") category.words.push(word);
    });
  }
  return { categories, problems: [] };
}

/** Reads a Lexicoder `.lc3`: `+category` lines, each followed by its entries. */
export function readLexicoder(text: string): ReadDictionary {
  const categories: { path: string[]; words: string[] }[] = [];
  const problems: string[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      const line = raw.trim();
      if (!line) return;
      if (line.startsWith("+")) categories.push({ path: [line.slice(1).trim()], words: [] });
      else if (!categories.length) problems.push(`line ${i + 1}: "${line}" comes before the first +category line`);
      else categories.at(-1)!.words.push(line);
    });
  return { categories, problems };
}

/** Reads a WordStat `.cat`: indentation nests categories; an entry ends in a `(weight)`; `_` joins a phrase. */
export function readWordStat(text: string): ReadDictionary {
  const categories: { path: string[]; words: string[] }[] = [];
  const problems: string[] = [];
  const open: { indent: number; name: string }[] = [];
  text
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/)
    .forEach((raw, i) => {
      if (!raw.trim()) return;
      const indent = raw.replace(/\t/g, "    ").search(/\S/);
      const entry = /^(.*?)\s*\(\s*[\d.]+\s*\)\s*$/.exec(raw.trim());
      if (!entry) {
        while (open.length && open.at(-1)!.indent >= indent) open.pop();
        open.push({ indent, name: raw.trim() });
        categories.push({ path: open.map((c) => c.name), words: [] });
      } else if (!categories.length) problems.push(`line ${i + 1}: "${raw.trim()}" comes before the first category`);
      else categories.at(-1)!.words.push(entry[1]!.replace(/_/g, " ").toLowerCase());
    });
  return {
    categories: categories.filter(
      (c) => c.words.length || !categories.some((d) => d.path.length > c.path.length && c.path.every((p, k) => d.path[k] === p)),
    ),
    problems,
  };
}

/** Reads a dictionary in `format`. */
export function readDictionary(text: string, format: DictionaryFormat): ReadDictionary {
  return { yaml: readQuantedaYaml, dic: readLiwcDic, dicx: readLiwcDicx, lc3: readLexicoder, cat: readWordStat }[format](text);
}

/** The format a file name says, or null. */
export function formatOfFile(file: string): DictionaryFormat | null {
  const extension = /\.([a-z0-9]+)$/i.exec(file)?.[1]?.toLowerCase();
  if (extension === "yml") return "yaml";
  return (DICTIONARY_FORMATS as readonly string[]).includes(extension ?? "") ? (extension as DictionaryFormat) : null;
}

/** The formats a codebook can be written in. */
export const EXPORT_FORMATS = ["yaml", "dic", "lc3", "cat"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/**
 * Writes categories as quanteda YAML (one top-level key per category), LIWC `.dic`, Lexicoder `.lc3` or
 * WordStat `.cat`. Each is written as quanteda's `dictionary(file = …)` reads it (its `read_dict_*`
 * functions): YAML with every key and word double-quoted, because quanteda reads YAML 1.1, where an unquoted
 * `no`, `on` or `2024` is not text; `.cat` with categories and entries nested by tabs, each entry followed by
 * " (1)", a phrase joined by `_`.
 * @example writeDictionary([{ path: ["rain"], words: ["no"] }], "yaml") // '"rain":\n  - "no"\n'
 */
export function writeDictionary(categories: readonly DictionaryCategory[], format: ExportFormat): string {
  if (format === "yaml") {
    const mapping = Object.fromEntries(categories.map((c) => [c.path.join("."), [...c.words]]));
    return stringify(mapping, { defaultStringType: "QUOTE_DOUBLE", defaultKeyType: "QUOTE_DOUBLE", lineWidth: 0 });
  }
  if (format === "lc3") return categories.map((c) => [`+${c.path.join(".")}`, ...c.words].join("\n")).join("\n") + "\n";
  if (format === "cat") return writeWordStat(categories);
  const header = categories.map((c, i) => `${i + 1}\t${c.path.join(".")}`);
  const ids = new Map<string, number[]>();
  categories.forEach((c, i) => c.words.forEach((word) => ids.set(word, [...(ids.get(word) ?? []), i + 1])));
  const rows = [...ids].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([word, list]) => [word, ...list].join("\t"));
  return ["%", ...header, "%", ...rows].join("\n") + "\n";
}

/** WordStat `.cat`: each category's name path nested by tabs (a parent written once), then its words, " (1)" each. */
function writeWordStat(categories: readonly DictionaryCategory[]): string {
  const lines: string[] = [];
  let previous: readonly string[] = [];
  for (const { path, words } of categories) {
    let shared = 0;
    while (shared < path.length - 1 && previous[shared] === path[shared]) shared++;
    for (let level = shared; level < path.length; level++) lines.push(`${"\t".repeat(level)}${path[level]}`);
    for (const word of words) lines.push(`${"\t".repeat(path.length)}${word.replace(/ /g, "_")} (1)`);
    previous = path;
  }
  return lines.join("\n") + "\n";
}
