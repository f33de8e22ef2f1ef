// End to end: a build stopped midway (SIGTERM, SIGKILL) leaves the last finished site as it was, and the next
// build removes what it left and replaces the site (issue 29). Through the real build, in a copy of the
// project (test/site/project-copy.ts), whose cache the test looks at while other files build beside it.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SITE_MARKER } from "../../scripts/site-output.ts";
import { writeCorpus } from "../helpers.ts";
import { besideSite, build, files, startBuild, until, zipPartials } from "./build-runs.ts";
import { projectCopy } from "./project-copy.ts";

describe("npm run build stopped midway", () => {
  it("keeps the last finished site through SIGTERM and SIGKILL, leaves nothing half-made, and the next build replaces it", async () => {
    const root = await projectCopy();
    const corpus = writeCorpus({ "a.md": "---\nlanguage: en\n---\nFirst version of the story. It has two sentences.\n" });
    const stopped = writeCorpus({});
    const site = join(stopped, "site");
    await build(root, corpus, site);
    const finished = files(site);

    // SIGTERM while Framework renders: the build stops its child and removes its own half-made folders.
    const rendering = () => besideSite(stopped).some((name) => name.startsWith(".site.building-"));
    const terminated = startBuild(root, { CORPUS: corpus, BUILD_OUTPUT: site });
    await until(rendering, "Framework to start rendering");
    process.kill(terminated.child.pid!, "SIGTERM");
    const result = await terminated.done;
    expect(result.status).not.toBe(0);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(besideSite(stopped)).toEqual([]);
    expect(files(site)).toEqual(finished);

    // SIGKILL of the whole process tree while the loader writes a new archive (the corpus changed), then
    // again while Framework renders (the loader of the same build finished its archive): what they leave is
    // removed by the next build, which replaces the site from that archive, analysing nothing again.
    const edited = writeCorpus({ "a.md": "---\nlanguage: en\n---\nThe third story. It has two sentences.\n" });
    const killedInLoader = startBuild(root, { CORPUS: edited, BUILD_OUTPUT: site });
    await until(() => zipPartials(root).length > 0, "the loader to start its archive");
    process.kill(-killedInLoader.child.pid!, "SIGKILL");
    await killedInLoader.done;
    expect(zipPartials(root).length).toBeGreaterThan(0);
    const killedInFramework = startBuild(root, { CORPUS: edited, BUILD_OUTPUT: site });
    await until(rendering, "Framework to start rendering");
    process.kill(-killedInFramework.child.pid!, "SIGKILL");
    await killedInFramework.done;
    expect(besideSite(stopped).length).toBeGreaterThan(0);
    expect(files(site)).toEqual(finished);

    const next = await build(root, edited, site);
    expect(next.stderr).toContain("left by a build that was stopped");
    expect(next.stderr).toContain("build: inputs unchanged; the published corpus comes from the last build's cache, nothing analysed");
    expect(besideSite(stopped)).toEqual([]);
    expect(zipPartials(root)).toEqual([]);
    expect(existsSync(join(site, SITE_MARKER))).toBe(true);
    // The edited title is in the corpus index's (only) page, a fetched file.
    expect(readFileSync(join(site, "_file", "data", "corpus", "index", "0.json"), "utf8")).toContain("The third story.");
  });
});
