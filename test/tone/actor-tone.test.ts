import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compileGazetteer } from "../../data-loaders/terms/gazetteer.ts";
import { meanTable } from "../../data-loaders/compare/rate-statistics.ts";
import { analyzeText } from "../helpers.ts";

describe("actor mentions", () => {
  it("finds aliases in both languages, names case-sensitively", () => {
    const en = analyzeText("The US told us that Washington and NATO agree. Putin disagrees.");
    expect(en.actors.mentions.map((m) => [m.actor, m.term])).toEqual([
      ["usa", "US"],
      ["usa", "Washington"],
      ["nato", "NATO"],
      ["putin", "Putin"],
    ]);
    const nl = analyzeText("De Verenigde Staten en de NAVO bedreigen Rusland, zegt Poetin. De russische reactie volgt.", "nl");
    expect(nl.actors.mentions.map((m) => m.actor)).toEqual(["usa", "nato", "russia", "putin", "russia"]);
  });
  it("does not take Xi’an for Xi Jinping", () => {
    expect(analyzeText("The train runs from Xi’an to Almaty. Xi Jinping was there.").actors.mentions.map((m) => m.term)).toEqual([
      "Xi Jinping",
    ]);
  });
});

describe("actorTone", () => {
  it("gives each actor the mean tone of the paragraph sentences that mention it, with those sentences", () => {
    const record = analyzeText("Russia is a wonderful, great partner. The USA is a terrible, hostile bully. Russia and the USA met.");
    const scores = record.sentiment.sentences.map((s) => s.score);
    const russia = record.actors.tone.find((t) => t.actor === "russia")!;
    expect(russia.sentences).toEqual([0, 2]);
    expect(russia.tone).toBeCloseTo((scores[0]! + scores[2]!) / 2, 5);
    expect(record.actors.tone.find((t) => t.actor === "usa")!.sentences).toEqual([1, 2]);
  });
  it("computes the in-group minus out-group gap from the camps' sentences", () => {
    const record = analyzeText("Russia is a wonderful, great partner. The USA is a terrible, hostile bully.");
    const [good, bad] = record.sentiment.sentences.map((s) => s.score);
    expect(record.actors.inGroup).toMatchObject({ camp: "russia-china", sentences: [0] });
    expect(record.actors.outGroup).toMatchObject({ camp: "west", sentences: [1] });
    expect(record.actors.gap).toBeCloseTo(good! - bad!, 5);
    expect(record.actors.gap!).toBeGreaterThan(0);
  });
  it("leaves the gap null when a camp is not mentioned", () => {
    expect(analyzeText("China builds railways.").actors.gap).toBeNull();
  });
  it("leaves headings out of actor tone", () => {
    const record = analyzeText("Terrible Russia\n\nThe weather was fine.");
    expect(record.actors.tone.find((t) => t.actor === "russia")).toMatchObject({ sentences: [0], tone: null });
  });
});

describe("compileGazetteer(raw)", () => {
  const text = (actors: string) =>
    `id: actors\nversion: 1.0.0\ncamps: [{id: a, label: A}, {id: b, label: B}]\ninGroup: a\noutGroup: b\nactors:\n${actors}`;
  const errorsOf = (yaml: string) => compileGazetteer(parse(yaml), new TextEncoder().encode(yaml), "g.yaml").errors;
  it("rejects an unknown camp, an unknown language and a bad alias, naming the actor", () => {
    expect(
      errorsOf(
        text(
          `  - {id: x, label: X, camp: c, kind: country, aliases: {en: ["X"], fr: ["X"]}}\n  - {id: y, label: Y, camp: a, kind: country, aliases: {en: ["Y{"]}}`,
        ),
      ),
    ).toEqual([
      { file: "g.yaml", field: "actors.x.camp", message: 'unknown camp "c": use one of a, b' },
      { file: "g.yaml", field: "actors.x.aliases.fr", message: 'unknown language "fr": use en or nl' },
      { file: "g.yaml", field: "actors.y.aliases.en.0", message: 'alias "Y{" unclosed "{" at character 2' },
    ]);
  });
});

