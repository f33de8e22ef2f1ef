// The record schema rejects what the pages cannot show: an empty speaker, a speaker without a type, an
// inverted span. Built from a real record of the fixture corpus, changed one field at a time.
import { describe, expect, it } from "vitest";
import { articleRecordSchema, attributionSchema, spanSchema } from "../../data-loaders/schema/record.ts";
import { analyzeText } from "../helpers.ts";

const record = analyzeText("“We will not give in,” the minister said. The talks went on.");
const attribution = record.attributions[0]!;

describe("articleRecordSchema", () => {
  it("accepts a record the pipeline made", () => {
    expect(attribution.speaker).not.toBeNull();
    expect(articleRecordSchema.safeParse(record).success).toBe(true);
  });
  it("rejects an attribution with an empty speaker", () => {
    expect(attributionSchema.safeParse({ ...attribution, speaker: "" }).success).toBe(false);
  });
  it("rejects a speaker without a type, and a type without a speaker", () => {
    expect(attributionSchema.safeParse({ ...attribution, speakerType: null }).success).toBe(false);
    expect(attributionSchema.safeParse({ ...attribution, speaker: null }).success).toBe(false);
  });
  it("rejects a span whose end precedes its start", () => {
    expect(spanSchema.safeParse({ start: 5, end: 4 }).success).toBe(false);
    expect(spanSchema.safeParse({ start: 4, end: 4 }).success).toBe(true);
    expect(articleRecordSchema.safeParse({ ...record, attributions: [{ ...attribution, quote: { start: 9, end: 2 } }] }).success).toBe(
      false,
    );
  });
  it("rejects a record without its analysis stamp", () => {
    const { analysis: _analysis, ...unstamped } = record;
    expect(articleRecordSchema.safeParse(unstamped).success).toBe(false);
  });
});
