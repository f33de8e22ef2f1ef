/**
 * A saved news page's metadata: title, date, outlet, URL, author and language, read from what the page
 * declares for machines, in this order: schema.org JSON-LD (`NewsArticle` and kin: `headline`,
 * `datePublished`, `publisher.name`, `author`, `url`, `inLanguage`), then Open Graph and article meta tags
 * (`og:title`, `article:published_time`, `og:site_name`, `og:url`, `article:author`, `og:locale`), then plain
 * HTML (`<meta name="author">`, `<link rel="canonical">`, `<title>`, `<html lang>`). Each value says where
 * it came from, so that an error can name it. Sources: https://schema.org/NewsArticle, https://ogp.me.
 */
import { attribute, elementsOf, textOf, type HtmlDocument, type HtmlElement } from "./html-tree.ts";

/** The fields a page's metadata can give. */
export const PAGE_FIELDS = ["title", "published", "outlet", "url", "author", "language"] as const;
export type PageField = (typeof PAGE_FIELDS)[number];

/** A value read from a page, and where in the page it was read (`JSON-LD datePublished`, `<title>`). */
export interface PageValue {
  readonly value: string;
  readonly from: string;
}

/** What a page declares: a value per field it gives, and warnings (a JSON-LD block that is not JSON). */
export interface PageMetadata {
  readonly values: Partial<Record<PageField, PageValue>>;
  readonly warnings: string[];
}

/** schema.org types that describe an article (https://schema.org/Article and its news subtypes). */
const ARTICLE_TYPES = new Set([
  "Article",
  "NewsArticle",
  "ReportageNewsArticle",
  "AnalysisNewsArticle",
  "OpinionNewsArticle",
  "BackgroundNewsArticle",
  "ReviewNewsArticle",
  "BlogPosting",
  "Report",
]);

/** Meta tags per field, in order of preference; `property=` (Open Graph) or `name=` both count. */
const META_TAGS: Readonly<Record<PageField, readonly string[]>> = {
  title: ["og:title", "twitter:title"],
  published: ["article:published_time", "og:article:published_time", "datePublished", "date", "dc.date", "dcterms.created"],
  outlet: ["og:site_name", "application-name"],
  url: ["og:url"],
  author: ["author", "article:author", "dc.creator"],
  language: ["og:locale", "dc.language"],
};

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null && !Array.isArray(value);
const text = (value: unknown): string | null => (typeof value === "string" && value.trim() ? value.trim() : null);

/** A name from a JSON-LD value: a string, `{name}`, or a list of them joined by "; ". */
function names(value: unknown): string | null {
  const list = (Array.isArray(value) ? value : [value]).map((v) => text(v) ?? (isObject(v) ? text(v.name) : null));
  const found = list.filter((name): name is string => name !== null);
  return found.length ? found.join("; ") : null;
}

/** Every object of a JSON-LD block (a single object, an array, or an `@graph`), in order. */
function jsonLdObjects(value: unknown): Json[] {
  if (Array.isArray(value)) return value.flatMap(jsonLdObjects);
  if (!isObject(value)) return [];
  return [value, ...jsonLdObjects(value["@graph"])];
}

/** The first article object of the page's JSON-LD blocks, and a warning per block that is not JSON. */
function jsonLdArticle(document: HtmlDocument): { article: Json | null; warnings: string[] } {
  const warnings: string[] = [];
  const scripts = elementsOf(document).filter((e) => e.tagName === "script" && attribute(e, "type")?.trim() === "application/ld+json");
  for (const [n, script] of scripts.entries()) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(textOf(script));
    } catch {
      warnings.push(`JSON-LD block ${n + 1} is not valid JSON; its metadata is not read`);
      continue;
    }
    const types = (object: Json) => (Array.isArray(object["@type"]) ? object["@type"] : [object["@type"]]);
    const article = jsonLdObjects(parsed).find((object) => types(object).some((t) => ARTICLE_TYPES.has(String(t))));
    if (article) return { article, warnings };
  }
  return { article: null, warnings };
}

