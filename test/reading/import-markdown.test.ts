import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../data-loaders/pipeline/analyze-article.ts";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { markdownArticle } from "../../data-loaders/reading/import-markdown.ts";
import { indexCorpus, readIndexedArticle, type IndexOptions } from "../../data-loaders/reading/read-corpus.ts";
import type { Article } from "../../data-loaders/schema/record.ts";
import { sharedResources, writeCorpus } from "../helpers.ts";

const FIXTURES = join(PROJECT_ROOT, "test", "fixtures", "import");

async function articlesOf(input: string, options: IndexOptions = {}): Promise<Article[]> {
  return (await indexCorpus(input, { report: () => {}, ...options })).map(readIndexedArticle);
}

/** An article without the one thing that names where it was read from. */
const withoutSource = (article: Article) => ({ ...article, meta: { ...article.meta, source: null } });

describe("markdownArticle(article, importedFrom)", () => {
  const inputs: [string, IndexOptions][] = [
    ["media-cloud.csv", {}],
    ["articles.tsv", {}],
    ["scraper.json", { fieldMap: "id=story_id" }],
    ["scraper.jsonl", { fieldMap: "text=body,title=headline,published=date,language=lang" }],
    ["texts", {}],
  ];
  it.each(inputs)("writes %s as Markdown articles that read back as the same articles (but for their source)", async (name, options) => {
    const articles = await articlesOf(join(FIXTURES, name), options);
    const folder = writeCorpus({});
    for (const article of articles) writeFileSync(join(folder, `${article.id}.md`), markdownArticle(article, article.meta.source));
    expect((await articlesOf(folder)).map(withoutSource)).toEqual(articles.map(withoutSource));
  });

  it("names the origin in a comment and writes the text verbatim after the front matter", async () => {
    const [article] = await articlesOf(join(FIXTURES, "media-cloud.csv"));
    expect(markdownArticle(article!, "media-cloud.csv:2")).toBe(
      [
        "---",
        "# imported from media-cloud.csv:2",
        'id: "1001"',
        "language: en",
        "title: Harbour council votes on new ferry",
        "outlet: Example Gazette",
        "published: 2024-03-05T09:15:00",
        "url: https://example.org/ferry",
        'ap_syndicated: "false"',
        "---",
        article!.text,
      ].join("\n"),
    );
  });
});

describe("a CSV corpus and the same articles as Markdown", () => {
  it("give identical records, but for meta.source (the file each was read from)", async () => {
    const fromCsv = await articlesOf(join(FIXTURES, "media-cloud.csv"));
    const fromMarkdown = await articlesOf(join(FIXTURES, "markdown"));
    const resources = sharedResources();
    const records = (articles: Article[]) => articles.map((a) => analyzeArticle(a, resources));
    const [csvRecords, markdownRecords] = [records(fromCsv), records(fromMarkdown)];
    expect(csvRecords.map((r) => r.meta.source)).toEqual(["media-cloud.csv:2", "media-cloud.csv:5", "media-cloud.csv:8"]);
    expect(markdownRecords.map((r) => r.meta.source)).toEqual(["1001.md", "1002.md", "1003.md"]);
    const comparable = (r: (typeof csvRecords)[number]) => JSON.stringify({ ...r, meta: { ...r.meta, source: null } });
    expect(csvRecords.map(comparable)).toEqual(markdownRecords.map(comparable));
  });
});
