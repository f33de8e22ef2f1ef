import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { accessibleShell } from "../../scripts/page-shell.ts";

// The start of a page as Framework 1.13.4 renders it (node_modules/@observablehq/framework/dist/render.js).
const FRAMEWORK_PAGE = `<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">
</head>
<body>
<input id="observablehq-sidebar-toggle" type="checkbox" title="Toggle sidebar">
<nav id="observablehq-sidebar">
  <ol>
    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>
    <li class="observablehq-link"><a href="./">Framing notebooks</a></li>
  </ol>
</nav>
<div id="observablehq-center">
<main id="observablehq-main" class="observablehq">
</main>
</div>
</body>
</html>
`;

describe("accessibleShell(page)", () => {
  const page = accessibleShell(FRAMEWORK_PAGE);

  it("sets the site's language on <html> and lets the page zoom", () => {
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).not.toContain("maximum-scale");
  });

  it("opens the body with a skip link to the main content", () => {
    expect(page).toMatch(/<body>\n<a class="skip-link" href="#observablehq-main">Skip to main content<\/a>\n<input/);
  });

  it("moves the sidebar's close control out of the list, after it (the title stays the sidebar's first child)", () => {
    expect(page).toContain(
      '<nav id="observablehq-sidebar">\n  <ol>\n    <li class="observablehq-link"><a href="./">Framing notebooks</a></li>\n  </ol>\n  <label id="observablehq-sidebar-close"',
    );
  });

  it("is deterministic and applies once", () => {
    expect(accessibleShell(FRAMEWORK_PAGE)).toBe(page);
    expect(() => accessibleShell(page)).toThrow(/page-shell: page lacks the markup for "html lang"/);
  });

  it("matches the markup Framework's renderer writes (fails on an upgrade that changes it)", () => {
    const render = readFileSync(join(PROJECT_ROOT, "node_modules", "@observablehq", "framework", "dist", "render.js"), "utf8");
    expect(render).toContain("<!DOCTYPE html>\n<html>\n<head>");
    expect(render).toContain('<meta name="viewport" content="width=device-width, initial-scale=1, maximum-scale=1">');
    expect(render).toContain("</head>\n<body>");
    expect(render).toContain(
      '<nav id="observablehq-sidebar">\n  <ol>\n    <label id="observablehq-sidebar-close" for="observablehq-sidebar-toggle"></label>',
    );
  });
});
