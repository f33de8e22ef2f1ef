import { describeProvenance } from "../voices/describe-provenance.ts";
import type { BlockKind, SourceBasis } from "../schema/enums.ts";
import type { ArticleRecord } from "../schema/record.ts";
import type { ArticleSummary } from "../schema/site-outputs.ts";
import { compareIds } from "../common/compare-ids.ts";

/** Reduces a record to its overview row; every number is counted from the record, none stored by hand. */
export function summarizeRecord(record: ArticleRecord): ArticleSummary {
  const blocks: Record<BlockKind, number> = { heading: 0, paragraph: 0, boilerplate: 0, "source-line": 0 };
  for (const block of record.blocks) blocks[block.kind]++;
  const { kind, label } = textProvenance(record);
  return {
    id: record.id,
    title: record.title,
    titleSource: record.titleSource,
    language: record.language,
    languageSource: record.languageSource,
    words: record.words,
    sentences: record.sentences.length,
    blocks,
    provenanceKind: kind,
    provenance: label,
    outlet: record.meta.outlet,
    ...articleSource(record),
    author: record.meta.author,
    published: record.meta.published,
    source: record.meta.source,
    frames: countBy(record.markers, (m) => m.frame),
    devices: countBy(record.devices, (d) => d.device),
    tone: record.sentiment.score,
    ownVoiceTone: record.sentiment.ownVoiceScore,
    inGroupTone: record.actors.inGroup.tone,
    outGroupTone: record.actors.outGroup.tone,
    toneGap: record.actors.gap,
  };
}

/**
 * What the text says about its origin: the declared provenance (describeProvenance), or, when the metadata
 * declares none, the origin lines, wire credits and author credits the pipeline found in the text,
 * labelled as found.
 */
export function textProvenance(record: ArticleRecord): ReturnType<typeof describeProvenance> {
  const declared = describeProvenance(record.meta.provenance);
  if (declared.kind !== "not-stated") return declared;
  const found = (role: string) => [...new Set(record.outlets.filter((o) => o.role === role).map((o) => o.name))];
  const origins = found("origin");
  if (origins.length) return { kind: "origin-line", label: `origin line found in the text: ${origins.join(", ")}` };
  const wires = found("wire-credit");
  if (wires.length) return { kind: "wire-credit", label: `wire credit found in the text: ${wires.join(", ")}` };
  const credited = found("author-credit");
  if (credited.length) return { kind: "credited-author", label: `author credit found in the text: ${credited.join(", ")}` };
  return declared;
}

/**
 * The source an article is grouped by when outlets are compared: the outlet its metadata declares; else the
 * origin its provenance declares (by the gazetteer's names where known, as written otherwise); else the
 * outlets it declares it summarises; else the outlets an origin line in its text names ("Bron: www.rt.com",
 * found by the pipeline); else the news agencies it credits ("(AP) —", "(ANP)"); else the author it
 * credits, declared or found. Nothing is guessed: an article that
 * states none of these has no source.
 * @example articleSource(record) // { sourceName: "RT", sourceBasis: "origin-line" } for a text ending "Bron: www.rt.com"
 */
export function articleSource(record: ArticleRecord): { sourceName: string | null; sourceBasis: SourceBasis } {
  const { outlet, provenance } = record.meta;
  if (outlet) return { sourceName: outlet, sourceBasis: "declared" };
  const named = (names: readonly string[]) => {
    // An origin line's outlets as the gazetteer names them (so "www.rt.com" and "RT" are one source).
    const canonical = record.outlets.filter((o) => o.role === "origin").map((o) => o.name);
    const list = canonical.length ? canonical : names;
    return [...new Set(list)].join(" + ");
  };
  if (provenance.origin.length) return { sourceName: named(provenance.origin), sourceBasis: "origin-line" };
  if (provenance.summaryOf.length) return { sourceName: named(provenance.summaryOf), sourceBasis: "summary" };
  const found = named([]);
  if (found) return { sourceName: found, sourceBasis: "origin-line" };
  const wires = [...new Set(record.outlets.filter((o) => o.role === "wire-credit").map((o) => o.name))];
  if (wires.length) return { sourceName: wires.join(" + "), sourceBasis: "wire-credit" };
  const credited = provenance.creditedAuthor ?? record.outlets.find((o) => o.role === "author-credit")?.name ?? null;
  if (credited) return { sourceName: credited, sourceBasis: "credited-author" };
  return { sourceName: null, sourceBasis: "none" };
}

/** Counts items by key, with keys in code-unit order (so serialised output is stable). */
function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => compareIds(a, b)));
}
