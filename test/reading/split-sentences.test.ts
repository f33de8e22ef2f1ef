import { describe, expect, it } from "vitest";
import { analyzeArticle, readText } from "../../data-loaders/pipeline/analyze-article.ts";
import { loadResources } from "../../data-loaders/pipeline/analyze-corpus.ts";
import { findMarkup, maskRanges } from "../../data-loaders/reading/find-markup.ts";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { readCorpus } from "../../data-loaders/reading/read-corpus.ts";
import type { Article } from "../../data-loaders/schema/record.ts";

const resources = loadResources(corpusPaths({}));
const seeds: Article[] = [];
for await (const article of readCorpus(corpusPaths({}).articles)) seeds.push(article);

describe("splitSentences on the seeds", () => {
  it.each(seeds.map((a) => [a.id, a] as const))("offsets of %s slice back to wink-nlp's own sentences", (_id, article) => {
    const record = analyzeArticle(article, resources);
    const masked = maskRanges(article.text, findMarkup(article.text));
    const nlp = resources.nlp;
    for (const block of record.blocks.filter((b) => b.kind === "heading" || b.kind === "paragraph")) {
      const expected = nlp
        .readDoc(masked.slice(block.start, block.end).replace(/[\r\n]/g, " "))
        .sentences()
        .out();
      const actual = record.sentences
        .filter((s) => s.block === block.index)
        .map((s) => masked.slice(s.start, s.end).replace(/[\r\n]/g, " "));
      expect(actual).toEqual(expected);
    }
  });

  it.each(seeds.map((a) => [a.id, a] as const))("sentences of %s are ordered, inside their block, and never overlap", (_id, article) => {
    const record = analyzeArticle(article, resources);
    let previousEnd = 0;
    record.sentences.forEach((sentence, i) => {
      const block = record.blocks[sentence.block]!;
      expect(sentence.index).toBe(i);
      expect(sentence.start).toBeGreaterThanOrEqual(Math.max(previousEnd, block.start));
      expect(sentence.end).toBeLessThanOrEqual(block.end);
      expect(article.text.slice(sentence.start, sentence.end).trim()).not.toBe("");
      previousEnd = sentence.end;
    });
  });

  it("gives no sentences to boilerplate or origin lines", () => {
    const record = analyzeArticle(
      seeds.find((a) => a.id === "001_eefbe2e11fc71058")!,
      resources,
    );
    const skipped = new Set(record.blocks.filter((b) => b.kind === "boilerplate" || b.kind === "source-line").map((b) => b.index));
    expect(skipped.size).toBe(4);
    expect(record.sentences.filter((s) => skipped.has(s.block))).toEqual([]);
  });

  it("counts the first sentence of 000 from after its ** markup", () => {
    const article = seeds.find((a) => a.id === "000_d933d23d6336647c")!;
    const first = analyzeArticle(article, resources).sentences[0]!;
    expect(article.text.slice(first.start, first.end)).toBe(
      "2023 kan voor het nageslacht worden gedefinieerd als het Jaar van het Strategisch Partnerschap tussen Rusland en China.",
    );
  });
});

describe("readText(text)", () => {
  it("keeps a sentence whole across a scraper's mid-sentence break", () => {
    const read = readText(
      "De blauwdruk zal volgend jaar het Volkscongres bereiken en naar\n\nverwachting worden goedgekeurd. Daarna volgt meer.",
      "nl",
      resources,
    );
    expect(read.sentences.map((s) => read.masked.slice(s.start, s.end))).toEqual([
      "De blauwdruk zal volgend jaar het Volkscongres bereiken en naar\n\nverwachting worden goedgekeurd.",
      "Daarna volgt meer.",
    ]);
  });

  it.each([
    ["en", "Read more at example-policy.com. The site is new.", ["Read more at example-policy.com.", "The site is new."]],
    ["en", "Download the report.pdf now. It is long.", ["Download the report.pdf now.", "It is long."]],
    ["nl", "Meer op www.voorbeeld.nl. Daarna volgt meer.", ["Meer op www.voorbeeld.nl.", "Daarna volgt meer."]],
  ] as const)("never ends a sentence at a full stop glued to the next word (%s: %s)", (language, text, expected) => {
    const read = readText(text, language, resources);
    expect(read.sentences.map((s) => read.masked.slice(s.start, s.end))).toEqual(expected);
  });

  it("counts words, not punctuation or numbers", () => {
    const read = readText("Trade rose 116 % in 2024, officials said.", "en", resources);
    expect(read.tokens.filter((t) => t.type === "word").map((t) => t.value)).toEqual(["Trade", "rose", "in", "officials", "said"]);
  });
});

describe("splitSentences(text) on arbitrary text (property)", () => {
  it("gives tokens whose offsets slice back to their values, in order, and sentences that never overlap", async () => {
    const fc = (await import("fast-check")).default;
    const piece = fc.constantFrom(
      "wow",
      "Trade",
      "grew",
      "..",
      ".",
      "...",
      "?",
      "!",
      " ",
      "  ",
      "\n",
      "\n\n",
      "“",
      "”",
      "'",
      "’s",
      "n't",
      "—",
      "€1,4",
      "t.w.v.",
      "NAVO-stan",
      "😀",
      "\u00A0",
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const text = pieces.join("");
        const { sentences, tokens } = readText(text, "en", resources);
        for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.value);
        for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBeGreaterThanOrEqual(tokens[i - 1]!.end);
        for (let i = 1; i < sentences.length; i++) expect(sentences[i]!.start).toBeGreaterThanOrEqual(sentences[i - 1]!.end);
      }),
      { numRuns: 300, seed: 20261122 },
    );
  });
});
