// --out writes only regular files (issue 29): a symbolic link, a FIFO or a device there was replaced by a
// regular file, and "existing.md/x" or a folder without permission printed a stack trace.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { once } from "node:events";
import { describe, expect, it } from "vitest";
import { openLineOutput } from "../../scripts/line-output.ts";
import { fileSystemProblem, outputFileProblem, outputFolderProblem, OutputPathError } from "../../scripts/output-file.ts";
import { writeCorpus } from "../helpers.ts";

const isRoot = process.getuid?.() === 0;

/** A folder with a regular file, a link to it, a FIFO and a sub-folder. */
function folder(): string {
  const dir = writeCorpus({ "notes.md": "mine\n", "sub/.keep": "" });
  symlinkSync(join(dir, "notes.md"), join(dir, "link.jsonl"));
  symlinkSync(join(dir, "sub"), join(dir, "sub-link"));
  spawnSync("mkfifo", [join(dir, "fifo")]);
  return dir;
}

/** What openLineOutput(path) threw, as the one line a command prints. */
function refusal(path: string): string {
  try {
    openLineOutput(path).abort();
  } catch (error) {
    expect(error).toBeInstanceOf(OutputPathError);
    return fileSystemProblem(error)!;
  }
  throw new Error(`openLineOutput(${path}) accepted it`);
}

describe("outputFileProblem(path)", () => {
  it("refuses a symbolic link, a FIFO, a device and a folder", () => {
    const dir = folder();
    expect(outputFileProblem(join(dir, "link.jsonl"))).toBe("it is a symbolic link; name the file itself");
    expect(outputFileProblem(join(dir, "fifo"))).toBe("it is a named pipe (FIFO)");
    expect(outputFileProblem("/dev/null")).toBe("it is a device");
    expect(outputFileProblem("/dev/full")).toBe("it is a device");
    expect(outputFileProblem(join(dir, "sub"))).toBe("it is a folder");
  });
  it("refuses a path through a file, and accepts a regular file, a new one, new folders and a linked folder", () => {
    const dir = folder();
    expect(outputFileProblem(join(dir, "notes.md", "x.jsonl"))).toBe(`${join(dir, "notes.md")} is not a folder`);
    expect(outputFileProblem(join(dir, "notes.md", "a", "b.jsonl"))).toBe(`${join(dir, "notes.md")} is not a folder`);
    expect(outputFileProblem(join(dir, "notes.md"))).toBeNull();
    expect(outputFileProblem(join(dir, "new", "deeper", "records.jsonl"))).toBeNull();
    expect(outputFileProblem(join(dir, "sub-link", "records.jsonl"))).toBeNull();
  });
});

describe("outputFolderProblem(path)", () => {
  it("refuses a file, a FIFO and a path through a file; accepts a folder, a linked folder and a new one", () => {
    const dir = folder();
    expect(outputFolderProblem(join(dir, "notes.md"))).toBe("it is not a folder");
    expect(outputFolderProblem(join(dir, "fifo"))).toBe("it is not a folder");
    expect(outputFolderProblem(join(dir, "link.jsonl"))).toBe("it is not a folder");
    expect(outputFolderProblem(join(dir, "notes.md", "tables"))).toBe(`${join(dir, "notes.md")} is not a folder`);
    expect(outputFolderProblem(join(dir, "sub"))).toBeNull();
    expect(outputFolderProblem(join(dir, "sub-link"))).toBeNull();
    expect(outputFolderProblem(join(dir, "new", "tables"))).toBeNull();
  });
});

describe("openLineOutput(path)", () => {
  it("refuses what is not a regular file in one line, and leaves it as it was", () => {
    const dir = folder();
    expect(refusal(join(dir, "link.jsonl"))).toBe(`${join(dir, "link.jsonl")}: it is a symbolic link; name the file itself`);
    expect(refusal(join(dir, "fifo"))).toBe(`${join(dir, "fifo")}: it is a named pipe (FIFO)`);
    expect(refusal("/dev/full")).toBe("/dev/full: it is a device");
    expect(refusal(join(dir, "notes.md", "x"))).toBe(`${join(dir, "notes.md", "x")}: ${join(dir, "notes.md")} is not a folder`);
    expect(readFileSync(join(dir, "link.jsonl"), "utf8")).toBe("mine\n");
    expect(readdirSync(dir).sort()).toEqual(["fifo", "link.jsonl", "notes.md", "sub", "sub-link"]);
  });
  it.skipIf(!existsSync("/sys/kernel"))("says in one line that a folder cannot be made (no permission)", () => {
    expect(refusal("/sys/framing-notebooks-test/records.jsonl")).toMatch(
      /^\/sys\/framing-notebooks-test\/records\.jsonl: (permission denied \(EACCES\)|operation not permitted \(EPERM\))$/,
    );
  });
  it.skipIf(isRoot)("says in one line that a folder cannot be written (no permission)", () => {
    const dir = writeCorpus({});
    mkdirSync(join(dir, "locked"));
    chmodSync(join(dir, "locked"), 0o500);
    expect(refusal(join(dir, "locked", "records.jsonl"))).toBe(`${join(dir, "locked", "records.jsonl")}: permission denied (EACCES)`);
  });
  it("writes a regular file through a linked folder, and removes what runs that were killed left", async () => {
    const dir = folder();
    const child = spawn(process.execPath, ["-e", ""], { stdio: "ignore" });
    await once(child, "exit");
    writeFileSync(join(dir, "sub", `.records.jsonl.partial-${child.pid}`), "half");
    writeFileSync(join(dir, "sub", `.other.jsonl.partial-${child.pid}`), "another file's");
    const out = openLineOutput(join(dir, "sub-link", "records.jsonl"));
    await out.write('{"id":"a"}');
    await out.commit();
    expect(readFileSync(join(dir, "sub", "records.jsonl"), "utf8")).toBe('{"id":"a"}\n');
    expect(readdirSync(join(dir, "sub")).sort()).toEqual([".keep", `.other.jsonl.partial-${child.pid}`, "records.jsonl"]);
  });
});
