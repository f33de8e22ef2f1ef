import { describe, expect, it } from "vitest";
import { SiteFiles } from "../../data-loaders/publish/site-files.ts";
import type { ViewLine } from "../../data-loaders/publish/article-view.ts";
import { concordancePageLines } from "../../data-loaders/portable/concordance-rows.ts";
import { concordancePageSchema, type BuildStamp } from "../../data-loaders/schema/site-outputs.ts";

const file = { id: "a", version: "1.0.0", sha256: "0".repeat(64) };
const STAMP: BuildStamp = {
  analysis: { version: "0.0.0", code: "0".repeat(64) },
  codebooks: { framing: file, devices: file, speechCues: file, actors: file, outlets: file, attributionModel: file },
};
// One open line with its context, one closed line as a public build cuts it (public-build.ts closedLine).
const LINES = [
  {
    article: "open",
    kind: "frame",
    category: "vassal",
    term: "vassals",
    codebookTerm: "vassal{,s}",
    form: null,
    quote: null,
    sentence: 1,
    start: 40,
    left: "the ",
    match: "vassals",
    right: " of Washington",
  },
  {
    article: "shut",
    kind: "frame",
    category: "vassal",
    term: "vassal",
    codebookTerm: "vassal{,s}",
    form: "vazal",
    quote: "scare",
    sentence: 0,
    start: 9,
    left: "",
    match: "vassal",
    right: "",
  },
] as const;
const VIEW_LINES: ViewLine[] = LINES.map((line) => ({ ...line, json: Buffer.from(JSON.stringify(line)) }));

/** The concordance page `SiteFiles.lines` writes with `stamp`, parsed. */
function writtenPage(stamp: BuildStamp): Record<string, unknown> {
  const written: Buffer[] = [];
  new SiteFiles(stamp, (_name, content) => written.push(Buffer.from(content)), undefined).lines(
    "concordance/frames/vassal/0.json",
    { category: "vassal", page: 0, first: 0 },
    VIEW_LINES,
    "frame",
  );
  return JSON.parse(written[0]!.toString()) as Record<string, unknown>;
}

describe("SiteFiles.lines(name, head, lines, kind)", () => {
  it("writes a full build's page as objects, as it always did", () => {
    expect(writtenPage(STAMP)).toEqual({ build: STAMP, category: "vassal", page: 0, first: 0, lines: LINES });
  });

  it("writes a public build's page as rows that match the schema and read back as the same lines", () => {
    const page = writtenPage({ ...STAMP, public: { defaultLicence: "unknown", snippetWords: 0 } });
    expect(page.lines).toBeUndefined();
    expect(page.kind).toBe("frame");
    expect(page.rows).toEqual([
      ["open", "vassals", "vassal{,s}", null, null, 1, 40, "the ", "vassals", " of Washington"],
      ["shut", "vassal", "vassal{,s}", "vazal", "scare", 0, 9, "", "vassal", ""],
    ]);
    expect(concordancePageSchema.safeParse(page).error?.issues ?? []).toEqual([]);
    expect(concordancePageLines(page as unknown as Parameters<typeof concordancePageLines>[0])).toEqual(LINES);
  });
});
