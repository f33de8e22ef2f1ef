// The hand-coding pages' files: coding.json (the tasks and the numbering of units) and coding/<task>.json.
import type { LEXICON_TONE_BOUNDS } from "../compare/coding-frame.ts";
import type { CodingTask } from "../portable/coding.ts";
import type { Gathered } from "./article-files.ts";
import type { SiteFiles } from "./site-files.ts";

/** coding.json (the tasks and the numbering of units) and each task's sampling frame. */
export function publishCoding(
  files: SiteFiles,
  gathered: Gathered,
  tasks: readonly CodingTask[],
  toneBounds: typeof LEXICON_TONE_BOUNDS,
): void {
  files.json("coding.json", {
    corpus: { articles: gathered.summary.length, sha256: gathered.corpusSha },
    units: gathered.coding.unitCount(),
    firstUnits: gathered.coding.articleFirstUnits(),
    toneBounds,
    tasks: tasks.map((task) => ({ ...task, file: codingFile(task) })),
  });
  for (const { task, frame } of gathered.coding.frames())
    files.fetched(codingFile(task), {
      task: task.id,
      units: frame.units,
      coded: frame.coded.map(([code, units]) => [code, deltas(units)]),
    });
}

/** Where a coding task's sampling frame is published: coding/frame/<id>.json, coding/tone.json, … */
function codingFile(task: CodingTask): string {
  return `coding/${task.category ? `${task.kind}/${task.category}` : task.kind}.json`;
}

/** Ascending numbers as the first then the differences (smaller JSON). */
function deltas(units: readonly number[]): number[] {
  return units.map((unit, i) => (i ? unit - units[i - 1]! : unit));
}
