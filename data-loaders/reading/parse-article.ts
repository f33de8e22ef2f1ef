import { createHash } from "node:crypto";
import { validateMetadata, type ValidatedMetadata } from "./article-metadata.ts";
import type { CorpusError } from "./corpus-error.ts";
import { numberProblem, parseFrontMatter, RESERVED_KEY_PROBLEM, splitFrontMatter } from "./front-matter.ts";
import { findJsonShapeProblem, MAX_JSON_DEPTH } from "./strict-json.ts";

/** An article parsed from its file, valid except that its language may still need detecting. */
export interface ParsedArticle extends ValidatedMetadata {
  readonly text: string;
  readonly source: string;
}

export interface ParseResult {
  readonly article: ParsedArticle | null;
  readonly errors: readonly CorpusError[];
}

/**
 * Returns the byte offset of the first byte that is not part of a well-formed UTF-8 sequence, or -1.
 * (TextDecoder's fatal mode says that a file is broken, not where.)
 * @example firstInvalidUtf8Byte(Uint8Array.of(0x61, 0xff)) // 1
 */
export function firstInvalidUtf8Byte(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i]!;
    let need: number;
    let min: number;
    if (b < 0x80) {
      i++;
      continue;
    } else if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let code = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      code = (code << 6) | (c & 0x3f);
    }
    if (code < min || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * Why `bytes` look like UTF-16 rather than UTF-8: a UTF-16 byte-order mark, or a zero byte in every other
 * position of the first characters (ASCII text saved as UTF-16 without a mark); null otherwise.
 */
function utf16Evidence(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return "little-endian byte-order mark";
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return "big-endian byte-order mark";
  const pairs = Math.min(32, Math.floor(bytes.length / 2));
  if (pairs < 2) return null;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0 && bytes[2 * i + 1] !== 0) evenZeros++;
    if (bytes[2 * i + 1] === 0 && bytes[2 * i] !== 0) oddZeros++;
  }
  if (oddZeros === pairs) return "a zero byte after every character, little-endian without a byte-order mark";
  if (evenZeros === pairs) return "a zero byte before every character, big-endian without a byte-order mark";
  return null;
}

/** Decodes UTF-8 strictly; a file with invalid bytes is an error, never silently repaired. */
export function decodeUtf8(bytes: Uint8Array, file: string, offsetScope = ""): { text: string | null; errors: CorpusError[] } {
  const utf16 = utf16Evidence(bytes);
  if (utf16)
    return { text: null, errors: [{ file, field: "encoding", message: `is UTF-16 (${utf16}), not UTF-8; save the file as UTF-8` }] };
  const bad = firstInvalidUtf8Byte(bytes);
  if (bad >= 0) {
    const hex = bytes[bad]!.toString(16).padStart(2, "0");
    return {
      text: null,
      errors: [
        { file, field: "encoding", message: `not valid UTF-8: byte 0x${hex} at byte offset ${bad}${offsetScope}; save the file as UTF-8` },
      ],
    };
  }
  let text = new TextDecoder("utf-8").decode(bytes);
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text, errors: [] };
}

/** Front matter already parsed and validated: its YAML's SHA-256, and the metadata it gave. */
export interface KnownFrontMatter {
  readonly sha256: string;
  readonly metadata: ValidatedMetadata;
}

/** What parsing a Markdown article gives: the article or its errors, and its front matter for next time. */
export interface MarkdownParseResult extends ParseResult {
  /** The front matter as parsed (null when the article has errors): pass it back to skip parsing it again. */
  readonly frontMatter: KnownFrontMatter | null;
}

/**
 * Parses a Markdown article: optional YAML front matter between `---` lines, then the body, kept verbatim.
 * `id` defaults to `defaultId` (the file name without its extension). Given the `known` front matter of an
 * earlier parse of the same file, the YAML is parsed again only if it changed (the corpus is indexed, then
 * each article read again when it is analysed: large front matter is parsed once).
 * @example parseMarkdownArticle("---\nlanguage: en\n---\nHello.", "a.md", "a").article?.text // "Hello."
 */
