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
import { parseCommandLine } from "./cli-args.ts";
import { sentencePools, writeSyntheticCorpus } from "./synthetic-corpus.ts";

const USAGE = "usage: write-synthetic-corpus --articles <n> --out <file.jsonl> [--seed <n>] [--outlets <n>]";
const { values } = parseCommandLine(
  "write-synthetic-corpus",
  USAGE,
  {
    options: { articles: { type: "string" }, out: { type: "string" }, seed: { type: "string", default: "1" }, outlets: { type: "string" } },
  },
  "Writes <n> synthetic articles (the bench's generator) to <file.jsonl>; --outlets <n> spreads them over n outlets.",
);
const count = Number(values.articles);
const outlets = values.outlets === undefined ? undefined : Number(values.outlets);
if (!Number.isInteger(count) || count < 1 || !values.out || (outlets !== undefined && !(Number.isInteger(outlets) && outlets >= 1))) {
  process.stderr.write(
    `write-synthetic-corpus: --articles must be a whole number above 0, --out a file and --outlets (if given) a whole number above 0\n${USAGE}\n`,
  );
  process.exit(2);
}
const paths = corpusPaths();
await writeSyntheticCorpus(values.out, await sentencePools(paths.articles, loadResources(paths)), count, Number(values.seed), outlets);
process.stderr.write(`write-synthetic-corpus: ${count} articles in ${values.out}\n`);
