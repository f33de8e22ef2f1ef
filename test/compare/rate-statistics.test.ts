import { mean, quantileSorted } from "simple-statistics";
import { describe, expect, it } from "vitest";
import { meanTable, rateTable, type ArticleCounts } from "../../data-loaders/compare/rate-statistics.ts";
import { mulberry32, multinomialResamples } from "../../data-loaders/portable/seeded-random.ts";

const articles: ArticleCounts[] = [
  { id: "a", words: 1000, counts: { hegemon: 5 }, groups: { language: "nl" } },
  { id: "b", words: 3000, counts: { hegemon: 3, vassal: 3 }, groups: { language: "nl" } },
  { id: "c", words: 500, counts: {}, groups: { language: "en" } },
];

describe("rateTable(articles, grouping, categories)", () => {
  it("pools counts and words: 1000 × Σcount / Σwords", () => {
    const rows = rateTable(articles, "language", ["hegemon", "vassal"]);
    expect(rows.map((r) => [r.group, r.category, r.count, r.words, r.rate])).toEqual([
      ["en", "hegemon", 0, 500, 0],
      ["en", "vassal", 0, 500, 0],
      ["nl", "hegemon", 8, 4000, 2],
      ["nl", "vassal", 3, 4000, 0.75],
    ]);
  });

  it("gives no interval for a group of one article", () => {
    const en = rateTable(articles, "language", ["hegemon"]).find((r) => r.group === "en")!;
    expect([en.low, en.high]).toEqual([null, null]);
  });

  it("gives an interval that contains the pooled rate and lies within the per-article extremes", () => {
    const nl = rateTable(articles, "language", ["hegemon"]).find((r) => r.group === "nl")!;
    expect(nl.low).toBeLessThanOrEqual(nl.rate);
    expect(nl.high).toBeGreaterThanOrEqual(nl.rate);
    expect(nl.low).toBeGreaterThanOrEqual(1); // article b alone: 1 per 1,000
    expect(nl.high).toBeLessThanOrEqual(5); // article a alone: 5 per 1,000
  });

  it("is reproducible with a seed, and moves with another seed", () => {
    const first = rateTable(articles, "language", ["hegemon"], { seed: 7 });
    expect(rateTable(articles, "language", ["hegemon"], { seed: 7 })).toEqual(first);
    const many = Array.from({ length: 20 }, (_, i) => ({
      id: `x${i}`,
      words: 100 + i * 37,
      counts: { hegemon: i % 4 },
      groups: { all: "all" },
    }));
    expect(rateTable(many, "all", ["hegemon"], { seed: 1 })[0]!.low).not.toBe(rateTable(many, "all", ["hegemon"], { seed: 2 })[0]!.low);
  });

  it("agrees with a direct bootstrap of the same resamples (independent reference)", () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ id: `x${i}`, words: 200 + 50 * i, counts: { f: i % 3 }, groups: { g: "all" } }));
    const row = rateTable(many, "g", ["f"], { seed: 99, resamples: 500 })[0]!;
    // The pooled rate by hand:
    const words = many.reduce((s, a) => s + a.words, 0);
    expect(row.rate).toBeCloseTo((1000 * many.reduce((s, a) => s + a.counts.f, 0)) / words, 12);
    // The bootstrap distribution's mean is close to the pooled rate for a sample this size.
    const rates: number[] = [];
    for (let r = 0; r < 2000; r++) {
      const random = mulberry32(r + 1);
      let c = 0;
      let w = 0;
      for (let i = 0; i < many.length; i++) {
        const pick = many[Math.floor(random() * many.length)]!;
        c += pick.counts.f;
        w += pick.words;
      }
      rates.push((1000 * c) / w);
    }
    rates.sort((a, b) => a - b);
    expect(Math.abs(mean(rates) - row.rate)).toBeLessThan(0.15 * row.rate);
    expect(Math.abs(quantileSorted(rates, 0.025) - row.low!)).toBeLessThan(0.25 * row.rate);
  });
});

