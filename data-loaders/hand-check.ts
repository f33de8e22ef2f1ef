import { z } from "zod";
import type { CorpusError } from "./corpus-error.ts";
import type { ArticleRecord } from "./types.ts";

const counts = z.record(z.string(), z.number().int().min(0));
const schema = z
  .object({
    checkedOn: z.string(),
    checkedBy: z.string(),
    codebooks: z.object({ framing: z.string(), devices: z.string() }).strict(),
    frames: z.record(z.string(), counts),
    hegemonForms: z.record(z.string(), counts),
    quotations: z.array(
      z.object({ article: z.string(), start: z.number().int().min(0), text: z.string(), judged: z.enum(["scare", "quotation"]), note: z.string().optional() }).strict(),
    ),
  })
  .strict();

/** A hand check of the seeds: counts and judgements made by reading the texts. */
export type HandCheck = z.infer<typeof schema>;

/** Validates a parsed hand-check file. */
export function parseHandCheck(raw: unknown, file: string): { readonly handCheck: HandCheck | null; readonly errors: readonly CorpusError[] } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { handCheck: parsed.data, errors: [] };
  return { handCheck: null, errors: parsed.error.issues.map((issue) => ({ file, field: issue.path.map(String).join(".") || "file", message: issue.message })) };
}

/** How the pipeline's output compares with the hand check. */
export interface HandCheckComparison {
  readonly checkedOn: string;
  readonly codebooks: HandCheck["codebooks"];
  /** Per article and frame: the count by reading, and the count the pipeline found. */
  readonly frames: ReadonlyArray<{ article: string; frame: string; checked: number; found: number }>;
  readonly hegemonForms: ReadonlyArray<{ article: string; form: string; checked: number; found: number }>;
  /** Scare quotes: judged by reading vs detected, as a confusion table, with precision and recall. */
  readonly scareQuotes: {
    readonly judged: number;
    readonly detected: number;
    readonly truePositives: number;
    readonly precision: number | null;
    readonly recall: number | null;
    readonly disagreements: ReadonlyArray<{ article: string; text: string; judged: string; detected: string; note: string | null }>;
  };
  /** Articles of the hand check that are not in the corpus analysed (the check then does not apply). */
  readonly missing: readonly string[];
}

/**
 * Compares a hand check with records of the same articles. Quotations are matched by article and start
 * offset; a judged span the pipeline did not find at all counts as "not detected as scare".
 */
export function compareHandCheck(handCheck: HandCheck, records: readonly ArticleRecord[]): HandCheckComparison {
  const byId = new Map(records.map((r) => [r.id, r]));
  const articles = [...new Set([...Object.keys(handCheck.frames), ...handCheck.quotations.map((q) => q.article)])].sort();
  const missing = articles.filter((id) => !byId.has(id));
  const frames = Object.entries(handCheck.frames).flatMap(([article, checked]) =>
    Object.entries(checked).map(([frame, n]) => ({ article, frame, checked: n, found: byId.get(article)?.markers.filter((m) => m.frame === frame).length ?? 0 })),
  );
  const hegemonForms = Object.entries(handCheck.hegemonForms).flatMap(([article, checked]) =>
    Object.entries(checked).map(([form, n]) => ({
      article,
      form,
      checked: n,
      found: byId.get(article)?.markers.filter((m) => m.frame === "hegemon" && m.form === form).length ?? 0,
    })),
  );
  let truePositives = 0;
  let detected = 0;
  const disagreements: HandCheckComparison["scareQuotes"]["disagreements"][number][] = [];
  for (const q of handCheck.quotations) {
    const found = byId.get(q.article)?.quotations.find((x) => x.start === q.start);
    const isScare = found?.kind === "scare";
    if (isScare) detected++;
    if (isScare && q.judged === "scare") truePositives++;
    if (isScare !== (q.judged === "scare")) {
      disagreements.push({ article: q.article, text: q.text, judged: q.judged, detected: found ? found.kind : "not found", note: q.note ?? null });
    }
  }
  // Scare quotes the pipeline found where the hand check has no span at all are false positives too.
  for (const record of records) {
    if (!articles.includes(record.id)) continue;
    for (const x of record.quotations) {
      if (x.kind === "scare" && !handCheck.quotations.some((q) => q.article === record.id && q.start === x.start)) {
        detected++;
        disagreements.push({ article: record.id, text: record.text.slice(x.start, x.end), judged: "not in the hand check", detected: "scare", note: null });
      }
    }
  }
  const judged = handCheck.quotations.filter((q) => q.judged === "scare").length;
  return {
    checkedOn: handCheck.checkedOn,
    codebooks: handCheck.codebooks,
    frames,
    hegemonForms,
    scareQuotes: {
      judged,
      detected,
      truePositives,
      precision: detected ? truePositives / detected : null,
      recall: judged ? truePositives / judged : null,
      disagreements,
    },
    missing,
  };
}
