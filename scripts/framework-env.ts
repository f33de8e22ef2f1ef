/**
 * The environment Framework's CLI runs in: Framework sends anonymous usage telemetry to
 * events.observablehq.com unless told not to, and the project's builds make no request beyond the machine.
 */
export const OFFLINE_ENV: NodeJS.ProcessEnv = { ...process.env, OBSERVABLE_TELEMETRY_DISABLE: "true" };
