import { createWriteStream, mkdirSync, openSync, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";
import { fileSystemProblem, outputFileProblem, OutputPathError } from "./output-file.ts";
import { removeStalePartials } from "../data-loaders/common/stale-partials.ts";

/** Where a command writes its JSON Lines: stdout, or a file that appears only when the run succeeds. */
export interface LineOutput {
  /** Writes one line, text or UTF-8 bytes (the newline is added), waiting when the stream is full. */
  write(line: string | Uint8Array): Promise<void>;
  /** Finishes the output: a file is renamed into place. */
  commit(): Promise<void>;
  /** Gives up: a partial file is removed, an earlier good file stays. */
  abort(): void;
}

/**
 * Stdout when `path` is undefined or `-`; else a temporary file beside `path` (its folder made if missing),
 * renamed into place by commit, so a failed run never truncates or half-overwrites an earlier good output.
 * `path` must be a regular file or nothing (scripts/output-file.ts): a link, pipe, device or folder there,
 * or a folder that cannot be made or written, throws an OutputPathError of one line. The temporary files
 * of runs that were killed (`.<name>.partial-<pid>`, their process gone) are removed first.
 */
export function openLineOutput(path: string | undefined): LineOutput {
  let partial: string | null = null;
  let out: Writable = process.stdout;
  let failure: Error | null = null;
  if (path !== undefined && path !== "-") {
    const problem = outputFileProblem(path);
    if (problem) throw new OutputPathError(`${path}: ${problem}`);
    partial = join(dirname(path), `.${basename(path)}.partial-${process.pid}`);
    const name = basename(path).replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    let fd: number;
    try {
      mkdirSync(dirname(path), { recursive: true });
      removeStalePartials(dirname(path), new RegExp(`^\\.${name}\\.partial-(\\d+)$`));
      fd = openSync(partial, "wx");
    } catch (error) {
      const problem = fileSystemProblem(error, path);
      throw problem ? new OutputPathError(problem) : error;
    }
    out = createWriteStream(partial, { fd });
    // A write that fails (a full disk) is reported by the next write or commit, not as an uncaught error.
    out.on("error", (error) => (failure ??= Object.assign(error, { path })));
  }
  const check = () => {
    if (failure) throw failure;
  };
  return {
    async write(line) {
      check();
      // Bytes go out as they are, without a copy to append the newline.
      if (typeof line !== "string") out.write(line);
      if (!out.write(typeof line === "string" ? `${line}\n` : "\n")) await Promise.race([once(out, "drain"), once(out, "error")]);
      check();
    },
    async commit() {
      if (!partial) return;
      out.end();
      await Promise.race([once(out, "finish"), once(out, "error")]);
      check();
      renameSync(partial, path!);
      partial = null;
    },
    abort() {
      if (partial) rmSync(partial, { force: true });
      partial = null;
    },
  };
}
