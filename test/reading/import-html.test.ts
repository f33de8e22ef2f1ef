import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { chooseArticleContainer, mainText } from "../../data-loaders/reading/html-main-text.ts";
import { pageMetadata } from "../../data-loaders/reading/html-metadata.ts";
import { parseHtml } from "../../data-loaders/reading/html-tree.ts";
import { decodePage } from "../../data-loaders/reading/import-html.ts";
import { indexCorpus, readIndexedArticle, type IndexOptions } from "../../data-loaders/reading/read-corpus.ts";
import type { Article } from "../../data-loaders/schema/record.ts";
import { corpusErrors, writeCorpus } from "../helpers.ts";

const PAGES = join(PROJECT_ROOT, "test", "fixtures", "import", "pages");
const EN = "The council met on Monday and agreed a plan for the new bridge over the river.";

async function read(input: string, options: IndexOptions = {}): Promise<{ articles: Article[]; report: string[] }> {
  const report: string[] = [];
  const entries = await indexCorpus(input, { report: (line) => report.push(line), ...options });
  return { articles: entries.map(readIndexedArticle), report };
}

const page = (head: string, body: string) => `<!doctype html><html><head>${head}</head><body>${body}</body></html>`;

describe("indexCorpus(folder of saved .html pages)", () => {
  it("reads main text and metadata from JSON-LD, og: and article: tags, with metadata.csv overriding", async () => {
    const { articles, report } = await read(PAGES);
    const fields = articles.map((a) => [a.id, a.meta.title, a.meta.published, a.meta.outlet, a.meta.url, a.meta.author, a.language]);
    expect(fields).toEqual([
      // JSON-LD wins over article:published_time and og:site_name.
      [
        "harbour-ferry",
        "Island gets a new ferry",
        "2024-03-05T09:15:00+01:00",
        "Example Gazette",
        "https://example.org/news/island-ferry",
        "Ann Example; Bo Sample",
        "en",
      ],
      // <title> and <html lang> when nothing else is given; the date from metadata.csv.
      ["plain-page", "School library opens", "2024-03-07", null, null, null, "en"],
      // Declared windows-1252; og:locale nl_NL; outlet from metadata.csv, the empty date cell left to the page.
      ["polder-dijk", "Nieuwe dijk bij het dorp", "2024-03-06", "Voorbeeldkrant Regio", "https://voorbeeld.nl/", "Redactie", "nl"],
    ]);
    expect(articles[0]!.text).toBe(
      'The harbour council voted on Tuesday to buy a new ferry for the island route.\n\n"We have waited long enough," the chair said, adding that the old boat would be sold.\n\nWhat happens next\n\nThe ferry is built over two years.\n\nFares stay the same.',
    );
    expect(articles[2]!.text).toContain("Het café aan de haven");
    expect(articles[1]!.text).toBe(
      "The school opened a new library for its pupils on Friday.\n\nParents came to see it and stayed for tea.",
    );
    expect(report[0]).toMatch(
      /^3 saved pages: main text extracted.*title in 3, published in 2, outlet in 1, url in 2, author in 2, language in 3/,
    );
  });

  it("leaves navigation, share buttons, captions, bylines, related links, comments and footers out", async () => {
    const { articles } = await read(PAGES);
    for (const furniture of [
      "Home",
      "Skip to content",
      "Tweet this",
      "old ferry in the harbour",
      "By Ann",
      "Bridge plan",
      "Great news",
      "Copyright",
      "never read",
    ])
      expect(articles[0]!.text).not.toContain(furniture);
    expect(articles[2]!.text).not.toContain("cookies");
  });

  it("reports every malformed page at once: empty, no main text, unknown charset, bytes not in the charset, bad date, duplicate id", async () => {
    const dir = writeCorpus({
      "empty.html": "",
      "menu-only.html": page("<title>Menu</title>", "<nav><p>Home</p></nav><footer><p>Contact</p></footer>"),
      "odd.html": page('<meta charset="x-martian">', `<p>${EN}</p>`),
      "bytes.html": Buffer.concat([Buffer.from(page('<meta charset="shift_jis">', "<p>")), Buffer.from([0xa0]), Buffer.from("</p>")]),
      "dated.html": page('<meta property="article:published_time" content="5 March 2024">', `<p>${EN}</p>`),
      "twice.html": page("", `<p>${EN}</p>`),
      "twice.txt": EN,
    });
    const errors = await corpusErrors(dir, { report: () => {} });
    expect(errors.map((e) => `${e.file}: ${e.field}`).sort()).toEqual([
      "bytes.html: encoding",
      'dated.html: published (column "<meta property="article:published_time">")',
      "empty.html: text",
      "menu-only.html: text",
      "odd.html: charset",
      expect.stringMatching(/^twice\.(html|txt): id$/),
    ]);
    expect(errors.find((e) => e.file === "odd.html")!.message).toBe(
      '"x-martian" is not an encoding this reader knows; save the page as UTF-8',
    );
    expect(errors.find((e) => e.file === "empty.html")!.message).toMatch(/^no main text found in the page/);
  });

  it("warns about a JSON-LD block that is not JSON, and reads the page's other metadata", async () => {
    const head = '<script type="application/ld+json">{"@type": "NewsArticle",</script><meta property="og:site_name" content="Gazette">';
    const dir = writeCorpus({ "a.html": page(head, `<p>${EN}</p>`) });
    const { articles, report } = await read(dir);
    expect(articles[0]!.meta.outlet).toBe("Gazette");
    expect(report).toContain("warning: a.html: JSON-LD block 1 is not valid JSON; its metadata is not read");
  });

  it("matches a side-table row to a page by its name with or without .html", async () => {
    const dir = writeCorpus({ "a.html": page("", `<p>${EN}</p>`), "metadata.csv": "file,outlet\na,Gazette\n" });
    expect((await read(dir)).articles[0]!.meta.outlet).toBe("Gazette");
  });
});

