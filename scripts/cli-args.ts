/**
 * Command-line flags for every script, parsed with node:util's parseArgs. A user's mistake (an unknown
 * flag, a flag without its value, a stray argument) is printed as one line and the usage, with exit code
 * 2, never as a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";

/**
 * Parses `process.argv` by `config`; on a usage error prints `<name>: <problem>` and the usage, and exits 2.
 * `--help` (or `-h`) prints the usage and `about` (what the command does, its flags, settings and an
 * example) to stdout and exits 0, before anything else is read.
 */
export function parseCommandLine<T extends ParseArgsConfig>(
  name: string,
  usage: string,
  config: T,
  about?: string,
): ReturnType<typeof parseArgs<T>> {
  if (about !== undefined) helpIfAsked(usage, about);
  try {
    return parseArgs(config);
  } catch (error) {
    const code = (error as { code?: string }).code ?? "";
    if (!code.startsWith("ERR_PARSE_ARGS_")) throw error;
    process.stderr.write(`${name}: ${(error as Error).message.split("\n")[0]}\n${usage}\n`);
    process.exit(2);
  }
}

/** With `--help` or `-h` among the arguments, prints `usage` and `about` to stdout and exits 0. */
export function helpIfAsked(usage: string, about: string, args: readonly string[] = process.argv.slice(2)): void {
  if (!args.some((arg) => arg === "--help" || arg === "-h")) return;
  // Leading blank lines go, not the first line's indent (a list of subcommands starts indented).
  process.stdout.write(`${usage}\n${about.replace(/^\n+/, "").trimEnd()}\n`);
  process.exit(0);
}
