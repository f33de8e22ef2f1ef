import { describe, expect, inject, it } from "vitest";
import { articleRecordSchema } from "../../data-loaders/schema/record.ts";
import { RECORD_FIELDS, runAnalyze } from "../helpers.ts";

// The CLI's records, made once for the run by the slow project's global setup (test/cli/analyzed-fixtures.ts).
const analyzed = inject("analyzed");

describe("articleRecordSchema", () => {
  it.each([
    ["the bundled corpus", "bundled"],
    ["the Markdown fixture", "markdown"],
    ["the JSONL fixture", "jsonl"],
  ] as const)("accepts every record the CLI prints for %s, with no undocumented field", (_name, input) => {
    const { status, stdout } = analyzed[input];
    expect(status).toBe(0);
    for (const line of stdout.trimEnd().split("\n")) {
      const result = articleRecordSchema.safeParse(JSON.parse(line));
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    }
  });

  it("rejects a record with a field the schema does not document", () => {
    const { stdout } = analyzed.markdown;
    const record = JSON.parse(stdout.split("\n")[0]!);
    expect(articleRecordSchema.safeParse({ ...record, undocumented: 1 }).success).toBe(false);
  });

  it("is printed as JSON Schema by analyze --schema", async () => {
    const { status, stdout } = await runAnalyze(["--schema"]);
    expect(status).toBe(0);
    const schema = JSON.parse(stdout);
    expect(schema.required).toEqual(RECORD_FIELDS);
    expect(schema.additionalProperties).toBe(false);
  });
});
