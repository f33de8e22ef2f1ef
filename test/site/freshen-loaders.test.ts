import { existsSync, mkdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { freshenLoaders, inputsFingerprint } from "../../scripts/freshen-loaders.ts";
import { FIXTURE_CORPUS, writeCorpus } from "../helpers.ts";

describe("freshenLoaders()", () => {
  it("deletes cached loader output and touches loaders when an article changes, and not when nothing did", () => {
    const corpus = writeCorpus({ "a.md": "---\nlanguage: en\n---\nFirst version.\n" });
    const work = writeCorpus({ "src/data/corpus.zip.ts": "// loader\n", "src/.observablehq/cache/_npm/kept.js": "npm cache" });
    const loader = join(work, "src", "data", "corpus.zip.ts");
    const options = {
      loaderDir: join(work, "src", "data"),
      cacheDir: join(work, "src", ".observablehq", "cache"),
      env: { CORPUS: corpus },
    };
    const cached = join(options.cacheDir, "data", "corpus", "index.json");
    const writeCached = () => {
      mkdirSync(join(cached, ".."), { recursive: true });
      writeFileSync(cached, "[]");
    };
    const past = new Date(Date.UTC(2020, 0, 1));
    const age = () => statSync(loader).mtimeMs;

    expect(freshenLoaders(options)).toBe(true);
    writeCached();
    utimesSync(loader, past, past);
    expect(freshenLoaders(options)).toBe(false);
    expect(age()).toBe(past.getTime());
    expect(existsSync(cached)).toBe(true);

    writeFileSync(join(corpus, "a.md"), "---\nlanguage: en\n---\nSecond version.\n");
    expect(freshenLoaders(options)).toBe(true);
    expect(age()).toBeGreaterThan(past.getTime());
    expect(existsSync(cached)).toBe(false);
    expect(existsSync(join(options.cacheDir, "_npm", "kept.js"))).toBe(true);
  });

  it("fingerprints the corpus, the pattern file and the environment's choice of corpus", () => {
    const patterns = writeCorpus({ "p.yaml": "version: 1\n" });
    const base = inputsFingerprint({ CORPUS: FIXTURE_CORPUS });
    expect(inputsFingerprint({ CORPUS: FIXTURE_CORPUS })).toBe(base);
    expect(inputsFingerprint({})).not.toBe(base);
    const withPatterns = inputsFingerprint({ CORPUS: FIXTURE_CORPUS, BOILERPLATE_PATTERNS: join(patterns, "p.yaml") });
    expect(withPatterns).not.toBe(base);
    mkdirSync(join(patterns, "x"), { recursive: true });
    writeFileSync(join(patterns, "p.yaml"), "version: 2\n");
    expect(inputsFingerprint({ CORPUS: FIXTURE_CORPUS, BOILERPLATE_PATTERNS: join(patterns, "p.yaml") })).not.toBe(withPatterns);
  });

  it("fingerprints how the corpus is read: CORPUS_MAP and SKIP_UNSUPPORTED", () => {
    const base = inputsFingerprint({ CORPUS: FIXTURE_CORPUS });
    const mapped = inputsFingerprint({ CORPUS: FIXTURE_CORPUS, CORPUS_MAP: "published=date" });
    expect(mapped).not.toBe(base);
    expect(inputsFingerprint({ CORPUS: FIXTURE_CORPUS, CORPUS_MAP: "published=datum" })).not.toBe(mapped);
    expect(inputsFingerprint({ CORPUS: FIXTURE_CORPUS, SKIP_UNSUPPORTED: "1" })).not.toBe(base);
  });
});
