// The leak check on the bundled corpus (issue 34): its public build shows no closed article's text, and the
// check says so; the seeds state no licence, so every one of them is closed.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand, writeCorpus } from "../helpers.ts";

describe("npm run build -- --public on the bundled corpus", () => {
  it("publishes no run of closed text that npm run check-public can find", async () => {
    const site = join(writeCorpus({}), "public");
    const built = await runCommand("npm", ["run", "-s", "build", "--", "--public"], { BUILD_OUTPUT: site });
    expect(built.status, built.stderr).toBe(0);
    const checked = await runCommand("npm", ["run", "-s", "check-public", "--", site]);
    expect(checked.stderr).toBe("");
    expect(checked.stdout).toMatch(/^check-public: no closed text found; scanned \d+ files against 5 closed articles/);
    expect(checked.status).toBe(0);
  });
});
