// The part of @observablehq/inputs (plain JavaScript, no types) that the components call.
declare module "@observablehq/inputs" {
  /** A table of `data` with sortable columns, in a form; see https://github.com/observablehq/inputs#table. */
  export function table(data: unknown, options?: Record<string, unknown>): HTMLFormElement;
}
