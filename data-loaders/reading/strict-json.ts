/**
 * JSON as a corpus line must be: `JSON.parse` keeps the last of two equal keys without a word, and a
 * pathologically deep value can exhaust the stack of whatever reads it next. This check walks the text once
 * (iteratively, so any depth is safe to check) and reports the first duplicate key or excessive nesting,
 * with the path to it; only then is the text parsed.
 */

/** How deep objects and arrays may nest in one corpus line (metadata needs two or three levels). */
export const MAX_JSON_DEPTH = 64;

/** What the check found: null when the text has no duplicate key and no excessive nesting. */
export type JsonShapeProblem =
  { readonly kind: "duplicate-key"; readonly path: string; readonly key: string } | { readonly kind: "too-deep"; readonly path: string };

interface Frame {
  readonly kind: "object" | "array";
  readonly keys: Set<string>;
  /** In an object: the key whose value is being read; in an array: the index. */
  label: string;
  index: number;
  expectingKey: boolean;
}

/**
 * Finds the first duplicate key or the first value nested deeper than `maxDepth` in a JSON text. Assumes
 * nothing about validity: text that is not JSON is left for `JSON.parse` to report.
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
