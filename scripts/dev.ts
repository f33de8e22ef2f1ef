/**
 * npm run dev: the Framework preview server, plus a watcher that makes edits to the corpus, the data files
 * or the analysis library reach the open pages. Framework watches only the loader files themselves; on any
 * change below corpus/, data-loaders/ or $CORPUS this reruns freshen-loaders, which touches the loaders
 * when the inputs' fingerprint changed, and Framework reruns them and reloads the page.
 *
 * The preview runs on a private loopback port behind scripts/dev-guard.ts, which listens on 127.0.0.1 at
 * `--port` (default 3000, or the next free one up to 3099) and lets through only requests that name this
 * server and come from its own pages, with a path Framework can decode. `--host` must be a loopback name,
 * and `--cors` and `--allow-origin` are refused: the notebooks are for this machine's browser. No browser
 * is opened; open the printed address. Other arguments go to `observable preview` (e.g. `--root`).
 */
import { spawn } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { corpusPaths, PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { freshenLoaders } from "./freshen-loaders.ts";
import { watchInputs } from "./watch-inputs.ts";
import { OFFLINE_ENV } from "./framework-env.ts";
import { dropArchiveWithoutArticles } from "./fetched-files.ts";
import { startGuard } from "./dev-guard.ts";
import { accessibleShell } from "./page-shell.ts";
import { helpIfAsked } from "./cli-args.ts";

const DEV_USAGE = "usage: npm run dev [-- --port 3000] [-- --root <folder>] [-- --config <file>]";

/** The command line split into the guard's port and what goes to `observable preview`; a refusal is one line. */
function devArguments(args: readonly string[]): { port: number | null; preview: string[] } | { error: string } {
  let port: number | null = null;
  const preview: string[] = [];
  for (let k = 0; k < args.length; k++) {
    const [flag, inline] = args[k]!.startsWith("--") && args[k]!.includes("=") ? args[k]!.split(/=(.*)/s) : [args[k]!, undefined];
    const value = () => inline ?? args[++k];
    if (flag === "--port") {
      const text = value();
      port = Number(text);
      if (!/^\d+$/.test(text ?? "") || port > 65535) return { error: `--port must be a whole number from 0 to 65535, not ${text}` };
    } else if (flag === "--host") {
      const host = value();
      if (host !== "127.0.0.1" && host !== "localhost") return { error: `--host ${host}: the preview is served on 127.0.0.1 only` };
    } else if (flag === "--cors" || flag === "--allow-origin") {
      return { error: `${flag}: the preview answers only its own pages (see scripts/dev-guard.ts)` };
    } else if (flag === "--root" || flag === "--config" || flag === "-c") {
      const path = value();
      if (path === undefined || path.startsWith("-")) return { error: `${flag} needs a path` };
      preview.push(flag, path);
    } else if (flag !== "--open" && flag !== "--no-open") return { error: `Unknown option '${args[k]}'\n${DEV_USAGE}` };
  }
  return { port, preview };
}

/**
 * A preview page with the accessible shell the build gives it (scripts/page-shell.ts: lang, zoom, skip link,
 * sidebar list); a page without the markup expected is served as it is, said once on stderr.
 */
const warned = new Set<string>();
function devShell(html: string): string {
  try {
    return accessibleShell(html, "the preview's page");
  } catch (error) {
    const message = (error as Error).message;
    if (!warned.has(message)) process.stderr.write(`dev: ${message}; served without the accessible shell\n`);
    warned.add(message);
    return html;
  }
}

/** The guard on `port`, or when none was asked for, on the first free port from 3000 (as Framework did). */
async function listenGuard(port: number | null, target: number): Promise<Server> {
  for (let candidate = port ?? 3000; ; candidate++) {
    try {
      return await startGuard(candidate, target, devShell);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "EADDRINUSE" && port === null && candidate < 3099) continue;
      if (code === "EADDRINUSE")
        throw new Error(`port ${candidate} is in use (another server?); pick another with --port`, { cause: error });
      if (code === "EACCES" || code === "EPERM")
        throw new Error(`no permission to listen on port ${candidate}; pick one above 1023 with --port`, { cause: error });
      throw error;
    }
  }
}

/** A loopback port free at the moment, for the preview behind the guard. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((done) => probe.listen(0, "127.0.0.1", done));
  const { port } = probe.address() as AddressInfo;
  await new Promise((done) => probe.close(done));
  return port;
}

helpIfAsked(
  DEV_USAGE,
  `
Serves the notebooks on 127.0.0.1 while you edit: the corpus is analysed by the site's loader, and an edit to
the corpus, a data file or the analysis library reaches the open pages. Only requests that name this server
from its own pages are answered; no browser is opened (open the printed address).
  --port <n>         the port (default 3000, or the next free one up to 3099)
  --root <folder>    the pages' folder, as Framework's preview takes it (default src)
  --config <file>    Framework's configuration file (default observablehq.config.ts)
  --host 127.0.0.1 and --no-open are accepted; --cors and --allow-origin are refused (this machine only).
Settings: CORPUS (your articles) and the data-file variables of npm run analyze, WORKERS, RECORD_CACHE.
Example: CORPUS=~/my-corpus npm run dev`,
);
const parsed = devArguments(process.argv.slice(2));
if ("error" in parsed) {
  process.stderr.write(`dev: ${parsed.error}\n`);
  process.exit(2);
}
const previewPort = await freePort();
let guard: Server;
try {
  guard = await listenGuard(parsed.port, previewPort);
} catch (error) {
  process.stderr.write(`dev: ${(error as Error).message}\n`);
  process.exit(1);
}
const port = (guard.address() as AddressInfo).port;

const watched = new Set([
  join(PROJECT_ROOT, "corpus"),
  join(PROJECT_ROOT, "data-loaders"),
  ...Object.values(corpusPaths()).filter((value) => typeof value === "string"),
]);
let timer: NodeJS.Timeout | undefined;
const onChange = () => {
  clearTimeout(timer);
  timer = setTimeout(() => {
    try {
      if (freshenLoaders()) process.stderr.write("dev: inputs changed; data loaders will rerun\n");
    } catch (error) {
      process.stderr.write(`dev: ${(error as Error).message}\n`);
    }
  }, 200);
};

freshenLoaders();
// An archive `npm run build` left without its articles' files (they went to the build's store): the preview
// server reads them from the archive, so the loader runs again, in full.
if (dropArchiveWithoutArticles(join(PROJECT_ROOT, "src", ".observablehq", "cache", "data", "corpus.zip")))
  process.stderr.write("dev: the last build's archive has its articles' files elsewhere; the loader will run again\n");
watchInputs([...watched], onChange);

const observable = join(PROJECT_ROOT, "node_modules", ".bin", "observable");
const preview = spawn(observable, ["preview", ...parsed.preview, "--host", "127.0.0.1", "--port", String(previewPort), "--no-open"], {
  stdio: ["inherit", "pipe", "inherit"],
  cwd: PROJECT_ROOT,
  env: OFFLINE_ENV,
});
// Framework prints its own (private) address; the reader should see the guard's.
preview.stdout!.on("data", (chunk: Buffer) =>
  process.stdout.write(chunk.toString().replaceAll(`127.0.0.1:${previewPort}`, `127.0.0.1:${port}`)),
);
process.stderr.write(`dev: the notebooks are at http://127.0.0.1:${port}/\n`);
preview.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => preview.kill(signal));
