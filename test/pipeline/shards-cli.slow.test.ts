// Past one machine (issue 14, item 4): JSON Lines on stdin and a bad --shard, through the real CLI. Shards,
// their merge and a site built from them are tested in shards.site.test.ts.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { FIXTURE_JSONL, runAnalyze, runTsx, type CommandResult } from "../commands.ts";

/** The CLI reading `input` on stdin. */
function analyzeStdin(input: string): Promise<CommandResult> {
  return runTsx(join("scripts", "analyze.ts"), ["-"], { RECORD_CACHE: "off" }, { input, nodeFlags: ["--max-semi-space-size=64"] });
}

/** A record line without its meta.source (which names the input file). */
const withoutSource = (line: string) => line.replace(/"source":"[^"]*"/u, '"source":""');

describe("npm run analyze beyond one machine", () => {
  it("reads JSON Lines on stdin: the same records as from the file, apart from meta.source", async () => {
    const fromStdin = await analyzeStdin(readFileSync(FIXTURE_JSONL, "utf8"));
    // The CLI on the same file, run once for the slow project (test/cli/analyzed-fixtures.ts).
    const fromFile = inject("analyzed").jsonl;
    expect(fromStdin.status, fromStdin.stderr).toBe(0);
    expect(fromStdin.stdout.split("\n").map(withoutSource)).toEqual(fromFile.stdout.split("\n").map(withoutSource));
    expect(fromStdin.stdout).toContain('"source":"stdin.jsonl:');
  });

  it("answers a bad --shard with one line and the usage, exit 2", async () => {
    const { status, stderr } = await runAnalyze(["--shard", "4/3"]);
    expect(status).toBe(2);
    expect(stderr).toMatch(/^analyze: --shard must be K\/N with 1 <= K <= N \(for example 2\/4\), not "4\/3"\n/u);
  });
});
