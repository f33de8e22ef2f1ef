// The pages run data-loaders/portable/ itself: src/components/portable is a link to it, not a copy, and its
// modules import nothing from outside the folder (a page could not load it) and nothing Node-only.
import { lstatSync, readdirSync, readFileSync, readlinkSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";

const FOLDER = join(PROJECT_ROOT, "data-loaders", "portable");

describe("data-loaders/portable", () => {
  it("is what the pages import, through a symbolic link", () => {
    const link = join(PROJECT_ROOT, "src", "components", "portable");
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readlinkSync(link)).toBe("../../data-loaders/portable");
  });
  it("imports only its own modules, by .js names the pages resolve, and types", () => {
    for (const name of readdirSync(FOLDER).filter((n) => n.endsWith(".ts"))) {
      const imports = [...readFileSync(join(FOLDER, name), "utf8").matchAll(/^import (type )?.*? from "([^"]+)";$/gm)];
      for (const [line, type, specifier] of imports) {
        if (type) continue;
        expect(specifier, `${name}: ${line}`).toMatch(/^\.\/[a-z-]+\.js$/);
      }
    }
  });
});
