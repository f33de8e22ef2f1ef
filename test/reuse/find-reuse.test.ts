// Who republishes whom, on invented articles (test/fixtures/reuse/articles/): a wire text, a copy of it
// under another headline, a copy with two words edited, an opinion piece reusing two of its five
// paragraphs, two unrelated texts sharing stock phrases, and an undated pair of copies.
import { describe, expect, it } from "vitest";
import { COPY_JACCARD, findReuse, type ReuseArticle } from "../../data-loaders/reuse/find-reuse.ts";
import { mulberry32 } from "../../data-loaders/portable/seeded-random.ts";
import { reuseFixtures } from "./reuse-fixtures.ts";

const fixtures = reuseFixtures();
const findings = findReuse(fixtures);
const idsOf = (positions: readonly number[]) => positions.map((p) => findings.articles[p]!.id);
const pairOf = (a: string, b: string) => findings.pairs.find((p) => findings.articles[p.a]!.id === a && findings.articles[p.b]!.id === b);

describe("findReuse(articles)", () => {
  it("groups an exact copy under another headline and an edited copy with the text they copy", () => {
    expect(findings.groups.map((g) => idsOf(g.members))).toEqual([
      ["courier-edited", "harbour-wire", "ledger-copy"],
      ["undated-one", "undated-two"],
    ]);
    expect(pairOf("harbour-wire", "ledger-copy")).toMatchObject({ kind: "copy", jaccard: 1 });
    const edited = pairOf("courier-edited", "harbour-wire")!;
    expect(edited.kind).toBe("copy");
    expect(edited.jaccard).toBeGreaterThanOrEqual(COPY_JACCARD);
    expect(edited.jaccard).toBeLessThan(1);
    // All five paragraphs align, the two edited ones included.
    expect(edited.passages).toEqual([0, 10, 20, 30, 40].map((s) => [s, s]));
  });

  it("finds partial reuse of 2 of 5 paragraphs, naming each paragraph on both sides", () => {
    const partial = pairOf("harbour-wire", "signal-partial")!;
    expect(partial.kind).toBe("partial");
    expect(partial.jaccard).toBeLessThan(COPY_JACCARD);
    // The wire's 2nd and 5th paragraphs are the opinion piece's 2nd and 4th.
    expect(partial.passages).toEqual([
      [10, 10],
      [40, 30],
    ]);
    expect(findings.articles.find((a) => a.id === "signal-partial")!.paragraphs).toBe(5);
  });

  it("counts everything found: 6 texts, 2 groups, 4 copy pairs and 3 pairs of partial reuse", () => {
    expect(findings.totals).toEqual({ articles: 6, groups: 2, pairs: 7, partial: 3 });
  });

  it("does not flag unrelated texts that share stock phrases", () => {
    const flagged = new Set(findings.articles.map((a) => a.id));
    expect(flagged.has("signal-unrelated")).toBe(false);
    expect(flagged.has("ledger-unrelated")).toBe(false);
  });

  it("names the earliest dated copy as the likely origin, and says 'undated' when no copy has a date", () => {
    const [wire, undated] = findings.groups;
    expect(idsOf([wire!.origin!])).toEqual(["harbour-wire"]);
    expect(wire!.originBasis).toBe("earliest-dated");
    expect(undated).toMatchObject({ origin: null, originBasis: "undated" });
  });

  it("counts the outlet network: copies from the origin's outlet, partial reuse once per text and origin", () => {
    expect(findings.network).toEqual([
      { republisher: "Eastern Ledger", source: "Harbour Wire", copies: 1, partial: 0 },
      { republisher: "Morning Signal", source: "Harbour Wire", copies: 0, partial: 1 },
      { republisher: "Valley Courier", source: "Harbour Wire", copies: 1, partial: 0 },
    ]);
  });

  it("says 'tied' when two copies share the earliest date", () => {
    const sameDay = fixtures.map((a) => (a.id === "ledger-copy" ? { ...a, published: "2023-03-01" } : a));
    expect(findReuse(sameDay).groups[0]).toMatchObject({ origin: null, originBasis: "tied" });
  });

  it("gives the same output twice and for the articles in any order", () => {
    const random = mulberry32(7);
    const shuffled: ReuseArticle[] = [...fixtures];
    for (let i = shuffled.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
    }
    expect(shuffled.map((a) => a.id)).not.toEqual(fixtures.map((a) => a.id));
    expect(JSON.stringify(findReuse(shuffled))).toBe(JSON.stringify(findings));
    expect(JSON.stringify(findReuse(fixtures))).toBe(JSON.stringify(findings));
  });

  it("finds nothing in an empty corpus or one article", () => {
    expect(findReuse([])).toMatchObject({ articles: [], groups: [], pairs: [], network: [], crowded: 0 });
    expect(findReuse(fixtures.slice(0, 1)).pairs).toEqual([]);
  });
});