describe("mulberry32(seed)", () => {
  it("gives the same sequence for the same seed, in [0, 1)", () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const values = Array.from({ length: 1000 }, () => a());
    expect(values).toEqual(Array.from({ length: 1000 }, () => b()));
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(mean(values)).toBeGreaterThan(0.45);
    expect(mean(values)).toBeLessThan(0.55);
  });
});

describe("multinomialResamples(seed, n, resamples, out)", () => {
  it("counts the draws mulberry32(seed) gives, n per resample", () => {
    const n = 7;
    const out = new Uint8Array(n * 50);
    multinomialResamples(123, n, 50, out);
    const random = mulberry32(123);
    const expected = new Uint8Array(n * 50);
    for (let r = 0; r < 50; r++) for (let i = 0; i < n; i++) expected[r * n + Math.floor(random() * n)]!++;
    expect([...out]).toEqual([...expected]);
    for (let r = 0; r < 50; r++) expect(out.subarray(r * n, (r + 1) * n).reduce((a, b) => a + b, 0)).toBe(n);
  });
});

/** 30 articles in two groupings, with counts for rates and values (some missing) for means. */
const many: Array<ArticleCounts & { readonly values: Readonly<Record<"tone" | "gap", number | null>> }> = Array.from(
  { length: 30 },
  (_, i) => ({
    id: `x${i}`,
    words: 300 + 41 * i,
    counts: { f: i % 3, g: i % 5 === 0 ? 2 : 0 },
    groups: { all: "all", half: i % 2 ? "odd" : "even" },
    values: { tone: i % 7 === 0 ? null : Math.sin(i) / 2, gap: Math.cos(i) / 3 },
  }),
);

describe("shared resamples", () => {
  it("give the same rate and mean intervals whether a group's resamples are kept for the next table or drawn again", () => {
    const drawn = new Map<string, Uint8Array>();
    for (const grouping of ["all", "half"]) {
      expect(rateTable(many, grouping, ["f", "g"], { drawn })).toEqual(rateTable(many, grouping, ["f", "g"]));
      expect(meanTable(many, grouping, ["tone", "gap"], { drawn })).toEqual(meanTable(many, grouping, ["tone", "gap"]));
    }
    expect(drawn.size).toBe(3); // all, and half's two groups
  });

  it("give a mean's interval over the articles with a value: one article without one changes nothing else", () => {
    const rows = meanTable(many, "all", ["tone", "gap"]);
    const tone = rows.find((r) => r.measure === "tone")!;
    expect(tone.articles).toBe(many.filter((a) => a.values.tone !== null).length);
    expect(tone.mean).toBeCloseTo(mean(many.flatMap((a) => (a.values.tone === null ? [] : [a.values.tone]))), 12);
    expect(tone.low!).toBeLessThan(tone.mean!);
    expect(tone.high!).toBeGreaterThan(tone.mean!);
  });
});

