import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { compileCodebook } from "../../data-loaders/terms/codebook.ts";
import { codebookToDictionary, dictionaryToCodebook } from "../../data-loaders/terms/dictionary-codebook.ts";
import { readDictionary, writeDictionary, type DictionaryFormat } from "../../data-loaders/terms/dictionary-formats.ts";

const fixture = (name: string) => readFileSync(join(PROJECT_ROOT, "test/fixtures/dictionaries", name), "utf8");

function imported(name: string, format: DictionaryFormat) {
  const read = readDictionary(fixture(name), format);
  const { codebook, problems } = dictionaryToCodebook(read.categories, { id: "weather", file: name, format, language: "en" });
  const entries = codebook.entries as { id: string; label: string; terms: { en: string[] } }[];
  return { read: read.problems, entries: entries.map((e) => [e.id, e.label, e.terms.en]), problems, codebook };
}

describe("importing a dictionary into a codebook", () => {
  it("reads quanteda YAML: nested keys are categories; '?' and a '*' inside a word are reported, not guessed", () => {
    const result = imported("weather.yml", "yaml");
    expect(result.entries).toEqual([
      ["weather-rain", "weather.rain", ["rain", "downpour*", "rainy day"]],
      ["weather-sun", "weather.sun", ["sunshine", "*shine"]],
      ["harbour", "harbour", ["harbour", "quay*"]],
    ]);
    expect(result.problems).toEqual([
      { entry: "weather.sun", message: `"sun?" left out: "?" (one character) has no equivalent in the term syntax` },
      { entry: "harbour", message: `"qu*y" left out: "*" may only stand at the start or end of a word, not inside one` },
    ]);
  });
  it("reads LIWC .dic: the % header's ids, multi-word entries, and an unknown category id reported by line", () => {
    const result = imported("weather.dic", "dic");
    expect(result.entries).toEqual([
      ["rain", "rain", ["rain", "downpour*", "rainy day"]],
      ["sun", "sun", ["sunshine"]],
      ["harbour", "harbour", ["harbour", "quay*", "ferry"]],
    ]);
    expect(result.read).toEqual([`line 14: "mist": category "9" is not in the header (conditional LIWC entries are not read)`]);
    expect(result.problems).toEqual([{ entry: "sun", message: `"sun*" left out: "*" needs at least 4 letters beside it (in "sun*")` }]);
  });
  it("reads LIWC-22 .dicx: CSV with one column per category, a marked cell a member", () => {
    const result = imported("weather.dicx", "dicx");
    expect(result.entries).toEqual([
      ["rain", "rain", ["rain", "downpour*", "rainy day"]],
      ["sun", "sun", ["sunshine"]],
      ["harbour", "harbour", ["harbour", "quay*"]],
    ]);
    expect(result.problems).toEqual([{ entry: "sun", message: `"sun*" left out: "*" needs at least 4 letters beside it (in "sun*")` }]);
  });
  it("reads Lexicoder .lc3: +category lines and their entries", () => {
    const result = imported("weather.lc3", "lc3");
    expect(result.entries).toEqual([
      ["rain", "rain", ["rain", "downpour*", "rainy day"]],
      ["sun", "sun", ["sunshine"]],
      ["harbour", "harbour", ["harbour", "quay*"]],
    ]);
    expect(result.problems.map((p) => p.entry)).toEqual(["sun"]);
  });
  it("reads WordStat .cat: nesting by indentation, (1) weights dropped, '_' joining a phrase", () => {
    const result = imported("weather.cat", "cat");
    expect(result.entries).toEqual([
      ["weather-rain", "WEATHER.RAIN", ["rain", "downpour*", "rainy day"]],
      ["weather-sun", "WEATHER.SUN", ["sunshine", "*shine"]],
      ["harbour", "HARBOUR", ["harbour", "quay*"]],
    ]);
    expect(result.problems).toEqual([]);
  });
  it("writes a codebook the schema accepts as a devices codebook, with placeholders to edit", () => {
    const { codebook } = imported("weather.cat", "cat");
    const text = stringify(codebook);
    const compiled = compileCodebook(parse(text), new TextEncoder().encode(text), "weather.yaml", { requireTerms: false });
    expect(compiled.errors).toEqual([]);
    expect(compiled.codebook!.title).toMatch(/^EDIT ME/);
  });
  it("reports a LIWC file without its % header", () => {
    expect(readDictionary("rain\t1\n", "dic").problems).toEqual([
      "line 1: found before the % header block",
      "no % header block: not a LIWC .dic file",
    ]);
  });
});

