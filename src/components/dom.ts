// Building page elements from untrusted text: children are appended as text nodes, never parsed as markup.

/**
 * An element `tag` with `props` set as properties (className, type, value, checked…) and `children`
 * appended (a string becomes a text node).
 * @example element("p", { className: "note" }, "Text <b>stays</b> text")
 */
export function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Readonly<Record<string, string | boolean>> = {},
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  node.append(...children);
  return node;
}
