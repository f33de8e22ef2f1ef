// The fetched files reach the site through a store kept between builds: only changed files are written,
// files that are no longer entries leave the store, and a site built earlier keeps its own bytes.
import { mkdirSync, readFileSync, existsSync, rmSync, utimesSync, writeFileSync } from "node:fs";
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

  it("writes a stored file again when it was changed behind the store's back (through a site's hard link, or lost)", () => {
    const folder = writeCorpus({});
    const store = join(folder, "store");
    const entries = { "articles/a.json": "A1", "rows/a.json": "R1", "text/a.json": "T1" };
    const archive = zip(folder, "1.zip", entries);
    const site = join(folder, "site");
    expect(publishFetchedFiles(archive, site, store)).toEqual({ files: 3, written: 3 });
    const at = (name: string) => join(site, "_file", "data", "corpus", name);
    // Editing the site's copy edits the stored file it is linked to (a later time, whatever its bytes).
    writeFileSync(at("articles/a.json"), "edited");
    utimesSync(at("articles/a.json"), new Date(Date.UTC(2001, 0, 1)), new Date(Date.UTC(2001, 0, 1)));
    rmSync(join(store, "rows", "a.json"));
    expect(publishFetchedFiles(archive, site, store)).toEqual({ files: 3, written: 2 });
    for (const [name, text] of Object.entries(entries)) {
      expect(readFileSync(at(name), "utf8")).toBe(text);
      expect(readFileSync(join(store, name), "utf8")).toBe(text);
    }
  });
});
