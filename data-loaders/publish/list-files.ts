// The long lists, published page by page or list by list: concordance/, voices/ (with voices.json) and
// keyness/ (with the manifest keyness.json holds).
import type { loadResources } from "../pipeline/analyze-corpus.ts";
import { listConcordance, type ListedConcordance } from "../compare/compare-frames.ts";
import { compareVoices, voicesByPeriod } from "../compare/compare-voices.ts";
import { GROUPINGS } from "../compare/groupings.ts";
import { KEYNESS_MAX_GROUPS, KEYNESS_MIN_FREQUENCY, type KeynessBuilder } from "../compare/keyness-lists.ts";
import type { PagedList } from "../schema/site-outputs.ts";
import type { ViewLine } from "./article-view.ts";
import type { Gathered } from "./article-files.ts";
import type { SiteFiles } from "./site-files.ts";

/** Attributions per published page of the faceless and framed lists on Who speaks. */
const VOICE_LIST_PAGE_SIZE = 200;

/** Each codebook's concordance pages, returned as listed for its comparison (published once the tables are computed). */
export function publishConcordance(
  files: SiteFiles,
  resources: ReturnType<typeof loadResources>,
  concordance: readonly ViewLine[],
): Map<"frames" | "devices", ListedConcordance<ViewLine>> {
  const listed = new Map<"frames" | "devices", ListedConcordance<ViewLine>>();
  for (const kind of ["frames", "devices"] as const) {
    const lineKind = kind === "frames" ? "frame" : "device";
    const list = listConcordance(
      kind === "frames" ? resources.framing : resources.devices,
      concordance.filter((l) => l.kind === lineKind),
    );
    for (const { category, page, first, lines } of list.pages)
      files.lines(`concordance/${kind}/${category}/${page}.json`, { category, page, first }, lines, lineKind);
    listed.set(kind, list);
  }
  return listed;
}

/** voices.json, with the faceless voices and the voices in framed sentences published page by page. */
export function publishVoices(files: SiteFiles, gathered: Gathered): void {
  const { voices } = gathered;
  const faceless = voices.filter((r) => r.type === "anonymous" || r.type === "unnamed-group").map((r) => ({ ...r, frame: null }));
  const framed = voices.flatMap((r) => r.frames.map((frame) => ({ ...r, frame })));
  files.json("voices.json", {
    ...compareVoices(gathered.voiceArticles, voices),
    periods: voicesByPeriod(gathered.summary, voices),
    faceless: publishPages(faceless, (page, rows) => files.fetched(`voices/faceless/${page}.json`, { list: "faceless", page, rows })),
    framed: publishPages(framed, (page, rows) => files.fetched(`voices/framed/${page}.json`, { list: "framed", page, rows })),
  });
}

/**
 * Publishes the frequency lists keyness is computed from (keyness/corpus-<language>.json and
 * keyness/<grouping>/<k>.json) and returns their manifest. Every grouping but the whole corpus and
 * language (keyness compares texts of one language).
 */
export function publishKeyness(keyness: KeynessBuilder, write: (name: string, content: object) => void): object {
  const groupings = GROUPINGS.filter((g) => g.id !== "all" && g.id !== "language");
  const { corpus, groups } = keyness.lists(groupings.map((g) => g.id));
  keyness.dispose();
  for (const list of corpus) write(`keyness/corpus-${list.language}.json`, { grouping: null, group: null, lists: [list] });
  const manifest = groupings.map(({ id, label }) => {
    const own = groups.filter((g) => g.grouping === id);
    own.forEach((g, k) => write(`keyness/${id}/${k}.json`, { grouping: id, group: g.group, lists: g.lists }));
    return {
      id,
      label,
      groups: own.map((g) => ({
        group: g.group,
        articles: g.articles,
        languages: g.lists.map((l) => ({ language: l.language, articles: l.articles })),
      })),
    };
  });
  return {
    minFrequency: KEYNESS_MIN_FREQUENCY,
    maxGroups: KEYNESS_MAX_GROUPS,
    corpus: corpus.map((l) => ({ language: l.language, articles: l.articles, tokens: l.tokens, features: l.features.length })),
    groupings: manifest,
  };
}

/** Hands `items` to `write` in pages of VOICE_LIST_PAGE_SIZE and returns the list's manifest. */
function publishPages<T>(items: readonly T[], write: (page: number, rows: readonly T[]) => void): PagedList {
  const pages = Math.ceil(items.length / VOICE_LIST_PAGE_SIZE);
  for (let page = 0; page < pages; page++) write(page, items.slice(page * VOICE_LIST_PAGE_SIZE, (page + 1) * VOICE_LIST_PAGE_SIZE));
  return { count: items.length, pages, pageSize: VOICE_LIST_PAGE_SIZE };
}
