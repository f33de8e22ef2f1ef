/**
 * Small helpers over a parse5 tree (the WHATWG HTML parser that Framework's jsdom is built on): elements in
 * document order, attributes, and text. A saved page is parsed, never run: no script, style or network.
 */
import { parse, type DefaultTreeAdapterMap } from "parse5";

export type HtmlNode = DefaultTreeAdapterMap["node"];
export type HtmlElement = DefaultTreeAdapterMap["element"];
export type HtmlDocument = DefaultTreeAdapterMap["document"];

/** Parses a page as a browser would (any markup gives a tree; nothing is executed). */
export function parseHtml(html: string): HtmlDocument {
  return parse(html);
}

/** Whether a node is an element (it has a tag name and attributes). */
export function isElement(node: HtmlNode): node is HtmlElement {
  return "tagName" in node;
}

/** The children of a node that has any. */
export function childrenOf(node: HtmlNode): readonly HtmlNode[] {
  return "childNodes" in node ? node.childNodes : [];
}

/**
 * Every element under `root` in document order; `skip(element)` leaves an element and all it holds out.
 * @example elementsOf(parseHtml("<p>a</p>")).map((e) => e.tagName) // ["html", "head", "body", "p"]
 */
export function elementsOf(root: HtmlNode, skip: (element: HtmlElement) => boolean = () => false): HtmlElement[] {
  const found: HtmlElement[] = [];
  const stack: HtmlNode[] = [...childrenOf(root)].reverse();
  while (stack.length) {
    const node = stack.pop()!;
    if (!isElement(node) || skip(node)) continue;
    found.push(node);
    stack.push(...[...childrenOf(node)].reverse());
  }
  return found;
}

/** An attribute's value (names are lower case in a parsed tree), or null. */
export function attribute(element: HtmlElement, name: string): string | null {
  return element.attrs.find((a) => a.name === name)?.value ?? null;
}

/**
 * The text an element holds, with runs of white space collapsed to one space (a `<br>` is a space too);
 * `skip(element)` leaves a descendant's text out.
 * @example textOf(parseHtml("<p>a <b>b</b><br>c</p>"), () => false) // "a b c"
 */
export function textOf(root: HtmlNode, skip: (element: HtmlElement) => boolean = () => false): string {
  const parts: string[] = [];
  // A stack, not recursion: a page may nest elements deeper than the call stack goes.
  const stack: HtmlNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.nodeName === "#text" && "value" in node) parts.push(node.value);
    else if (isElement(node) && node.tagName === "br") parts.push(" ");
    else if (node === root || !isElement(node) || !skip(node)) stack.push(...[...childrenOf(node)].reverse());
  }
  return parts.join("").replace(/\s+/g, " ").trim();
}
