import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { compileCodebook } from "../../data-loaders/terms/codebook.ts";
import { checkCodebookVersion, codebookContentHash, recordVersion, versionWarning } from "../../data-loaders/terms/codebook-version.ts";
import { readCodebook } from "../../data-loaders/pipeline/read-data-files.ts";

const SMALL = `# A codebook written for this test.
id: tides
title: Tides
version: 1.0.0
licence: CC-BY-4.0
source: Written for the version test.
entries:
  - { id: rain, label: Rain, source: test, terms: { en: ["rain"] }, examples: [{ language: en, text: "The rain fell." }],
      definition: "Rain, showers or a downpour are mentioned by name in the sentence." }
`;

const recorded = (text: string) => {
  const result = recordVersion(text, "small.yaml");
  if (!("text" in result)) throw new Error(JSON.stringify(result));
  return result.text;
};
const compiled = (text: string) =>
  compileCodebook(parse(text), new TextEncoder().encode(text), "small.yaml", { requireTerms: false }).codebook!;

describe("codebookContentHash(raw)", () => {
  it("ignores the versions list, the order of keys, comments and line breaks; not a changed word", () => {
    const a = codebookContentHash(parse("id: a\ntitle: T # comment\nsource: >\n  one\n  two\n"));
    expect(codebookContentHash(parse('source: "one two\\n"\n\ntitle: T\nid: a\nversions: []\n'))).toBe(a);
    expect(codebookContentHash(parse('id: a\ntitle: T\nsource: "one three\\n"\n'))).not.toBe(a);
  });
});

describe("recordVersion(text, file)", () => {
  it("adds a versions list before entries, one line, keeping comments; the codebook then reads as recorded", () => {
    const text = recorded(SMALL);
    expect(text.split("\n").slice(0, 8)).toEqual([
      "# A codebook written for this test.",
      "id: tides",
      "title: Tides",
      "version: 1.0.0",
      "licence: CC-BY-4.0",
      "source: Written for the version test.",
      "versions:",
      `  - { version: 1.0.0, content: ${codebookContentHash(parse(SMALL))} }`,
    ]);
    expect(compiled(text).versionCheck.status).toBe("recorded");
    expect(recordVersion(text, "small.yaml")).toEqual({ unchanged: "small.yaml: version 1.0.0 is recorded with this content already" });
  });

  it("flags an edit under the recorded version, refuses to stamp it, and records the raised version below the first", () => {
    const edited = recorded(SMALL).replace("Rain, showers", "Rain, drizzle, showers");
    const check = compiled(edited).versionCheck;
    expect(check.status).toBe("changed");
    expect(versionWarning(check, "small.yaml", "1.0.0")).toMatch(
      /^warning: small\.yaml: the content changed under the unchanged version 1\.0\.0 \(recorded [0-9a-f]{12}…, now [0-9a-f]{12}…\); raise the version and record it: npm run codebook -- stamp small\.yaml$/,
    );
    expect(recordVersion(edited, "small.yaml")).toEqual({
      error: "small.yaml: version 1.0.0 is recorded with other content; raise the version (a patch or minor release), then stamp",
    });
    const raised = recorded(edited.replace("version: 1.0.0", "version: 1.1.0"));
    expect(raised.match(/^ {2}- \{ version: (\S+),/gm)).toEqual(["  - { version: 1.0.0,", "  - { version: 1.1.0,"]);
    expect(compiled(raised).versionCheck.status).toBe("recorded");
  });

  it("says unrecorded when no version is recorded, and gives no build-log warning for it", () => {
    const check = compiled(SMALL).versionCheck;
    expect(check).toEqual({ status: "unrecorded", content: codebookContentHash(parse(SMALL)), recorded: null });
    expect(versionWarning(check, "small.yaml", "1.0.0")).toBeNull();
  });

  it("reports YAML that does not parse, a version that is not semantic, and a versions list of another shape", () => {
    expect(recordVersion("id: [", "a.yaml")).toEqual({ error: expect.stringMatching(/^a\.yaml: /) });
    expect(recordVersion("version: 2\n", "a.yaml")).toEqual({ error: "a.yaml: version: must be a semantic version such as 1.0.0" });
    expect(recordVersion("version: 1.0.0\nversions: 3\n", "a.yaml")).toEqual({
      error: "a.yaml: versions: must be a list of { version, content }",
    });
  });
});

describe("checkCodebookVersion(raw, version, versions)", () => {
  it("reads the last record of the version when a file has two", () => {
    const raw = { id: "a", version: "1.0.0" };
    const content = codebookContentHash(raw);
    const versions = [
      { version: "1.0.0", content: "0".repeat(64) },
      { version: "1.0.0", content },
    ];
    expect(checkCodebookVersion(raw, "1.0.0", versions).status).toBe("recorded");
  });
});

describe("the bundled codebooks", () => {
  it("say the version their content was recorded with (edit one: raise its version, then npm run codebook -- stamp)", () => {
    for (const [name, requireTerms] of [
      ["framing.yaml", true],
      ["devices.yaml", false],
    ] as const) {
      const file = join(PROJECT_ROOT, "corpus", "codebooks", name);
      expect([name, readCodebook(file, { requireTerms }).versionCheck.status]).toEqual([name, "recorded"]);
      expect(readFileSync(file, "utf8")).toMatch(/^versions:\n {2}- \{ version: \d+\.\d+\.\d+, content: [0-9a-f]{64} \}$/m);
    }
  });
});
