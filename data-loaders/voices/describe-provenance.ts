import type { ProvenanceKind } from "../schema/enums.ts";
import type { Provenance } from "../schema/record.ts";

/**
 * Classifies and describes what an article's text says about its origin, for tables and grouping.
 * The kind is the first that applies of: an origin line, a stated summary, a translation, a credited
 * author; otherwise "not-stated". The label lists everything recorded, not only the kind.
 * @example describeProvenance({ creditedAuthor: "Pepe Escobar", origin: [], summaryOf: [], translatedFrom: null, evidence: null })
 *   // { kind: "credited-author", label: "credited author: Pepe Escobar" }
 */
export function describeProvenance(provenance: Provenance): { kind: ProvenanceKind; label: string } {
  const parts: string[] = [];
  if (provenance.origin.length) parts.push(`origin line: ${provenance.origin.join(", ")}`);
  if (provenance.summaryOf.length) parts.push(`summary of: ${provenance.summaryOf.join(", ")}`);
  if (provenance.translatedFrom) parts.push(`translated from: ${provenance.translatedFrom}`);
  if (provenance.creditedAuthor) parts.push(`credited author: ${provenance.creditedAuthor}`);
  const kind: ProvenanceKind = provenance.origin.length
    ? "origin-line"
    : provenance.summaryOf.length
      ? "summary"
      : provenance.translatedFrom
        ? "translation"
        : provenance.creditedAuthor
          ? "credited-author"
          : "not-stated";
  return { kind, label: parts.length ? parts.join("; ") : "not stated in the text" };
}
