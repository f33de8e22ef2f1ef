/**
 * Finds the characters of light Markdown syntax in an article body: ATX heading marks (`### `), strong and
 * emphasis delimiters (`**`, `__`, `*`), link and image brackets with their targets (`[`, `](url)`), and
 * backslash escapes (`\$`). Returns sorted, non-overlapping `[start, end)` ranges.
 *
 * The pipeline never removes these characters: it masks them with spaces of the same length
 * ({@link maskRanges}), so every offset still indexes the verbatim body, and the reader hides them.
 * @example findMarkup("## **Now**") // [[0, 5], [8, 10]] (touching ranges are merged)
 */
export function findMarkup(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const add = (start: number, end: number) => {
    if (end > start) ranges.push([start, end]);
  };
  for (const m of text.matchAll(/^[ \t]{0,3}(#{1,6})[ \t]+/gm)) add(m.index, m.index + m[0].length);
  for (const m of text.matchAll(/(\*\*|__)(?=\S)([^\n]*?\S)\1/g)) {
    add(m.index, m.index + 2);
    add(m.index + m[0].length - 2, m.index + m[0].length);
  }
  for (const m of text.matchAll(/(?<![*\w\\])\*(?=[^\s*])([^*\n]*?[^\s*\\])\*(?![*\w])/g)) {
    add(m.index, m.index + 1);
    add(m.index + m[0].length - 1, m.index + m[0].length);
  }
  for (const m of text.matchAll(/(!?\[)([^\]\n]+)\]\(([^()\s]*)\)/g)) {
    add(m.index, m.index + m[1]!.length);
    const closeAt = m.index + m[1]!.length + m[2]!.length;
    add(closeAt, m.index + m[0].length);
  }
  for (const m of text.matchAll(/\\(?=[\\`*_{}[\]()#+\-.!$])/g)) add(m.index, m.index + 1);
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged[merged.length - 1];
    if (last && range[0] <= last[1]) last[1] = Math.max(last[1], range[1]);
    else merged.push([range[0], range[1]]);
  }
  return merged;
}

/** Replaces the characters in `ranges` with spaces, keeping the string's length (and so every offset). */
export function maskRanges(text: string, ranges: readonly (readonly [number, number])[]): string {
  if (!ranges.length) return text;
  let out = "";
  let at = 0;
  for (const [start, end] of ranges) {
    out += text.slice(at, start) + " ".repeat(end - start);
    at = end;
  }
  return out + text.slice(at);
}
