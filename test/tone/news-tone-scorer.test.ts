import { describe, expect, it } from "vitest";
import { readText } from "../../data-loaders/pipeline/analyze-article.ts";
import { indexCorpus, readIndexedArticle } from "../../data-loaders/reading/read-corpus.ts";
import type { Token } from "../../data-loaders/reading/token.ts";
import {
  documentFrequency,
  inverseDocumentFrequency,
  lowerCaseForms,
  newsToneReader,
  toneVector,
  type ToneDesign,
} from "../../data-loaders/tone/news-tone-features.ts";
import { readNewsToneModel } from "../../data-loaders/pipeline/read-data-files.ts";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { ruleWords } from "../../data-loaders/tone/news-tone-model.ts";
import { compileNewsToneScorer, type NewsToneTables } from "../../data-loaders/tone/news-tone-scorer.ts";
import { SEED_CORPUS, sharedResources, tokensOf } from "../helpers.ts";

const { sentiment } = sharedResources();
const lexicon = sentiment.lexicons.nl;
const rules = ruleWords(sentiment.rules.nl);

/** Every sentence of the Dutch seeds, as the pipeline reads them: the article's tokens and the sentence's [from, to). */
async function dutchSeedSentences(): Promise<{ readonly tokens: readonly Token[]; readonly from: number; readonly to: number }[]> {
  const sentences = [];
  for (const entry of await indexCorpus(SEED_CORPUS)) {
    const article = readIndexedArticle(entry);
    if (article.language !== "nl") continue;
    const { tokens } = readText(article.text, article.language, sharedResources());
    for (let from = 0; from < tokens.length;) {
      let to = from;
      while (to < tokens.length && tokens[to]!.sentence === tokens[from]!.sentence) to++;
      sentences.push({ tokens, from, to });
      from = to;
    }
  }
  return sentences;
}

/**
 * The fitting's way to the same numbers, by feature names: newsToneReader's shares, toneVector's parts, and
 * the class scores and each word's part of z₊ − z₋ added up part by part.
 */
function byFeatureNames(tables: NewsToneTables, lowerForms?: ReadonlySet<string>) {
  const read = newsToneReader(tables.design, lexicon, rules, lowerForms);
  const idf = new Map(Object.entries(tables.features).map(([f, [count]]) => [f, inverseDocumentFrequency(f, count, tables.documents)]));
  return (tokens: readonly Token[]) => {
    const { words, shares } = read(tokens);
    const { features, parts } = toneVector(shares, idf, tables.design.counts, tables.design.lengths);
    const scores = [...tables.bias];
    const values = parts.map((mine) => {
      let sum = 0;
      for (const [c, part] of mine) {
        const [, ...w] = tables.features[features[c]!]!;
        for (let k = 0; k < 3; k++) scores[k] = scores[k]! + w[k]! * part;
        sum += (w[2] - w[0]) * part;
      }
      return sum;
    });
    return { scores, words, values };
  };
}

/** What the compiled scorer gives for a sentence, copied out of its buffers. */
function compiled(scorer: ReturnType<typeof compileNewsToneScorer>, tokens: readonly Token[], from: number, to: number) {
  const parts = scorer(tokens, from, to);
  const words = Array.from(parts.wordToken.subarray(0, parts.words), (t) => t - from);
  return { scores: [parts.negative, parts.neutral, parts.positive], words, values: Array.from(parts.wordValue.subarray(0, parts.words)) };
}

describe("compileNewsToneScorer(tables, lexicon, ruleWords, lowerForms)", () => {
  it("gives every Dutch seed sentence the class scores and word parts of the fitting's toneVector, bit for bit (the bundled model)", async () => {
    const sentences = await dutchSeedSentences();
    expect(sentences.length).toBeGreaterThan(50);
    const tables = readNewsToneModel(corpusPaths({}).toneWeights);
    // Without names, the forms the model has word features for tell an opening name (as newsToneScorer reads them).
    const lowerForms = new Set(Object.keys(tables.features).flatMap((f) => (f.startsWith("w=") ? [f.slice(2)] : [])));
    const reference = byFeatureNames(tables, lowerForms);
    for (const { tokens, from, to } of sentences)
      expect(compiled(sentiment.newsModel!.scorer, tokens, from, to)).toEqual(reference(tokens.slice(from, to)));
  });
  it.each(["shared", "by-kind"] as const)(
    "agrees with it under another design too: character n-grams, function words left out, names read, binary counts, lengths %s",
    async (lengths) => {
      const design: ToneDesign = {
        words: true,
        pairs: true,
        characters: true,
        maxGram: 3,
        lexicon: true,
        names: true,
        functionWords: false,
        counts: "binary",
        lengths,
      };
      const sentences = (await dutchSeedSentences()).map(({ tokens, from, to }) => tokens.slice(from, to));
      const read = newsToneReader(design, lexicon, rules);
      const counts = documentFrequency(sentences.map((tokens) => read(tokens).shares));
      // Weights made up from each feature's place, so every class score moves differently.
      const features = Object.fromEntries(
        [...counts].map(([f, count], i) => [
          f,
          [count, ((i * 7) % 11) / 10 - 0.5, ((i * 3) % 7) / 10 - 0.3, ((i * 5) % 13) / 10 - 0.6] as const,
        ]),
      );
      const tables: NewsToneTables = { design, documents: sentences.length, bias: [0.1, 0.2, -0.3], features };
      const scorer = compileNewsToneScorer(tables, lexicon, rules);
      const reference = byFeatureNames(tables);
      for (const tokens of sentences) expect(compiled(scorer, tokens, 0, tokens.length)).toEqual(reference(tokens));
    },
  );
  it("leaves names out as the fitting reads them: a capitalised word inside, an opening one the fitting text never writes in lower case", () => {
    const design: ToneDesign = {
      words: true,
      pairs: true,
      characters: false,
      maxGram: 2,
      lexicon: false,
      names: false,
      functionWords: true,
      counts: "sublinear",
    };
    const lowerForms = lowerCaseForms([tokensOf("de export groeit"), tokensOf("het daalt")]);
    const tables: NewsToneTables = {
      design,
      documents: 3,
      bias: [0, 0, 0],
      features: { "w=export": [1, 0, 0, 1], "p=daalt_export": [1, 1, 0, 0] },
    };
    const scorer = compileNewsToneScorer(tables, lexicon, rules, lowerForms);
    for (const text of ["Rusland daalt, export groeit", "Export daalt door Poetin", "Daalt export?"]) {
      const tokens = tokensOf(text);
      expect(compiled(scorer, tokens, 0, tokens.length)).toEqual(byFeatureNames(tables, lowerForms)(tokens));
    }
    const tokens = tokensOf("Daalt export?");
    expect(compiled(scorer, tokens, 0, tokens.length).words).toEqual([0, 1]);
  });
});
