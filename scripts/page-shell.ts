/**
 * The page shell Framework 1.13.4 writes around every page, made accessible after `observable build` (issue
 * 32 item 5). Framework has no option for any of these, and node_modules is not ours to patch:
 * - `<html>` gets `lang="en"`, the language of the site's own text (WCAG 3.1.1; an article in another
 *   language is marked where the reader shows it);
 * - the viewport meta loses `maximum-scale=1`, which stops zooming on phones (1.4.4);
 * - a skip link to the main content comes first in the body (2.4.1): the sidebar is eighteen stops;
 * - the sidebar's close control, a `<label>` Framework puts directly inside an `<ol>`, moves just after
 *   that list (1.3.1: a list holds only items).
 * Each is a plain string replacement, so the same page gives the same bytes; a page that does not have the
 * markup expected (another Framework version) stops the build rather than shipping unfixed.
 */
import { readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** The site's own language, for `<html lang>`. */
export const SITE_LANGUAGE = "en";

const REPLACEMENTS: ReadonlyArray<readonly [name: string, from: string, to: string]> = [
  ["html lang", "<!DOCTYPE html>\n<html>\n", `<!DOCTYPE html>\n<html lang="${SITE_LANGUAGE}">\n`],
  [
    "viewport without maximum-scale",
    '<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
  ],
  ["skip link", "<body>\n", '<body>\n<a class="skip-link" href="#observablehq-main">Skip to main content</a>\n'],
  // After the first list, not before it: Framework's style finds the site's title as the sidebar's first child.
  [
    "sidebar close control outside the list",
    '<nav id="observablehq-sidebar">\n  <ol>\n    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n',
    '<nav id="observablehq-sidebar">\n  <ol>\n',
  ],
  [
    "sidebar close control after the list",
    "\n  </ol>\n",
    '\n  </ol>\n  <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>\n',
  ],
];

/**
 * `page` (a built page's HTML) with the accessible shell; throws, naming the change, if the page lacks the
 * markup a change expects. A page without a sidebar (none here) needs only the first three.
 * @example accessibleShell("<!DOCTYPE html>\n<html>\n…") // "<!DOCTYPE html>\n<html lang=\"en\">\n…"
 */
export function accessibleShell(page: string, name = "page"): string {
  let html = page;
  for (const [change, from, to] of REPLACEMENTS) {
    if (change.startsWith("sidebar") && !html.includes('<nav id="observablehq-sidebar">')) continue;
    // The first match after the sidebar's start, for the sidebar's changes; the first in the page, else.
    const at = html.indexOf(from, change.startsWith("sidebar") ? html.indexOf('<nav id="observablehq-sidebar">') : 0);
    if (at < 0) throw new Error(`page-shell: ${name} lacks the markup for "${change}" (a Framework upgrade?)`);
    html = html.slice(0, at) + to + html.slice(at + from.length);
  }
  return html;
}

/**
 * Rewrites every built page (`*.html` outside Framework's `_` folders) in `output` with the accessible
 * shell; returns how many. Each is written beside and renamed over, so no hard link is edited through.
 */
export function rewritePageShells(output: string): number {
  let pages = 0;
  const visit = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory() && !entry.name.startsWith("_") && !entry.name.startsWith(".")) visit(path);
      else if (entry.isFile() && entry.name.endsWith(".html")) {
        writeFileSync(`${path}.shell`, accessibleShell(readFileSync(path, "utf8"), path));
        renameSync(`${path}.shell`, path);
        pages++;
      }
    }
  };
  visit(output);
  return pages;
}
