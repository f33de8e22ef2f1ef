/**
 * The labelled data the validation and fitting commands read (../shared/eval, or --eval <folder>): a file
 * that is not there is a user's mistake, said in one line with exit 1, never a stack trace.
 */
import { existsSync } from "node:fs";
import { basename, join } from "node:path";

/** The command's name as the user typed it: the npm script (`fit:tone`), else the script's file name. */
function commandName(): string {
  return process.env.npm_lifecycle_event || basename(process.argv[1] ?? "command").replace(/\.ts$/, "");
}

/**
 * The path of `file` (relative, e.g. "en/polnear_train.jsonl") inside the evaluation folder `folder`, or,
 * when it is not there, one line naming it and how to point at another folder, and exit 1.
 * @example readFileSync(evaluationFile(values.eval!, "en/polnear_train.jsonl"), "utf8")
 */
export function evaluationFile(folder: string, file: string): string {
  const path = join(folder, file);
  if (existsSync(path)) return path;
  process.stderr.write(`${commandName()}: no evaluation data at ${path} (the team's shared/eval folder); pass --eval <folder>\n`);
  process.exit(1);
}
