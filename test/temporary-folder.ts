import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Vitest's global setup: every test, and every command a test starts, writes its temporary files under one
 * folder of its own (TMPDIR, which `os.tmpdir()` reads), removed when the run ends, so a run leaves nothing
 * behind in the machine's temporary folder even when a test fails before its own clean-up.
 */
export default function setup(): () => void {
  const folder = mkdtempSync(join(tmpdir(), "framing-notebooks-tests-"));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = folder;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    rmSync(folder, { recursive: true, force: true });
  };
}
