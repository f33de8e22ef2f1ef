/**
 * The text a reader of a published file could see in it, for the leak check (leak-check.ts): a JSON file's
 * strings (keys and values, in order), an HTML or Markdown file's text with tags removed and entities
 * decoded, a script's string literals unescaped, and each entry of a zip archive the same way by its own
 * name. Binary files (images, fonts) hold no words and give nothing.
 */
import { unzipSync } from "fflate";

/** One text found in a published file: the file (and, inside an archive, `archive!entry`) and its text. */
export interface PublishedText {
  readonly file: string;
  readonly text: string;
}

const BINARY = /\.(?:png|jpe?g|gif|webp|avif|ico|woff2?|ttf|otf|eot|wasm|pdf|parquet|gz|br)$/i;

/** Every text a reader could see in the file `name` with these bytes (see the module's comment). */
export function publishedTexts(name: string, bytes: Uint8Array): PublishedText[] {
  if (/\.zip$/i.test(name)) {
    const entries = unzipSync(bytes);
    return Object.keys(entries)
      .sort()
      .flatMap((entry) => publishedTexts(`${name}!${entry}`, entries[entry]!));
  }
  if (BINARY.test(name) || bytes.includes(0)) return [];
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8");
  if (/\.json$/i.test(name)) return [{ file: name, text: jsonStrings(text) }];
  if (/\.(?:html?|svg|xml|md)$/i.test(name)) return [{ file: name, text: decodeEntities(text.replace(/<[^>]*>/g, " ")) }];
  if (/\.m?js$/i.test(name)) return [{ file: name, text: unescapeScript(text) }];
  return [{ file: name, text }];
}

/** A JSON document's keys and string values in document order, one per line (the text itself if it is not JSON). */
function jsonStrings(text: string): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  const strings: string[] = [];
  const walk = (node: unknown): void => {
    if (typeof node === "string") strings.push(node);
    else if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === "object")
      for (const [key, child] of Object.entries(node)) {
        strings.push(key);
        walk(child);
      }
  };
  walk(value);
  return strings.join("\n");
}

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: " " };

/** HTML character references decoded (named ones of the list above, decimal and hexadecimal). */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, ref: string) => {
    if (ref[0] !== "#") return ENTITIES[ref.toLowerCase()] ?? whole;
    const code = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
    return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** A script's \uXXXX, \u{…} and \xXX escapes decoded (text written into a bundle as a string literal). */
function unescapeScript(text: string): string {
  return text
    .replace(/\\u\{([0-9a-f]+)\}|\\u([0-9a-f]{4})|\\x([0-9a-f]{2})/gi, (whole, braced?: string, four?: string, two?: string) => {
      const code = parseInt(braced ?? four ?? two ?? "", 16);
      return code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    })
    .replace(/\\[nrt]/g, " ");
}
