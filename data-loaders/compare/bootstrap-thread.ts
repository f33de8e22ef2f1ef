/**
 * The site's bootstrap tables (frames and devices rates, the Tone page's means) in a thread of their own
 * (bootstrap-worker.ts), so that they are computed beside the loader's other work: the same rows as in the
 * loader's thread.
 */
import { Piscina } from "piscina";
import { bootstrapInput, type BootstrapInput, type BootstrapTables } from "./bootstrap-tables.ts";
import type { Codebook } from "../terms/codebook.ts";
import type { ArticleSummary } from "../schema/site-outputs.ts";

/** What the thread is handed: the tables' input and where the group store is (BootstrapOptions.kept), if any. */
export interface BootstrapTask extends BootstrapInput {
  readonly kept?: { readonly folder: string; readonly salt: string };
}

/** The bootstrap tables in a thread of their own, started ahead of the moment they are wanted (see bootstrapThread). */
export interface BootstrapThread {
  /**
   * Hands the tables of `rows` to the thread (once it has loaded) and resolves with a function that waits
   * for them, with `kept` as a folder of the group store and its salt.
   */
  compute(
    rows: readonly ArticleSummary[],
    codebooks: { readonly framing: Codebook; readonly devices: Codebook },
    kept?: BootstrapTask["kept"],
  ): Promise<() => Promise<BootstrapTables>>;
  /** Stops the thread (after `compute`, or instead of it). */
  close(): Promise<void>;
}

/**
 * Starts a thread for the bootstrap tables, so that they (seconds at 10,000 articles, even after one edit:
 * every group that holds the edited article is computed again) are computed beside the caller's other work,
 * and the thread has loaded its code by the time they are wanted. The worker is a TypeScript module, so this
 * runs where the caller does (a tsx process such as the loader).
 */
export function bootstrapThread(): BootstrapThread {
  // A pool of one thread (piscina loads the TypeScript task as the analysis workers are loaded), started now.
  const pool = new Piscina<BootstrapTask | null, BootstrapTables | true>({
    filename: new URL("./bootstrap-worker.ts", import.meta.url).href,
    minThreads: 1,
    maxThreads: 1,
  });
  const loaded = pool.run(null, { name: "ready" });
  // A failure to load is reported by `compute`, not as an unhandled rejection meanwhile.
  loaded.catch(() => {});
  return {
    async compute(rows, codebooks, kept) {
      // The pool hands a task over only to a thread it has heard from (a message this thread reads between
      // tasks), so the task goes once the thread has answered `ready`, and then at once.
      await loaded;
      const tables = pool.run({ ...bootstrapInput(rows, codebooks), kept }) as Promise<BootstrapTables>;
      // A failure is reported where the tables are awaited, not as an unhandled rejection meanwhile.
      tables.catch(() => {});
      return () => tables;
    },
    close: () => pool.destroy(),
  };
}
