import { describe, expect, it } from "vitest";
import {
  characterGrams,
  documentFrequency,
  inverseDocumentFrequency,
  isName,
  lowerCaseForms,
  newsToneReader,
  toneVector,
  vocabulary,
  EVERY_WORD,
} from "../../data-loaders/tone/news-tone-features.ts";
import { tokensOf } from "../helpers.ts";

const design = EVERY_WORD;
const lexicon = (word: string) => ({ goed: 0.7 })[word];
const shown = (shares: readonly { feature: string; share: number }[][]) => shares.map((own) => own.map((s) => `${s.feature}:${s.share}`));

describe("newsToneReader(design, lexicon, ruleWords)", () => {
  it("gives each word its form, half of each word pair it is in, and its lexicon score", () => {
    const { words, shares } = newsToneReader(design, lexicon, new Set())(tokensOf("Groei is goed, Rutte!"));
    expect(words).toEqual([0, 1, 2, 4]);
    expect(shown(shares)).toEqual([
      ["w=groei:1", "p=groei_is:0.5"],
      ["w=is:1", "p=groei_is:0.5", "p=is_goed:0.5"],
      ["w=goed:1", "lex:0.7", "p=is_goed:0.5", "p=goed_rutte:0.5"],
      ["w=rutte:1", "p=goed_rutte:0.5"],
    ]);
  });
  it("leaves out names and function words when the design says so, a skipped name breaking a pair", () => {
    const read = newsToneReader({ ...design, names: false, functionWords: false }, lexicon, new Set(["niet"]));
    const { words, shares } = read(tokensOf("Export Rusland daalt niet"));
    expect(words).toEqual([0, 2, 3]);
    expect(shown(shares)).toEqual([["w=export:1"], ["w=daalt:1", "p=daalt_niet:0.5"], ["w=niet:1", "p=daalt_niet:0.5"]]);
  });
  it("tells a name opening a sentence from a word by the forms the fitting text writes in lower case", () => {
    const lower = lowerCaseForms([tokensOf("Rusland zegt dat de export groeit"), tokensOf("De export van Rusland daalt")]);
    expect([...lower].sort()).toEqual(["daalt", "dat", "de", "export", "groeit", "van", "zegt"]);
    expect(isName("Rusland", true, lower)).toBe(true);
    expect(isName("Export", true, lower)).toBe(false);
    expect(isName("Export", false, lower)).toBe(true);
    expect(isName("export", false, lower)).toBe(false);
    expect(isName("Rusland", true, undefined)).toBe(false);
    const read = newsToneReader({ ...design, names: false }, lexicon, new Set(), lower);
    const { words, shares } = read(tokensOf("Rusland daalt, export groeit"));
    expect(words).toEqual([1, 3, 4]);
    expect(shown(shares)).toEqual([
      ["w=daalt:1", "p=daalt_export:0.5"],
      ["w=export:1", "p=daalt_export:0.5", "p=export_groeit:0.5"],
      ["w=groeit:1", "p=export_groeit:0.5"],
    ]);
  });
  it("reads character n-grams within the word, between boundary marks", () => {
    expect(characterGrams("groei", 3)).toEqual(["<g", "gr", "ro", "oe", "ei", "i>", "<gr", "gro", "roe", "oei", "ei>"]);
    const read = newsToneReader(
      { ...design, words: false, pairs: false, lexicon: false, characters: true, maxGram: 2 },
      lexicon,
      new Set(),
    );
    expect(shown(read(tokensOf("Op")).shares)).toEqual([["c=<o:1", "c=op:1", "c=p>:1"]]);
  });
  it("reads character n-grams from minGram to maxGram when the design gives minGram", () => {
    expect(characterGrams("groei", 4, 3)).toEqual(["<gr", "gro", "roe", "oei", "ei>", "<gro", "groe", "roei", "oei>"]);
    const read = newsToneReader(
      { ...design, words: false, pairs: false, lexicon: false, characters: true, minGram: 3, maxGram: 3 },
      lexicon,
      new Set(),
    );
    expect(shown(read(tokensOf("Op")).shares)).toEqual([["c=<op:1", "c=op>:1"]]);
  });
});

