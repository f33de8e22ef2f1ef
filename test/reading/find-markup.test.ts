import { describe, expect, it } from "vitest";
import { findMarkup, maskRanges } from "../../data-loaders/reading/find-markup.ts";

const visible = (text: string) => maskRanges(text, findMarkup(text));

describe("findMarkup(text)", () => {
  it("masks ATX heading marks and strong delimiters", () => {
    expect(findMarkup("## **Now**")).toEqual([
      [0, 5],
      [8, 10],
    ]);
    expect(visible("### **Die symbiose**")).toBe("      Die symbiose  ");
  });

  it("keeps link text and masks the brackets and target", () => {
    expect(visible("schrijft [Pepe Escobar](#).")).toBe("schrijft  Pepe Escobar    .");
  });

  it("masks the backslash of an escape but not the escaped character", () => {
    expect(visible("(\\$1,4 biljoen)")).toBe("( $1,4 biljoen)");
  });

  it("leaves ordinary asterisks, underscores and brackets alone", () => {
    for (const text of ["5 * 3 = 15", "snake_case_name", "a [scenario] here", "C5+1 (vijf)"]) expect(visible(text)).toBe(text);
  });

  it("keeps the string length, so offsets into the masked text index the body", () => {
    const text = "**Bold** and [a link](https://x.y/z) and \\*escaped\\*";
    expect(visible(text)).toHaveLength(text.length);
  });
});
