// A link to a sentence at its source: the source URL with a text fragment (#:~:text=start,end), which a
// browser that supports text fragments scrolls to and highlights (https://wicg.github.io/scroll-to-text-fragment/).
// The public build's reader uses it for closed articles, whose text it does not show (issue 34).

/** A text directive's term: percent-encoded, with "-", "," and "&" encoded too (they are its syntax). */
function fragmentTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, "%2D");
}

/**
 * `url` with a text fragment for the passage from `start` to `end` (the sentence's first and last words),
 * or null when `url` is not http(s). A fragment the URL already has is kept before the directive; `end`
 * null gives a fragment of `start` alone.
 * @example textFragmentUrl("https://example.org/a", "The Hegemon", "junior punks") // "https://example.org/a#:~:text=The%20Hegemon,junior%20punks"
 */
export function textFragmentUrl(url: string, start: string, end: string | null): string | null {
  if (!/^https?:\/\//i.test(url)) return null;
  const [base, fragment = ""] = url.split(/#(.*)/s);
  const directive = `text=${fragmentTerm(start)}${end ? `,${fragmentTerm(end)}` : ""}`;
  return `${base}#${fragment.split(":~:")[0]}:~:${directive}`;
}
