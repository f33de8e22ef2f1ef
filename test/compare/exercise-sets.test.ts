// Teachers' exercise sets: every problem of every file is reported, located; items are found in the corpus.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveExerciseSets, type ExerciseArticle } from "../../data-loaders/compare/exercise-sets.ts";
import { readExerciseSets } from "../../data-loaders/pipeline/read-data-files.ts";
import type { CodingTask } from "../../data-loaders/portable/coding.ts";
import { CorpusValidationError } from "../../data-loaders/reading/corpus-error.ts";
import { writeCorpus } from "../helpers.ts";

const tasks = new Map<string, CodingTask>([
  ["frame:hegemon", { id: "frame:hegemon", kind: "frame", category: "hegemon", label: "The Hegemon" }],
  ["tone", { id: "tone", kind: "tone", category: null, label: "Sentence tone" }],
  ["speaker", { id: "speaker", kind: "speaker", category: null, label: "Who is quoted" }],
]);
const article: ExerciseArticle = {
  sentences: [
    [0, "A headline about the Hegemon"],
    [2, "The Hegemon again, said the minister."],
    [3, "Nothing here."],
  ],
  code: (task, position) =>
    task.kind === "frame" ? (position < 2 ? 1 : 0) : task.kind === "speaker" ? (position === 1 ? "the minister" : "none") : 0,
};
const articles = new Map([["a1", article]]);

const SET = `id: week-one
title: Week one
version: 1.0.0
author: A. Teacher
licence: CC-BY-4.0
instructions: Code first.
items:
  - { task: "frame:hegemon", article: a1, find: "again, said", answer: present, explanation: The personified form. }
  - { task: tone, article: a1, sentence: 3, answer: 0 }
  - { task: speaker, article: a1, find: "again", answer: "The  Minister" }
`;

function errorsOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    if (error instanceof CorpusValidationError) return error.errors.map((e) => `${e.file.split("/").pop()}: ${e.field}: ${e.message}`);
    throw error;
  }
  return [];
}

describe("readExerciseSets(folder) and resolveExerciseSets(sets, tasks, articles)", () => {
  it("reads a set and finds each item's sentence, with its context, the answer and the pipeline's code", () => {
    const folder = writeCorpus({ "week-one.yaml": SET, "notes.txt": "not a set" });
    const sets = readExerciseSets(folder);
    expect(sets.map((s) => [s.id, s.file])).toEqual([["week-one", "week-one.yaml"]]);
    expect(sets[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const { sets: resolved, errors } = resolveExerciseSets(sets, tasks, articles);
    expect(errors).toEqual([]);
    expect(resolved[0]!.items).toEqual([
      {
        task: "frame:hegemon",
        article: "a1",
        sentence: 2,
        text: "The Hegemon again, said the minister.",
        before: "A headline about the Hegemon",
        after: "Nothing here.",
        answer: 1,
        explanation: "The personified form.",
        pipeline: 1,
      },
      {
        task: "tone",
        article: "a1",
        sentence: 3,
        text: "Nothing here.",
        before: "The Hegemon again, said the minister.",
        after: null,
        answer: 0,
        explanation: null,
        pipeline: 0,
      },
      {
        task: "speaker",
        article: "a1",
        sentence: 2,
        text: "The Hegemon again, said the minister.",
        before: "A headline about the Hegemon",
        after: "Nothing here.",
        answer: "the minister",
        explanation: null,
        pipeline: "the minister",
      },
    ]);
  });

  it("has no sets when the folder does not exist", () => {
    expect(readExerciseSets(join(writeCorpus({}), "missing"))).toEqual([]);
  });

  it("lists every schema problem of every file at once", () => {
    const folder = writeCorpus({
      "a.yaml":
        "id: Bad Id\ntitle: ''\nversion: 1\nauthor: x\nlicence: x\ninstructions: x\nitems:\n  - { task: tone, article: a1, answer: 0 }\n",
      "b.yaml": "id: b\ntitle: [unclosed\n",
      "c.yaml": "id: c\ntitle: t\nversion: '1'\nauthor: x\nlicence: x\ninstructions: x\nitems: []\nextra: 1\n",
    });
    expect(errorsOf(() => readExerciseSets(folder))).toEqual([
      "a.yaml: id: must be lower-case letters, digits and dashes, starting with a letter",
      "a.yaml: title: must not be empty",
      "a.yaml: version: Invalid input: expected string, received number",
      "a.yaml: items.0: needs either sentence (its number) or find (a piece of its text), not both",
      expect.stringMatching(/^b\.yaml: file: invalid YAML/),
      "c.yaml: items: must list at least one item",
      'c.yaml: file: Unrecognized key: "extra"',
    ]);
  });

  it("locates every item that does not fit the corpus or the task", () => {
    const folder = writeCorpus({
      "x.yaml": `id: x
title: t
version: "1"
author: a
licence: l
instructions: i
items:
  - { task: "frame:nope", article: a1, sentence: 0, answer: present }
  - { task: tone, article: zz, sentence: 0, answer: 0 }
  - { task: tone, article: a1, sentence: 1, answer: 0 }
  - { task: tone, article: a1, find: "Hegemon", answer: 0 }
  - { task: tone, article: a1, find: "absent text", answer: 0 }
  - { task: tone, article: a1, sentence: 0, answer: 5 }
`,
      "y.yaml":
        "id: x\ntitle: t\nversion: '1'\nauthor: a\nlicence: l\ninstructions: i\nitems:\n  - { task: tone, article: a1, sentence: 0, answer: 0 }\n",
    });
    const { errors } = resolveExerciseSets(readExerciseSets(folder), tasks, articles);
    expect(errors.map((e) => `${e.file}: ${e.field}: ${e.message}`)).toEqual([
      'x.yaml: items.0.task: "frame:nope" is not a task of this site (frame:hegemon, tone, speaker)',
      'x.yaml: items.1.article: "zz" is not an article of this corpus',
      "x.yaml: items.2.sentence: 1 is not a heading or paragraph sentence of the article",
      'x.yaml: items.3.find: "Hegemon" is in 2 sentences of the article (sentences 0, 2); quote more of it or give sentence',
      'x.yaml: items.4.find: "absent text" is in no heading or paragraph sentence of the article',
      'x.yaml: items.5.answer: "5" is not a code of this task (-1 negative, 0 neutral, 1 positive)',
      'y.yaml: id: "x" is also the id of x.yaml',
    ]);
  });
});

describe("the teacher's exception (public builds)", () => {
  it("an item marked quotable needs its set to state the exception", () => {
    const marked = SET.replace("answer: 0 }", "answer: 0, quotable: true }");
    expect(errorsOf(() => readExerciseSets(writeCorpus({ "week-one.yaml": marked })))).toEqual([
      "week-one.yaml: items.1.quotable: needs the set's exception: the stated reason its sentences may be quoted",
    ]);
    const stated = marked.replace("instructions:", "exception: Quoted for teaching (Art. 5(3)(a) InfoSoc).\ninstructions:");
    const [set] = readExerciseSets(writeCorpus({ "week-one.yaml": stated }));
    const resolved = resolveExerciseSets([set!], tasks, articles);
    expect(resolved.errors).toEqual([]);
    expect(resolved.sets[0]!.exception).toBe("Quoted for teaching (Art. 5(3)(a) InfoSoc).");
  });
});