/** The values of the article object of JSON-LD, by field. */
function fromJsonLd(article: Json): Partial<Record<PageField, PageValue>> {
  const entity = isObject(article.mainEntityOfPage) ? text(article.mainEntityOfPage["@id"]) : text(article.mainEntityOfPage);
  const candidates: Record<PageField, [string, string | null]> = {
    title: ["headline", text(article.headline) ?? text(article.name)],
    published: ["datePublished", text(article.datePublished)],
    outlet: ["publisher.name", names(article.publisher)],
    url: ["url", text(article.url) ?? entity],
    author: ["author", names(article.author)],
    language: ["inLanguage", names(article.inLanguage)],
  };
  return Object.fromEntries(
    Object.entries(candidates).flatMap(([field, [key, value]]) => (value ? [[field, { value, from: `JSON-LD ${key}` }]] : [])),
  );
}

/** The value of the first meta tag of `keys` the page has, by `property` or `name`. */
function fromMetaTags(metas: readonly HtmlElement[], keys: readonly string[]): PageValue | null {
  for (const key of keys)
    for (const meta of metas)
      for (const kind of ["property", "name", "itemprop"])
        if (attribute(meta, kind)?.trim().toLowerCase() === key.toLowerCase()) {
          const value = text(attribute(meta, "content"));
          if (value) return { value, from: `<meta ${kind}="${key}">` };
        }
  return null;
}

/** The values plain HTML gives: `<title>`, `<link rel="canonical">`, `<html lang>`. */
function fromHtml(elements: readonly HtmlElement[]): Partial<Record<PageField, PageValue>> {
  const values: Partial<Record<PageField, PageValue>> = {};
  const title = elements.find((e) => e.tagName === "title");
  if (title && textOf(title)) values.title = { value: textOf(title), from: "<title>" };
  const canonical = elements.find((e) => e.tagName === "link" && attribute(e, "rel")?.toLowerCase().split(/\s+/).includes("canonical"));
  const href = canonical ? text(attribute(canonical, "href")) : null;
  if (href) values.url = { value: href, from: '<link rel="canonical">' };
  const html = elements.find((e) => e.tagName === "html");
  const lang = html ? text(attribute(html, "lang")) : null;
  if (lang) values.language = { value: lang, from: "<html lang>" };
  return values;
}

/**
 * The metadata a page declares, each field from the first source that gives it (JSON-LD, then meta tags,
 * then plain HTML; the canonical link before `og:url`, which pages often leave at the home page). An
 * `og:locale` such as `nl_NL` is read as `nl-NL`; an author that is a URL (`article:author` often is) is
 * not a name and is left out.
 * @example pageMetadata(parseHtml('<title>A</title><meta property="og:site_name" content="B">')).values.outlet // { value: "B", from: '<meta property="og:site_name">' }
 */
export function pageMetadata(document: HtmlDocument): PageMetadata {
  const elements = elementsOf(document);
  const metas = elements.filter((e) => e.tagName === "meta");
  const { article, warnings } = jsonLdArticle(document);
  const fromLd = article ? fromJsonLd(article) : {};
  const plain = fromHtml(elements);
  const values: Partial<Record<PageField, PageValue>> = {};
  for (const field of PAGE_FIELDS) {
    const tag = fromMetaTags(metas, META_TAGS[field]);
    const usable = tag && !(field === "author" && /^https?:\/\//.test(tag.value)) ? tag : null;
    const chosen = field === "url" ? (fromLd.url ?? plain.url ?? usable) : (fromLd[field] ?? usable ?? plain[field]);
    if (chosen) values[field] = field === "language" ? { ...chosen, value: chosen.value.replace("_", "-") } : chosen;
  }
  return { values, warnings };
}
