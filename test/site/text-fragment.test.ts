// Links to a sentence at its source: the text fragment's syntax (https://wicg.github.io/scroll-to-text-fragment/).
import { describe, expect, it } from "vitest";
import { textFragmentUrl } from "../../src/components/text-fragment.ts";
import { linkedSentences, sentenceEnds } from "../../data-loaders/publish/public-build.ts";

describe("textFragmentUrl(url, start, end)", () => {
  it("adds #:~:text=start,end, percent-encoded", () => {
    expect(textFragmentUrl("https://example.org/a", "The Hegemon", "junior punks")).toBe(
      "https://example.org/a#:~:text=The%20Hegemon,junior%20punks",
    );
  });

  it("encodes the directive's own syntax (- , &) and non-ASCII letters", () => {
    expect(textFragmentUrl("http://example.org/", "pro-Kremlin, and", "Eurazië & co")).toBe(
      "http://example.org/#:~:text=pro%2DKremlin%2C%20and,Eurazi%C3%AB%20%26%20co",
    );
  });

  it("keeps the URL's own fragment and replaces an earlier directive", () => {
    expect(textFragmentUrl("https://example.org/a#top", "One", null)).toBe("https://example.org/a#top:~:text=One");
    expect(textFragmentUrl("https://example.org/a#:~:text=old", "New", null)).toBe("https://example.org/a#:~:text=New");
  });

  it("gives no link for a URL that is not http(s)", () => {
    expect(textFragmentUrl("javascript:alert(1)", "a", "b")).toBeNull();
    expect(textFragmentUrl("file:///etc/passwd", "a", "b")).toBeNull();
  });
});

describe("sentenceEnds(sentence)", () => {
  it("takes two words at each end, without the outer punctuation", () => {
    expect(sentenceEnds("“The West is in decline,” he said.")).toEqual(["The West", "he said"]);
  });

  it("takes one word at each end of a short sentence, and the start alone of a one-word one", () => {
    expect(sentenceEnds("Moscow answered quickly today.")).toEqual(["Moscow", "today"]);
    expect(sentenceEnds("Why?")).toEqual(["Why?", null]);
  });
});

describe("linkedSentences(lines, attributions)", () => {
  it("lists the sentences of keyword-in-context lines and attributions once each, in order, and no other", () => {
    const lines = [{ sentence: 7 }, { sentence: 2 }, { sentence: 7 }];
    expect(linkedSentences(lines, [{ sentence: 4 }, { sentence: 2 }])).toEqual([2, 4, 7]);
    expect(linkedSentences([], [])).toEqual([]);
  });
});
