// The bench's reuse corpus (scripts/reuse-bench.ts) as a recall check at a size a test can afford: every
// planted copy is found as one, every planted pair of shared paragraphs as partial reuse.
import { describe, expect, it } from "vitest";
import { findReuse } from "../../data-loaders/reuse/find-reuse.ts";
import { reuseCorpus } from "../../scripts/reuse-bench.ts";

describe("findReuse on the bench's reuse corpus (600 articles)", () => {
  const articles = reuseCorpus(600, 42);
  const found = findReuse(articles);
  const ids = (p: { a: number; b: number }) => [found.articles[p.a]!.id, found.articles[p.b]!.id].join(" ");

  it("finds every planted whole copy and every planted pair of shared paragraphs", () => {
    const copies = found.pairs.filter((p) => p.kind === "copy").map(ids);
    const partial = found.pairs.filter((p) => p.kind === "partial");
    // 59 articles copy an earlier one (articles 10, 20, … 590), 60 reuse two of an earlier one's paragraphs.
    const copiers = articles.filter((_, i) => i > 0 && i % 10 === 0).map((a) => a.id);
    for (const id of copiers) expect(copies.some((pair) => pair.split(" ").includes(id))).toBe(true);
    const reusers = articles.filter((_, i) => i % 10 === 5).map((a) => a.id);
    for (const id of reusers) expect(partial.some((p) => ids(p).split(" ").includes(id) && p.passages.length >= 2)).toBe(true);
  });

  it("flags nothing else: every text in a pair is planted or the source of a plant", () => {
    const planted = new Set(articles.filter((_, i) => i % 5 === 0 && i > 0).map((a) => a.id));
    const unplanted = found.pairs.filter((p) => !planted.has(found.articles[p.a]!.id) && !planted.has(found.articles[p.b]!.id));
    expect(unplanted.map(ids)).toEqual([]);
    expect(found.totals.pairs).toBeGreaterThanOrEqual(119);
  });
});
