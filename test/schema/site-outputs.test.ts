// Every file the site publishes, produced in process on the bundled corpus and on the fixture corpus,
// against its zod schema (data-loaders/schema/site-outputs.ts) and the record schema.
import { describe, expect, it } from "vitest";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { publishCorpus } from "../../data-loaders/publish/publish-corpus.ts";
import { articleRecordSchema } from "../../data-loaders/schema/record.ts";
import { SITE_OUTPUTS } from "../../data-loaders/schema/site-outputs.ts";
import { FIXTURE_CORPUS } from "../helpers.ts";

async function published(articles?: string): Promise<Map<string, unknown>> {
  const files = new Map<string, unknown>();
  await publishCorpus(corpusPaths(articles ? { CORPUS: articles } : {}), (name, text) => files.set(name, JSON.parse(text)));
  return files;
}

describe.each([
  ["the bundled corpus", undefined],
  ["the fixture corpus", FIXTURE_CORPUS],
])("the site's published files for %s", (_name, articles) => {
  const files = published(articles);

  it("are exactly the records and the files SITE_OUTPUTS lists", async () => {
    const names = [...(await files).keys()].filter((name) => !name.startsWith("articles/"));
    expect(names.sort()).toEqual(Object.keys(SITE_OUTPUTS).sort());
  });

  it.each(Object.keys(SITE_OUTPUTS))("%s matches its schema, with no undocumented field", async (name) => {
    const result = SITE_OUTPUTS[name as keyof typeof SITE_OUTPUTS].safeParse((await files).get(name));
    expect(result.success, JSON.stringify(result.error?.issues.slice(0, 5))).toBe(true);
  });

  it("publishes records that match the record schema", async () => {
    const records = [...(await files)].filter(([name]) => name.startsWith("articles/"));
    expect(records.length).toBeGreaterThan(0);
    for (const [name, record] of records) {
      const result = articleRecordSchema.safeParse(record);
      expect(result.success, `${name}: ${JSON.stringify(result.error?.issues.slice(0, 5))}`).toBe(true);
    }
  });

  it("stamps every file with the analysis and codebook stamps its records carry", async () => {
    const all = await files;
    const record = [...all].find(([name]) => name.startsWith("articles/"))![1] as { analysis: unknown; codebooks: unknown };
    for (const name of Object.keys(SITE_OUTPUTS)) {
      expect((all.get(name) as { build: unknown }).build, name).toEqual({ analysis: record.analysis, codebooks: record.codebooks });
    }
  });
});
