// Invisible characters and decomposed letters must not hide a marker or an actor, and every offset must
// still index the verbatim body (issue 11, item 4).
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../data-loaders/pipeline/analyze-article.ts";
import { loadResources } from "../../data-loaders/pipeline/analyze-corpus.ts";
import { corpusPaths, PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { bareArticle } from "../../data-loaders/reading/bare-article.ts";
import { compileBoilerplatePatterns } from "../../data-loaders/reading/boilerplate-patterns.ts";
import { matchingView, offsetsToBody } from "../../data-loaders/reading/matching-view.ts";
import { articleRecordSchema, type ArticleRecord } from "../../data-loaders/schema/record.ts";
import { analyzeText, sharedResources } from "../helpers.ts";

const INVISIBLES = ["\u200B", "\u00AD", "\u200C", "\u200D", "\u2060", "\uFEFF"];

describe("matchingView(body)", () => {
  it("is the body itself for ordinary text", () => {
    expect(matchingView("The Hegemon’s vassals.")).toEqual({ text: "The Hegemon’s vassals.", maps: null });
  });
  it("drops invisible characters and composes letters, mapping offsets back", () => {
    const body = "Heg\u200Bemon in Oekrai\u0308ne";
    const view = matchingView(body);
    expect(view.text).toBe("Hegemon in Oekraïne");
    const word = { start: view.text.indexOf("Oekraïne"), end: view.text.length };
    const back = offsetsToBody(word, view.maps!);
    expect(body.slice(back.start, back.end)).toBe("Oekrai\u0308ne");
    const first = offsetsToBody({ start: 0, end: 7 }, view.maps!);
    expect(body.slice(first.start, first.end)).toBe("Heg\u200Bemon");
  });
  it("maps markup pairs and nested spans", () => {
    const view = matchingView("**a\u00ADb**");
    expect(
      offsetsToBody(
        {
          markup: [
            [0, 2],
            [4, 6],
          ],
          x: [{ start: 2, end: 4 }],
        },
        view.maps!,
      ),
    ).toEqual({
      markup: [
        [0, 2],
        [5, 7],
      ],
      x: [{ start: 2, end: 5 }],
    });
  });
});

describe("analyzeText on text with invisible characters and decomposed letters", () => {
  it("finds Heg\\u200Bemon, multipo\\u00ADlar and a decomposed Oekraïne, with offsets into the verbatim body", () => {
    const en = "The Heg\u200Bemon fears a multipo\u00ADlar world.";
    const record = analyzeText(en);
    expect(record.text).toBe(en);
    expect(record.markers.map((m) => [m.frame, en.slice(m.start, m.end), m.term])).toEqual([
      ["hegemon", "Heg\u200Bemon", "Heg\u200Bemon"],
      ["multipolar", "multipo\u00ADlar", "multipo\u00ADlar"],
    ]);
    const nl = "De hegemoniee\u0308n vrezen Oekrai\u0308ne.".normalize("NFD");
    const dutch = analyzeText(nl, "nl");
    expect(dutch.actors.mentions.map((m) => [m.actor, nl.slice(m.start, m.end)])).toContainEqual(["ukraine", "Oekraïne".normalize("NFD")]);
    expect(dutch.markers.map((m) => m.frame)).toContain("hegemon");
    expect(articleRecordSchema.safeParse(dutch).success).toBe(true);
  });

  it("finds the same markers whatever invisible characters are sprinkled into the words (property)", () => {
    const clean = "Critics say the Hegemon and its vassals fear a multipolar order. De vazallen volgen de hegemon.";
    const expected = analyzeText(clean).markers.map((m) => m.frame);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(clean.length), fc.constantFrom(...INVISIBLES)), { maxLength: 8 }), (insertions) => {
        let body = clean;
        for (const [at, char] of [...insertions].sort((a, b) => b[0] - a[0])) body = body.slice(0, at) + char + body.slice(at);
        const record = analyzeText(body);
        expect(record.markers.map((m) => m.frame)).toEqual(expected);
        for (const m of record.markers)
          expect(body.slice(m.start, m.end).replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/gu, "")).toBe(
            m.term.replace(/[\u00AD\u200B-\u200D\u2060\uFEFF]/gu, ""),
          );
        for (const s of record.sentences) expect(s.end).toBeGreaterThanOrEqual(s.start);
      }),
      { numRuns: 40, seed: 11 },
    );
  });
});

describe("data files saved in NFD (issue 29): codebooks, gazetteers and patterns are matched composed too", () => {
  const found = (record: ArticleRecord) => [
    record.markers.map((m) => [m.frame, record.text.slice(m.start, m.end).normalize("NFC"), m.codebookTerm.normalize("NFC")]),
    record.actors.mentions.map((m) => [m.actor, record.text.slice(m.start, m.end).normalize("NFC")]),
  ];

  it("finds hegemonieën, cliëntstaten, Groter Eurazië and Oekraïne with a decomposed codebook and gazetteer, in either form of text", () => {
    const dir = mkdtempSync(join(tmpdir(), "nfd-data-"));
    const decomposed = (path: string) => {
      const copy = join(dir, path.split("/").at(-1)!);
      writeFileSync(copy, readFileSync(join(PROJECT_ROOT, path), "utf8").normalize("NFD"));
      return copy;
    };
    const resources = loadResources(
      corpusPaths({
        FRAMING_CODEBOOK: decomposed("corpus/codebooks/framing.yaml"),
        ACTORS_GAZETTEER: decomposed("corpus/gazetteers/actors.yaml"),
      }),
    );
    const sentence = "De hegemonieën vrezen Oekraïne en de cliëntstaten van Groter Eurazië.";
    for (const form of ["NFC", "NFD"] as const) {
      const article = bareArticle("t", sentence.normalize(form), "nl");
      const expected = found(analyzeArticle(article, sharedResources()));
      expect(expected[0]!.map((m) => m[1])).toEqual(["hegemonieën", "cliëntstaten", "Groter Eurazië"]);
      expect(expected[1]).toContainEqual(["ukraine", "Oekraïne"]);
      expect(found(analyzeArticle(article, resources))).toEqual(expected);
    }
  });

  it("composes a boilerplate pattern saved in NFD", () => {
    const line = "Reageer op één artikel";
    const raw = {
      version: 1,
      boilerplate: [{ id: "prompt", label: "Prompt", pattern: line.normalize("NFD"), where: "line" }],
      sourceLines: [],
      embeddedHeadline: { minBlankLinesBefore: 2 },
      headings: { maxWords: 12 },
    };
    const { patterns } = compileBoilerplatePatterns(raw, "b.yaml");
    expect(patterns!.boilerplate[0]!.regex.test(matchingView(line.normalize("NFD")).text)).toBe(true);
  });
});
