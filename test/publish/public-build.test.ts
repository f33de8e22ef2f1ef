import { describe, expect, it } from "vitest";
import { readLicence } from "../../data-loaders/reading/licence.ts";
import { validateMetadata } from "../../data-loaders/reading/article-metadata.ts";
import {
  exceptionQuotes,
  matchedTerm,
  publicSettings,
  SPEAKER_WORDS,
  publishedArticle,
  publishPublicArticles,
  quotedItems,
  teachableSets,
  unorderedWords,
  withoutClosedText,
} from "../../data-loaders/publish/public-build.ts";

describe("readLicence(value, fallback, file, field)", () => {
  it("accepts the listed licences and gives the fallback for none", () => {
    expect(readLicence("CC-BY-4.0", "unknown", "a.md", "licence")).toEqual({ licence: "CC-BY-4.0" });
    expect(readLicence(undefined, "all-rights-reserved", "a.md", "licence")).toEqual({ licence: "all-rights-reserved" });
    expect(readLicence("", "unknown", "a.md", "licence")).toEqual({ licence: "unknown" });
  });

  it("refuses anything else with one located error listing the allowed values", () => {
    expect(readLicence("CC BY", "unknown", "a.md", "licence").error).toEqual({
      file: "a.md",
      field: "licence",
      message: 'must be one of CC-BY-4.0, CC-BY-SA-4.0, CC0-1.0, public-domain, all-rights-reserved, unknown, not "CC BY"',
    });
  });

  it("is checked with the rest of an article's metadata, and kept in meta.extra", () => {
    expect(validateMetadata({ id: "a", licence: "MIT" }, "a.md").errors.map((e) => `${e.file}: ${e.field}`)).toEqual(["a.md: licence"]);
    expect(validateMetadata({ id: "a", licence: "CC0-1.0" }, "a.md").value?.meta.extra).toEqual({ licence: "CC0-1.0" });
  });
});

describe("publicSettings(env)", () => {
  it("is null for the full build and reads the policy for PUBLISH=public", () => {
    expect(publicSettings({})).toBeNull();
    expect(publicSettings({ PUBLISH: "full" })).toBeNull();
    expect(publicSettings({ PUBLISH: "public" })).toEqual({ defaultLicence: "unknown", snippetWords: 0 });
    expect(publicSettings({ PUBLISH: "public", LICENCE: "CC-BY-4.0", SNIPPET_WORDS: "3" })).toEqual({
      defaultLicence: "CC-BY-4.0",
      snippetWords: 3,
    });
  });

  it("names the setting that is wrong", () => {
    expect(() => publicSettings({ PUBLISH: "open" })).toThrow(/PUBLISH: setting: must be public or full/);
    expect(() => publicSettings({ PUBLISH: "public", LICENCE: "free" })).toThrow(/LICENCE: setting: must be one of/);
    expect(() => publicSettings({ PUBLISH: "public", SNIPPET_WORDS: "11" })).toThrow(/SNIPPET_WORDS: setting/);
  });
});

describe("publishedArticle(record, settings)", () => {
  const meta = { title: "Open story", outlet: "Wire", url: "https://example.org/a", author: "A. Writer", extra: {} };
  const settings = { defaultLicence: "unknown" as const, snippetWords: 0 };

  it("credits an open text and hashes its body (SHA-256 of 'abc', as published in FIPS 180-2)", () => {
    const article = publishedArticle({ id: "a", text: "abc", meta: { ...meta, extra: { licence: "CC-BY-4.0" } } } as never, settings);
    expect(article).toEqual({
      id: "a",
      url: "https://example.org/a",
      licence: "CC-BY-4.0",
      open: true,
      attribution: 'A. Writer, Wire, "Open story", https://example.org/a (CC-BY-4.0)',
      textSha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    });
  });

  it("takes the corpus default for an article without a licence: unknown is closed", () => {
    expect(publishedArticle({ id: "b", text: "x", meta } as never, settings)).toMatchObject({
      licence: "unknown",
      open: false,
      attribution: null,
    });
    expect(publishedArticle({ id: "b", text: "x", meta } as never, { ...settings, defaultLicence: "CC0-1.0" }).open).toBe(true);
  });
});

