import { maskRanges } from "../reading/find-markup.ts";
import type { ArticleRecord } from "../schema/record.ts";
import type { ConcordanceLine } from "../schema/site-outputs.ts";

const CONTEXT = 70;

/**
 * Keyword-in-context lines for every marker and device of a record: up to 70 characters either side, from
 * the body with Markdown syntax hidden and white space collapsed, so a line reads as the reader shows it.
 */
export function concordanceLines(record: ArticleRecord): ConcordanceLine[] {
  const visible = maskRanges(record.text, record.markup);
  const squash = (text: string) => text.replace(/\s+/g, " ");
  const line = (
    kind: ConcordanceLine["kind"],
    category: string,
    m: { term: string; start: number; end: number; sentence: number; quote: ConcordanceLine["quote"] },
    form: string | null,
    codebookTerm: string | null,
  ): ConcordanceLine => ({
    article: record.id,
    kind,
    category,
    term: m.term,
    codebookTerm,
    form,
    quote: m.quote,
    sentence: m.sentence,
    start: m.start,
    left: squash(visible.slice(Math.max(0, m.start - CONTEXT), m.start)).trimStart(),
    match: squash(visible.slice(m.start, m.end)),
    right: squash(visible.slice(m.end, m.end + CONTEXT)).trimEnd(),
  });
  return [
    ...record.markers.map((m) => line("frame", m.frame, m, m.form, m.codebookTerm)),
    ...record.devices.map((d) => line("device", d.device, d, null, null)),
  ];
}
