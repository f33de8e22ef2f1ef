import { z } from "zod";
import { type CorpusError, schemaErrors } from "../reading/corpus-error.ts";
import type { ArticleRecord } from "../schema/record.ts";
import { attributionKindSchema } from "../schema/enums.ts";
import type { AttributionComparison, HandCheckComparison } from "../schema/check-outputs.ts";

const counts = z.record(z.string(), z.number().int().min(0));
const schema = z
  .object({
    checkedOn: z.string(),
    checkedBy: z.string(),
    codebooks: z.object({ framing: z.string(), devices: z.string(), speechCues: z.string() }).strict(),
    frames: z.record(z.string(), counts),
    hegemonForms: z.record(z.string(), counts),
    quotations: z.array(
      z
        .object({
          article: z.string(),
          start: z.number().int().min(0),
          text: z.string(),
          judged: z.enum(["scare", "quotation"]),
          note: z.string().optional(),
        })
        .strict(),
    ),
    attributions: z.array(
      z
        .object({
          article: z.string(),
          at: z.number().int().min(0),
          text: z.string().min(1),
          speaker: z.string().nullable(),
          kind: attributionKindSchema,
          note: z.string().optional(),
        })
        .strict(),
    ),
  })
  .strict();

/** A hand check of the seeds: counts and judgements made by reading the texts. */
export type HandCheck = z.infer<typeof schema>;

/** Validates a parsed hand-check file. */
export function parseHandCheck(
  raw: unknown,
  file: string,
): { readonly handCheck: HandCheck | null; readonly errors: readonly CorpusError[] } {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { handCheck: parsed.data, errors: [] };
  return { handCheck: null, errors: schemaErrors(parsed.error.issues, file) };
}

/** The articles a hand check covers (by frame counts, judged quotations or coded attributions), sorted. */
export function handCheckArticles(handCheck: HandCheck): string[] {
  return [
    ...new Set([
      ...Object.keys(handCheck.frames),
      ...handCheck.quotations.map((q) => q.article),
      ...handCheck.attributions.map((a) => a.article),
    ]),
  ].sort();
}

/**
 * Compares a hand check with records of the same articles. Quotations are matched by article and start
 * offset; a judged span the pipeline did not find at all counts as "not detected as scare".
 */
export function compareHandCheck(handCheck: HandCheck, records: readonly ArticleRecord[]): HandCheckComparison {
  const byId = new Map(records.map((r) => [r.id, r]));
  const articles = handCheckArticles(handCheck);
  const missing = articles.filter((id) => !byId.has(id));
  const frames = Object.entries(handCheck.frames).flatMap(([article, checked]) =>
    Object.entries(checked).map(([frame, n]) => ({
      article,
      frame,
      checked: n,
      found: byId.get(article)?.markers.filter((m) => m.frame === frame).length ?? 0,
    })),
  );
  const hegemonForms = Object.entries(handCheck.hegemonForms).flatMap(([article, checked]) =>
    Object.entries(checked).map(([form, n]) => ({
      article,
      form,
      checked: n,
      found: byId.get(article)?.markers.filter((m) => m.frame === "hegemon" && m.form === form).length ?? 0,
    })),
  );
  return {
    checkedOn: handCheck.checkedOn,
    codebooks: handCheck.codebooks,
    frames,
    hegemonForms,
    scareQuotes: compareScareQuotes(handCheck.quotations, records, articles),
    attributions: compareAttributions(
      handCheck.attributions,
      records.filter((r) => articles.includes(r.id)),
    ),
    missing,
  };
}

type ScareQuoteComparison = HandCheckComparison["scareQuotes"];

/**
 * Scare-quote detection against the judged quotations: a judged span is matched by article and start
 * offset, and a scare quote the pipeline found where the hand check has no span at all is a false positive.
 */
