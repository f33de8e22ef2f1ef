import { createHash } from "node:crypto";
import { z } from "zod";
import type { Code } from "../portable/agreement.ts";
import { readCode, type CodingTask } from "../portable/coding.ts";
import { schemaErrors, type CorpusError } from "../reading/corpus-error.ts";
import type { ExerciseSet } from "../schema/check-outputs.ts";

const text = z.string().trim().min(1, "must not be empty");

/**
 * A teacher's exercise set (corpus/exercises/<name>.yaml): sentences of the corpus to code, each with the
 * teacher's answer and an explanation. A sentence is named by its article and either its number (`sentence`,
 * as in the reader's address) or a piece of its text (`find`, which must occur in exactly one heading or
 * paragraph sentence of the article, so that the set survives a change of sentence numbering).
 */
const exerciseSetSchema = z
  .object({
    id: z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case letters, digits and dashes, starting with a letter"),
    title: text,
    version: text,
    author: text,
    licence: text,
    // The stated exception (e.g. "quoted for teaching under Art. 5(3)(a) InfoSoc Directive") under which
    // the items marked quotable are published from closed articles in a public build (issue 34).
    exception: text.optional(),
    instructions: text,
    items: z
      .array(
        z
          .object({
            task: text,
            article: text,
            sentence: z.number().int().min(0).optional(),
            find: text.optional(),
            answer: z.union([z.number(), text]).transform(String),
            explanation: text.optional(),
            quotable: z.literal(true).optional(),
          })
          .strict()
          .refine((item) => (item.sentence === undefined) !== (item.find === undefined), {
            message: "needs either sentence (its number) or find (a piece of its text), not both",
          }),
      )
      .min(1, "must list at least one item"),
  })
  .strict()
  .superRefine((set, context) => {
    const marked = set.items.findIndex((item) => item.quotable);
    if (marked >= 0 && set.exception === undefined)
      context.addIssue({
        code: "custom",
        path: ["items", marked, "quotable"],
        message: "needs the set's exception: the stated reason its sentences may be quoted",
      });
  });

/** An exercise set as read, before its sentences are found in the corpus. */
export type ExerciseSetInput = z.infer<typeof exerciseSetSchema> & { readonly file: string; readonly sha256: string };

/** Validates one exercise file's parsed YAML; `file` names it in errors and in the published set. */
export function compileExerciseSet(
  value: unknown,
  bytes: Uint8Array,
  file: string,
): { set: ExerciseSetInput | null; errors: CorpusError[] } {
  const parsed = exerciseSetSchema.safeParse(value);
  if (!parsed.success) return { set: null, errors: schemaErrors(parsed.error.issues, file) };
  return { set: { ...parsed.data, file, sha256: createHash("sha256").update(bytes).digest("hex") }, errors: [] };
}

/** What an exercise needs of an article: its heading and paragraph sentences and the pipeline's codes of them. */
export interface ExerciseArticle {
  /** [sentence index, text], as text/<id>.json publishes them. */
  readonly sentences: ReadonlyArray<readonly [number, string]>;
  /** The pipeline's code of the sentence at `position` for task `task`. */
  readonly code: (task: CodingTask, position: number) => Code;
}

/**
 * Finds every item's sentence in the corpus and checks its task and answer: all problems of all sets, each
 * located by file and item (`items.3.find`). `articles` has the articles the sets name (missing: not in the
 * corpus).
 */
export function resolveExerciseSets(
  sets: readonly ExerciseSetInput[],
  tasks: ReadonlyMap<string, CodingTask>,
  articles: ReadonlyMap<string, ExerciseArticle>,
): { sets: ExerciseSet[]; errors: CorpusError[] } {
  const errors: CorpusError[] = [];
  const ids = new Map<string, string>();
  const resolved = sets.map((set) => {
    const at = (field: string, message: string) => errors.push({ file: set.file, field, message });
    const other = ids.get(set.id);
    if (other) at("id", `"${set.id}" is also the id of ${other}`);
    ids.set(set.id, set.file);
    const items = set.items.flatMap((item, i) => {
      const task = tasks.get(item.task);
      if (!task) at(`items.${i}.task`, `"${item.task}" is not a task of this site (${[...tasks.keys()].join(", ")})`);
      const article = articles.get(item.article);
      if (!article) at(`items.${i}.article`, `"${item.article}" is not an article of this corpus`);
      const answer = task ? readCode(task.kind, item.answer) : null;
      if (answer && "error" in answer) at(`items.${i}.answer`, answer.error);
      if (!task || !article || !answer || "error" in answer) return [];
      const found = findSentence(article.sentences, item);
      if ("error" in found) {
        at(`items.${i}.${item.find === undefined ? "sentence" : "find"}`, found.error);
        return [];
      }
      const { position } = found;
      return [
        {
          task: task.id,
          article: item.article,
          sentence: article.sentences[position]![0],
          text: article.sentences[position]![1],
          before: article.sentences[position - 1]?.[1] ?? null,
          after: article.sentences[position + 1]?.[1] ?? null,
          answer: answer.code,
          explanation: item.explanation ?? null,
          pipeline: article.code(task, position),
        },
      ];
    });
    const { file, sha256, id, title, version, author, licence, instructions, exception } = set;
    return { id, title, version, author, licence, file, sha256, instructions, ...(exception === undefined ? {} : { exception }), items };
  });
  return { sets: errors.length ? [] : resolved, errors };
}

/** The place among an article's sentences of an item's sentence, named by number or by a piece of its text. */
function findSentence(
  sentences: ReadonlyArray<readonly [number, string]>,
  item: { readonly sentence?: number; readonly find?: string },
): { position: number } | { error: string } {
  if (item.find === undefined) {
    const position = sentences.findIndex(([index]) => index === item.sentence);
    return position >= 0 ? { position } : { error: `${item.sentence} is not a heading or paragraph sentence of the article` };
  }
  const wanted = item.find.replace(/\s+/g, " ");
  const places = sentences.flatMap(([, sentence], position) => (sentence.includes(wanted) ? [position] : []));
  if (places.length === 1) return { position: places[0]! };
  return {
    error: places.length
      ? `"${item.find}" is in ${places.length} sentences of the article (sentences ${places.map((p) => sentences[p]![0]).join(", ")}); quote more of it or give sentence`
      : `"${item.find}" is in no heading or paragraph sentence of the article`,
  };
}
