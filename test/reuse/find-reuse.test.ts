// Who republishes whom, on invented articles (test/fixtures/reuse/articles/): a wire text, a copy of it
// under another headline, a copy with two words edited, an opinion piece reusing two of its five
// paragraphs, two unrelated texts sharing stock phrases, and an undated pair of copies.
import { describe, expect, it } from "vitest";
import {
  COPY_JACCARD,
  PASSAGE_MIN_WORDS,
  PASSAGE_OVERLAP,
  VerifiedPairs,
  findReuse,
  labelledShingles,
  type ReuseArticle,
} from "../../data-loaders/reuse/find-reuse.ts";
import { jaccard, sharedCount, shingleHashes } from "../../data-loaders/reuse/shingles.ts";
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

describe("labelledShingles(runs, labels)", () => {
  it("merges ascending runs into one, each shingle labelled with its run's label, a shared one twice", () => {
    const merged = labelledShingles([Uint32Array.of(2, 9), Uint32Array.of(5, 9), Uint32Array.of(1)], [0, 1, 7]);
    expect([...merged.shingles]).toEqual([1, 2, 5, 9, 9]);
    expect([...merged.labels]).toEqual([7, 0, 1, 0, 1]);
    expect(labelledShingles([], []).shingles.length).toBe(0);
  });
});

describe("VerifiedPairs", () => {
  it("lists the largest pairs as a stable sort by size would, copies first, back in the order added", () => {
    const random = mulberry32(3);
    const pairs = new VerifiedPairs(400);
    const added: Array<{ a: number; b: number; size: number }> = [];
    for (let a = 0; a < 300; a++) {
      const copy = random() < 0.05;
      const size = copy ? Infinity : 1 + Math.floor(random() * 4);
      pairs.add(a, a + 1, copy ? "copy" : "partial", copy ? 0 : size);
      added.push({ a, b: a + 1, size });
    }
    const reference = (limit: number) =>
      added
        .map((pair, i) => ({ ...pair, i }))
        .sort((x, y) => y.size - x.size || x.i - y.i)
        .slice(0, limit)
        .sort((x, y) => x.i - y.i)
        .map(({ a, b }) => [a, b]);
    for (const limit of [1, 17, 100, 299, 300, 1000]) expect(pairs.largest(limit)).toEqual(reference(limit));
    expect(pairs.count).toBe(300);
    expect(pairs.partial).toBe(added.filter((p) => p.size !== Infinity).length);
    expect(pairs.articles()).toBe(301);
  });
});

describe("findReuse on texts recombined from a few paragraphs", () => {
  // 80 texts of 3 to 6 paragraphs drawn from 40 (each its own 10 to 30 words), a word changed now and then,
  // every tenth text a copy of an earlier one: many pairs share paragraphs, some whole texts. Each pair is
  // checked against the definitions computed directly: the Jaccard index of the texts' shingles, and every
  // paragraph pair's overlap.
  const random = mulberry32(5);
  const stock = Array.from({ length: 40 }, (_, k) => Array.from({ length: 10 + Math.floor(random() * 21) }, (_, w) => `p${k}w${w}`));
  const texts: ReuseArticle[] = [];
  for (let i = 0; i < 80; i++) {
    const paragraphs = Array.from({ length: 3 + Math.floor(random() * 4) }, (_, k) => {
      const words = [...stock[Math.floor(random() * stock.length)]!];
      if (random() < 0.3) words[Math.floor(random() * words.length)] = `edit${i}`;
      return { sentence: 10 * k, words };
    });
    const id = `t-${String(i).padStart(3, "0")}`;
    const copied = i % 10 === 9 ? texts[i - 5]!.paragraphs : paragraphs;
    texts.push({
      id,
      title: `Text ${i}`,
      outlet: `Outlet ${i % 4}`,
      published: `2024-01-${String(1 + (i % 28)).padStart(2, "0")}`,
      paragraphs: copied,
    });
  }
  const found = findReuse(texts);
  const shingled = new Map(
    texts.map((t) => {
      const paragraphs = t.paragraphs.map((p) => ({
        sentence: p.sentence,
        long: p.words.length >= PASSAGE_MIN_WORDS,
        shingles: shingleHashes(p.words),
      }));
      const whole = Uint32Array.from(new Set(paragraphs.flatMap((p) => [...p.shingles]))).sort();
      return [t.id, { paragraphs, whole }];
    }),
  );

  it("gives every listed pair the Jaccard index and matched paragraphs their definitions give", () => {
    expect(found.pairs.filter((p) => p.kind === "copy").length).toBeGreaterThanOrEqual(7);
    expect(found.pairs.filter((p) => p.kind === "partial").length).toBeGreaterThan(500);
    for (const pair of found.pairs) {
      const [x, y] = [shingled.get(found.articles[pair.a]!.id)!, shingled.get(found.articles[pair.b]!.id)!];
      const similarity = jaccard(x.whole, y.whole);
      expect(pair.jaccard).toBe(Math.round(similarity * 1e4) / 1e4);
      expect(pair.kind).toBe(similarity >= COPY_JACCARD ? "copy" : "partial");
      const overlapping = (p: (typeof x.paragraphs)[number], q: (typeof x.paragraphs)[number]) =>
        p.long && q.long && sharedCount(p.shingles, q.shingles) >= PASSAGE_OVERLAP * Math.min(p.shingles.length, q.shingles.length);
      const passages = x.paragraphs.flatMap((p) => y.paragraphs.filter((q) => overlapping(p, q)).map((q) => [p.sentence, q.sentence]));
      expect(pair.passages).toEqual(passages);
    }
  });
});
