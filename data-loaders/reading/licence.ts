import { licenceSchema } from "../schema/enums.ts";
import type { CorpusError } from "./corpus-error.ts";

/** An article's licence (see licenceSchema in schema/enums.ts). */
export type Licence = (typeof licenceSchema.options)[number];

/**
 * The licence written as `value` (front matter or import field `licence`, or the LICENCE setting), checked:
 * undefined, null or empty give `fallback`; anything but a known licence is a located error listing them.
 * @example readLicence("CC-BY-4.0", "unknown", "a.md", "licence") // { licence: "CC-BY-4.0" }
 * @example readLicence("CC BY", "unknown", "a.md", "licence").error.message
 *   // 'must be one of CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, public-domain, all-rights-reserved, unknown, not "CC BY"'
 */
export function readLicence(
  value: unknown,
  fallback: Licence,
  file: string,
  field: string,
): { readonly licence: Licence; readonly error?: undefined } | { readonly licence?: undefined; readonly error: CorpusError } {
  if (value === undefined || value === null || value === "") return { licence: fallback };
  const parsed = licenceSchema.safeParse(value);
  if (parsed.success) return { licence: parsed.data };
  const message = `must be one of ${licenceSchema.options.join(", ")}, not ${JSON.stringify(value)}`;
  return { error: { file, field, message } };
}
