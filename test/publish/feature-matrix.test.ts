import { describe, expect, it } from "vitest";
import { articleFeatures } from "../../data-loaders/compare/keyness-lists.ts";
import { articleWordCounts, FEATURE_TABLES, FeatureMatrixBuilder } from "../../data-loaders/publish/feature-matrix.ts";
import { searchableSentences } from "../../data-loaders/publish/search-index.ts";
import { analyzeText } from "../helpers.ts";

const first = analyzeText("De Hegemon en Eurazië.\n\nDe hegemón, de vazallen en eurazie!\n", "nl");
const second = analyzeText("The hegemon's vassals.\n", "en");

describe("articleWordCounts(record)", () => {
  it("folds words as the keyness lists do: case and diacritics away, each heading and paragraph word counted", () => {
    expect(articleWordCounts(first)).toEqual([
      ["de", 3],
      ["en", 2],
      ["eurazie", 2],
      ["hegemon", 2],
      ["vazallen", 1],
    ]);
  });

  it("has the same words and counts as the keyness lists' features, without their two-word phrases", () => {
    for (const record of [first, second]) {
      const keyness = [...articleFeatures(searchableSentences(record))].filter(([feature]) => !feature.includes(" "));
      expect(new Map(articleWordCounts(record))).toEqual(new Map(keyness));
    }
  });
});

describe("FeatureMatrixBuilder", () => {
  const matrix = new FeatureMatrixBuilder();
  matrix.add(first);
  matrix.add(second);
  const { dfm, dfm_features: features } = matrix.rows();
  const column = (table: 0 | 1, name: string) => FEATURE_TABLES[table].columns.findIndex((c) => c.name === name);

  it("numbers features in code-unit order and documents and articles in the order added", () => {
    const words = features.map((row) => row[column(1, "word")] as string);
    expect(words).toEqual([...words].sort());
    expect(features.map((row) => row[column(1, "feature")])).toEqual(words.map((_, k) => k));
    expect([...new Set(dfm.map((row) => `${row[column(0, "doc")]} ${row[column(0, "article")]}`))]).toEqual(["0 t", "1 t"]);
  });

  it("holds each article's counts as triplets, summing to each feature's totals", () => {
    const hegemon = features.find((row) => row[column(1, "word")] === "hegemon")!;
    expect(hegemon[column(1, "documents")]).toBe(2);
    expect(hegemon[column(1, "count")]).toBe(3);
    for (const feature of features) {
      const cells = dfm.filter((row) => row[column(0, "feature")] === feature[column(1, "feature")]);
      expect(cells.reduce((n, row) => n + (row[column(0, "count")] as number), 0)).toBe(feature[column(1, "count")]);
      expect(cells.length).toBe(feature[column(1, "documents")]);
    }
  });
});
