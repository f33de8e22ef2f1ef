import { describeProvenance, type ProvenanceKind } from "../voices/describe-provenance.ts";
import type { ArticleRecord, BlockKind, Language } from "../schema/types.ts";

/** One row of the corpus overview: everything a table needs, nothing it does not. */
export interface ArticleSummary {
  readonly id: string;
  readonly title: string;
  readonly titleSource: ArticleRecord["titleSource"];
  readonly language: Language;
  readonly languageSource: ArticleRecord["languageSource"];
  readonly words: number;
  readonly sentences: number;
  readonly blocks: Readonly<Record<BlockKind, number>>;
  readonly provenanceKind: ProvenanceKind;
  readonly provenance: string;
  readonly outlet: string | null;
  readonly author: string | null;
  readonly published: string | null;
  readonly source: string;
  /** Framing markers per frame id, counted from the record's markers. */
  readonly frames: Readonly<Record<string, number>>;
  /** Rhetorical devices per device id, counted from the record's devices. */
  readonly devices: Readonly<Record<string, number>>;
  /** Article tone (-1..1) over paragraph sentences, and in the author's own voice; null without sentences. */
  readonly tone: number | null;
  readonly ownVoiceTone: number | null;
  /** Tone of sentences mentioning the in-group and the out-group camp, and their difference. */
  readonly inGroupTone: number | null;
  readonly outGroupTone: number | null;
  readonly toneGap: number | null;
}

/** Reduces a record to its overview row; every number is counted from the record, none stored by hand. */
export function summarizeRecord(record: ArticleRecord): ArticleSummary {
  const blocks: Record<BlockKind, number> = { heading: 0, paragraph: 0, boilerplate: 0, "source-line": 0 };
  for (const block of record.blocks) blocks[block.kind]++;
  const { kind, label } = describeProvenance(record.meta.provenance);
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

/** Counts items by key, with keys in code-unit order (so serialised output is stable). */
function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
