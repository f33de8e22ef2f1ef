/**
 * A worker thread of the analysis pool (analyze-parallel.ts): loads the data files and its own wink-nlp
 * instances once, then turns each corpus entry it is given into its record's JSON (through the record
 * cache). Piscina calls the default export once per task.
 */
import { workerData } from "node:worker_threads";
import { loadResources } from "./analyze-corpus.ts";
import { recordContext, recordJson } from "./record-json.ts";
import type { CorpusEntry } from "../reading/read-corpus.ts";
import type { PoolSettings } from "./analyze-parallel.ts";

const settings = workerData as PoolSettings;
const context = recordContext(loadResources(settings.paths), settings.cacheFolder, settings.fingerprint);

export default function analyzeInWorker(entry: CorpusEntry): string {
  return recordJson(entry, context);
}

/** Answers once this worker has loaded (its module's top level has run): the pool's `ready` task. */
export function ready(): true {
  return true;
}
