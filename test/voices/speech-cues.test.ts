// The speech-cue codebook is data: its errors must name the list, the language and the item.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { compileSpeechCues } from "../../data-loaders/voices/speech-cues.ts";

const file = corpusPaths({}).speechCues;
const bundled = () => parse(readFileSync(file, "utf8"));
const compile = (raw: unknown) => compileSpeechCues(raw, new Uint8Array(), "speech-cues.yaml");

describe("compileSpeechCues(raw)", () => {
  it("compiles the bundled file, with speaker titles for each type", () => {
    const { speechCues, errors } = compile(bundled());
    expect(errors).toEqual([]);
    expect(speechCues!.speakers.titles.map((t) => t.id)).toEqual(["government", "expert", "other-media"]);
    expect(speechCues!.speakers.bodyNames.map((b) => b.name)).toContain("Ministry of Foreign Affairs");
  });
  it("rejects a source preposition that no cue finds", () => {
    const raw = bundled();
    raw.sourcePrepositions.nl.push("naar verluidt");
    expect(compile(raw).errors).toEqual([
      { file: "speech-cues.yaml", field: "sourcePrepositions.nl.2", message: '"naar verluidt" must also be found by a term in cues.nl' },
    ]);
  });
  it("names the body and alias of a term that does not compile", () => {
    const raw = bundled();
    raw.speakers.bodies[0].aliases.en[0] = "{foreign";
    expect(compile(raw).errors[0]).toMatchObject({ field: "speakers.bodies.0.aliases.en.0" });
  });
  it("rejects an unknown speaker type", () => {
    const raw = bundled();
    raw.speakers.bodies[0].type = "spy";
    expect(compile(raw).errors[0]).toMatchObject({ field: "speakers.bodies.0.type" });
  });
});