export function parseMarkdownArticle(
  source: string,
  file: string,
  defaultId: string,
  known?: KnownFrontMatter | null,
): MarkdownParseResult {
  const split = splitFrontMatter(source, file);
  if (split.errors.length) return { article: null, errors: split.errors, frontMatter: null };
  const sha256 = createHash("sha256")
    .update(split.yaml ?? "")
    .digest("hex");
  if (known && known.sha256 === sha256) return { ...withBody(known.metadata, split.body, file), frontMatter: known };
  let raw: Record<string, unknown> = {};
  if (split.yaml !== null) {
    const frontMatter = parseFrontMatter(split.yaml, file);
    if (frontMatter.errors.length) return { article: null, errors: frontMatter.errors, frontMatter: null };
    raw = frontMatter.value ?? {};
  }
  if (!("id" in raw)) raw = { ...raw, id: defaultId };
  const { value, errors } = validateMetadata(raw, file);
  if (!value) return { article: null, errors, frontMatter: null };
  return { ...withBody(value, split.body, file), frontMatter: { sha256, metadata: value } };
}

/**
 * Parses one line of a JSONL corpus: an object with `id`, `text` and optional metadata fields.
 * @example parseJsonlArticle('{"id":"a","text":"Hi."}', "c.jsonl:1").article?.id // "a"
 */
export function parseJsonlArticle(line: string, file: string): ParseResult {
  const problem = findJsonShapeProblem(line);
  if (problem?.kind === "duplicate-key" || problem?.kind === "reserved-key") {
    const at = problem.path ? `${problem.path}.${problem.key}` : problem.key;
    const message = problem.kind === "duplicate-key" ? "appears twice in the same object; keep one" : RESERVED_KEY_PROBLEM;
    return { article: null, errors: [{ file, field: at, message }] };
  }
  if (problem?.kind === "inexact-number") {
    const message = numberProblem(Number(problem.number), problem.number)!;
    return { article: null, errors: [{ file, field: problem.path || "line", message }] };
  }
  if (problem?.kind === "too-deep") {
    return {
      article: null,
      errors: [{ file, field: problem.path || "line", message: `nests objects or arrays deeper than ${MAX_JSON_DEPTH} levels` }],
    };
  }
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    // JSON cannot hold a raw CR inside a string, so a CR with more text after it ends a line: the file's lines
    // end in a lone CR (old Mac), which JSON Lines does not allow.
    const message = /\r(?![\s]*$)/.test(line)
      ? "invalid JSON: this line holds several lines ending in a lone CR (old Mac line ends); save the file with LF or CR LF line ends"
      : `invalid JSON: ${(error as Error).message}`;
    return { article: null, errors: [{ file, field: "line", message }] };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { article: null, errors: [{ file, field: "line", message: "must be a JSON object" }] };
  }
  const { text, ...raw } = value as Record<string, unknown>;
  if (typeof text !== "string") {
    const errors = [{ file, field: "text", message: text === undefined ? "is missing" : "must be a string" }];
    const meta = validateMetadata(raw, file);
    return { article: null, errors: [...errors, ...meta.errors] };
  }
  return finish(raw, text, file);
}

function finish(raw: Record<string, unknown>, text: string, file: string): ParseResult {
  const { value, errors } = validateMetadata(raw, file);
  if (!value) return { article: null, errors: [...errors, ...bodyErrors(text, file)] };
  return withBody(value, text, file);
}

/** An article from validated metadata and its body, unless the body is empty. */
function withBody(metadata: ValidatedMetadata, text: string, file: string): ParseResult {
  const errors = bodyErrors(text, file);
  return errors.length ? { article: null, errors } : { article: { ...metadata, text, source: file }, errors: [] };
}

function bodyErrors(text: string, file: string): CorpusError[] {
  return text.trim() === "" ? [{ file, field: "body", message: "is empty: an article needs text" }] : [];
}
