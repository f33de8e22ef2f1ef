// @vitest-environment jsdom
import { describe, expect, it } from "vitest";
import { analyzeArticle } from "../../data-loaders/pipeline/analyze-article.ts";
import { loadResources } from "../../data-loaders/pipeline/analyze-corpus.ts";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import type { Article } from "../../data-loaders/schema/record.ts";
import { bareArticle } from "../../data-loaders/reading/bare-article.ts";
import { TONE_MARK_MIN, annotationsOf, categoriesOf } from "../../src/components/article-annotations.ts";
import { articleBody } from "../../src/components/article-reader.ts";
import { selectionNote, selectionOf } from "../../src/components/article-selection.ts";

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

describe("selectionOf(record, …) and selectionNote(body, selection)", () => {
  const record = analyzeArticle(
    article('Trade grew fast. The Hegemon lost, said Putin. "We will win," Putin said.\n\nNATO expanded. The hegemon again.'),
    resources,
  );
  const categories = categoriesOf([{ id: "hegemon", label: "The Hegemon" }], []);
  const annotations = annotationsOf(record, categories);
  const ask = (params: Partial<Parameters<typeof selectionOf>[3]>) =>
    selectionOf(record, annotations, categories, { hash: "", show: null, actor: null, camp: null, speaker: null, ...params });

  it("marks one sentence for #s-N, every sentence with a frame for ?show=, a speaker's for ?speaker=", () => {
    expect(ask({ hash: "#s-2" })).toEqual({ label: "sentence 3", sentences: [2] });
    const hegemon = ask({ show: "hegemon" })!;
    expect(hegemon.sentences).toEqual([...new Set(record.markers.filter((m) => m.frame === "hegemon").map((m) => m.sentence))]);
    expect(hegemon.sentences.length).toBeGreaterThan(1);
    expect(hegemon.label).toMatch(/^The Hegemon \(\d+ occurrences?\)$/);
    const putin = ask({ speaker: "Vladimir Putin" })!;
    expect(putin.sentences).toEqual([...new Set(record.attributions.filter((a) => a.speaker === "Vladimir Putin").map((a) => a.sentence))]);
    expect(putin.sentences.length).toBeGreaterThan(0);
    expect(ask({})).toBeNull();
  });

  it("marks the sentences in the body, and a second selection replaces the first", () => {
    const body = articleBody(record, annotations);
    const note = selectionNote(body, { label: "sentence 2", sentences: [1] });
    expect(note.textContent).toContain("Marked: sentence 2.");
    expect([...body.querySelectorAll(".targeted")].map((s) => s.id)).toEqual(["s-1"]);
    selectionNote(body, { label: "two", sentences: [0, 3] });
    expect([...body.querySelectorAll(".targeted")].map((s) => s.id)).toEqual(["s-0", "s-3"]);
    expect(selectionNote(body, { label: "nothing", sentences: [] }).textContent).toContain("Nothing to mark for nothing");
  });
});

describe("annotationsOf(record, categories): why a cue is a cue", () => {
  it("names the learned detector's probability and strongest features in an English cue's tooltip", () => {
    const record = analyzeArticle(article("Foreign Minister Sergey Lavrov said that the talks had failed."), resources);
    const said = record.attributions[0]!;
    expect(said.cueRule).toBe("cue-model");
    expect(said.cueModel!.reasons).toHaveLength(3);
    const cue = annotationsOf(record, categoriesOf([], [])).find((a) => a.kind === "voice" && a.id === "cue")!;
    expect(cue.label).toMatch(/^speech cue "said" \(cue-model\); probability (0\.\d\d|1\.00); weighed most: \S+ [+-]\d/);
    expect(cue.label).toContain(said.cueModel!.reasons[0]!.feature);
  });
  it("gives a Dutch cue, found by the lists and rules, no model's reasons", () => {
    const record = analyzeArticle(bareArticle("t", "De minister zei dat de gesprekken mislukt waren.", "nl", "t.md"), resources);
    expect(record.attributions[0]!.cueModel).toBeNull();
    const cue = annotationsOf(record, categoriesOf([], [])).find((a) => a.kind === "voice" && a.id === "cue")!;
    expect(cue.label).toBe('speech cue "zei" (reporting-verb)');
  });
});

describe("annotationsOf(record, categories): which tone words are marked", () => {
  it("marks a Dutch word only when its share of the sentence's tone is TONE_MARK_MIN or more; the record keeps every share", () => {
    const text = "De regering zei dat de economie sterk groeit en dat de werkloosheid daalt, maar de inflatie blijft een groot probleem.";
    const record = analyzeArticle(bareArticle("t", text, "nl", "t.md"), resources);
    const shares = record.sentiment.sentences.flatMap((s) => s.contributions);
    const large = shares.filter((c) => Math.abs(c.value) >= TONE_MARK_MIN);
    expect(shares.some((c) => Math.abs(c.value) < TONE_MARK_MIN)).toBe(true);
    expect(large.length).toBeGreaterThan(0);
    const marked = annotationsOf(record, categoriesOf([], [])).filter((a) => a.kind === "tone");
    expect(marked.map((a) => [a.start, a.end, a.id])).toEqual(large.map((c) => [c.start, c.end, c.value > 0 ? "positive" : "negative"]));
  });
});
