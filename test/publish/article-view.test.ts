// The site's view of a record (overview row, concordance lines, attribution rows, tone interval) is the
// same whether it is computed or read back from its cache, and a different record is never served a view.
import { readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { articleView, articleViews } from "../../data-loaders/publish/article-view.ts";
import { analyzeArticle, codebookStamps } from "../../data-loaders/pipeline/analyze-article.ts";
import { readCorpus } from "../../data-loaders/reading/read-corpus.ts";
import { SEED_CORPUS, sharedResources, writeCorpus } from "../helpers.ts";

let seeds: ReturnType<typeof analyzeSeeds> | undefined;

/** The seeds' records as bytes, and view settings with a different Dutch weight: analysed once for this file. */
function seedRecords(): ReturnType<typeof analyzeSeeds> {
  seeds ??= analyzeSeeds();
  return seeds;
}

async function analyzeSeeds() {
  const resources = sharedResources();
  const weights = { en: { negativeWeight: 1 }, nl: { negativeWeight: 2 } };
  const records: Buffer[] = [];
  for await (const article of readCorpus(SEED_CORPUS))
    records.push(Buffer.from(JSON.stringify(analyzeArticle(article, resources, codebookStamps(resources)))));
  return { records, weights };
}

describe("articleViews(cacheFolder, settings)", () => {
  it("gives from its cache exactly the view it computes, keyed by the record's bytes", async () => {
    const { records, weights } = await seedRecords();
    const folder = join(writeCorpus({}), "cache");
    const first = articleViews(folder, weights);
    const computed = records.map((json) => first(json));
    const again = articleViews(folder, weights);
    expect(records.map((json) => again(json))).toEqual(computed);
    const parsed = records.map((json) => JSON.parse(json.toString()));
    expect(computed).toEqual(parsed.map((record) => articleView(record, weights[record.language as "en" | "nl"])));
    // Another weight is another key: the Dutch articles' intervals are computed again, not read back.
    const other = articleViews(folder, { ...weights, nl: { negativeWeight: 1 } });
    const dutch = parsed.findIndex((record) => record.language === "nl");
    expect(other(records[dutch]!).rowsJson).toEqual(articleView(parsed[dutch], { negativeWeight: 1 }).rowsJson);
    expect(other(records[dutch]!).rowsJson).not.toEqual(computed[dutch]!.rowsJson);
  });

  it("computes a view again when its cached file is not in the cache's form", async () => {
    const { records, weights } = await seedRecords();
    const folder = join(writeCorpus({}), "cache");
    const computed = records.map((json) => articleViews(folder, weights)(json));
    const site = join(folder, "site");
    const files = readdirSync(site, { recursive: true, encoding: "utf8" }).filter((name) => name.endsWith(".json"));
    expect(files).toHaveLength(records.length);
    for (const name of files) writeFileSync(join(site, name), "{}");
    expect(records.map((json) => articleViews(folder, weights)(json))).toEqual(computed);
  });
});
