import { VOICE_TYPES, type VoiceType } from "../schema/enums.ts";
import type { ArticleRecord } from "../schema/record.ts";
import type { VoiceComparison, VoiceRow } from "../schema/site-outputs.ts";
import { compareIds } from "../common/compare-ids.ts";

const EXCERPT = 160;

/** The attributions of one record as rows, each with the frames marked in its sentences. */
export function voiceRows(record: ArticleRecord): VoiceRow[] {
  return record.attributions.map((a) => {
    const first = a.sentence;
    let last = first;
    while (last + 1 < record.sentences.length && record.sentences[last + 1]!.start < a.quote.end) last++;
    const frames = [...new Set(record.markers.filter((m) => m.sentence >= first && m.sentence <= last).map((m) => m.frame))].sort(
      compareIds,
    );
    const text = record.text.slice(a.quote.start, a.quote.end).replace(/\s+/g, " ");
    return {
      id: record.id,
      speaker: a.speaker,
      type: a.speakerType ?? "unresolved",
      kind: a.kind,
      cue: a.cue,
      cueRule: a.cueRule,
      speakerRule: a.speakerRule,
      sentence: a.sentence,
      excerpt: text.length > EXCERPT ? `${text.slice(0, EXCERPT - 1)}…` : text,
      frames,
    };
  });
}

/**
 * Who speaks, across articles: attributions by speaker type and kind per article, the most-quoted
 * speakers, and a network of articles and the voices they quote (role "quoted") or name as cited outlets
 * and origins. Everything is sorted by stable keys, so the same records give the same bytes.
 */
export function compareVoices(
  articles: ReadonlyArray<{ readonly id: string; readonly title: string; readonly outlets: ArticleRecord["outlets"] }>,
  rows: readonly VoiceRow[],
): VoiceComparison {
  const zeroTypes = () => Object.fromEntries(VOICE_TYPES.map((t) => [t, 0])) as Record<VoiceType, number>;
  const perArticle = articles.map((article) => {
    const byType = zeroTypes();
    const byKind = { direct: 0, mixed: 0, indirect: 0, thought: 0 };
    for (const row of rows) {
      if (row.id !== article.id) continue;
      byType[row.type]++;
      byKind[row.kind]++;
    }
    return { id: article.id, title: article.title, byType, byKind };
  });
  const bySpeaker = new Map<
    string,
    {
      speaker: string;
      type: VoiceType;
      count: number;
      direct: number;
      mixed: number;
      indirect: number;
      thought: number;
      articles: Set<string>;
    }
  >();
  for (const row of rows) {
    if (row.speaker === null) continue;
    const entry = bySpeaker.get(row.speaker) ?? {
      speaker: row.speaker,
      type: row.type,
      count: 0,
      direct: 0,
      mixed: 0,
      indirect: 0,
      thought: 0,
      articles: new Set<string>(),
    };
    entry.count++;
    entry[row.kind]++;
    entry.articles.add(row.id);
    bySpeaker.set(row.speaker, entry);
  }
  const speakers = [...bySpeaker.values()]
    .map((s) => ({ ...s, articles: [...s.articles].sort(compareIds) }))
    .sort((a, b) => b.count - a.count || compareIds(a.speaker, b.speaker));

  const links = new Map<string, { source: string; target: string; role: "quoted" | "cited" | "origin"; count: number }>();
  const voiceType = new Map<string, VoiceType>();
  const addLink = (source: string, voice: string, role: "quoted" | "cited" | "origin", type: VoiceType) => {
    const key = `${source}\u0000${voice}\u0000${role}`;
    const link = links.get(key) ?? { source: `article:${source}`, target: `voice:${voice}`, role, count: 0 };
    link.count++;
    links.set(key, link);
    if (!voiceType.has(voice) || voiceType.get(voice) === "other") voiceType.set(voice, type);
  };
  for (const row of rows) if (row.speaker !== null) addLink(row.id, row.speaker, "quoted", row.type);
  for (const article of articles) {
    for (const o of article.outlets) {
      if (o.role === "author-credit") continue;
      addLink(article.id, o.name, o.role, o.kind ?? "other");
    }
  }
  const sortedLinks = [...links.values()].sort(
    (a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target) || compareIds(a.role, b.role),
  );
  const weight = new Map<string, number>();
  for (const link of sortedLinks) {
    weight.set(link.source, (weight.get(link.source) ?? 0) + link.count);
    weight.set(link.target, (weight.get(link.target) ?? 0) + link.count);
  }
  const nodes = [
    ...articles
      .filter((a) => weight.has(`article:${a.id}`))
      .map((a) => ({ id: `article:${a.id}`, label: a.id, kind: "article" as const, type: null, weight: weight.get(`article:${a.id}`)! })),
    ...[...voiceType.entries()]
      .sort(([a], [b]) => compareIds(a, b))
      .map(([voice, type]) => ({
        id: `voice:${voice}`,
        label: voice,
        kind: "voice" as const,
        type,
        weight: weight.get(`voice:${voice}`)!,
      })),
  ];
  return { rows, articles: perArticle, speakers, network: { nodes, links: sortedLinks } };
}
