// The public build (issue 34): `npm run build -- --public` on a corpus of one closed and one openly
// licensed article publishes the open text and not the closed one, and `npm run check-public` passes on it;
// the full build of the same corpus fails the check, naming the files that show the closed text.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand, writeCorpus } from "../helpers.ts";

const CLOSED =
  "---\nlanguage: en\ntitle: A closed story\nurl: https://example.org/closed\n---\n" +
  "The minister told reporters that the hegemon would never accept a multipolar world order.\n\n" +
  "Critics answered that the vassals of Washington had always said exactly the same thing.\n";
const OPEN =
  "---\nlanguage: en\ntitle: An open story\nlicence: CC-BY-4.0\nauthor: A. Writer\n---\n" +
  "An openly licensed report says the sanctions were described as theft by the ministry.\n";

async function build(corpus: string, output: string, ...flags: string[]): Promise<void> {
  const result = await runCommand("npm", ["run", "build", ...(flags.length ? ["--", ...flags] : [])], {
    CORPUS: corpus,
    BUILD_OUTPUT: output,
  });
  expect(result.status, result.stderr + result.stdout).toBe(0);
}

describe("npm run build -- --public, and npm run check-public", () => {
  it("publishes open texts only, passes the leak check, and the full build fails it", async () => {
    const corpus = writeCorpus({ "closed.md": CLOSED, "open.md": OPEN });
    const out = writeCorpus({});
    await build(corpus, join(out, "public"), "--public");
    await build(corpus, join(out, "full"));
    const data = join(out, "public", "_file", "data", "corpus");
    expect(existsSync(join(data, "text", "open.json"))).toBe(true);
    expect(existsSync(join(data, "articles", "open.json"))).toBe(true);
    expect(existsSync(join(data, "text", "closed.json"))).toBe(false);
    expect(existsSync(join(data, "articles", "closed.json"))).toBe(false);
    const published = JSON.parse(readFileSync(join(data, "public", "articles.json"), "utf8"));
    expect(published.build.public).toEqual({ defaultLicence: "unknown", snippetWords: 0 });
    expect(published.articles.map((a: { id: string; open: boolean; attribution: string | null }) => [a.id, a.open, a.attribution])).toEqual(
      [
        ["closed", false, null],
        ["open", true, 'A. Writer, "An open story" (CC-BY-4.0)'],
      ],
    );
    // The index of a public build is stamped too, so every page knows.
    const index = readdirSync(data).find((name) => /^articles\.[0-9a-f]+\.json$/.test(name))!;
    expect(JSON.parse(readFileSync(join(data, index), "utf8")).build.public).toBeDefined();

    const passed = await runCommand("npm", ["run", "check-public", "--", join(out, "public")], { CORPUS: corpus });
    expect(passed.status, passed.stderr + passed.stdout).toBe(0);
    expect(passed.stdout).toContain("check-public: no closed text found");
    const failed = await runCommand("npm", ["run", "check-public", "--", join(out, "full")], { CORPUS: corpus });
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/^_file\/data\/corpus\/text\/closed\.json: 1 run of closed text/m);
    expect(failed.stderr).toMatch(/check-public: \d+ published texts show closed article text/);
    expect(failed.stderr + failed.stdout).not.toMatch(/\n\s+at /);
  }, 600_000);
});