describe("meanTable(items, grouping, measures)", () => {
  it("averages per group, leaves out nulls, and brackets the mean with a seeded interval", () => {
    const items = [1, 2, 3, 4]
      .map((v) => ({ groups: { g: v < 3 ? "low" : "high" }, values: { tone: v / 10 } }))
      .concat([{ groups: { g: "low" }, values: { tone: null as unknown as number } }]);
    const rows = meanTable(items, "g", ["tone"], { seed: 3 });
    expect(rows.map((r) => [r.group, r.articles, r.mean])).toEqual([
      ["high", 2, 0.35],
      ["low", 2, 0.15000000000000002],
    ]);
    for (const r of rows) expect(r.low! <= r.mean! && r.mean! <= r.high!).toBe(true);
    expect(meanTable(items, "g", ["tone"], { seed: 3 })).toEqual(rows);
  });
});

describe("meanInterval(values, key)", () => {
  it("brackets the mean, is reproducible, and gives no interval for one value", async () => {
    const { meanInterval } = await import("../../data-loaders/compare/rate-statistics.ts");
    const values = [0.1, -0.2, 0.4, 0.3, 0];
    const a = meanInterval(values, "article\u0000x");
    expect(a.mean).toBeCloseTo(0.12, 12);
    expect(a.low! <= a.mean! && a.mean! <= a.high!).toBe(true);
    expect(meanInterval(values, "article\u0000x")).toEqual(a);
    expect(meanInterval([0.5], "k")).toEqual({ mean: 0.5, low: null, high: null });
    expect(meanInterval([], "k")).toEqual({ mean: null, low: null, high: null });
  });
});

describe("how sentence scores combine into tone (toneMean)", () => {
  it("weighs a negative sentence by the language's negativeSentenceWeight, and keeps one sentence's score", async () => {
    const { toneMean } = await import("../../data-loaders/tone/article-sentiment.ts");
    // (0.4 + 2 × −0.2) / (1 + 2) = 0: a positive and a negative sentence of half its strength balance.
    expect(toneMean([0.4, -0.2], 2)).toBeCloseTo(0, 12);
    expect(toneMean([0.4, -0.2], 1)).toBeCloseTo(0.1, 12);
    expect(toneMean([-0.3], 2)).toBeCloseTo(-0.3, 12);
    expect(toneMean([0, 0.2], 2)).toBeCloseTo(0.1, 12);
    expect(toneMean([], 2)).toBeNull();
  });
  it("gives a Dutch article the weighted mean and an English one the plain mean (corpus/lexicons/sentiment-rules.yaml)", () => {
    const nl = analyzeText("Het was een prachtige, geweldige dag. Het eten was slecht.", "nl");
    const [a, b] = nl.sentiment.sentences.map((s) => s.score);
    expect(a! > 0 && b! < 0).toBe(true);
    expect(nl.sentiment.score).toBeCloseTo((a! + 2 * b!) / 3, 5);
    const en = analyzeText("It was a wonderful, great day. The food was bad.");
    const [c, d] = en.sentiment.sentences.map((s) => s.score);
    expect(en.sentiment.score).toBeCloseTo((c! + d!) / 2, 5);
  });
  it("uses the same weights in the bootstrap interval of an article's tone", async () => {
    const { meanInterval } = await import("../../data-loaders/compare/rate-statistics.ts");
    const values = [0.4, -0.2, 0.3, -0.1];
    const weighted = meanInterval(values, "k", {}, (v) => (v < 0 ? 2 : 1));
    expect(weighted.mean).toBeCloseTo((0.4 + 0.3 - 0.4 - 0.2) / 6, 12);
    expect(weighted.low! <= weighted.mean! && weighted.mean! <= weighted.high!).toBe(true);
  });
});
