// The data files as the analysis reads them (data-loaders/pipeline/read-data-files.ts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { readSpeechCues } from "../../data-loaders/pipeline/read-data-files.ts";

describe("readSpeechCues", () => {
  it("reads a file saved with decomposed letters as the composed one, and stamps the bytes as stored", () => {
    const folder = mkdtempSync(join(tmpdir(), "data-files-"));
    try {
      const text = readFileSync(join(PROJECT_ROOT, "corpus", "codebooks", "speech-cues.yaml"), "utf8");
      expect(text).toContain("comité");
      const decomposed = join(folder, "speech-cues.yaml");
      writeFileSync(decomposed, text.normalize("NFD"));
      const composed = readSpeechCues(join(PROJECT_ROOT, "corpus", "codebooks", "speech-cues.yaml"));
      const read = readSpeechCues(decomposed);
      expect(read.speakers.grammar.organisationWords.nl.has("comité")).toBe(true);
      expect(read.speakers.grammar.organisationWords.nl).toEqual(composed.speakers.grammar.organisationWords.nl);
      expect(read.stamp.sha256).not.toBe(composed.stamp.sha256);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
