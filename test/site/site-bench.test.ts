import { describe, expect, it } from "vitest";
import { addedParagraph } from "../../scripts/site-bench.ts";

describe("the bench's edit of one article (addedParagraph)", () => {
  it("adds the last paragraph once more at the end, so the article has more words", () => {
    const text = "# Heading\n\nFirst paragraph. It has two sentences.\n\nLast one, with a hegemon.\n";
    expect(addedParagraph(text)).toBe(`${text}\nLast one, with a hegemon.\n`);
    expect(addedParagraph("One paragraph only.")).toBe("One paragraph only.\n\nOne paragraph only.\n");
  });
});
