/**
 * Whether a codebook's content is the content its version was recorded with. A codebook keeps, in its own
 * `versions` list, the SHA-256 of its content for each version released (`npm run codebook -- stamp`
 * writes it). The content is the parsed file without that list, its keys sorted: an edit to a comment or
 * to the layout is not a change of content, an edit to a term, a definition or an example is. An edited
 * codebook that still says the recorded version is "changed": the build log and the Codebook page say so.
 */
import { createHash } from "node:crypto";
import { parseDocument } from "yaml";
import { z } from "zod";

/** The `versions` field of a codebook: each released version and the SHA-256 of its content. */
export const versionsSchema = z
  .array(
    z
      .object({
        version: z.string().regex(/^\d+\.\d+\.\d+$/, "must be a semantic version such as 1.0.0"),
        content: z.string().regex(/^[0-9a-f]{64}$/, "must be a SHA-256 in hex (written by npm run codebook -- stamp)"),
        note: z.string().optional(),
      })
      .strict(),
  )
  .optional();

/** How a codebook's content stands to its version's record. */
export interface VersionCheck {
  /** "recorded": as recorded; "changed": the version was recorded with other content; "unrecorded": no record. */
  readonly status: "recorded" | "changed" | "unrecorded";
  /** SHA-256 of the content now. */
  readonly content: string;
  /** SHA-256 recorded for this version, or null. */
  readonly recorded: string | null;
}

/** A value with the keys of every object sorted (code-unit order), for a hash that ignores key order. */
function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (typeof value !== "object" || value === null) return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, v]) => [key, sortedKeys(v)]));
}

/**
 * The SHA-256 of a parsed codebook's content: the object without `versions`, keys sorted, as JSON.
 * @example codebookContentHash({ id: "a", versions: [] }) === codebookContentHash({ id: "a" }) // true
 */
export function codebookContentHash(raw: unknown): string {
  const { versions: _versions, ...content } = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  return createHash("sha256")
    .update(JSON.stringify(sortedKeys(content)))
    .digest("hex");
}

/**
 * How the content of `raw` (a parsed codebook) stands to the record of `version` in its `versions` list
 * (the last record of that version, when a file has two).
 */
export function checkCodebookVersion(
  raw: unknown,
  version: string,
  versions: readonly { readonly version: string; readonly content: string }[],
): VersionCheck {
  const content = codebookContentHash(raw);
  const recorded = versions.findLast((v) => v.version === version)?.content ?? null;
  return { status: recorded === null ? "unrecorded" : recorded === content ? "recorded" : "changed", content, recorded };
}

/**
 * The line the build log prints for a codebook whose content is not its version's (null when it is, or
 * when the codebook records no version at all).
 * @example versionWarning({ status: "changed", content: "b…", recorded: "a…" }, "framing.yaml", "2.0.0")
 */
export function versionWarning(check: VersionCheck, file: string, version: string): string | null {
  if (check.status !== "changed") return null;
  return (
    `warning: ${file}: the content changed under the unchanged version ${version} (recorded ${check.recorded!.slice(0, 12)}…, ` +
    `now ${check.content.slice(0, 12)}…); raise the version and record it: npm run codebook -- stamp ${file}`
  );
}

/** The parsed file, its version and its versions list, or what is wrong. */
function readVersions(
  text: string,
  file: string,
): { raw: unknown; version: string; versions: { version: string; content: string }[] } | { error: string } {
  const document = parseDocument(text);
  if (document.errors.length) return { error: `${file}: ${document.errors[0]!.message.split("\n")[0]}` };
  const raw = document.toJS() as unknown;
  const fields = (typeof raw === "object" && raw !== null ? raw : {}) as Record<string, unknown>;
  if (typeof fields.version !== "string" || !/^\d+\.\d+\.\d+$/.test(fields.version))
    return { error: `${file}: version: must be a semantic version such as 1.0.0` };
  const versions = versionsSchema.safeParse(fields.versions);
  if (!versions.success) return { error: `${file}: versions: must be a list of { version, content }` };
  return { raw, version: fields.version, versions: versions.data ?? [] };
}

/**
 * Records the content of a codebook's version in its `versions` list, as one line added to the text (the
 * list is added before `entries` if the file has none), so that comments and layout stay as written: the
 * text to write, or nothing to do, or why not. A version already recorded with other content is refused:
 * raise the version first.
 * @example recordVersion("version: 1.0.0\nentries: []\n", "a.yaml") // { text: "version: 1.0.0\nversions:\n  - { version: 1.0.0, content: … }\nentries: []\n" }
 */
export function recordVersion(text: string, file: string): { text: string } | { unchanged: string } | { error: string } {
  const read = readVersions(text, file);
  if ("error" in read) return read;
  const check = checkCodebookVersion(read.raw, read.version, read.versions);
  if (check.status === "recorded") return { unchanged: `${file}: version ${read.version} is recorded with this content already` };
  if (check.status === "changed")
    return {
      error: `${file}: version ${read.version} is recorded with other content; raise the version (a patch or minor release), then stamp`,
    };
  const line = `  - { version: ${read.version}, content: ${check.content} }`;
  const lines = text.split("\n");
  const listAt = lines.findIndex((l) => /^versions:\s*(#.*)?$/.test(l));
  if (listAt >= 0) {
    let end = listAt + 1;
    while (end < lines.length && /^\s+\S/.test(lines[end]!)) end++;
    lines.splice(end, 0, line);
  } else {
    const entriesAt = lines.findIndex((l) => /^entries:/.test(l));
    lines.splice(entriesAt < 0 ? lines.length : entriesAt, 0, "versions:", line);
  }
  const written = lines.join("\n");
  // The line must read back as the record, the content unchanged; a list written another way is not guessed at.
  const again = readVersions(written, file);
  if ("error" in again || checkCodebookVersion(again.raw, again.version, again.versions).status !== "recorded")
    return { error: `${file}: versions: written in a form this command does not extend; add "${line.trim()}" by hand` };
  return { text: written };
}
