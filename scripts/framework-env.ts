/**
 * How the project starts Node for heavy work: a 64 MB semi-space (V8's default is 16 MB), because the
 * analysis and the loader allocate many short-lived objects and collect them far less often with it (see
 * WORKER_YOUNG_GENERATION_MB in data-loaders/pipeline/analyze-parallel.ts, the same for worker threads).
 * package.json's analyze, bench and export scripts pass the same flag.
 */
export const NODE_HEAP_FLAGS: readonly string[] = ["--max-semi-space-size=64"];

/**
 * The environment Framework's CLI runs in: Framework sends anonymous usage telemetry to
 * events.observablehq.com unless told not to, and the project's builds make no request beyond the machine.
 * The loaders it runs (npm run dev) start with NODE_HEAP_FLAGS.
 */
export const OFFLINE_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  OBSERVABLE_TELEMETRY_DISABLE: "true",
  NODE_OPTIONS: [process.env.NODE_OPTIONS, ...NODE_HEAP_FLAGS].filter(Boolean).join(" "),
};
