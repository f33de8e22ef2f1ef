/**
 * The Tone page's bootstrap tables in a thread of their own (tone-worker.ts), so that they are computed
 * beside the loader's other work: the same rows as compareTone's in the loader's thread.
 */
import { Piscina } from "piscina";
import { toneComparison, toneTableInput, type ToneTableInput } from "./compare-tone.ts";
import type { Gazetteer } from "../terms/gazetteer.ts";
import type { ArticleSummary, MeanRow, ToneComparison } from "../schema/site-outputs.ts";

/** compareTone in a thread of its own, started ahead of the moment its tables are wanted (see toneThread). */
export interface ToneThread {
  /**
   * Hands compareTone of `rows` to the thread (once it has loaded) and resolves with a function that waits
   * for the result: the same as compareTone's, with `kept` as a folder of the group store and its salt.
   */
  compare(rows: readonly ArticleSummary[], gazetteer: Gazetteer, kept?: ToneTableInput["kept"]): Promise<() => Promise<ToneComparison>>;
  /** Stops the thread (after `compare`, or instead of it). */
  close(): Promise<void>;
}

/**
 * Starts a thread for compareTone, so that its bootstrap (seconds at 10,000 articles, even after one edit:
 * every grouping's group that holds the edited article is resampled again) runs beside the caller's other
 * work, and the thread has loaded its code by the time the tables are wanted. The worker is a TypeScript
 * module, so this runs where the caller does (a tsx process such as the loader).
 */
export function toneThread(): ToneThread {
  // A pool of one thread (piscina loads the TypeScript task as the analysis workers are loaded), started now.
  const pool = new Piscina<ToneTableInput | null, MeanRow[] | true>({
    filename: new URL("./tone-worker.ts", import.meta.url).href,
    minThreads: 1,
    maxThreads: 1,
  });
  const loaded = pool.run(null, { name: "ready" });
  // A failure to load is reported by `compare`, not as an unhandled rejection meanwhile.
  loaded.catch(() => {});
  return {
    async compare(rows, gazetteer, kept) {
      // The pool hands a task over only to a thread it has heard from (a message this thread reads between
      // tasks), so the task goes once the thread has answered `ready`, and then at once.
      await loaded;
      const tables = pool.run({ ...toneTableInput(rows), kept });
      // A failure is reported where the result is awaited, not as an unhandled rejection meanwhile.
      tables.catch(() => {});
      return async () => toneComparison(gazetteer, (await tables) as MeanRow[]);
    },
    close: () => pool.destroy(),
  };
}