describe("vocabulary(sentences, minGramCount)", () => {
  it("keeps every feature by default, and with minGramCount leaves out only character n-grams in fewer sentences", () => {
    const sentence = (...features: string[]) => [features.map((feature) => ({ feature, share: 1 }))];
    const sentences = [sentence("w=a", "c=<a", "c=a>"), sentence("w=b", "c=<a", "p=a_b")];
    expect([...vocabulary(sentences).keys()]).toEqual(["w=a", "c=<a", "c=a>", "w=b", "p=a_b"]);
    // "c=a>" is in one sentence of two: left out; words and pairs in one sentence stay.
    expect([...vocabulary(sentences, 2)]).toEqual([
      ["w=a", 1 + Math.log(3 / 2)],
      ["c=<a", 1],
      ["w=b", 1 + Math.log(3 / 2)],
      ["p=a_b", 1 + Math.log(3 / 2)],
    ]);
  });
});

describe("toneVector(shares, idf, counts) and inverseDocumentFrequency(feature, count, documents)", () => {
  it("agrees with scikit-learn's TfidfVectorizer(sublinear_tf=True, smooth_idf=True, norm='l2')", () => {
    // Documents "a a b" and "b c": idf(a) = ln(3/2) + 1, idf(b) = ln(3/3) + 1 = 1, as scikit-learn's formula gives.
    const documents = [
      [[{ feature: "a", share: 1 }], [{ feature: "a", share: 1 }], [{ feature: "b", share: 1 }]],
      [[{ feature: "b", share: 1 }], [{ feature: "c", share: 1 }]],
    ];
    const df = documentFrequency(documents);
    expect([...df]).toEqual([
      ["a", 1],
      ["b", 2],
      ["c", 1],
    ]);
    const idf = new Map([...df].map(([f, n]) => [f, inverseDocumentFrequency(f, n, 2)]));
    expect(idf.get("b")).toBe(1);
    const { features, values, parts } = toneVector(documents[0]!, idf, "sublinear");
    const a = (1 + Math.log(2)) * (Math.log(1.5) + 1);
    const length = Math.hypot(a, 1);
    expect(features).toEqual(["a", "b"]);
    expect(values[0]).toBeCloseTo(a / length, 12);
    expect(values[1]).toBeCloseTo(1 / length, 12);
    // The two "a"s share its value evenly; the parts sum to the vector.
    expect(parts.map((mine) => mine.map(([c, part]) => [c, Number(part.toFixed(12))]))).toEqual([
      [[0, Number((a / length / 2).toFixed(12))]],
      [[0, Number((a / length / 2).toFixed(12))]],
      [[1, Number((1 / length).toFixed(12))]],
    ]);
  });
  it("counts a pair once from its two halves, leaves out features the vocabulary lacks and sums lexicon scores unweighted", () => {
    const shares = [
      [
        { feature: "p=x_y", share: 0.5 },
        { feature: "lex", share: 0.5 },
        { feature: "w=unknown", share: 1 },
      ],
      [
        { feature: "p=x_y", share: 0.5 },
        { feature: "lex", share: -0.2 },
      ],
    ];
    const { features, values } = toneVector(
      shares,
      new Map([
        ["p=x_y", 2],
        ["lex", 1],
      ]),
      "sublinear",
    );
    expect(features).toEqual(["p=x_y", "lex"]);
    const length = Math.hypot(2, 0.3);
    expect(values).toEqual([2 / length, 0.3 / length].map((v) => expect.closeTo(v, 12)));
  });
  it("with lengths by kind, gives the character n-grams and the other features each length 1, as a scikit-learn FeatureUnion of two TF-IDF vectors", () => {
    const shares = [["w=ab", "c=<a", "c=ab", "c=b>"].map((feature) => ({ feature, share: 1 }))];
    const idf = new Map([
      ["w=ab", 2],
      ["c=<a", 1],
      ["c=ab", 1],
      ["c=b>", 1],
    ]);
    const { values, parts } = toneVector(shares, idf, "sublinear", "by-kind");
    expect(values).toEqual([1, ...[1, 1, 1].map((v) => expect.closeTo(v / Math.sqrt(3), 12))]);
    // The shared length (the default) divides all four by one length instead.
    expect(toneVector(shares, idf, "sublinear").values[0]).toBeCloseTo(2 / Math.sqrt(7), 12);
    expect(parts[0]!.reduce((sum, [, part]) => sum + part, 0)).toBeCloseTo(1 + Math.sqrt(3), 12);
  });
});
