import { describe, expect, it } from "vitest";
import { readText } from "../../data-loaders/pipeline/analyze-article.ts";
import { loadResources } from "../../data-loaders/pipeline/analyze-corpus.ts";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { readCorpus } from "../../data-loaders/reading/read-corpus.ts";
import type { Article, BlockKind } from "../../data-loaders/schema/record.ts";

const resources = loadResources(corpusPaths({}));
const seeds = new Map<string, Article>();
for await (const article of readCorpus(corpusPaths({}).articles)) seeds.set(article.id, article);

/** The blocks of `text` as [kind, rule, visible text with whitespace collapsed]. */
function blocksOf(text: string): Array<[BlockKind, string | null, string]> {
  const read = readText(text, "en", resources);
  return read.blocks.map((b) => [b.kind, b.rule, read.masked.slice(b.start, b.end).replace(/\s+/g, " ").trim()]);
}

function nonParagraphs(id: string): Array<[BlockKind, string | null, string]> {
  return blocksOf(seeds.get(id)!.text).filter(([kind]) => kind !== "paragraph");
}

describe("segmentBody on the seed articles", () => {
  it("finds the Markdown headings of 000 and nothing else that is not a paragraph", () => {
    expect(nonParagraphs("000_d933d23d6336647c")).toEqual([
      ["heading", "markdown-heading", "Die symbiose tussen China en Rusland in het Verre Oosten"],
      ["heading", "markdown-heading", "De oorlog van de economische corridors warmt op"],
      ["heading", "markdown-heading", "Now freeze!"],
    ]);
  });

  it("splits 001's glued origin line from its comment prompt and marks embedded headlines", () => {
    expect(nonParagraphs("001_eefbe2e11fc71058")).toEqual([
      ["heading", "heading-shape", "Wederzijdse militaire hulp"],
      [
        "boilerplate",
        "embedded-headline",
        "Poetins staatsbezoek aan Noord-Korea: warm welkom, bilaterale overeenkomsten en een nieuw alomvattend partnerschapsverdrag",
      ],
      ["heading", "heading-shape", "Rusland zal de VN-sancties tegen Noord-Korea nog niet opgeven"],
      ["boilerplate", "embedded-headline", "De NAVO 'trekt Azië binnen' – Poetin"],
      ["heading", "heading-shape", "De reactie van China"],
      ["heading", "heading-shape", "Andere takken van samenwerking"],
      ["source-line", "source-line-nl", "Bron: www.rt.com"],
      ["boilerplate", "comment-prompt-nl", "Laat een antwoord achter"],
    ]);
  });

  it("marks 002's follow button as boilerplate", () => {
    expect(nonParagraphs("002_f0f90def628e7567")).toEqual([["boilerplate", "follow-us", "Follow Us on Google News"]]);
  });

  it("finds 003's plain-text subheads and its Bronnen line", () => {
    expect(nonParagraphs("003_f979703bd7accda2")).toEqual([
      ["heading", "heading-shape", "Integratie in Eurazië"],
      ["heading", "heading-shape", "Partners"],
      ["heading", "heading-shape", "Toerisme"],
      ["source-line", "source-line-nl", "Bronnen: Global Times, Peoples Daily"],
    ]);
  });

  it("finds 004's title, eight subheads and closing comment prompt", () => {
    const blocks = nonParagraphs("004_8866a9befeb25ce2");
    expect(blocks[0]).toEqual(["heading", "heading-shape", "Putin's Landmark Visit to Harbin: Bridging Cultures and Fortifying Bonds"]);
    expect(blocks.filter(([kind]) => kind === "heading")).toHaveLength(9);
    expect(blocks.at(-1)).toEqual(["boilerplate", "comment-prompt-en", "Write a comment"]);
  });

  it("rejoins 000's paragraphs that the scraper broke mid-sentence", () => {
    const paragraphs = blocksOf(seeds.get("000_d933d23d6336647c")!.text)
      .filter(([kind]) => kind === "paragraph")
      .map(([, , text]) => text);
    expect(paragraphs.some((p) => p.includes("lange, kronkelige “analyses” die proberen uit te leggen"))).toBe(true);
    expect(paragraphs.some((p) => p.includes("Nationale Volkscongres bereiken en naar verwachting worden goedgekeurd"))).toBe(true);
    expect(paragraphs.some((p) => p.includes("door de VS geleide internationale financiële systeem"))).toBe(true);
  });
});

describe("segmentBody rules", () => {
  it("treats every non-blank line as its own block", () => {
    expect(blocksOf("First paragraph here.\nSecond paragraph here.").map(([kind]) => kind)).toEqual(["paragraph", "paragraph"]);
  });

  it("joins a line without final punctuation to a next line that starts in lower case", () => {
    expect(blocksOf("The minister said that the\n\nplan was ready.")).toEqual([
      ["paragraph", null, "The minister said that the plan was ready."],
    ]);
  });

  it("does not join a heading to the paragraph after it", () => {
    expect(blocksOf("Trade grows\n\nTrade between the two grew.").map(([kind]) => kind)).toEqual(["heading", "paragraph"]);
  });

  it("does not take a long unpunctuated line for a heading", () => {
    const line = Array.from({ length: 25 }, (_, i) => `word${i}`).join(" ");
    expect(blocksOf(`Word ${line}`)[0]![0]).toBe("paragraph");
  });

  it("keeps a question as a paragraph (question-form subheads are a known miss)", () => {
    expect(blocksOf("How will the West respond?\n\nIt will not.")[0]![0]).toBe("paragraph");
  });

  it("marks a heading-shaped line after two blank lines as an embedded headline", () => {
    expect(blocksOf("A paragraph.\n\n\nAnother Story Entirely\n\nMore text.")[1]).toEqual([
      "boilerplate",
      "embedded-headline",
      "Another Story Entirely",
    ]);
  });

  it("matches whole-line patterns case-insensitively, and line-end patterns glued to text", () => {
    expect(blocksOf("Text.\nFOLLOW US ON GOOGLE NEWS").at(-1)).toEqual(["boilerplate", "follow-us", "FOLLOW US ON GOOGLE NEWS"]);
    expect(blocksOf("Source: example.orgWrite a comment")).toEqual([
      ["source-line", "source-line-en", "Source: example.org"],
      ["boilerplate", "comment-prompt-en", "Write a comment"],
    ]);
  });

  it("does not take a sentence that merely contains a pattern for boilerplate", () => {
    expect(blocksOf("He asked readers to write a comment below the article.")[0]![0]).toBe("paragraph");
  });

  it("handles Windows line endings", () => {
    expect(blocksOf("Trade grows\r\n\r\nTrade between the two grew.\r\n").map(([kind]) => kind)).toEqual(["heading", "paragraph"]);
  });
});
