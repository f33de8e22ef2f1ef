import type { Codebook } from "../terms/codebook.ts";
import { rateTable, type ArticleCounts, type BootstrapOptions } from "./rate-statistics.ts";
import { GROUPINGS, groupingLabels, groupValues } from "./groupings.ts";
import { compareIds } from "../common/compare-ids.ts";
import type { ArticleSummary, Comparison, ConcordanceLine, ConcordancePageFile, RateRow } from "../schema/site-outputs.ts";

/** Keyword-in-context lines per published page of the concordance. */
export const CONCORDANCE_PAGE_SIZE = 400;
/** Written forms listed per codebook term; the rest are counted. */
const WRITTEN_LISTED = 12;

/** What the concordance is ordered, paged and counted by: a line's fields but its context. */
export type ConcordanceKey = Pick<ConcordanceLine, "article" | "category" | "term" | "codebookTerm" | "form" | "start">;

/**
 * One page of a category's concordance: concordance/<kind>/<category>/<page>.json without its build stamp,
 * its lines as given to listConcordance (whole lines, or lines with their JSON: publish/article-view.ts).
 */
export interface ConcordancePage<L extends ConcordanceKey = ConcordanceLine> extends Omit<ConcordancePageFile, "build" | "lines"> {
  readonly lines: readonly L[];
}

/** A codebook's concordance in pages, with its lines counted per codebook term and written form. */
export interface ListedConcordance<L extends ConcordanceKey = ConcordanceLine> {
  readonly terms: Comparison["terms"];
  readonly forms: Comparison["forms"];
  readonly concordance: Comparison["concordance"];
  readonly pages: readonly ConcordancePage<L>[];
}

/** What a codebook's rates are computed from: each article's words, counts and groups, and the categories. */
export interface RateInput {
  readonly counts: readonly ArticleCounts[];
  readonly categories: readonly string[];
}

/** The rate input of one codebook from the overview rows (`kind` "frames": frame counts, "devices": device counts). */
export function rateInput(rows: readonly ArticleSummary[], codebook: Codebook, kind: "frames" | "devices"): RateInput {
  return {
    counts: rows.map((row) => ({
      id: row.id,
      words: row.words,
      counts: kind === "frames" ? row.frames : row.devices,
      groups: groupValues(row),
    })),
    categories: codebook.entries.map((entry) => entry.id),
  };
}

/** Pooled rates with bootstrap intervals for every grouping, group and category (rateTable). */
export function rateRows({ counts, categories }: RateInput, options: BootstrapOptions = {}): RateRow[] {
  return GROUPINGS.flatMap((grouping) => rateTable(counts, grouping.id, categories, options));
}

/**
 * The comparison tables of one codebook from its rate rows (rateRows, computed by bootstrap-tables.ts) and
 * its listed concordance. Categories are the codebook's entries, in codebook order. Per-article counts are
 * not repeated here (each article's are in its rows file).
 */
export function comparisonOf(codebook: Codebook, rates: readonly RateRow[], listed: ListedConcordance<ConcordanceKey>): Comparison {
  const categories = codebook.entries.map((entry) => ({ id: entry.id, label: entry.label }));
  return { categories, groupings: groupingLabels(), rates, terms: listed.terms, forms: listed.forms, concordance: listed.concordance };
}

/** A codebook's keyword-in-context lines in pages, sorted by codebook term, article and offset, and counted. */
export function listConcordance<L extends ConcordanceKey>(codebook: Codebook, lines: readonly L[]): ListedConcordance<L> {
  const ids = codebook.entries.map((entry) => entry.id);
  const byCategory = new Map<string, L[]>(ids.map((id) => [id, []]));
  for (const line of lines) byCategory.get(line.category)?.push(line);
  const terms: Comparison["terms"][number][] = [];
  const forms: Comparison["forms"][number][] = [];
  const concordance: Comparison["concordance"][number][] = [];
  const pages: ConcordancePage<L>[] = [];
  for (const category of ids) {
    const list = byCategory
      .get(category)!
      .sort((a, b) => compareIds(a.codebookTerm ?? "", b.codebookTerm ?? "") || compareIds(a.article, b.article) || a.start - b.start);
    const termStarts: Comparison["concordance"][number]["terms"][number][] = [];
    for (let from = 0; from < list.length;) {
      const term = list[from]!.codebookTerm;
      let to = from;
      while (to < list.length && list[to]!.codebookTerm === term) to++;
      const span = list.slice(from, to);
      const written = [...new Set(span.map((l) => l.term.toLowerCase().replace(/\s+/g, " ")))].sort(compareIds);
      terms.push({
        category,
        codebookTerm: term,
        count: span.length,
        articles: new Set(span.map((l) => l.article)).size,
        written: written.slice(0, WRITTEN_LISTED),
        moreWritten: Math.max(0, written.length - WRITTEN_LISTED),
      });
      termStarts.push({ codebookTerm: term, first: from, count: span.length });
      from = to;
    }
    const byForm = new Map<string, L[]>();
    for (const line of list) {
      if (!line.form) continue;
      const span = byForm.get(line.form);
      if (span) span.push(line);
      else byForm.set(line.form, [line]);
    }
    for (const form of [...byForm.keys()].sort(compareIds)) {
      const span = byForm.get(form)!;
      forms.push({ category, form, count: span.length, articles: new Set(span.map((l) => l.article)).size });
    }
    const pageCount = Math.ceil(list.length / CONCORDANCE_PAGE_SIZE);
    for (let page = 0; page < pageCount; page++) {
      const first = page * CONCORDANCE_PAGE_SIZE;
      pages.push({ category, page, first, lines: list.slice(first, first + CONCORDANCE_PAGE_SIZE) });
    }
    concordance.push({ category, lines: { count: list.length, pages: pageCount, pageSize: CONCORDANCE_PAGE_SIZE }, terms: termStarts });
  }
  return { terms, forms, concordance, pages };
}