function compareScareQuotes(
  quotations: HandCheck["quotations"],
  records: readonly ArticleRecord[],
  articles: readonly string[],
): ScareQuoteComparison {
  const byId = new Map(records.map((r) => [r.id, r]));
  let truePositives = 0;
  let detected = 0;
  const disagreements: ScareQuoteComparison["disagreements"][number][] = [];
  for (const q of quotations) {
    const found = byId.get(q.article)?.quotations.find((x) => x.start === q.start);
    const isScare = found?.kind === "scare";
    if (isScare) detected++;
    if (isScare && q.judged === "scare") truePositives++;
    if (isScare !== (q.judged === "scare")) {
      disagreements.push({
        article: q.article,
        text: q.text,
        judged: q.judged,
        detected: found ? found.kind : "not found",
        note: q.note ?? null,
      });
    }
  }
  for (const record of records) {
    if (!articles.includes(record.id)) continue;
    for (const x of record.quotations) {
      if (x.kind === "scare" && !quotations.some((q) => q.article === record.id && q.start === x.start)) {
        detected++;
        disagreements.push({
          article: record.id,
          text: record.text.slice(x.start, x.end),
          judged: "not in the hand check",
          detected: "scare",
          note: null,
        });
      }
    }
  }
  const judged = quotations.filter((q) => q.judged === "scare").length;
  return {
    judged,
    detected,
    truePositives,
    precision: detected ? truePositives / detected : null,
    recall: judged ? truePositives / judged : null,
    disagreements,
  };
}

type CodedAttribution = HandCheck["attributions"][number];
type ComparisonRow = AttributionComparison["rows"][number];

/**
 * Compares attributions with a hand-coded sample. A pipeline attribution matches a coded item of the same
 * article when its cue span contains the item's offset, or, for direct and mixed quotations, when its
 * quotation does. Speakers count as correct only when the canonical names are equal (a null speaker is
 * never correct for a coded name).
 */
export function compareAttributions(coded: HandCheck["attributions"], records: readonly ArticleRecord[]): AttributionComparison {
  const { rows, used, found, correctSpeakers, kindAgreement } = matchCoded(coded, records);
  let detected = 0;
  let namedSpeakers = 0;
  let namedCorrect = 0;
  for (const record of records) {
    for (const a of record.attributions) {
      detected++;
      if (a.speaker !== null) namedSpeakers++;
      const item = used.get(a);
      if (item) {
        if (a.speaker !== null && item.speaker === a.speaker) namedCorrect++;
        continue;
      }
      rows.push({
        article: record.id,
        text: record.text.slice(a.quote.start, Math.min(a.quote.end, a.quote.start + 60)),
        coded: null,
        found: { speaker: a.speaker, kind: a.kind, cue: a.cue },
        note: "not an attribution by the hand coding",
      });
    }
  }
  const ratio = (n: number, d: number) => (d ? n / d : null);
  const codedSpeakers = coded.filter((c) => c.speaker !== null).length;
  return {
    coded: coded.length,
    found,
    detected,
    matched: used.size,
    codedSpeakers,
    correctSpeakers,
    namedSpeakers,
    namedCorrect,
    detectionPrecision: ratio(used.size, detected),
    detectionRecall: ratio(found, coded.length),
    speakerPrecision: ratio(namedCorrect, namedSpeakers),
    speakerRecall: ratio(correctSpeakers, codedSpeakers),
    kindAgreement,
    rows,
  };
}

/**
 * Each coded item with the pipeline attribution it matches (a row per item, in coding order), and each
 * matching pipeline attribution with the first coded item it matches.
 */
function matchCoded(coded: HandCheck["attributions"], records: readonly ArticleRecord[]) {
  const within = (span: { start: number; end: number } | null, at: number) => !!span && span.start <= at && at < span.end;
  const rows: ComparisonRow[] = [];
  const used = new Map<object, CodedAttribution>();
  let found = 0;
  let correctSpeakers = 0;
  let kindAgreement = 0;
  for (const item of coded) {
    const record = records.find((r) => r.id === item.article);
    const match = record?.attributions.find((a) => within(a.cueSpan, item.at) || (a.kind !== "indirect" && within(a.quote, item.at)));
    if (match) {
      found++;
      if (!used.has(match)) used.set(match, item);
      if (item.speaker !== null && match.speaker === item.speaker) correctSpeakers++;
      if (match.kind === item.kind) kindAgreement++;
    }
    rows.push({
      article: item.article,
      text: item.text,
      coded: { speaker: item.speaker, kind: item.kind },
      found: match ? { speaker: match.speaker, kind: match.kind, cue: match.cue } : null,
      note: item.note ?? null,
    });
  }
  return { rows, used, found, correctSpeakers, kindAgreement };
}
