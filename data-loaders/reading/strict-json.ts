/**
 * JSON as a corpus line must be: `JSON.parse` keeps the last of two equal keys without a word, a
 * `__proto__` key is lost as soon as the object is copied, an integer past 2^53 silently loses digits, and a
 * pathologically deep value can exhaust the stack of whatever reads it next. This check walks the text once
 * (iteratively, so any depth is safe to check) and reports the first such problem, with the path to it; only
 * then is the text parsed.
 */

/** How deep objects and arrays may nest in one corpus line (metadata needs two or three levels). */
export const MAX_JSON_DEPTH = 64;

/** What the check found: null when the text has no duplicate key and no excessive nesting. */
export type JsonShapeProblem =
  | { readonly kind: "duplicate-key" | "reserved-key"; readonly path: string; readonly key: string }
  | { readonly kind: "too-deep"; readonly path: string }
  | { readonly kind: "inexact-number"; readonly path: string; readonly number: string };

/** A JSON number, read from where it starts. */
const NUMBER = /-?\d+(\.\d+)?([eE][+-]?\d+)?/y;

interface Frame {
  readonly kind: "object" | "array";
  readonly keys: Set<string>;
  /** In an object: the key whose value is being read; in an array: the index. */
  label: string;
  index: number;
  expectingKey: boolean;
}

/**
 * Finds the first duplicate key, `__proto__` key, integer that a number cannot hold exactly, or value nested
 * deeper than `maxDepth` in a JSON text. Assumes nothing about validity: text that is not JSON is left for
 * `JSON.parse` to report.
 * @example findJsonShapeProblem('{"a": 1, "a": 2}') // { kind: "duplicate-key", path: "", key: "a" }
 */
export function findJsonShapeProblem(text: string, maxDepth: number = MAX_JSON_DEPTH): JsonShapeProblem | null {
  const stack: Frame[] = [];
  const pathTo = (depth: number) =>
    stack
      .slice(0, depth)
      .map((f) => f.label)
      .join(".");
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      const top = stack.at(-1);
      if (top?.kind === "object" && top.expectingKey) {
        let key: string;
        try {
          key = JSON.parse(text.slice(i, j + 1)) as string;
        } catch {
          return null; // not JSON: JSON.parse will say where
        }
        if (top.keys.has(key)) return { kind: "duplicate-key", path: pathTo(stack.length - 1), key };
        if (key === "__proto__") return { kind: "reserved-key", path: pathTo(stack.length - 1), key };
        top.keys.add(key);
        top.label = key;
        top.expectingKey = false;
      }
      i = j;
    } else if (c === "{" || c === "[") {
      const top = stack.at(-1);
      if (top?.kind === "array") top.label = String(top.index);
      if (stack.length >= maxDepth) return { kind: "too-deep", path: pathTo(stack.length) };
      stack.push({ kind: c === "{" ? "object" : "array", keys: new Set(), label: "", index: 0, expectingKey: c === "{" });
    } else if (c === "-" || (c >= "0" && c <= "9")) {
      NUMBER.lastIndex = i;
      const number = NUMBER.exec(text);
      if (!number) continue;
      if (number[1] === undefined && number[2] === undefined && !Number.isSafeInteger(Number(number[0]))) {
        const top = stack.at(-1);
        if (top?.kind === "array") top.label = String(top.index);
        return { kind: "inexact-number", path: pathTo(stack.length), number: number[0] };
      }
      i += number[0].length - 1;
    } else if (c === "}" || c === "]") {
      stack.pop();
    } else if (c === ",") {
      const top = stack.at(-1);
      if (top?.kind === "object") top.expectingKey = true;
      else if (top) top.index++;
    }
  }
  return null;
}
