/**
 * Development aid for the attribution rules: scores the PolNeAR **development part only** (the kept-back
 * part is never read here) and prints its figures, plus, with `--errors N`, N missed and N wrong
 * attributions with their sentence, so a rule can be judged on the errors it is meant to fix.
 * Usage: npm run validate:errors -- [--errors 40] [--seed 1] [--tune]
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { developmentFold, evaluationPart } from "../data-loaders/common/evaluation-split.ts";
import { parseCommandLine } from "./cli-args.ts";
import { mulberry32 } from "../data-loaders/portable/seeded-random.ts";
import { corpusPaths } from "../data-loaders/project-paths.ts";
import { analyzeArticle } from "../data-loaders/pipeline/analyze-article.ts";
import { loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import { bareArticle } from "../data-loaders/reading/bare-article.ts";
import { attributionFigures, scoreAttributions } from "../data-loaders/voices/evaluate-attribution.ts";
import { evaluationFile } from "./evaluation-file.ts";

type Range = { start: number; end: number };
type Gold = { id: string; text: string; attributions: { source: Range[] | null; cue: Range[] | null; content: Range[] | null }[] };

const USAGE = "usage: npm run validate:errors -- [--errors N] [--seed N] [--tune] [--eval <folder>]";
const { values } = parseCommandLine("validate:errors", USAGE, {
  options: {
    errors: { type: "string", default: "40" },
    seed: { type: "string", default: "1" },
    tune: { type: "boolean", default: false },
    eval: { type: "string", default: process.env.EVAL_DIR ?? join(import.meta.dirname, "..", "..", "shared", "eval") },
    help: { type: "boolean", default: false },
  },
});
if (values.help) {
  process.stdout.write(
    `${USAGE}\nScores attribution on PolNeAR's development part (never the kept-back part) and prints figures per rule.\n` +
      "  --errors N   also print N missed and N wrong attributions, sampled with --seed (default 40)\n" +
      "  --seed N     the seed of that sample (default 1)\n" +
      "  --tune       score only the development part's tune fold (for a model fitted with fit:attribution -- --tune,\n" +
      "               named by ATTRIBUTION_MODEL=.dev/attribution-tune.json)\n" +
      "  --eval <folder>  the labelled data (default $EVAL_DIR, else ../shared/eval)\n" +
      "Settings: ATTRIBUTION_MODEL (the model scored, default corpus/models/attribution.json), EVAL_DIR.\n" +
      "Example: npm run validate:errors -- --errors 10 --seed 2\n",
  );
  process.exit(0);
}
const number = (name: string, value: string) => {
  if (!/^\d+$/u.test(value)) {
    process.stderr.write(`validate:errors: --${name} takes a whole number, not ${JSON.stringify(value)}\n${USAGE}\n`);
    process.exit(2);
  }
  return Number(value);
};
const shown = number("errors", values.errors!);
const random = mulberry32(number("seed", values.seed!));
const folder = values.eval!;
const resources = loadResources(corpusPaths());
const articles = readFileSync(evaluationFile(folder, "en/polnear_train.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as Gold)
  .filter((a) => evaluationPart(a.id) === "development" && (!values.tune || developmentFold(a.id) === "tune"));

const overlaps = (a: Range, b: Range) => a.start < b.end && b.start < a.end;
const missed: string[] = [];
/** Per speaker rule and per cue rule: attributions with a speaker, and how many are right. */
const byRule = new Map<string, { right: number; all: number }>();
const tally = (key: string, right: boolean) => {
  const entry = byRule.get(key) ?? { right: 0, all: 0 };
  entry.all++;
  if (right) entry.right++;
  byRule.set(key, entry);
};
const wrong: string[] = [];
const counts = articles.map((gold) => {
  const record = analyzeArticle(bareArticle(gold.id, gold.text, "en"), resources);
  const predicted = record.attributions.map((a) => ({
    cue: a.cueSpan,
    source: a.speaker === null ? null : a.speakerSpan,
    content: a.quote,
  }));
  const context = (at: number) => {
    const from = Math.max(gold.text.lastIndexOf("\n", at) + 1, at - 160);
    const to = gold.text.indexOf("\n", at) < 0 ? at + 160 : Math.min(gold.text.indexOf("\n", at), at + 160);
    return gold.text.slice(from, to);
  };
  const show = (spans: readonly Range[] | null) => (spans ?? []).map((s) => gold.text.slice(s.start, s.end)).join(" … ");
  for (const g of gold.attributions) {
    if (!g.cue?.length) continue;
    const hit = record.attributions.find((a) => a.cueSpan && g.cue!.some((c) => overlaps(c, a.cueSpan!)));
    if (!hit) missed.push(`MISSED cue «${show(g.cue)}» source «${show(g.source)}»\n   ${context(g.cue[0]!.start)}`);
  }
  for (const a of record.attributions) {
    if (!a.cueSpan || a.speaker === null || !a.speakerSpan) continue;
    const right = gold.attributions.some(
      (g) => g.cue?.some((c) => overlaps(c, a.cueSpan!)) && g.source?.some((s) => overlaps(s, a.speakerSpan!)),
    );
    const cueRight = gold.attributions.find((g) => g.cue?.some((c) => overlaps(c, a.cueSpan!)));
    tally(`speaker ${a.speakerRule}`, right);
    tally(`cue ${a.cueRule}`, !!cueRight);
    if (!right) tally(`wrong: ${wrongClass(gold.text, cueRight ?? null, a.speakerRule, a.resolvedBy)}`, false);
    if (!right)
      wrong.push(
        `WRONG ${a.speakerRule} cue «${a.cue}» speaker «${gold.text.slice(a.speakerSpan.start, a.speakerSpan.end)}» (${a.resolvedBy}) gold source «${show(cueRight?.source ?? null)}»\n   ${context(a.cueSpan.start)}`,
      );
  }
  return scoreAttributions(gold.attributions, predicted);
});
/**
 * The class of a wrong speaker, for counting: the cue no annotation holds, an annotated cue without a
 * source, or a wrong speaker of an annotated cue by what the annotated source is (a relative or personal
 * pronoun, or a phrase) and by the rule and resolution that chose ours.
 */
