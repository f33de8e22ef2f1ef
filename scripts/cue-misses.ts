/**
 * npx tsx scripts/cue-misses.ts [fit|tune] [--families noun,adjective,colon]
 * Development aid for the cue detector's candidates (issue 28): counts the annotated cues of one fold of
 * PolNeAR's **development part** (never the kept-back part) that no cue candidate (voices/cue-features.ts)
 * overlaps, by their tokens' parts of speech and by their words, so a candidate family is chosen on what
 * the detector cannot see. Prints counts only; no text is kept.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { developmentFold, evaluationPart } from "../data-loaders/common/evaluation-split.ts";
import { corpusPaths, PROJECT_ROOT } from "../data-loaders/project-paths.ts";
import { cueReading, readText } from "../data-loaders/pipeline/analyze-article.ts";
import { loadResources } from "../data-loaders/pipeline/analyze-corpus.ts";
import { matchingView } from "../data-loaders/reading/matching-view.ts";
import { RULES_ONLY } from "../data-loaders/voices/attribution-model.ts";
import { CUE_FAMILIES, type CueFamily } from "../data-loaders/voices/cue-families.ts";
import { cueCandidates } from "../data-loaders/voices/cue-features.ts";

type Range = { start: number; end: number };
type Article = { id: string; text: string; attributions: { cue: Range[] | null }[] };

const fold = process.argv[2] === "tune" ? "tune" : "fit";
const at = process.argv.indexOf("--families");
const families = new Set(
  (at > 0 ? process.argv[at + 1]!.split(",") : []).filter((f): f is CueFamily => (CUE_FAMILIES as readonly string[]).includes(f)),
);
const articles = readFileSync(join(PROJECT_ROOT, "..", "shared", "eval", "en", "polnear_train.jsonl"), "utf8")
  .trim()
  .split("\n")
  .map((line) => JSON.parse(line) as Article)
  .filter((a) => evaluationPart(a.id) === "development" && developmentFold(a.id) === fold && !matchingView(a.text).maps);
const resources = loadResources(corpusPaths(), { attributionModel: RULES_ONLY });

const byTags = new Map<string, number>();
const byWords = new Map<string, number>();
const count = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
let cues = 0;
let uncovered = 0;
for (const a of articles) {
  const read = readText(a.text, "en", resources);
  const candidates = cueCandidates(cueReading(read, resources), families);
  for (const g of a.attributions) {
    if (!g.cue?.length) continue;
    cues++;
    const inside = (t: Range) => g.cue!.some((c) => t.start < c.end && c.start < t.end);
    if (candidates.some(inside)) continue;
    uncovered++;
    const tokens = read.tokens.filter((t) => (t.type === "word" || t.value === ":") && inside(t));
    count(byTags, tokens.map((t) => (t.type === "word" ? (read.tags?.get(t.start) ?? "X") : t.value)).join(" ") || "(none)");
    count(byWords, tokens.map((t) => t.value.toLowerCase()).join(" ") || "(none)");
  }
}
const top = (map: Map<string, number>, n: number) =>
  [...map]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, n)
    .map(([key, n]) => `${String(n).padStart(6)}  ${key}`)
    .join("\n");
console.log(
  `${fold} fold, ${articles.length} articles: ${cues} annotated cues, ${uncovered} with no candidate token (families: ${[...families].join(", ") || "none"})`,
);
console.log(`by parts of speech:\n${top(byTags, 30)}\nby words:\n${top(byWords, 60)}`);
