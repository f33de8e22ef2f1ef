/**
 * The task of a one-thread pool that computes the site's bootstrap tables while the loader's own thread
 * publishes the rest: see bootstrap-thread.ts. Same input, same rows as in the loader's thread (the
 * resamples are drawn from the same seeded streams, once per group for the three tables).
 */
import { openRecordCache } from "../pipeline/record-cache.ts";
import { bootstrapTables, type BootstrapTables } from "./bootstrap-tables.ts";
import type { BootstrapTask } from "./bootstrap-thread.ts";

/** Answers once this worker has loaded (its module's top level has run): the thread's `ready` task. */
export function ready(): true {
  return true;
}

export default function computeTables({ kept, ...input }: BootstrapTask): BootstrapTables {
  return bootstrapTables(input, { drawn: new Map(), kept: kept && { store: openRecordCache(kept.folder, kept.salt), salt: kept.salt } });
}
