// The leak check on the bundled corpus (issue 34): its public build shows no closed article's text, and the
// check says so; the seeds state no licence, so every one of them is closed, and the full build of the same
// corpus (the one the browser project's setup built for this run, test/build-site.ts) fails the check.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bundledSite } from "../build-site.ts";
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

  it("fails the full build of the same corpus, naming each file that shows closed text, without a stack trace", async () => {
    // Moved here from test/browser/public.site.test.ts, which built a full site of its own corpus for it.
    const site = await bundledSite();
    const failed = await runCommand("npm", ["run", "check-public", "--", site]);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toMatch(/^_file\/data\/corpus\/text\/[^/:]+\.json: \d+ runs? of closed text/m);
    expect(failed.stderr).toMatch(
      /check-public: \d+ published texts show closed article text; scanned \d+ files against 5 closed articles/,
    );
    expect(failed.stderr + failed.stdout).not.toMatch(/\n\s+at /);
  });
});
