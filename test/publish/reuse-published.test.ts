// reuse.json as the site publishes it from the reuse fixtures (analysed by the pipeline, so paragraphs
// and sentence numbers are the reader's): every passage names a sentence of each article that opens the
// same paragraph text, and the file matches its schema.
import { describe, expect, it } from "vitest";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { publishCorpus } from "../../data-loaders/publish/publish-corpus.ts";
import { reuseFileSchema, type ReuseFindings } from "../../data-loaders/schema/reuse-file.ts";
import { REUSE_CORPUS } from "../reuse/reuse-fixtures.ts";

const files = (async () => {
  const out = new Map<string, unknown>();
  await publishCorpus(corpusPaths({ CORPUS: REUSE_CORPUS }), (name, text) => out.set(name, JSON.parse(text.toString())));
  return out;
})();

describe("reuse.json on the reuse fixtures", () => {
  it("matches its schema", async () => {
    const result = reuseFileSchema.safeParse((await files).get("reuse.json"));
    expect(result.success, JSON.stringify(result.error?.issues.slice(0, 3))).toBe(true);
  });

  it("names, for each matched paragraph, the first sentence of the same text in both articles", async () => {
    const all = await files;
    const reuse = all.get("reuse.json") as ReuseFindings;
    const sentences = (id: string) => new Map((all.get(`text/${id}.json`) as { sentences: Array<[number, string]> }).sentences);
    const partial = reuse.pairs.find((p) => reuse.articles[p.b]!.id === "signal-partial" && reuse.articles[p.a]!.id === "harbour-wire")!;
    expect(partial.passages).toHaveLength(2);
    for (const [a, b] of partial.passages) {
      const [x, y] = [sentences("harbour-wire").get(a), sentences("signal-partial").get(b)];
      expect(x).toBeTruthy();
      expect(x).toBe(y);
    }
    expect(reuse.groups.map((g) => g.members.map((m) => reuse.articles[m]!.id))).toEqual([
      ["courier-edited", "harbour-wire", "ledger-copy"],
      ["undated-one", "undated-two"],
    ]);
  });
});
