/**
 * The corpus reader's file-system side: listing a corpus folder (links followed, loops and oddities reported),
 * reading a file or its lines, and saying what the file system's refusals mean to someone fixing their
 * corpus. Every unreadable file becomes a located error beside the corpus's others, never a stack trace.
 */
import { createReadStream, readdirSync, realpathSync, statSync, type Stats } from "node:fs";
import { join, relative, sep } from "node:path";
import type { CorpusError } from "./corpus-error.ts";
import { compareIds } from "../common/compare-ids.ts";

/** What the file system's error codes mean to someone fixing their corpus. */
const READ_PROBLEMS: Readonly<Record<string, string>> = {
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  EISDIR: "it is a folder",
  ENOTDIR: "a part of the path is not a folder",
  ENOENT: "it no longer exists",
  ELOOP: "too many symbolic links",
  EIO: "an input/output error",
  EMFILE: "too many open files",
  ENAMETOOLONG: "the name is too long",
};

/** A file-system error (one with a code) as a reader says it: "permission denied (EACCES)"; null for anything else. */
function readProblem(error: unknown): string | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== "string") return null;
  return `${READ_PROBLEMS[code] ?? (error as Error).message} (${code})`;
}

/**
 * Runs a read of `file`; if the file system refuses it (no permission, a folder, an I/O error), records the
 * problem in `errors` and returns null, so that every unreadable file is listed with the corpus's other
 * errors rather than ending the run at the first. Any other error is a bug, and is thrown as it is.
 */
export function attempt<T>(read: () => T, file: string, errors: CorpusError[], field = "file"): T | null {
  try {
    return read();
  } catch (error) {
    const problem = readProblem(error);
    if (problem === null) throw error;
    errors.push({ file, field, message: `cannot be read: ${problem}` });
    return null;
  }
}

/** The file's status (following links); null if nothing is there, the error if it cannot be read. */
export function statOrNull(path: string): Stats | Error | null {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    const problem = readProblem(error);
    if (problem === null) throw error;
    return new Error(problem);
  }
}

/**
 * Lists the files below `folder`, depth first, in code-unit order; dot-files and dot-folders are skipped.
 * Symbolic links are followed (a linked article or folder of articles is read like any other); a link to
 * nothing, a link that loops back to a folder already being read, and anything that is neither a file nor
 * a folder (a socket, a device) are reported in `errors`, never skipped silently.
 */
export function listFiles(folder: string, root: string, errors: CorpusError[], ancestors?: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const name = relative(root, folder).split(sep).join("/") || folder;
  const listed = attempt(() => readdirSync(folder, { withFileTypes: true }), name, errors, "folder");
  const real = ancestors ? null : attempt(() => realpathSync(folder), name, errors, "folder");
  if (!listed || (!ancestors && !real)) return out;
  ancestors ??= new Set([real!]);
  for (const entry of listed.sort((a, b) => compareIds(a.name, b.name))) {
    if (entry.name.startsWith(".")) continue;
    const path = join(folder, entry.name);
    const file = relative(root, path).split(sep).join("/");
    const target = entry.isSymbolicLink() ? statOrNull(path) : null;
    if (target instanceof Error) {
      errors.push({ file, field: "file", message: `is a symbolic link whose target cannot be read: ${target.message}` });
    } else if (entry.isSymbolicLink() && !target) {
      errors.push({ file, field: "file", message: "is a symbolic link to nothing (its target is missing)" });
    } else if (entry.isDirectory() || target?.isDirectory()) {
      const real = attempt(() => realpathSync(path), file, errors, "folder");
      if (!real) continue;
      if (ancestors.has(real))
        errors.push({ file, field: "file", message: "is a link back to a folder that contains it; remove the loop" });
      else out.push(...listFiles(path, root, errors, new Set([...ancestors, real])));
    } else if (entry.isFile() || target?.isFile()) {
      out.push(path);
    } else {
      errors.push({ file, field: "file", message: "is neither a file nor a folder; move it out of the corpus folder" });
    }
  }
  return out;
}

/**
 * Streams a file's lines as raw bytes with their 1-based number and byte offset (no decoding yet). A read
 * that fails ends the lines, with the problem recorded in `errors` under `file`.
 */
export async function* readLines(
  path: string,
  file: string,
  errors: CorpusError[],
): AsyncGenerator<{ number: number; byteStart: number; bytes: Buffer }> {
  try {
    yield* linesOf(path);
  } catch (error) {
    const problem = readProblem(error);
    if (problem === null) throw error;
    errors.push({ file, field: "file", message: `cannot be read: ${problem}` });
  }
}

async function* linesOf(path: string): AsyncGenerator<{ number: number; byteStart: number; bytes: Buffer }> {
  let pending: Buffer[] = [];
  let pendingStart = 0;
  let offset = 0;
  let number = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    let from = 0;
    for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, from)) {
      pending.push(chunk.subarray(from, i));
      const bytes = Buffer.concat(pending);
      yield { number: ++number, byteStart: pendingStart, bytes };
      pending = [];
      from = i + 1;
      pendingStart = offset + from;
    }
    if (from < chunk.length) pending.push(chunk.subarray(from));
    offset += chunk.length;
  }
  if (pending.length) yield { number: number + 1, byteStart: pendingStart, bytes: Buffer.concat(pending) };
}
