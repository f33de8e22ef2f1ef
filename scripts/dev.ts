/**
 * npm run dev: the Framework preview server, plus a watcher that makes edits to the corpus, the data files
 * or the analysis library reach the open pages. Framework watches only the loader files themselves; on any
 * change below corpus/, data-loaders/ or $CORPUS this reruns freshen-loaders, which touches the loaders
 * when the inputs' fingerprint changed, and Framework reruns them and reloads the page.
 * Extra arguments go to `observable preview` (e.g. npm run dev -- --port 4000).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { corpusPaths, PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { freshenLoaders } from "./freshen-loaders.ts";
import { watchInputs } from "./watch-inputs.ts";
import { OFFLINE_ENV } from "./framework-env.ts";
import { dropArchiveWithoutArticles } from "./fetched-files.ts";

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
const preview = spawn(observable, ["preview", ...process.argv.slice(2)], { stdio: "inherit", cwd: PROJECT_ROOT, env: OFFLINE_ENV });
preview.on("exit", (code) => process.exit(code ?? 0));
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => preview.kill(signal));
