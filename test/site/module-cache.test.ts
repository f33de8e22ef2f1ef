import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openModuleCache } from "../../scripts/module-cache.ts";

/** A Framework cache with one bundled module holding `content`. */
function cacheWith(content: string): { root: string; module: string } {
  const root = mkdtempSync(join(tmpdir(), "module-cache-"));
  mkdirSync(join(root, "_node", "d3-quadtree@3.0.1"), { recursive: true });
  const module = join(root, "_node", "d3-quadtree@3.0.1", "index.js");
  writeFileSync(module, content);
  mkdirSync(join(root, "data"));
  writeFileSync(join(root, "data", "kept.json"), "{}");
  return { root, module };
}

describe("openModuleCache(cacheRoot, log): Framework's bundled modules checked before a render", () => {
  it("keeps sound modules, marks the render as under way, and removes the mark when it has finished", () => {
    const { root, module } = cacheWith("export function quadtree() {}\n");
    const said: string[] = [];
    const render = openModuleCache(root, (line) => said.push(line));
    expect(existsSync(join(root, "modules.rendering"))).toBe(true);
    render.finished();
    expect(existsSync(join(root, "modules.rendering"))).toBe(false);
    expect(readFileSync(module, "utf8")).toBe("export function quadtree() {}\n");
    expect(said).toEqual([]);
  });

  it("has every module bundled again after a render that never finished, and says so; data stays", () => {
    const { root, module } = cacheWith("export function quad");
    openModuleCache(root, () => {});
    const said: string[] = [];
    openModuleCache(root, (line) => said.push(line)).finished();
    expect(existsSync(module)).toBe(false);
    expect(existsSync(join(root, "data", "kept.json"))).toBe(true);
    expect(said).toEqual(["build: Framework's bundled modules are made again (a render stopped part-way)\n"]);
  });

  it("has every module bundled again when one is empty, naming it", () => {
    const { root, module } = cacheWith("");
    const said: string[] = [];
    openModuleCache(root, (line) => said.push(line)).finished();
    expect(existsSync(module)).toBe(false);
    expect(said).toEqual(["build: Framework's bundled modules are made again (_node/d3-quadtree@3.0.1/index.js is empty)\n"]);
  });
});
