/**
 * `T` with every property, array and tuple made read-only, all the way down: the records and site outputs
 * are values to read, never to change in place. Applied to the types inferred from the zod schemas.
 */
export type DeepReadonly<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly unknown[]
    ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;