describe("kept group rows", () => {
  /** A store in memory that counts what is read back and written. */
  const memoryStore = () => {
    const texts = new Map<string, string | Uint8Array>();
    const seen = { hits: 0, puts: 0 };
    const found = <T>(key: string, kind: "string" | "object") => {
      const value = texts.get(key);
      if (typeof value !== kind) return null;
      seen.hits++;
      return value as T;
    };
    return {
      seen,
      texts,
      store: {
        get: (key: string) => found<string>(key, "string"),
        getBytes: (key: string) => found<Uint8Array>(key, "object"),
        put: (key: string, value: string | Uint8Array) => void (texts.set(key, value), seen.puts++),
      },
    };
  };

  it("are the rows computed without a store, read back while a group's articles are unchanged", () => {
    const { store, seen } = memoryStore();
    const kept = { store, salt: "code-1" };
    const plain = [rateTable(many, "half", ["f", "g"]), meanTable(many, "half", ["tone", "gap"])];
    expect([rateTable(many, "half", ["f", "g"], { kept }), meanTable(many, "half", ["tone", "gap"], { kept })]).toEqual(plain);
    expect(seen).toEqual({ hits: 0, puts: 4 });
    expect([rateTable(many, "half", ["f", "g"], { kept }), meanTable(many, "half", ["tone", "gap"], { kept })]).toEqual(plain);
    expect(seen).toEqual({ hits: 4, puts: 4 });
  });

  it("are computed again for the group whose article changed, and for another salt (code) or setting", () => {
    const { store, seen } = memoryStore();
    const kept = { store, salt: "code-1" };
    rateTable(many, "half", ["f", "g"], { kept });
    meanTable(many, "half", ["tone", "gap"], { kept });
    // Article 3 is odd: only the odd group is computed again, and it equals a computation without a store.
    const edited = many.map((a, i) => (i === 3 ? { ...a, words: a.words + 1, values: { ...a.values, tone: 0.25 } } : a));
    expect(rateTable(edited, "half", ["f", "g"], { kept })).toEqual(rateTable(edited, "half", ["f", "g"]));
    expect(meanTable(edited, "half", ["tone", "gap"], { kept })).toEqual(meanTable(edited, "half", ["tone", "gap"]));
    expect(seen).toEqual({ hits: 2, puts: 6 });
    rateTable(many, "half", ["f", "g"], { kept: { store, salt: "code-2" } });
    rateTable(many, "half", ["f", "g"], { kept, resamples: 500 });
    rateTable(many, "half", ["f"], { kept });
    expect(seen).toEqual({ hits: 2, puts: 12 });
  });

  /** `many` edited: article `i` gets one more word, another count and tone, and loses its gap value. */
  const edit = (items: typeof many, i: number) =>
    items.map((a, k) =>
      k === i ? { ...a, words: a.words + 1, counts: { f: (a.counts.f ?? 0) + 1, g: 0 }, values: { tone: 0.125, gap: null } } : a,
    );
  const tables = (items: typeof many, options: Parameters<typeof rateTable>[3] = {}) => [
    rateTable(items, "all", ["f", "g"], options),
    meanTable(items, "all", ["tone", "gap"], options),
  ];

  it("bring a large group's kept sums up to date for an edited article: the same rows as computed afresh", () => {
    const { store, seen } = memoryStore();
    const kept = { store, salt: "code-1" };
    // Groups of 10 or more keep their sums: "all" (30 articles) does, in both tables.
    tables(many, { kept, keptSumsFrom: 10 });
    expect(seen).toEqual({ hits: 0, puts: 4 }); // rows and sums, of each table
    let items = many;
    for (const i of [3, 17, 29]) {
      items = edit(items, i);
      const before = seen.hits;
      expect(tables(items, { kept, keptSumsFrom: 10 })).toEqual(tables(items));
      // The rows were not found (the group changed), the sums were, and both were kept again.
      expect(seen.hits - before).toBe(2);
    }
    expect(seen.puts).toBe(16);
  });

  it("resample a group anew when more than an eighth of its articles changed, or its kept sums are damaged", () => {
    const { store, seen, texts } = memoryStore();
    const kept = { store, salt: "code-1" };
    tables(many, { kept, keptSumsFrom: 10 });
    const edited = [0, 1, 2, 3, 4].reduce((items, i) => edit(items, i), many);
    expect(tables(edited, { kept, keptSumsFrom: 10 })).toEqual(tables(edited));
    for (const [key, value] of texts) if (typeof value !== "string") texts.set(key, value.subarray(0, value.byteLength - 8));
    const again = edit(edited, 9);
    expect(tables(again, { kept, keptSumsFrom: 10 })).toEqual(tables(again));
    expect(seen.hits).toBeGreaterThan(0);
  });
});
