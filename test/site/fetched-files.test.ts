// The fetched files reach the site through a store kept between builds: only changed files are written,
// files that are no longer entries leave the store, and a site built earlier keeps its own bytes.
import { mkdirSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { publishFetchedFiles } from "../../scripts/fetched-files.ts";
import { writeCorpus } from "../helpers.ts";

function zip(folder: string, name: string, entries: Record<string, string>): string {
  const path = join(folder, name);
  writeFileSync(path, zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, strToU8(v)]))));
  return path;
}

describe("publishFetchedFiles(zip, output, store)", () => {
  it("writes only what changed, removes what is gone, and leaves an earlier site as it was", () => {
    const folder = writeCorpus({});
    const store = join(folder, "store");
    const first = zip(folder, "1.zip", { "articles.json": "{}", "articles/a.json": "A1", "rows/a.json": "R1", "text/b.json": "T1" });
    const site1 = join(folder, "site1");
    mkdirSync(site1);
    expect(publishFetchedFiles(first, site1, store)).toEqual({ files: 3, written: 3 });
    const at = (site: string, name: string) => join(site, "_file", "data", "corpus", name);
    expect(readFileSync(at(site1, "articles/a.json"), "utf8")).toBe("A1");
    expect(existsSync(at(site1, "articles.json"))).toBe(false);

    const second = zip(folder, "2.zip", { "articles.json": "{}", "articles/a.json": "A2", "text/b.json": "T1" });
    const site2 = join(folder, "site2");
    expect(publishFetchedFiles(second, site2, store)).toEqual({ files: 2, written: 1 });
    expect(readFileSync(at(site2, "articles/a.json"), "utf8")).toBe("A2");
    expect(readFileSync(at(site2, "text/b.json"), "utf8")).toBe("T1");
    expect(existsSync(join(store, "rows", "a.json"))).toBe(false);
    expect(existsSync(at(site2, "rows/a.json"))).toBe(false);
    // The first site still has its own record.
    expect(readFileSync(at(site1, "articles/a.json"), "utf8")).toBe("A1");
    // Publishing into a site that has the files already replaces them.
    expect(publishFetchedFiles(second, site2, store)).toEqual({ files: 2, written: 0 });
    expect(readFileSync(at(site2, "articles/a.json"), "utf8")).toBe("A2");
  });
});
