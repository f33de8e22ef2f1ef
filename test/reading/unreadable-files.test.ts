// Files the corpus reader cannot read (issue 29): each is listed with every other problem of the corpus,
// as "file: field: cannot be read: …", instead of the first ending the run with a stack trace.
import { chmodSync, mkdirSync, rmSync, symlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { CorpusValidationError } from "../../data-loaders/reading/corpus-error.ts";
import { indexCorpus, readIndexedArticle } from "../../data-loaders/reading/read-corpus.ts";
import { corpusErrors, writeCorpus } from "../helpers.ts";

// Root reads any file whatever its mode, so a file or folder whose name contains "locked" is refused here
// the way a chmod 000 file is refused to anyone else.
vi.mock("node:fs", async (importOriginal) => {
  const original = await importOriginal<typeof import("node:fs")>();
  const refuse = <F extends (...args: never[]) => unknown>(read: F): F =>
    ((...args: Parameters<F>) => {
      const path = String(args[0]);
      if (/locked/.test(path)) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: "EACCES", path });
      return read(...args);
    }) as F;
  return { ...original, readFileSync: refuse(original.readFileSync), readdirSync: refuse(original.readdirSync) };
});

const BODY = "The government announced new measures on Tuesday. Critics said the plan came too late.\n";
const article = (id: string, language = "en") => `---\nid: ${id}\nlanguage: ${language}\n---\n${BODY}`;
const isRoot = process.getuid?.() === 0;

describe("indexCorpus(folder) with files it cannot read", () => {
  it("lists an unreadable file and an unreadable folder with the corpus's other errors", async () => {
    const dir = writeCorpus({ "a.md": article("a"), "b-locked.md": article("b"), "c.md": article("c", "fr"), "locked/d.md": article("d") });
    expect(await corpusErrors(dir)).toEqual([
      { file: "locked", field: "folder", message: "cannot be read: permission denied (EACCES)" },
      { file: "b-locked.md", field: "file", message: "cannot be read: permission denied (EACCES)" },
      {
        file: "c.md",
        field: "language",
        message: '"fr" (French) is not analysed: only English ("en") and Dutch ("nl") are; take the article out of the corpus',
      },
    ]);
  });

  it.runIf(process.platform === "linux")("lists a file whose read fails with an I/O error (a link to /proc/self/mem)", async () => {
    const dir = writeCorpus({ "a.md": article("a"), "c.md": article("c", "fr") });
    symlinkSync("/proc/self/mem", join(dir, "b.md"));
    expect(await corpusErrors(dir)).toEqual([
      { file: "b.md", field: "file", message: "cannot be read: an input/output error (EIO)" },
      {
        file: "c.md",
        field: "language",
        message: '"fr" (French) is not analysed: only English ("en") and Dutch ("nl") are; take the article out of the corpus',
      },
    ]);
    const jsonl = join(dir, "corpus.jsonl");
    symlinkSync("/proc/self/mem", jsonl);
    expect(await corpusErrors(jsonl)).toEqual([
      { file: "corpus.jsonl", field: "file", message: "cannot be read: an input/output error (EIO)" },
    ]);
  });

  it.skipIf(isRoot)("lists files and folders with no read permission (chmod 000; skipped as root, who reads anything)", async () => {
    const dir = writeCorpus({ "a.md": article("a"), "b.md": article("b"), "sub/c.md": article("c") });
    chmodSync(join(dir, "b.md"), 0);
    chmodSync(join(dir, "sub"), 0);
    try {
      expect(await corpusErrors(dir)).toEqual([
        { file: "sub", field: "folder", message: "cannot be read: permission denied (EACCES)" },
        { file: "b.md", field: "file", message: "cannot be read: permission denied (EACCES)" },
      ]);
    } finally {
      chmodSync(join(dir, "sub"), 0o755);
    }
  });
});

describe("readIndexedArticle(entry) when the file changed into something unreadable", () => {
  it("throws a CorpusValidationError naming the file, not a bare EISDIR", async () => {
    const dir = writeCorpus({ "a.md": article("a") });
    const [entry] = await indexCorpus(dir);
    rmSync(join(dir, "a.md"));
    mkdirSync(join(dir, "a.md"));
    expect(() => readIndexedArticle(entry!)).toThrow(CorpusValidationError);
    expect(() => readIndexedArticle(entry!)).toThrow("a.md: file: cannot be read: it is a folder (EISDIR)");
  });
});

// The mock must not change what a readable file gives.
it("reads a readable corpus through the mocked file system as before", async () => {
  const entries = await indexCorpus(writeCorpus({ "a.md": article("a") }));
  expect(readIndexedArticle(entries[0]!).text).toBe(BODY);
});
