// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../data-loaders/pipeline/analyze-article.ts";
import { loadResources } from "../../data-loaders/pipeline/analyze-corpus.ts";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import type { Article } from "../../data-loaders/schema/record.ts";
import { bareArticle } from "../../data-loaders/reading/bare-article.ts";
import { articleBody } from "../../src/components/article-reader.ts";

const resources = loadResources(corpusPaths({}));

function article(text: string): Article {
  return bareArticle("t", text, "en", "t.md");
}

describe("articleBody(record)", () => {
  it("renders hostile article text as text: no element, script or handler is created from it", () => {
    const hostile =
      'Breaking <script>window.pwned = 1</script> news. <img src=x onerror="window.pwned=2"> More <b>bold</b> claims.\n\n<iframe src="https://evil.example"></iframe>';
    const body = articleBody(analyzeArticle(article(hostile), resources));
    expect(body.querySelectorAll("script, img, iframe, b").length).toBe(0);
    expect(body.textContent).toContain("<script>window.pwned = 1</script>");
    expect(body.textContent).toContain('<img src=x onerror="window.pwned=2">');
    expect((window as unknown as { pwned?: number }).pwned).toBeUndefined();
  });

  it("wraps each sentence in an element with id s-<index> whose text is the sentence", () => {
    const record = analyzeArticle(article("Trade grew fast. Officials were pleased.\n\nA new paragraph starts."), resources);
    const body = articleBody(record);
    expect([...body.querySelectorAll(".sentence")].map((s) => [s.id, s.textContent])).toEqual([
      ["s-0", "Trade grew fast."],
      ["s-1", "Officials were pleased."],
      ["s-2", "A new paragraph starts."],
    ]);
  });

  it("shows headings, paragraphs, boilerplate and origin lines as distinct, labelled blocks", () => {
    const record = analyzeArticle(
      article("Follow Us on Google News\nTrade Talks Resume\nThe talks resumed.\nSource: example.org"),
      resources,
    );
    const body = articleBody(record);
    expect([...body.children].map((el) => `${el.tagName.toLowerCase()}.${el.className}`)).toEqual([
      "div.block block-boilerplate",
      "h2.block block-heading",
      "p.block block-paragraph",
      "div.block block-source-line",
    ]);
    expect(body.querySelector(".block-boilerplate .block-label")?.textContent).toMatch(/^boilerplate: shown, not analysed/);
  });

  it("hides Markdown syntax but keeps the words", () => {
    const record = analyzeArticle(article("## **Now freeze!**\n\nAs [Pepe Escobar](#) writes, it is \\$1,4 trillion."), resources);
    expect(articleBody(record).textContent).toBe("Now freeze!As Pepe Escobar writes, it is $1,4 trillion.");
  });
});
