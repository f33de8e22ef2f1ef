import { categoryAcrossOutlets, outletProfiles, type ProfileArticle } from "../compare/outlet-profiles.ts";
import { compareIds } from "../common/compare-ids.ts";

/**
 * Publishes the outlet profiles: each outlet's profile as outlets/<k>.json (k its place in code-unit order
 * of its name) and each frame and device that any outlet uses as outlets/<frames|devices>/<category>.json,
 * through `write`; returns outlets.json, which names them.
 */
export function publishOutlets(articles: readonly ProfileArticle[], write: (name: string, content: object) => void): object {
  const profiles = outletProfiles(articles);
  profiles.forEach((profile, k) => write(`outlets/${k}.json`, profile));
  const used = new Map<string, { kind: "frame" | "device"; category: string }>();
  for (const profile of profiles)
    for (const { kind, category } of profile.categories) used.set(`${kind}\u0000${category}`, { kind, category });
  const categories = [...used.keys()].sort(compareIds).map((key) => {
    const { kind, category } = used.get(key)!;
    const folder = kind === "frame" ? ("frames" as const) : ("devices" as const);
    const outlets = categoryAcrossOutlets(profiles, kind, category);
    write(`outlets/${folder}/${category}.json`, { kind: folder, category, outlets });
    return { kind: folder, category, outlets: outlets.length };
  });
  return {
    outlets: profiles.map((p, file) => ({ source: p.source, file, articles: p.articles.length, words: p.words })),
    categories,
  };
}
