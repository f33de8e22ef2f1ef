/**
 * An article written in the corpus format, a Markdown file with YAML front matter, so that an imported
 * corpus can be read, edited and versioned as files (`npm run import`). Reading the file back gives the same
 * article (tested), except `meta.source`, the file it came from.
 */
import { stringify } from "yaml";
import type { Article } from "../schema/record.ts";

/**
 * The Markdown file of `article`: front matter with its fields (a null field left out, `language` only
 * when it was declared, the rest of its metadata under their own names), a comment naming where it was
 * imported from, and the text verbatim after the closing `---` (no newline added).
 * @example markdownArticle(bareArticle("a", "Hello.", "en"), "a.csv:2") // "---\n# imported from a.csv:2\nid: a\nlanguage: en\n---\nHello."
 */
export function markdownArticle(article: Article, importedFrom: string): string {
  const { meta } = article;
  const provenance = Object.fromEntries(
    Object.entries(meta.provenance).filter(([, value]) => value !== null && !(Array.isArray(value) && value.length === 0)),
  );
  const fields: Record<string, unknown> = {
    id: article.id,
    language: article.languageSource === "declared" ? article.language : null,
    title: meta.title,
    outlet: meta.outlet,
    published: meta.published,
    url: meta.url,
    author: meta.author,
    provenance: Object.keys(provenance).length ? provenance : null,
    ...meta.extra,
  };
  const present = Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined));
  // A comment line cannot hold a line break, so the origin is kept to one line.
  const origin = importedFrom.replace(/[\r\n]+/g, " ");
  return `---\n# imported from ${origin}\n${stringify(present, { lineWidth: 0 })}---\n${article.text}`;
}
