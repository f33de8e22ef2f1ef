import type { VoiceType } from "../schema/enums.ts";
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
 * Attributions per year and per month of publication: each period's articles (those dated at least to
 * that precision) and their attributions by speaker type and by kind, periods in order.
 */
export function voicesByPeriod(
  articles: ReadonlyArray<{ readonly id: string; readonly published: string | null }>,
  voices: readonly VoiceRow[],
): VoiceComparison["periods"] {
  const out: Array<VoiceComparison["periods"][number]> = [];
  for (const [grouping, length] of [
    ["year", 4],
    ["month", 7],
  ] as const) {
    const periodOf = new Map(
      articles.filter((a) => (a.published?.length ?? 0) >= length).map((a) => [a.id, a.published!.slice(0, length)]),
    );
    const rows = new Map<
      string,
      { articles: number; attributions: number; byType: Record<string, number>; byKind: Record<string, number> }
    >();
    const row = (period: string) => {
      let r = rows.get(period);
      if (!r)
        rows.set(period, (r = { articles: 0, attributions: 0, byType: {}, byKind: { direct: 0, mixed: 0, indirect: 0, thought: 0 } }));
      return r;
    };
    for (const period of periodOf.values()) row(period).articles++;
    for (const v of voices) {
      const period = periodOf.get(v.id);
      if (period === undefined) continue;
      const r = row(period);
      r.attributions++;
      r.byType[v.type] = (r.byType[v.type] ?? 0) + 1;
      r.byKind[v.kind]!++;
    }
    for (const period of [...rows.keys()].sort(compareIds)) {
      const r = rows.get(period)!;
      out.push({
        grouping,
        period,
        articles: r.articles,
        attributions: r.attributions,
        byType: Object.fromEntries(Object.entries(r.byType).sort(([a], [b]) => compareIds(a, b))) as Record<VoiceType, number>,
        byKind: r.byKind as VoiceComparison["periods"][number]["byKind"],
      });
    }
  }
  return out;
}

/** Articles the network shows at most: the ones with the most attributions and cited outlets. */
const NETWORK_ARTICLES = 60;
/** Article ids listed per speaker; the rest are counted. */
const SPEAKER_ARTICLES_LISTED = 20;

/**
 * Who speaks, across the corpus: attributions by kind (all, and with a named speaker), the most-quoted
 * speakers, and a network of the articles with the most voices and the voices they quote (role "quoted")
 * or name as cited outlets and origins. Everything is sorted by stable keys, so the same records give the
 * same bytes. What is shown per article is in its rows file (voiceRows).
 */
export function compareVoices(
  articles: ReadonlyArray<VoiceArticle>,
  rows: readonly VoiceRow[],
): Pick<VoiceComparison, "articles" | "totals" | "speakers" | "network" | "networkArticles"> {
  const { totals, speakers } = speakerCounts(rows);
  const { links, voiceType } = voiceLinks(articles, rows);
  const articleWeight = new Map<string, number>();
  for (const link of links.values()) articleWeight.set(link.source, (articleWeight.get(link.source) ?? 0) + link.count);
  return {
    articles: articles.length,
    totals,
    speakers,
    network: voiceNetwork(articles, links, voiceType, articleWeight),
    networkArticles: articleWeight.size,
  };
}

/** An article as the voices network sees it: its id, title and the outlets it names. */
type VoiceArticle = { readonly id: string; readonly title: string; readonly outlets: ArticleRecord["outlets"] };
/** A link of the network: an article quotes, cites or names as its origin a voice, `count` times. */
type VoiceLink = { source: string; target: string; role: "quoted" | "cited" | "origin"; count: number };

/** Attributions by kind (all, and to a named speaker), and each speaker's counts and articles, most quoted first. */
function speakerCounts(rows: readonly VoiceRow[]): Pick<VoiceComparison, "totals" | "speakers"> {
  const zeroKinds = () => ({ direct: 0, mixed: 0, indirect: 0, thought: 0 });
  const totals = { all: zeroKinds(), named: zeroKinds() };
  type Entry = { speaker: string; type: VoiceType; count: number; direct: number; mixed: number; indirect: number; thought: number };
  const bySpeaker = new Map<string, Entry & { articles: Set<string> }>();
  for (const row of rows) {
    totals.all[row.kind]++;
    if (row.speaker === null) continue;
    totals.named[row.kind]++;
    const entry = bySpeaker.get(row.speaker) ?? {
      speaker: row.speaker,
      type: row.type,
      count: 0,
      ...zeroKinds(),
      articles: new Set<string>(),
    };
    entry.count++;
    entry[row.kind]++;
    entry.articles.add(row.id);
    bySpeaker.set(row.speaker, entry);
  }
  const speakers = [...bySpeaker.values()]
    .map(({ articles: quoting, ...s }) => {
      const ids = [...quoting].sort(compareIds);
      return { ...s, articleCount: ids.length, articles: ids.slice(0, SPEAKER_ARTICLES_LISTED) };
    })
    .sort((a, b) => b.count - a.count || compareIds(a.speaker, b.speaker));
  return { totals, speakers };
}

/**
 * The network's links (an article quoting a speaker, citing an outlet, naming an origin or a wire credit)
 * with their counts, and each voice's type (the first one other than "other").
 */
function voiceLinks(
  articles: ReadonlyArray<VoiceArticle>,
  rows: readonly VoiceRow[],
): { links: Map<string, VoiceLink>; voiceType: Map<string, VoiceType> } {
  const links = new Map<string, VoiceLink>();
  const voiceType = new Map<string, VoiceType>();
  const addLink = (source: string, voice: string, role: VoiceLink["role"], type: VoiceType) => {
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
      // A wire credit names where the text came from: an origin, in the network.
      addLink(article.id, o.name, o.role === "wire-credit" ? "origin" : o.role, o.kind ?? "other");
    }
  }
  return { links, voiceType };
}

/** The network of the NETWORK_ARTICLES articles with the most links: their links, in order, and the nodes they join, weighted. */
function voiceNetwork(
  articles: ReadonlyArray<VoiceArticle>,
  links: ReadonlyMap<string, VoiceLink>,
  voiceType: ReadonlyMap<string, VoiceType>,
  articleWeight: ReadonlyMap<string, number>,
): VoiceComparison["network"] {
  const shown = new Set(
    [...articleWeight.entries()]
      .sort(([a, wa], [b, wb]) => wb - wa || compareIds(a, b))
      .slice(0, NETWORK_ARTICLES)
      .map(([id]) => id),
  );
  const sortedLinks = [...links.values()]
    .filter((link) => shown.has(link.source))
    .sort((a, b) => compareIds(a.source, b.source) || compareIds(a.target, b.target) || compareIds(a.role, b.role));
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
      .filter(([voice]) => weight.has(`voice:${voice}`))
      .sort(([a], [b]) => compareIds(a, b))
      .map(([voice, type]) => ({
        id: `voice:${voice}`,
        label: voice,
        kind: "voice" as const,
        type,
        weight: weight.get(`voice:${voice}`)!,
      })),
  ];
  return { nodes, links: sortedLinks };
}
