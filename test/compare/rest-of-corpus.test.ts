import { describe, expect, it } from "vitest";
import { restOfCorpus, type OutletCounts } from "../../data-loaders/compare/rest-of-corpus.ts";

const article = (words: number, hegemon: number, hedges = 0): OutletCounts["articles"][number] => ({
  words,
  frames: hegemon ? { hegemon } : {},
  devices: hedges ? { hedges } : {},
});

// Outlet A: two articles of 1,000 words with 2 "hegemon" each, so A's rate is 2 in every resample that draws
// it. Outlet B: 1,000 words with none and 1,000 with 2 (rate 1). Each resample draws the 4 articles 4 times.
// The rest of the corpus against A is B's drawn articles: its rate is 0 whenever only B's first is drawn
// (chance (3/4)⁴ − (1/2)⁴ = 0.254) and 2 whenever only its second is (the same), so the 2.5% and 97.5%
// quantiles of 2,000 resamples are 0 and 2, and the difference's (2 less the rest's) are 0 and 2 as well.
const outlets: OutletCounts[] = [
  { source: "A", articles: [article(1000, 2), article(1000, 2)] },
  { source: "B", articles: [article(1000, 0), article(1000, 2, 1)] },
];

describe("restOfCorpus(outlets)", () => {
  const [a, b] = restOfCorpus(outlets);

  it("gives the rest's pooled rate and the worked interval of the corpus's resamples", () => {
    expect(a!.rates[1]).toEqual({
      kind: "frames",
      category: "hegemon",
      count: 2,
      words: 2000,
      rate: 1,
      low: 0,
      high: 2,
      difference: 1,
      differenceLow: 0,
      differenceHigh: 2,
    });
  });

  it("lists every frame and device the corpus uses, devices first, zero where the rest has none", () => {
    expect(a!.rates.map((r) => `${r.kind}/${r.category}`)).toEqual(["devices/hedges", "frames/hegemon"]);
    expect(b!.rates[0]).toMatchObject({ category: "hedges", count: 0, rate: 0, difference: 0.5, low: 0, high: 0 });
  });

  it("gives no difference interval to an outlet of one article, and no rest interval under two articles", () => {
    const lone = { source: "C", articles: [article(1000, 1)] };
    const [c] = restOfCorpus([lone, ...outlets]);
    expect(c!.rates[1]).toMatchObject({ category: "hegemon", count: 6, words: 4000, rate: 1.5, difference: -0.5, differenceLow: null });
    expect(c!.rates[1]!.low).toBeLessThan(c!.rates[1]!.high!);
    const [alone] = restOfCorpus([outlets[0]!, lone]);
    expect(alone!.rates[0]).toMatchObject({ low: null, high: null, differenceLow: null, differenceHigh: null });
  });
});
