// The fetched files reach the site through a store kept between builds: only changed files are written,
// files that are no longer entries leave the store, and a site built earlier keeps its own bytes.
import { linkSync, mkdirSync, readFileSync, existsSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { dropArchiveWithoutArticles, publishFetchedFiles, storeListOf } from "../../scripts/fetched-files.ts";
import { openStore, readManifest, storeHolds, writeManifest } from "../../data-loaders/publish/fetched-store.ts";
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

  it("links the files a loader put into the store itself, beside the archive's, and keeps them", () => {
    const folder = writeCorpus({});
    const store = join(folder, "store");
    // What the site's loader does under npm run build: the article's files into the store, listed.
    const loader = openStore(store);
    const files = {
      "articles/a.json": loader.put("articles/a.json", strToU8("A1")),
      "rows/a.json": loader.put("rows/a.json", strToU8("R1")),
    };
    writeManifest(store, loader.manifest());
    const list = { files, written: loader.written() };
    expect(list.written).toBe(2);
    expect(storeHolds(store, list)).toBe(true);
    const archive = zip(folder, "1.zip", { "articles.json": "{}", "search/0.json": "S1" });
    const site = join(folder, "site");
    expect(publishFetchedFiles(archive, site, store, list)).toEqual({ files: 3, written: 3 });
    const at = (name: string) => join(site, "_file", "data", "corpus", name);
    expect(readFileSync(at("rows/a.json"), "utf8")).toBe("R1");
    expect(readFileSync(at("search/0.json"), "utf8")).toBe("S1");
    // The same bytes put again are not written again, whether the store or its caller hashes them.
    const again = openStore(store);
    again.put("rows/a.json", strToU8("R1"));
    expect(again.put("articles/a.json", strToU8("A1"), files["articles/a.json"])).toBe(files["articles/a.json"]);
    expect(again.written()).toBe(0);
    // Without the list, the loader's files are no longer the store's: removed with the manifest entry.
    expect(publishFetchedFiles(archive, join(folder, "site2"), store)).toEqual({ files: 1, written: 0 });
    expect(existsSync(join(store, "rows", "a.json"))).toBe(false);
    expect(Object.keys(readManifest(store))).toEqual(["search/0.json"]);
    expect(storeHolds(store, list)).toBe(false);
    expect(() => publishFetchedFiles(archive, join(folder, "site3"), store, list)).toThrow(/has lost articles\/a\.json/);
  });

  it("tells when a listed file changed behind the store's back (edited through a site's hard link), and puts it back", () => {
    const folder = writeCorpus({});
    const store = join(folder, "store");
    const loader = openStore(store);
    const list = { files: { "text/a.json": loader.put("text/a.json", strToU8("T1")) }, written: 1 };
    writeManifest(store, loader.manifest());
    mkdirSync(join(folder, "site"));
    linkSync(join(store, "text", "a.json"), join(folder, "site", "a.json"));
    writeFileSync(join(folder, "site", "a.json"), "edited");
    utimesSync(join(folder, "site", "a.json"), new Date(Date.UTC(2001, 0, 1)), new Date(Date.UTC(2001, 0, 1)));
    expect(storeHolds(store, list)).toBe(false);
    // The loader run again writes a new file (the edited site keeps its own bytes).
    const rerun = openStore(store);
    rerun.put("text/a.json", strToU8("T1"));
    expect(rerun.written()).toBe(1);
    writeManifest(store, rerun.manifest());
    expect(storeHolds(store, list)).toBe(true);
    expect(readFileSync(join(store, "text", "a.json"), "utf8")).toBe("T1");
    expect(readFileSync(join(folder, "site", "a.json"), "utf8")).toBe("edited");
  });

  it("has npm run dev drop an archive whose articles' files went to a build's store", () => {
    const folder = writeCorpus({});
    const archive = zip(folder, "corpus.zip", { "articles.json": "{}" });
    expect(dropArchiveWithoutArticles(archive)).toBe(false);
    expect(existsSync(archive)).toBe(true);
    writeFileSync(storeListOf(archive), JSON.stringify({ files: {}, written: 0 }));
    expect(dropArchiveWithoutArticles(archive)).toBe(true);
    expect(existsSync(archive) || existsSync(storeListOf(archive))).toBe(false);
  });
});
