// `npm run fit:tone` must reproduce the shipped Dutch news-tone model byte for byte from the team's labelled
// data (../shared/eval, which may not be copied into the project): same split, same seed, rounded weights.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { runTsx } from "../commands.ts";

const evalFolder = join(PROJECT_ROOT, "..", "shared", "eval");

describe("npm run fit:tone", () => {
  it.skipIf(!existsSync(evalFolder))(
    "reproduces corpus/models/dutch-news-tone.json byte for byte",
    async () => {
      const folder = mkdtempSync(join(tmpdir(), "fit-tone-"));
      try {
        const out = join(folder, "dutch-news-tone.json");
        const result = await runTsx(join("scripts", "fit-dutch-tone.ts"), ["--out", out]);
        expect(result.status, result.stderr).toBe(0);
        expect(readFileSync(out, "utf8")).toBe(readFileSync(join(PROJECT_ROOT, "corpus", "models", "dutch-news-tone.json"), "utf8"));
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    },
    600_000,
  );
});
