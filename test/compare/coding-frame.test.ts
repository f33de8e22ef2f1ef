// The pipeline's codes of sentences, as the coding pages compare them with people's, and the sampling
// frames built from them.
import { describe, expect, it } from "vitest";
import { CodingFrameBuilder, codingTasks, LEXICON_TONE_BOUNDS, pipelineCodes, toneClass } from "../../data-loaders/compare/coding-frame.ts";
import { analyzeArticle, codebookStamps } from "../../data-loaders/pipeline/analyze-article.ts";
import { searchableSentences } from "../../data-loaders/publish/search-index.ts";
import { frameCode } from "../../data-loaders/portable/coding.ts";
import { readCorpus } from "../../data-loaders/reading/read-corpus.ts";
import type { ArticleRecord } from "../../data-loaders/schema/record.ts";
import { SEED_CORPUS, sharedResources } from "../helpers.ts";

async function seedRecords(): Promise<ArticleRecord[]> {
  const resources = sharedResources();
  const records: ArticleRecord[] = [];
  for await (const article of readCorpus(SEED_CORPUS))
    records.push(JSON.parse(JSON.stringify(analyzeArticle(article, resources, codebookStamps(resources)))));
  return records;
}

describe("toneClass(score, bounds) and LEXICON_TONE_BOUNDS", () => {
  it("codes above the positive bound +1, below the negative −1, else 0", () => {
    expect(LEXICON_TONE_BOUNDS.en).toEqual({ negative: -0.05, positive: 0.05 });
    expect([0.06, 0.05, -0.06].map((s) => toneClass(s, LEXICON_TONE_BOUNDS.en))).toEqual([1, 0, -1]);
    expect([0.3, 0.41, -0.19, -0.21].map((s) => toneClass(s, { negative: -0.2, positive: 0.4 }))).toEqual([0, 1, 0, -1]);
  });
});

describe("pipelineCodes(record, units)", () => {
  it("codes a sentence with a marker present, tone by its class and the first attribution's speaker, by unit position", async () => {
    const records = await seedRecords();
    for (const record of records) {
      const units = searchableSentences(record).map(([index]) => index);
      const codes = new Map(pipelineCodes(record, units).map(([task, list]) => [task, new Map(list)]));
      const position = new Map(units.map((s, i) => [s, i]));
      for (const m of record.markers)
        if (position.has(m.sentence)) expect(codes.get(`frame:${m.frame}`)!.get(position.get(m.sentence)!)).toBe(1);
      for (const s of record.sentiment.sentences) {
        const at = position.get(s.index);
        if (at === undefined) continue;
        expect(codes.get("tone")?.get(at) ?? 0).toBe(s.class);
        // The lexicon path's class is its score's by ±0.05 (the Dutch news model decides its own).
        if (record.sentiment.method.id === "lexicon-rules") expect(s.class).toBe(toneClass(s.score, LEXICON_TONE_BOUNDS.en));
      }
      const speakers = codes.get("speaker") ?? new Map();
      for (const [at, speaker] of speakers) {
        const first = record.attributions.filter((a) => a.sentence === units[at]).sort((a, b) => a.quote.start - b.quote.start)[0]!;
        expect(speaker).toBe(
          first.speaker ? first.speaker.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim() : "unnamed",
        );
      }
      // Positions are ascending, and no default code (0, "none") is listed.
      for (const [, list] of codes) {
        expect([...list.keys()]).toEqual([...list.keys()].sort((a, b) => a - b));
        expect([...list.values()].every((c) => c !== 0 && c !== "none")).toBe(true);
      }
    }
  });
});

describe("CodingFrameBuilder", () => {
  it("numbers units across articles and lists each task's coded units, ascending", async () => {
    const resources = sharedResources();
    const records = await seedRecords();
    const tasks = codingTasks(resources.framing, resources.devices);
    expect(tasks.slice(-2).map((t) => t.id)).toEqual(["tone", "speaker"]);
    const builder = new CodingFrameBuilder(tasks);
    const perArticle = records.map((record) => {
      const units = searchableSentences(record).map(([index]) => index);
      const codes = pipelineCodes(record, units);
      builder.add(units.length, codes);
      return { units, codes: new Map(codes.map(([task, list]) => [task, new Map(list)])) };
    });
    const first = builder.articleFirstUnits();
    expect(first[0]).toBe(0);
    expect(builder.unitCount()).toBe(perArticle.reduce((n, a) => n + a.units.length, 0));
    for (const { task, frame } of builder.frames()) {
      for (const [, units] of frame.coded) expect(units).toEqual([...units].sort((a, b) => a - b));
      perArticle.forEach(({ units, codes }, a) =>
        units.forEach((_, at) =>
          expect(frameCode(frame, first[a]! + at, task.kind)).toBe(codes.get(task.id)?.get(at) ?? (task.kind === "speaker" ? "none" : 0)),
        ),
      );
    }
  });
});