const SMALL = `id: small
title: Small
version: 1.0.0
licence: CC0-1.0
source: test
entries:
  - id: rain
    label: Rain
    definition: Rain is mentioned as the weather of the day.
    terms: { en: ["rain", "downpour*", "rainy day", "*shine"] }
    examples: [{ language: en, text: "Rain." }]
    source: test
  - id: harbour
    label: Harbour
    definition: The harbour or its quays are mentioned by name.
    terms: { en: ["harbour", "quay*", "rain"] }
    examples: [{ language: en, text: "The harbour." }]
    source: test
`;

describe("export then import gives the codebook's terms back", () => {
  const { codebook } = compileCodebook(parse(SMALL), new TextEncoder().encode(SMALL), "small.yaml", { requireTerms: false });
  const terms = (entries: readonly { id: string; terms: { en: readonly string[] } }[]) => entries.map((e) => [e.id, e.terms.en]);
  const original = codebook!.entries.map((e) => [e.id, e.written.en.map((w) => w.term)]);
  for (const format of ["yaml", "dic", "lc3", "cat"] as const) {
    it(`round-trips through ${format}`, () => {
      const { categories, problems } = codebookToDictionary(codebook!.entries, "en");
      expect(problems).toEqual([]);
      const back = readDictionary(writeDictionary(categories, format), format);
      expect(back.problems).toEqual([]);
      const again = dictionaryToCodebook(back.categories, { id: "small", file: `small.${format}`, format, language: "en" });
      const sorted = (list: unknown[][]) => list.map(([id, t]) => [id, [...(t as string[])].sort()]);
      expect(sorted(terms(again.codebook.entries as never))).toEqual(sorted(original));
    });
  }
  it("writes LIWC .dic as its published layout: a % block of ids and names, then word and ids, sorted", () => {
    const { categories } = codebookToDictionary(codebook!.entries, "en");
    expect(writeDictionary(categories, "dic").split("\n").slice(0, 6)).toEqual([
      "%",
      "1\train",
      "2\tharbour",
      "%",
      "*shine\t1",
      "downpour*\t1",
    ]);
    expect(writeDictionary(categories, "dic")).toContain("\nrain\t1\t2\n");
  });
  it("writes WordStat .cat as quanteda's read_dict_wordstat reads it: tabs nest, entries end in ' (1)', '_' joins a phrase", () => {
    const categories = [
      { path: ["WEATHER", "RAIN"], words: ["rain", "rainy day"] },
      { path: ["WEATHER", "SUN"], words: ["*shine"] },
      { path: ["HARBOUR"], words: ["quay*"] },
    ];
    const text = writeDictionary(categories, "cat");
    expect(text).toBe("WEATHER\n\tRAIN\n\t\train (1)\n\t\trainy_day (1)\n\tSUN\n\t\t*shine (1)\nHARBOUR\n\tquay* (1)\n");
    // quanteda's rule (R/dictionaries.R, read_dict_wordstat): a line ending in " (digit)" is an entry, any other a
    // category; leading tabs give the depth.
    for (const line of text.trimEnd().split("\n")) expect(line).toMatch(/^\t*[^\t].*$/);
    expect(text.split("\n").filter((line) => / \(\d\)$/.test(line))).toHaveLength(4);
    expect(readDictionary(text, "cat").categories.map((c) => [c.path, c.words])).toEqual([
      [
        ["WEATHER", "RAIN"],
        ["rain", "rainy day"],
      ],
      [["WEATHER", "SUN"], ["*shine"]],
      [["HARBOUR"], ["quay*"]],
    ]);
  });
  it("writes quanteda YAML that YAML 1.1 (quanteda's reader, R's yaml package) reads as text: no, on, yes, 2024 quoted", () => {
    const categories = [{ path: ["no"], words: ["no", "on", "yes", "2024", "rainy day", "it's"] }];
    const text = writeDictionary(categories, "yaml");
    const read = parse(text, { version: "1.1" }) as Record<string, unknown[]>;
    expect(Object.keys(read)).toEqual(["no"]);
    expect(read.no).toEqual(["no", "on", "yes", "2024", "rainy day", "it's"]);
    expect(readDictionary(text, "yaml").categories).toEqual([{ path: ["no"], words: categories[0]!.words }]);
  });
  it("expands braces and lists what a dictionary cannot say", () => {
    const entries = [
      {
        id: "hegemon",
        detector: null,
        written: {
          en: [
            { term: "Hegemon", form: "personified", caseSensitive: true },
            { term: "hegemon{,s}", form: null, caseSensitive: false },
          ],
          nl: [],
        },
      },
    ];
    const { categories, problems } = codebookToDictionary(entries, "en");
    expect(categories).toEqual([{ path: ["hegemon"], words: ["Hegemon", "hegemon", "hegemons"] }]);
    expect(problems.map((p) => p.message)).toEqual([
      `"Hegemon" is case-sensitive; the dictionary is not`,
      `"Hegemon": its form "personified" is not kept`,
    ]);
  });
});
