// The learned speaker ranker's candidates and features (data-loaders/voices/speaker-features.ts) and the
// citable-speaker rule, on sentences written for the test; then the whole English pipeline's speakers.
import { describe, expect, it } from "vitest";
import { attributionInput, readText } from "../../data-loaders/pipeline/analyze-article.ts";
import { attributeQuotes } from "../../data-loaders/voices/attribute-quotes.ts";
import { detectOutlets } from "../../data-loaders/voices/outlets.ts";
import type { SpeakerCandidate } from "../../data-loaders/voices/speaker-features.ts";
import { analyzeText, sharedResources } from "../helpers.ts";

/** Each cue of an English text with its candidate speakers, as written, with their features. */
function candidatesByCue(text: string, heads?: ReadonlySet<string>) {
  const resources = sharedResources();
  const read = readText(text, "en", resources);
  const outlets = detectOutlets(read.masked, read.blocks, read.matches.outlet, resources.outlets, resources.speechCues, "en");
  const out: Array<{ cue: string; candidates: Array<{ written: string; features: string[]; sieves: SpeakerCandidate["sieves"] }> }> = [];
  const input = attributionInput(read, "en", outlets, resources);
  attributeQuotes({
    ...input,
    speakerHeads: heads ?? input.speakerHeads,
    observeSpeakers: (cue, candidates) =>
      out.push({
        cue: text.slice(cue.start, cue.end),
        candidates: candidates.map((c) => ({
          written: text.slice(c.mention.start, c.mention.end),
          features: c.features,
          sieves: c.sieves,
        })),
      }),
  });
  return out;
}
const candidate = (text: string, cue: string, written: string) => {
  const found = candidatesByCue(text)
    .find((c) => c.cue === cue)
    ?.candidates.find((c) => c.written === written);
  expect(found, `candidate "${written}" of cue "${cue}"`).toBeDefined();
  return found!;
};

describe("speakerCandidates(ctx, cue, earlier, heads)", () => {
  it("names the sieves that propose a mention, the first of them, and its side and distance", () => {
    const c = candidate("“We will not give in,” said Sergey Lavrov.", "said", "Sergey Lavrov");
    expect(c.sieves).toContain("inverted-cue");
    expect(c.features).toEqual(
      expect.arrayContaining(["sieve=inverted-cue", "first-sieve=inverted-cue", "kind=person", "side=after", "words=0", "nearest-after"]),
    );
  });
  it("keeps a mention no sieve proposes as a candidate, marked as such", () => {
    const c = candidate("Lavrov met Wang Yi in Beijing, and the minister said that talks went well.", "said", "Lavrov");
    expect(c.features).toContain("side=before");
    const unproposed = candidatesByCue("Lavrov met Wang Yi in Beijing, and the minister said that talks went well.")
      .find((x) => x.cue === "said")!
      .candidates.filter((x) => x.features.includes("no-sieve"));
    expect(unproposed.length).toBeGreaterThan(0);
  });
  it("never takes the object of 'told' (or 'vertelde') as a candidate, and marks the others by side", () => {
    const told = candidatesByCue("Foreign Minister Sergey Lavrov told Reuters that the talks had failed.").find((c) => c.cue === "told")!;
    expect(told.candidates.map((c) => c.written)).not.toContain("Reuters");
    expect(
      candidate("Foreign Minister Sergey Lavrov told Reuters that the talks had failed.", "told", "Foreign Minister Sergey Lavrov")
        .features,
    ).toEqual(expect.arrayContaining(["object|side=before", "side=before"]));
  });
  it("reads a comma and a quotation mark between the candidate and its cue", () => {
    expect(candidate("“It is over,” Peskov, the spokesman, said.", "said", "Peskov").features).toEqual(
      expect.arrayContaining(["comma-between", "side=before"]),
    );
  });
});

describe("citable(ctx, mention, heads): a phrase speaks only through a noun that can", () => {
  it("keeps a phrase whose head is a known speaker noun, and drops one whose head is not", () => {
    const campaign = candidatesByCue("The campaign said that it would appeal.", new Set(["campaign"]))[0]!;
    expect(campaign.candidates.map((c) => c.written)).toContain("The campaign");
    const without = candidatesByCue("The campaign said that it would appeal.", new Set())[0]!;
    expect(without.candidates.map((c) => c.written)).not.toContain("The campaign");
  });
  it("reads the head before a preposition ('a high-profile visit to Harbin' is headed by 'visit')", () => {
    const found = candidatesByCue("A high-profile visit to Harbin said that much.", new Set(["visit"]))[0]!;
    expect(found.candidates.map((c) => c.written)).toContain("A high-profile visit to Harbin");
    const none = candidatesByCue("A high-profile visit to Harbin said that much.", new Set(["harbin"]))[0]!;
    expect(none.candidates.map((c) => c.written)).not.toContain("A high-profile visit to Harbin");
  });
  it("keeps a phrase headed by a proper noun ('Russia believes that …')", () => {
    expect(
      candidatesByCue("Russia believes that no civilization dominates another.", new Set())[0]!.candidates.map((c) => c.written),
    ).toContain("Russia");
  });
});

describe("the English pipeline's speakers (learned cue detector and ranker)", () => {
  const speakers = (text: string) => analyzeText(text).attributions.map((a) => [a.speaker, a.cue, a.cueRule, a.speakerRule]);
  it("finds a plain report and its speaker, naming the sieve that proposed it", () => {
    expect(speakers("Foreign Minister Sergey Lavrov said that the talks had failed.")).toEqual([
      ["Sergey Lavrov", "said", "cue-model", "subject-before-cue"],
    ]);
  });
  it("never names a common noun as a speaker", () => {
    for (const text of [
      "The composition speaks of an imminent and inevitable war.",
      "The result shows that the party lost.",
      "A high-profile visit to Harbin referred to the city as 'Little Moscow'.",
    ])
      for (const [speaker] of speakers(text)) expect(["composition", "result", "high-profile visit to Harbin"]).not.toContain(speaker);
  });
});