describe("publishPublicArticles(files, policy, published, pageSize)", () => {
  it("publishes the whole list for reviewers and the same entries in pages aligned with the corpus index's", () => {
    const policy = { defaultLicence: "unknown" as const, snippetWords: 0 };
    const published = Array.from({ length: 5 }, (_, i) =>
      publishedArticle({ id: `a${i}`, meta: { url: `https://example.org/${i}`, extra: {} }, text: `Text ${i}.` } as never, policy),
    );
    const written = new Map<string, { articles: unknown[]; page?: number; first?: number }>();
    publishPublicArticles({ fetched: (name, content) => written.set(name, content as never) }, policy, published, 2);
    expect([...written.keys()]).toEqual([
      "public/articles.json",
      "public/articles/0.json",
      "public/articles/1.json",
      "public/articles/2.json",
    ]);
    expect(written.get("public/articles.json")!.articles).toEqual(published);
    // Page k holds the articles at positions 2k and 2k + 1, as index/<k>.json would at 2 a page.
    expect(written.get("public/articles/1.json")).toEqual({ page: 1, first: 2, articles: published.slice(2, 4) });
    expect(written.get("public/articles/2.json")!.articles).toEqual([published[4]]);
    expect([0, 1, 2].flatMap((k) => written.get(`public/articles/${k}.json`)!.articles)).toEqual(published);
  });
});

describe("the public build's redactions", () => {
  it("matchedTerm(term) keeps a term of up to three words and cuts a longer one", () => {
    expect(matchedTerm("Belt and Road")).toBe("Belt and Road");
    expect(matchedTerm("how will the West react?")).toBe("how will the …");
  });

  it("matchedTerm(name, SPEAKER_WORDS) keeps a speaker's name of up to six words and cuts a clause taken for one", () => {
    expect(matchedTerm("Minister of Foreign Affairs Sergei Lavrov", SPEAKER_WORDS)).toBe("Minister of Foreign Affairs Sergei Lavrov");
    expect(matchedTerm("logische ontwikkeling Artikel 4 van het strategisch partnerschapsverdrag", SPEAKER_WORDS)).toBe(
      "logische ontwikkeling Artikel 4 van het …",
    );
  });

  it("unorderedWords(words) keeps each word's sentence and count but no order or neighbour", () => {
    const words = { vocabulary: ["b", "a"], sentences: [[3, [0, 1, 0]] as const] };
    expect(unorderedWords(words).sentences).toEqual([
      [3, [0]],
      [3, [0]],
      [3, [1]],
    ]);
  });

  it("withoutClosedText(value, closed) cuts the strings of rows about closed articles only", () => {
    const value = {
      rows: [
        { article: "c", text: "a long quoted passage of text" },
        { article: "o", text: "a long quoted passage of text" },
      ],
    };
    expect(withoutClosedText(value, new Set(["c"])).rows).toEqual([
      { article: "c", text: "a long quoted …" },
      { article: "o", text: "a long quoted passage of text" },
    ]);
  });
});

describe("the teacher's exception: teachableSets, quotedItems, exceptionQuotes", () => {
  const item = (article: string, quotable?: true) => ({
    task: "tone",
    article,
    sentence: 1,
    answer: "0",
    ...(quotable ? { quotable } : {}),
  });
  const input = {
    id: "s",
    title: "S",
    version: "1",
    author: "T",
    licence: "CC-BY-4.0",
    instructions: "Code.",
    file: "s.yaml",
    sha256: "0",
  };

  it("keeps items on open articles and the quotable ones on closed articles", () => {
    const sets = teachableSets(
      [{ ...input, exception: "teaching", items: [item("open"), item("closed"), item("closed", true)] }],
      new Set(["closed"]),
    );
    expect(sets[0]!.items.map((i) => [i.article, i.quotable ?? false])).toEqual([
      ["open", false],
      ["closed", true],
    ]);
  });

  it("publishes a quoted sentence without its context, and the leak check allows exactly those", () => {
    const resolved = (article: string) => ({
      task: "tone",
      article,
      sentence: 1,
      text: `A sentence of ${article}.`,
      before: "Before.",
      after: "After.",
      answer: 0,
      explanation: null,
      pipeline: 0,
    });
    const [set] = quotedItems([{ ...input, exception: "teaching", items: [resolved("open"), resolved("closed")] }], new Set(["closed"]));
    expect(set!.items.map((i) => [i.article, i.before, i.after, i.quoted ?? false])).toEqual([
      ["open", "Before.", "After.", false],
      ["closed", null, null, true],
    ]);
    expect([...exceptionQuotes({ sets: [set!] })]).toEqual([["closed", ["A sentence of closed."]]]);
    expect(exceptionQuotes({ sets: [{ items: set!.items }] }).size).toBe(0);
  });
});
