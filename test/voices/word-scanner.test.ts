// The word scanner of speaker attribution: the same words as its regular expression, read faster on ASCII.
import { describe, expect, it } from "vitest";
import { WORD, WordScanner } from "../../data-loaders/voices/word-scanner.ts";

/** Every word from `from` starting before `limit`, as the scanner reads them. */
function scanned(text: string, from = 0, limit = text.length): string[] {
  const scanner = new WordScanner();
  const out: string[] = [];
  for (let at = from; scanner.next(text, at, limit); at = scanner.end)
    out.push(`${scanner.start}:${text.slice(scanner.start, scanner.end)}`);
  return out;
}

/** The same, by the expression alone. */
function expressed(text: string, from = 0, limit = text.length): string[] {
  const out: string[] = [];
  WORD.lastIndex = from;
  for (let m = WORD.exec(text); m && m.index < limit; m = WORD.exec(text)) out.push(`${m.index}:${m[0]}`);
  return out;
}

describe("WordScanner.next(text, from, limit)", () => {
  it("joins runs by a hyphen, apostrophe or stop only between letters", () => {
    expect(scanned("Rep. Earl Blumenauer (D-Ore.) said the U.S. isn't 'done'.")).toEqual([
      "0:Rep",
      "5:Earl",
      "10:Blumenauer",
      "22:D-Ore",
      "30:said",
      "35:the",
      "39:U.S",
      "44:isn't",
      "51:done",
    ]);
  });
  it("reads letters beyond ASCII, marks and curly apostrophes as the expression does", () => {
    for (const text of ["O’Brien zei: “Oekraïne”", "Cafe\u0301 Ørsted-Østergaard", "naïeve 𝐀𝐁 ٣٤ İstanbul", "’s ’t -a a- a-’b"])
      expect(scanned(text)).toEqual(expressed(text));
  });
  it("keeps a word that starts before the limit whole, and finds none that starts at or after it", () => {
    expect(scanned("one two three", 0, 5)).toEqual(["0:one", "4:two"]);
    expect(scanned("one two three", 3, 4)).toEqual([]);
  });
  it("starting inside a surrogate pair, steps back to the pair as the expression does", () => {
    expect(scanned("9𝐀 b", 2)).toEqual(expressed("9𝐀 b", 2));
  });
});