function wrongClass(text: string, annotated: Gold["attributions"][number] | null, rule: string | null, resolvedBy: string | null): string {
  if (!annotated) return "cue not annotated";
  if (!annotated.source?.length) return "annotated cue without source";
  const goldSource = annotated.source
    .map((s) => text.slice(s.start, s.end))
    .join(" ")
    .trim()
    .toLowerCase();
  const gold = /^(who|which|that)$/u.test(goldSource) ? "relative" : /^(he|she|they|it|i|we|you)$/u.test(goldSource) ? "pronoun" : "other";
  return `annotated source ${gold}, ours by ${rule} (${resolvedBy})`;
}

const { cue, source, content } = attributionFigures(counts);
const f = (x: number) => x.toFixed(3);
console.log(`development part${values.tune ? ", tune fold" : ""}: ${articles.length} articles`);
console.log(`cue    P ${f(cue.precision)} R ${f(cue.recall)} F1 ${f(cue.f1)}`);
console.log(`source P ${f(source.precision)} R ${f(source.recall)} F1 ${f(source.f1)}`);
console.log(`content P ${f(content.precision)} R ${f(content.recall)} F1 ${f(content.f1)}`);
for (const [rule, { right, all }] of [...byRule].sort(([a], [b]) => (a < b ? -1 : 1)))
  console.log(`  ${rule.padEnd(32)} ${String(all).padStart(5)} precision ${f(right / all)}`);
const sample = (list: string[]) => {
  const copy = [...list];
  const out: string[] = [];
  while (out.length < shown && copy.length) out.push(copy.splice(Math.floor(random() * copy.length), 1)[0]!);
  return out;
};
if (shown) {
  console.log(`\n${missed.length} missed gold cues; a sample:`);
  for (const line of sample(missed)) console.log(line);
  console.log(`\n${wrong.length} wrong sources; a sample:`);
  for (const line of sample(wrong)) console.log(line);
}
