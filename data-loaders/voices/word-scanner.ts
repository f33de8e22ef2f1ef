/**
 * A word as speaker attribution reads it: a letter or digit, then letters, marks and digits, joined by a
 * hyphen, apostrophe or stop only between letters ("U.S" of "U.S.", "Krnjevic-Miskovic", "O’Brien").
 */
export const WORD = /[\p{L}\p{N}][\p{L}\p{M}\p{N}]*(?:[-'’.][\p{L}\p{M}\p{N}]+)*/gu;

/** Whether an ASCII code is a letter or a digit (ASCII has no marks). */
function isAsciiWordCode(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/** Whether an ASCII code joins two runs of a word: hyphen, apostrophe, stop ("’" is not ASCII). */
function isAsciiJoiner(code: number): boolean {
  return code === 45 || code === 39 || code === 46;
}

/**
 * The words of a text one after another, as WORD finds them from a position, read without a regular
 * expression while the text is ASCII (most words of most articles): a word with a character beyond ASCII
 * in it or right beside it is left to WORD, from the same position, so every answer is WORD's.
 * @example const s = new WordScanner(); s.next("He said", 2) // true; s.start 3, s.end 7
 */
export class WordScanner {
  /** The last word found: `[start, end)`. */
  start = -1;
  end = -1;

  /**
   * Finds the first word starting at or after `from` and before `limit` (it may end after `limit`); false
   * when there is none.
   */
  next(text: string, from: number, limit: number): boolean {
    // Inside a surrogate pair WORD steps back to the pair's start: left to it.
    if (from > 0 && (text.charCodeAt(from) & 0xfc00) === 0xdc00) return this.byExpression(text, from, limit);
    let i = from;
    while (i < limit) {
      const code = text.charCodeAt(i);
      if (code >= 128) return this.byExpression(text, from, limit);
      if (isAsciiWordCode(code)) break;
      i++;
    }
    if (i >= limit) return false;
    const start = i;
    for (;;) {
      while (i < text.length && isAsciiWordCode(text.charCodeAt(i))) i++;
      if (i >= text.length) break;
      const code = text.charCodeAt(i);
      if (code >= 128) return this.byExpression(text, from, limit);
      if (!isAsciiJoiner(code) || i + 1 >= text.length) break;
      const after = text.charCodeAt(i + 1);
      if (after >= 128) return this.byExpression(text, from, limit);
      if (!isAsciiWordCode(after)) break;
      i++;
    }
    this.start = start;
    this.end = i;
    return true;
  }

  /** WORD's answer from `from`. */
  private byExpression(text: string, from: number, limit: number): boolean {
    WORD.lastIndex = from;
    const m = WORD.exec(text);
    if (!m || m.index >= limit) return false;
    this.start = m.index;
    this.end = m.index + m[0].length;
    return true;
  }
}
