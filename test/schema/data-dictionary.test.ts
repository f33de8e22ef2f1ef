import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { dataDictionary, generatedSchemaFiles, PUBLISHED_FILES } from "../../data-loaders/schema/data-dictionary.ts";

describe("generated schema files", () => {
  it.each(generatedSchemaFiles().map(([path, content]) => [path, content]))("%s is current (run npm run schemas)", (path, content) => {
    expect(readFileSync(join(PROJECT_ROOT, path), "utf8")).toBe(content);
  });
});

describe("dataDictionary()", () => {
  const dictionary = dataDictionary();
  it("has a section for the record and every site output", () => {
    for (const file of PUBLISHED_FILES) expect(dictionary).toContain(`\n## ${file.name}\n`);
  });
  it("lists nested fields with their types and meanings", () => {
    expect(dictionary).toContain("| `attributions[].speakerType` |");
    expect(dictionary).toContain('| `blocks[].kind` | "heading" \\| "paragraph" \\| "boilerplate" \\| "source-line" |');
    expect(dictionary).toContain("| `analysis.code` | string | SHA-256 over the analysis library's source files");
  });
});
