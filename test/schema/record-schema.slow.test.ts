import { describe, expect, it } from "vitest";
import { articleRecordSchema } from "../../data-loaders/schema/record.ts";
import { FIXTURE_CORPUS, FIXTURE_JSONL, RECORD_FIELDS, runAnalyze } from "../helpers.ts";

describe("articleRecordSchema", () => {
  it.each([
    ["the bundled corpus", []],
    ["the Markdown fixture", [FIXTURE_CORPUS]],
    ["the JSONL fixture", [FIXTURE_JSONL]],
  ])("accepts every record the CLI prints for %s, with no undocumented field", async (_name, args) => {
    const { status, stdout } = await runAnalyze(args);
    expect(status).toBe(0);
    for (const line of stdout.trimEnd().split("\n")) {
      const result = articleRecordSchema.safeParse(JSON.parse(line));
      expect(result.success, JSON.stringify(result.error?.issues)).toBe(true);
    }
  });

  it("rejects a record with a field the schema does not document", async () => {
    const { stdout } = await runAnalyze([FIXTURE_CORPUS]);
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
