/**
 * What a command may write its output to (`--out`): a regular file, new or existing, or `-` for stdout;
 * never a symbolic link, a named pipe, a device or a folder, whose node a rename would replace (as root, a
 * device node). A problem is one line naming the path, never a stack trace.
 */
import { lstatSync, statSync, type Stats } from "node:fs";
import { dirname, resolve } from "node:path";

/** A path the user gave that cannot be written; its message is one line, "<path>: <reason>". */
export class OutputPathError extends Error {
  override name = "OutputPathError";
}

/** The file type of `stats` that is not a regular file, in words, or null for a regular file. */
function notRegular(stats: Stats): string | null {
  if (stats.isFile()) return null;
  if (stats.isSymbolicLink()) return "it is a symbolic link; name the file itself";
  if (stats.isDirectory()) return "it is a folder";
  if (stats.isFIFO()) return "it is a named pipe (FIFO)";
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return "it is a device";
  if (stats.isSocket()) return "it is a socket";
  return "it is not a regular file";
}

/** `lstat` of `path`, or null when nothing is there. */
function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch {
    return null;
  }
}

/**
 * Why `path` cannot take an output file, or null when it can: something other than a regular file is
 * there, or a part of its folder is a file ("notes.md/x"). A missing folder is fine (it is made).
 * @example outputFileProblem("/dev/null") // "it is a device"
 */
export function outputFileProblem(path: string): string | null {
  const stats = lstatOrNull(path);
  if (stats) return notRegular(stats);
  for (let folder = dirname(resolve(path)); ; folder = dirname(folder)) {
    const above = lstatOrNull(folder);
    // A link to a folder is a folder here: only the output file itself must not be a link.
    if (above) return above.isDirectory() || (above.isSymbolicLink() && isFolder(folder)) ? null : `${folder} is not a folder`;
    if (dirname(folder) === folder) return null;
  }
}

/** Whether `path` is a folder, links followed. */
function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Why `path` cannot be an output folder (`npm run export --out`), or null when it can: something other
 * than a folder is there (a link to a folder is followed), or a part of its path is a file.
 * @example outputFolderProblem("notes.md") // "it is not a folder"
 */
export function outputFolderProblem(path: string): string | null {
  const stats = lstatOrNull(path);
  if (stats) return stats.isDirectory() || (stats.isSymbolicLink() && isFolder(path)) ? null : "it is not a folder";
  return outputFileProblem(path);
}

const REASONS: Readonly<Record<string, string>> = {
  EISDIR: "it is a folder",
  ENOTDIR: "a part of the path is not a folder",
  EEXIST: "a file is in the way of a folder",
  EACCES: "permission denied",
  EPERM: "operation not permitted",
  ENOSPC: "no space left on the device",
  EDQUOT: "disk quota exceeded",
  EROFS: "read-only file system",
  ENOENT: "no such file or folder",
  ENOTEMPTY: "it is a folder that is not empty",
  ENAMETOOLONG: "the name is too long",
  ELOOP: "too many symbolic links",
};

/**
 * A file-system error of the user's making (an --out path that is a folder, a full disk, no permission), as
 * one line: "records.jsonl: it is a folder (EISDIR)". Null for anything else, which is a bug and keeps its stack.
 */
export function fileSystemProblem(error: unknown, where?: string): string | null {
  if (error instanceof OutputPathError) return error.message;
  const e = error as NodeJS.ErrnoException;
  const reason = e && typeof e.code === "string" ? REASONS[e.code] : undefined;
  return reason ? `${where ?? (e as { dest?: string }).dest ?? e.path ?? "the output"}: ${reason} (${e.code})` : null;
}
