import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compileCodebook } from "../../data-loaders/terms/codebook.ts";
import { analyzeText as analyze, sharedResources } from "../helpers.ts";

const resources = sharedResources();

const VALID_ENTRY = `
  - id: hegemon
    label: The Hegemon
    definition: The USA is presented as the single dominating power of the world.
    terms: { en: ["hegemon{,s}"], nl: ["hegemon"] }
    examples: [{ language: en, text: "The hegemon rules." }]
    source: test`;

function errorsOf(yamlText: string, requireTerms = true) {
  const { codebook, errors } = compileCodebook(parse(yamlText), new TextEncoder().encode(yamlText), "book.yaml", { requireTerms });
  expect(codebook).toBeNull();
  return errors;
}

const HEADER = "id: book\ntitle: Test\nversion: 1.0.0\nlicence: CC0\nsource: test\nentries:";

describe("compileCodebook(raw) rejects invalid entries with the file, the entry id and the reason", () => {
  it("rejects an unknown language", () => {
    expect(errorsOf(`${HEADER}${VALID_ENTRY.replace('nl: ["hegemon"]', 'nl: ["hegemon"], fr: ["hégémon"]')}`)).toEqual([
      { file: "book.yaml", field: "entries.hegemon.terms.fr", message: 'unknown language "fr": use en or nl' },
    ]);
  });
  it("rejects an empty term", () => {
    expect(errorsOf(`${HEADER}${VALID_ENTRY.replace('nl: ["hegemon"]', 'nl: [""]')}`)).toEqual([
      { file: "book.yaml", field: "entries.hegemon.terms.nl.0", message: 'term "" is empty' },
    ]);
  });
  it("rejects a term that cannot compile", () => {
    const [error] = errorsOf(`${HEADER}${VALID_ENTRY.replace('nl: ["hegemon"]', 'nl: ["hegemon{ie"]')}`);
    expect(error).toMatchObject({ file: "book.yaml", field: "entries.hegemon.terms.nl.0" });
    expect(error!.message).toMatch(/unclosed "\{"/);
  });
  it("rejects a term that could match without bound", () => {
    const [error] = errorsOf(`${HEADER}${VALID_ENTRY.replace('nl: ["hegemon"]', 'nl: ["he*"]')}`);
    expect(error).toMatchObject({ field: "entries.hegemon.terms.nl.0" });
    expect(error!.message).toMatch(/needs at least 4 letters/);
  });
  it("rejects a regular expression written as a term", () => {
    const [error] = errorsOf(`${HEADER}${VALID_ENTRY.replace('nl: ["hegemon"]', 'nl: ["(a+)+b"]')}`);
    expect(error!.message).toMatch(/terms are not regular expressions/);
  });
  it("rejects a frame without terms for a language", () => {
    expect(errorsOf(`${HEADER}${VALID_ENTRY.replace(', nl: ["hegemon"]', "")}`)).toEqual([
      { file: "book.yaml", field: "entries.hegemon.terms.nl", message: "needs at least one term" },
    ]);
  });
  it("names the field inside a term object that has the wrong type, not just 'Invalid input'", () => {
    const book = `${HEADER}${VALID_ENTRY.replace('en: ["hegemon{,s}"]', 'en: [{ term: "hegemon", caseSensitive: "yes" }]')}`;
    expect(errorsOf(book)).toEqual([
      { file: "book.yaml", field: "entries.hegemon.terms.en.0.caseSensitive", message: "Invalid input: expected boolean, received string" },
    ]);
  });
  it("rejects a duplicate id", () => {
    expect(errorsOf(`${HEADER}${VALID_ENTRY}${VALID_ENTRY}`)).toEqual([
      { file: "book.yaml", field: "entries.hegemon.id", message: 'duplicate id "hegemon"' },
    ]);
  });
  it("names the entry by its id when a field is missing", () => {
    const errors = errorsOf(`${HEADER}${VALID_ENTRY.replace("    source: test", "")}`);
    expect(errors.map((e) => e.field)).toEqual(["entries.hegemon.source"]);
  });
});

describe("compileCodebook(raw) stamps", () => {
  it("hashes the file's bytes, so any edit changes the stamp written into records", () => {
    const text = `${HEADER}${VALID_ENTRY}`;
    const first = compileCodebook(parse(text), new TextEncoder().encode(text), "a.yaml", { requireTerms: true }).codebook!;
    const edited = compileCodebook(parse(text), new TextEncoder().encode(`${text}\n# a comment`), "a.yaml", {
      requireTerms: true,
    }).codebook!;
    expect(first.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(edited.sha256).not.toBe(first.sha256);
    expect(first.version).toBe("1.0.0");
  });
  it("writes the bundled codebooks' version and hash into every record", () => {
    const record = analyze("Tekst.", "nl");
    expect(record.codebooks.framing).toEqual({
      id: "geopolitical-framing",
      version: resources.framing.version,
      sha256: resources.framing.sha256,
    });
    expect(record.codebooks.devices.sha256).toBe(resources.devices.sha256);
  });
});

describe("the bundled codebooks' examples and counter-examples", () => {
  for (const [name, codebook, field] of [
    ["framing", resources.framing, "markers"],
    ["devices", resources.devices, "devices"],
  ] as const) {
    for (const entry of codebook.entries) {
      it.each(entry.examples.map((e) => [e.language, e.text] as const))(
        `${name}: ${entry.id} is found in the %s example %j`,
        (language, text) => {
          const found = (analyze(text, language)[field] as readonly { frame?: string; device?: string }[]).map((m) => m.frame ?? m.device);
          expect(found).toContain(entry.id);
        },
      );
      if (entry.counterExamples.length) {
        it.each(entry.counterExamples.map((e) => [e.language, e.text] as const))(
          `${name}: ${entry.id} is not found in the %s counter-example %j`,
          (language, text) => {
            const found = (analyze(text, language)[field] as readonly { frame?: string; device?: string }[]).map(
              (m) => m.frame ?? m.device,
            );
            expect(found).not.toContain(entry.id);
          },
        );
      }
    }
  }
});
