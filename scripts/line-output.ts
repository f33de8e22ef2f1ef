import { createWriteStream, mkdirSync, renameSync, rmSync } from "node:fs";
import { once } from "node:events";
import { basename, dirname, join } from "node:path";
import type { Writable } from "node:stream";

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
 * Stdout when `path` is undefined; else a temporary file beside `path` (its folder made if missing), renamed
 * into place by commit, so a failed run never truncates or half-overwrites an earlier good output.
 */
export function openLineOutput(path: string | undefined): LineOutput {
  let partial: string | null = null;
  let out: Writable = process.stdout;
  if (path) {
    mkdirSync(dirname(path), { recursive: true });
    partial = join(dirname(path), `.${basename(path)}.partial-${process.pid}`);
    out = createWriteStream(partial);
  }
  return {
    async write(line) {
      // Bytes go out as they are, without a copy to append the newline.
      if (typeof line !== "string") out.write(line);
      if (!out.write(typeof line === "string" ? `${line}\n` : "\n")) await once(out, "drain");
    },
    async commit() {
      if (!partial) return;
      out.end();
      await once(out, "finish");
      renameSync(partial, path!);
      partial = null;
    },
    abort() {
      if (partial) rmSync(partial, { force: true });
      partial = null;
    },
  };
}