describe("pageMetadata(document)", () => {
  it("prefers JSON-LD to meta tags and meta tags to <title>, and says where each value came from", () => {
    const head =
      '<title>T | Site</title><meta property="og:title" content="OG title"><meta property="og:locale" content="en_GB">' +
      '<meta property="article:author" content="https://example.org/staff/ann">' +
      '<script type="application/ld+json">[{"@type": ["NewsArticle"], "headline": "LD title", "publisher": "LD Outlet"}]</script>';
    const { values } = pageMetadata(parseHtml(page(head, "")));
    expect(values.title).toEqual({ value: "LD title", from: "JSON-LD headline" });
    expect(values.outlet).toEqual({ value: "LD Outlet", from: "JSON-LD publisher.name" });
    expect(values.language).toEqual({ value: "en-GB", from: '<meta property="og:locale">' });
    // An author that is a URL is not a name.
    expect(values.author).toBeUndefined();
  });

  it("ignores JSON-LD that describes no article", () => {
    const head = '<script type="application/ld+json">{"@type": "WebSite", "name": "Site"}</script><title>T</title>';
    expect(pageMetadata(parseHtml(page(head, ""))).values.title).toEqual({ value: "T", from: "<title>" });
  });
});

describe("mainText(document, title)", () => {
  it("takes the <article> with the most paragraph text, and drops a first heading repeating the title", () => {
    const body = "<article><p>Teaser.</p></article><article><h1>The title</h1><p>A longer first paragraph.</p><p>Two.</p></article>";
    expect(mainText(parseHtml(page("", body)), "The title")).toBe("A longer first paragraph.\n\nTwo.");
  });

  it("prefers itemprop=articleBody, and leaves hidden elements out", () => {
    const body =
      '<main><p>Intro.</p><div itemprop="articleBody"><p>Body.</p><p hidden>Hidden.</p><p aria-hidden="true">Also.</p></div></main>';
    const document = parseHtml(page("", body));
    const container = chooseArticleContainer(document);
    expect("attrs" in container && container.attrs).toEqual([{ name: "itemprop", value: "articleBody" }]);
    expect(mainText(document, null)).toBe("Body.");
  });

  it("reads nested blocks one by one and keeps <pre> lines", () => {
    const body = "<article><ul><li><p>One.</p><p>Two.</p></li></ul><pre>a  b\nc</pre></article>";
    expect(mainText(parseHtml(page("", body)), null)).toBe("One.\n\nTwo.\n\na  b\nc");
  });
});

describe("decodePage(bytes, file)", () => {
  it("decodes by the declared charset, and UTF-8 when none is declared", () => {
    expect(decodePage(Buffer.from([...Buffer.from('<meta charset="iso-8859-1">'), 0xe9]), "a.html").text).toBe(
      '<meta charset="iso-8859-1">é',
    );
    expect(decodePage(Buffer.from("<p>é</p>"), "a.html").text).toBe("<p>é</p>");
    expect(decodePage(Buffer.from([0x3c, 0xff]), "a.html").errors[0]!.field).toBe("encoding");
  });

  it("reads windows-1252's 0x80-0x9F as Windows does (curly quotes, dash, euro), not as control characters", () => {
    const bytes = Buffer.from([...Buffer.from('<meta charset="windows-1252"><p>'), 0x93, 0x61, 0x94, 0x20, 0x96, 0x20, 0x80]);
    expect(decodePage(bytes, "a.html").text).toBe('<meta charset="windows-1252"><p>\u201ca\u201d \u2013 \u20ac');
  });
});
