// Every file the site publishes, produced in process on the bundled corpus and on the fixture corpus,
// against its zod schema (data-loaders/schema/site-outputs.ts) and the record schema.
import { describe, expect, it } from "vitest";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { publishCorpus } from "../../data-loaders/publish/publish-corpus.ts";
import { articleRecordSchema } from "../../data-loaders/schema/record.ts";
import { FETCHED_OUTPUTS } from "../../data-loaders/schema/site-outputs.ts";
import { LOADED_OUTPUTS as SITE_OUTPUTS } from "../../data-loaders/schema/reuse-file.ts";
import { CONCORDANCE_PAGE_SIZE } from "../../data-loaders/compare/compare-frames.ts";
import { FIXTURE_CORPUS } from "../helpers.ts";

async function published(articles?: string): Promise<Map<string, unknown>> {
  const files = new Map<string, unknown>();
  await publishCorpus(corpusPaths(articles ? { CORPUS: articles } : {}), (name, text) => files.set(name, JSON.parse(text.toString())));
  return files;
}

describe.each([
  ["the bundled corpus", undefined],
  ["the fixture corpus", FIXTURE_CORPUS],
])("the site's published files for %s", (_name, articles) => {
  const files = published(articles);

  const fetchedSchema = (name: string) => Object.values(FETCHED_OUTPUTS).find((f) => f.pattern.test(name))?.schema;

  it("are exactly the records, the files SITE_OUTPUTS lists and files of the FETCHED_OUTPUTS patterns", async () => {
    const names = [...(await files).keys()].filter((name) => !name.startsWith("articles/") && !fetchedSchema(name));
    expect(names.sort()).toEqual(Object.keys(SITE_OUTPUTS).sort());
  });

  it("publishes one rows file per record, each matching its schema", async () => {
    const all = await files;
    const records = [...all.keys()].filter((name) => name.startsWith("articles/")).map((name) => name.slice("articles/".length));
    const rows = [...all.keys()].filter((name) => name.startsWith("rows/")).map((name) => name.slice("rows/".length));
    expect(rows).toEqual(records);
    for (const name of [...all.keys()].filter((n) => fetchedSchema(n))) {
      const result = fetchedSchema(name)!.safeParse(all.get(name));
      expect(result.success, `${name}: ${JSON.stringify(result.error?.issues.slice(0, 5))}`).toBe(true);
    }
  });

  it("pages every concordance line exactly once, sorted by term, article and offset, as the manifest says", async () => {
    const all = await files;
    for (const kind of ["frames", "devices"] as const) {
      const comparison = all.get(`${kind}.json`) as {
        concordance: Array<{ category: string; lines: { count: number; pages: number }; terms: Array<{ first: number; count: number }> }>;
      };
      for (const { category, lines, terms } of comparison.concordance) {
        const pages = Array.from(
          { length: lines.pages },
          (_, page) =>
            all.get(`concordance/${kind}/${category}/${page}.json`) as {
              first: number;
              lines: Array<{ category: string; codebookTerm: string | null; article: string; start: number }>;
            },
        );
        expect(pages.every((p, i) => p.first === i * CONCORDANCE_PAGE_SIZE && p.lines.length <= CONCORDANCE_PAGE_SIZE)).toBe(true);
        const listed = pages.flatMap((p) => p.lines);
        expect(listed.length).toBe(lines.count);
        expect(listed.every((l) => l.category === category)).toBe(true);
        expect(terms.reduce((sum, t) => sum + t.count, 0)).toBe(lines.count);
        for (const t of terms) expect(new Set(listed.slice(t.first, t.first + t.count).map((l) => l.codebookTerm)).size).toBe(1);
      }
      const record = [...all]
        .filter(([name]) => name.startsWith("articles/"))
        .map(([, r]) => r as { markers: unknown[]; devices: unknown[] });
      const total = comparison.concordance.reduce((sum, c) => sum + c.lines.count, 0);
      expect(total).toBe(record.reduce((sum, r) => sum + (kind === "frames" ? r.markers.length : r.devices.length), 0));
    }
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
    for (const name of [...Object.keys(SITE_OUTPUTS), ...[...all.keys()].filter((n) => fetchedSchema(n))]) {
      expect((all.get(name) as { build: unknown }).build, name).toEqual({ analysis: record.analysis, codebooks: record.codebooks });
    }
  });
});
