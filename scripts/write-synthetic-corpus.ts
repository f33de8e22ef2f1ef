/**
 * Writes the bench's synthetic corpus (scripts/synthetic-corpus.ts: the bundled corpus's sentences
 * recombined with a seeded PRNG, with outlets and dates) as JSON Lines, for measuring a site built from it:
 * `npx tsx scripts/write-synthetic-corpus.ts --articles 2000 --out /tmp/synthetic.jsonl`, then
 * `CORPUS=/tmp/synthetic.jsonl npm run build`. The same count and seed always write the same bytes. `--outlets 50`
 * spreads the articles over 50 outlets (`Outlet 01`–`Outlet 50`) instead of the generator's eight, as the
 * 10,000-article sites of docs/performance.md are (with `--seed 42`).
 */
import { loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import { corpusPaths } from "../data-loaders/project-paths.ts";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseCommandLine } from "./cli-args.ts";
import { fileSystemProblem, outputFileProblem } from "./output-file.ts";
import { sentencePools, writeSyntheticCorpus } from "./synthetic-corpus.ts";

const USAGE = "usage: npx tsx scripts/write-synthetic-corpus.ts --articles <n> --out <file.jsonl> [--seed <n>] [--outlets <n>]";
const { values } = parseCommandLine(
  "write-synthetic-corpus",
  USAGE,
  {
    options: { articles: { type: "string" }, out: { type: "string" }, seed: { type: "string", default: "1" }, outlets: { type: "string" } },
  },
  `
Writes <n> synthetic articles as JSON Lines: the bundled corpus's sentences and headings recombined with a
seeded generator (the bench's), with outlets and dates, for measuring a site or a run at a size of your choice.
The same count and seed always write the same bytes.
  --articles <n>  how many articles
  --out <file>    the JSON Lines file to write
  --seed <n>      the generator's seed (default 1)
  --outlets <n>   spread the articles over n outlets (default: the generator's eight)
Settings: the data-file variables of npm run analyze (the sentences are read as the analysis reads them).
Example: npx tsx scripts/write-synthetic-corpus.ts --articles 2000 --out /tmp/synthetic.jsonl && CORPUS=/tmp/synthetic.jsonl npm run build`,
);
const count = Number(values.articles);
const outlets = values.outlets === undefined ? undefined : Number(values.outlets);
if (!Number.isInteger(count) || count < 1 || !values.out || (outlets !== undefined && !(Number.isInteger(outlets) && outlets >= 1))) {
  process.stderr.write(
    `write-synthetic-corpus: --articles must be a whole number above 0, --out a file and --outlets (if given) a whole number above 0\n${USAGE}\n`,
  );
  process.exit(2);
}
const problem = outputFileProblem(values.out);
if (problem) {
  process.stderr.write(`write-synthetic-corpus: cannot write ${values.out}: ${problem}\n`);
  process.exit(1);
}
const paths = corpusPaths();
const pools = await sentencePools(paths.articles, loadResources(paths));
try {
  mkdirSync(dirname(resolve(values.out)), { recursive: true });
  await writeSyntheticCorpus(values.out, pools, count, Number(values.seed), outlets);
} catch (error) {
  const reason = fileSystemProblem(error, values.out);
  if (!reason) throw error;
  process.stderr.write(`write-synthetic-corpus: cannot write ${reason}\n`);
  process.exit(1);
}
process.stderr.write(`write-synthetic-corpus: ${count} articles in ${values.out}\n`);
