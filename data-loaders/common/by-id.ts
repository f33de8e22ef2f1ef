// A loaded list of entries (a gazetteer's actors, its outlets) by id, made once per list: the lists are
// loaded once per run and read for every article.

const byIdOf = new WeakMap<readonly { readonly id: string }[], ReadonlyMap<string, unknown>>();

/**
 * `entries` by id, made on the first call for this array and reused after (the array must not change).
 * @example byId([{ id: "rt" }]).get("rt") // { id: "rt" }
 */
export function byId<T extends { readonly id: string }>(entries: readonly T[]): ReadonlyMap<string, T> {
  let map = byIdOf.get(entries) as ReadonlyMap<string, T> | undefined;
  if (!map) byIdOf.set(entries, (map = new Map(entries.map((e) => [e.id, e]))));
  return map;
}
