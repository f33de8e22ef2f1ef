import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { compileCodebook } from "../../data-loaders/terms/codebook.ts";
import { checkCodebookExamples } from "../../data-loaders/terms/codebook-check.ts";
import { checkExamplesWithAnalysis } from "../../data-loaders/pipeline/codebook-examples.ts";
import { sharedResources } from "../helpers.ts";

const FILE = "test/fixtures/dictionaries/bad-examples.yaml";

function fixtureCodebook() {
  const bytes = readFileSync(join(PROJECT_ROOT, FILE));
  const { codebook } = compileCodebook(parse(bytes.toString("utf8")), bytes, FILE, { requireTerms: true });
  return codebook!;
}

describe("checkCodebookExamples(codebook, file, find)", () => {
  it("names the file, the entry, the sentence and what matched, for a missed example and a matched counter-example", () => {
    expect(checkExamplesWithAnalysis(sharedResources(), fixtureCodebook(), FILE, "framing")).toEqual([
      {
        file: FILE,
        field: "entries.rain.examples.1",
        message: `nl example "De bui viel op de kade." is not found by any of the entry's terms`,
      },
      {
        file: FILE,
        field: "entries.rain.counterExamples.0",
        message: `en counter-example "The rain stopped the match." is matched: "rain" (term "rain")`,
      },
    ]);
  });
  it("analyses each example in its own language", () => {
    const asked: string[] = [];
    checkCodebookExamples(fixtureCodebook(), FILE, (text, language) => (asked.push(`${language}:${text}`), []));
    expect(asked).toEqual(["en:A downpour flooded the quay.", "nl:De bui viel op de kade.", "en:The rain stopped the match."]);
  });
  it("ignores what other entries find", () => {
    const found = checkCodebookExamples(fixtureCodebook(), FILE, () => [{ entry: "sun", text: "rain", term: "rain" }]);
    expect(found.map((p) => p.field)).toEqual(["entries.rain.examples.0", "entries.rain.examples.1"]);
  });
  it("passes the bundled codebooks, as the analysis reads them", () => {
    const resources = sharedResources();
    expect(checkExamplesWithAnalysis(resources, resources.framing, "framing.yaml", "framing")).toEqual([]);
    expect(checkExamplesWithAnalysis(resources, resources.devices, "devices.yaml", "devices")).toEqual([]);
  });
});
