/**
 * The task of a one-thread pool that computes the Tone page's bootstrap tables (meanTable for each
 * grouping) while the loader's own thread publishes the rest: see tone-thread.ts. Same inputs, same
 * rows as in the loader's thread (the resamples are drawn from the same seeded streams).
 */
import { openRecordCache } from "../pipeline/record-cache.ts";
import { meanTable } from "./rate-statistics.ts";
import type { ToneTableInput } from "./compare-tone.ts";
import type { MeanRow } from "../schema/site-outputs.ts";

/** Answers once this worker has loaded (its module's top level has run): toneThread's `ready` task. */
export function ready(): true {
  return true;
}

export default function toneTables({ items, measures, groupings, kept }: ToneTableInput): MeanRow[] {
  const options = kept ? { kept: { store: openRecordCache(kept.folder), salt: kept.salt } } : {};
  return groupings.flatMap((grouping) => meanTable(items, grouping, measures, options));
}
