// The Who speaks page lists every attribution's speaker: on the bundled corpus and the workbench fixture, none
// may be a common noun (0.19.1 listed "composition" and "essay" there, found as the noun phrase before a
// verb). A speaker is a name, a title (a role: "the minister"), a group, an anonymous source or a document.
import { describe, expect, it } from "vitest";
import { join } from "node:path";
import { analyzeInOrder } from "../../data-loaders/pipeline/analyze-parallel.ts";
import { corpusPaths, PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { indexCorpus } from "../../data-loaders/reading/read-corpus.ts";
import type { ArticleRecord } from "../../data-loaders/schema/record.ts";
import { sharedResources, SEED_CORPUS } from "../helpers.ts";

async function speakersOf(folder: string) {
  const paths = corpusPaths({});
  const out: Array<{ id: string; speaker: string; type: string | null; resolvedBy: string | null }> = [];
  for await (const json of analyzeInOrder(await indexCorpus(folder), paths, sharedResources(), { workers: 1 })) {
    const record = JSON.parse(json.toString()) as ArticleRecord;
    for (const a of record.attributions)
      if (a.speaker !== null) out.push({ id: record.id, speaker: a.speaker, type: a.speakerType, resolvedBy: a.resolvedBy });
  }
  return out;
}

/** A common noun as a speaker: a lower-case phrase that is no known group, anonymous source, document or title. */
const commonNoun = (s: { speaker: string; type: string | null; resolvedBy: string | null }) =>
  s.resolvedBy === "phrase" && s.type === "other" && /^\p{Ll}/u.test(s.speaker);

describe("the speakers the Who speaks page lists", () => {
  for (const [name, folder] of [
    ["the bundled corpus", SEED_CORPUS],
    ["the workbench fixture", join(PROJECT_ROOT, "test", "fixtures", "workbench", "articles")],
  ] as const)
    it(`are never a common noun on ${name}`, async () => {
      const speakers = await speakersOf(folder);
      expect(speakers.length).toBeGreaterThan(5);
      expect(speakers.filter(commonNoun)).toEqual([]);
    });
});
