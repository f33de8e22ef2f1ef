/**
 * The main text of a saved news page, boilerplate left out. Three named rules, applied in order:
 * `dropPageFurniture` leaves out what is never the article (scripts, navigation, header, footer, asides,
 * forms, figures, hidden elements, and elements whose class or id names share buttons, comments, related
 * links, newsletters, cookies, ads or menus); `chooseArticleContainer` takes the element that holds the
 * article (`itemprop="articleBody"`, else the `<article>` with the most paragraph text, else `<main>`, else
 * the body); `readBlocks` writes each paragraph, heading, list item, quotation and preformatted block as a
 * paragraph of its own, separated by a blank line. Lines of furniture left inside the article (a "Read
 * also:" line) are then marked by the pipeline's boilerplate patterns, like any article's.
 *
 * Readability (Mozilla's, used by Firefox's reader view) scores candidates more cleverly; it is not a
 * dependency of this project yet, and these rules are what it would replace.
 */
import { attribute, childrenOf, elementsOf, isElement, textOf, type HtmlElement, type HtmlNode } from "./html-tree.ts";

/** Elements that are never the article's text. */
const FURNITURE_TAGS = new Set([
  ...["script", "style", "noscript", "template", "iframe", "svg", "canvas", "object", "video", "audio"],
  ...["nav", "header", "footer", "aside", "form", "button", "select", "dialog", "figure", "menu"],
]);

/** ARIA roles of page furniture. */
const FURNITURE_ROLES = new Set(["navigation", "banner", "contentinfo", "complementary", "search", "dialog", "menu", "alert"]);

/** Class or id words of page furniture (`share-buttons`, `related_links`, `comments`, `ad-slot`). */
const FURNITURE_NAME =
  /(?:^|[\s_-])(?:share|sharing|social|comments?|related|recommended|newsletter|subscribe|cookies?|consent|promo|advert\w*|ads?|sidebar|breadcrumbs?|menu|paywall|byline|caption)(?:$|[\s_-])/i;

/** Elements whose text is one paragraph of the article. */
const BLOCK_TAGS = new Set(["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "dd", "dt", "td", "th"]);

/** Whether an element is page furniture, never the article's text (the rule `dropPageFurniture`). */
export function dropPageFurniture(element: HtmlElement): boolean {
  if (FURNITURE_TAGS.has(element.tagName)) return true;
  if (attribute(element, "hidden") !== null || attribute(element, "aria-hidden") === "true") return true;
  if (FURNITURE_ROLES.has(attribute(element, "role")?.trim().toLowerCase() ?? "")) return true;
  // The article's own element is never furniture, whatever its class says ("article social-story").
  if (element.tagName === "article" || element.tagName === "main" || element.tagName === "body") return false;
  return FURNITURE_NAME.test(`${attribute(element, "class") ?? ""} ${attribute(element, "id") ?? ""}`);
}

/** The length of the paragraph text an element holds, furniture left out. */
function paragraphLength(element: HtmlElement): number {
  return elementsOf(element, dropPageFurniture)
    .filter((e) => e.tagName === "p")
    .reduce((sum, p) => sum + textOf(p, dropPageFurniture).length, 0);
}

/**
 * The element that holds the article (the rule `chooseArticleContainer`): the first `itemprop="articleBody"`,
 * else the `<article>` with the most paragraph text (the first on a tie), else `<main>` or `role="main"`,
 * else the body.
 */
export function chooseArticleContainer(root: HtmlNode): HtmlNode {
  const elements = elementsOf(root, dropPageFurniture);
  const body = elementsOf(root).find((e) => e.tagName === "body") ?? root;
  const articleBody = elements.find((e) => attribute(e, "itemprop")?.split(/\s+/).includes("articleBody"));
  if (articleBody) return articleBody;
  const articles = elements.filter((e) => e.tagName === "article").map((e) => ({ e, n: paragraphLength(e) }));
  const best = articles.reduce<{ e: HtmlElement; n: number } | null>((a, b) => (a && a.n >= b.n ? a : b), null);
  if (best && best.n > 0) return best.e;
  return elements.find((e) => e.tagName === "main" || attribute(e, "role") === "main") ?? body;
}

/** Whether an element holds a block of its own (then its own text is read block by block). */
const holdsBlocks = (element: HtmlElement) => elementsOf(element, dropPageFurniture).some((e) => BLOCK_TAGS.has(e.tagName));

/**
 * The paragraphs of a container (the rule `readBlocks`): each block element's text, white space collapsed;
 * a block holding blocks (a list item of paragraphs) gives its blocks; text outside any block (a `<div>` of
 * bare text) is a paragraph of its own, or several where `<br><br>` parts them. `<pre>` keeps its lines.
 */
export function readBlocks(container: HtmlNode): string[] {
  const blocks: string[] = [];
  let loose: string[] = [];
  // Loose text is split where two line breaks (`<br><br>`) end a paragraph.
  const flush = () => {
    for (const part of loose.join("").split(/\u2028[^\S\u2028]*\u2028/)) blocks.push(part.replace(/\s+/g, " ").trim());
    loose = [];
  };
  const stack: (HtmlNode | "flush")[] = [...childrenOf(container)].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (node === "flush") flush();
    else if (!isElement(node)) {
      if (node.nodeName === "#text" && "value" in node) loose.push(node.value.replace(/\u2028/g, " "));
    } else if (dropPageFurniture(node)) continue;
    else if (node.tagName === "pre" || (BLOCK_TAGS.has(node.tagName) && !holdsBlocks(node))) {
      flush();
      blocks.push(node.tagName === "pre" ? preText(node) : textOf(node, dropPageFurniture));
    } else if (node.tagName === "br") loose.push("\u2028");
    else stack.push("flush", ...[...childrenOf(node)].reverse(), "flush");
  }
  flush();
  return blocks.filter((block) => block !== "");
}

/** A `<pre>` block's text with its line breaks, trailing spaces and blank edges trimmed. */
function preText(element: HtmlElement): string {
  const parts: string[] = [];
  const stack: HtmlNode[] = [element];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeName === "#text" && "value" in node) parts.push(node.value);
    else stack.push(...[...childrenOf(node)].reverse());
  }
  return parts
    .join("")
    .replace(/[ \t]+$/gm, "")
    .trim();
}

/**
 * A page's main text: the container's blocks separated by blank lines, without a first heading that only
 * repeats the title (the title is metadata).
 * @example mainText(parseHtml("<nav>Home</nav><article><h1>T</h1><p>One.</p><p>Two.</p></article>"), "T") // "One.\n\nTwo."
 */
export function mainText(root: HtmlNode, title: string | null): string {
  const blocks = readBlocks(chooseArticleContainer(root));
  const same = (a: string, b: string) => a.replace(/\s+/g, " ").trim().toLowerCase() === b.replace(/\s+/g, " ").trim().toLowerCase();
  if (title && blocks.length > 1 && same(blocks[0]!, title)) blocks.shift();
  return blocks.join("\n\n");
}
