import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { evaluationPart } from "../../data-loaders/common/evaluation-split.ts";

describe("evaluationPart(id)", () => {
  it("keeps back exactly the ids whose SHA-256 starts with a byte divisible by 3", () => {
    for (const id of ["10007", "10027", "breitbart_2015-11-11_x", "a", ""]) {
      const first = createHash("sha256").update(id).digest()[0]!;
      expect(evaluationPart(id)).toBe(first % 3 === 0 ? "kept-back" : "development");
    }
  });
  it("keeps back about a third of many ids", () => {
    const ids = Array.from({ length: 3000 }, (_, i) => `item-${i}`);
    const kept = ids.filter((id) => evaluationPart(id) === "kept-back").length;
    expect(kept / ids.length).toBeGreaterThan(0.3);
    expect(kept / ids.length).toBeLessThan(0.37);
  });
});
