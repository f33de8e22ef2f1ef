// scripts/code-lengths.ts: how it counts a function's and a file's lines, on sources written for the test.
import { describe, expect, it } from "vitest";
import { functionLengths, lineCount } from "../../scripts/code-lengths.ts";

const SOURCE = `/** A JSDoc line, not counted. */
export function three(a: number): number {
  return a + "}".length;
}
const arrow = (x: number) => {
  const y = x * 2;
  return y;
};
class Shelf {
  count(): number {
    return 1;
  }
}
describe("a suite", () => {
  it("a test", () => {
    expect(1).toBe(1);
  });
});
`;

describe("functionLengths(file, text, suites)", () => {
  it("counts from a function's first line (its JSDoc left out) to its closing line, braces in strings ignored", () => {
    const found = functionLengths("x.ts", SOURCE).map(({ name, line, lines }) => [name, line, lines]);
    expect(found).toEqual([
      ["three", 2, 3],
      ["arrow", 5, 4],
      ["Shelf.count", 10, 3],
      ['it("a test") callback', 15, 3],
    ]);
  });
  it("counts a test suite's body only when asked", () => {
    const suites = functionLengths("x.ts", SOURCE, true).filter((length) => length.name?.startsWith("describe"));
    expect(suites).toEqual([{ lines: 5, file: "x.ts", line: 14, name: 'describe("a suite") callback' }]);
  });
});

describe("lineCount(text)", () => {
  it("counts lines as wc -l does, and a last line without its newline", () => {
    expect([lineCount(""), lineCount("a\n"), lineCount("a\nb"), lineCount("a\nb\n")]).toEqual([0, 1, 2, 2]);
  });
});
