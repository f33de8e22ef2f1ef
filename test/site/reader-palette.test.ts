// @vitest-environment jsdom
// The reader's colours (src/components/article-annotations.ts, drawn by article-reader.ts categoryStyles),
// pair by pair against WCAG 2.1 AA (issue 32): every contrast is computed from the colours the generated
// stylesheet holds, for the bundled codebooks' frames and devices and a full cycle of the palette.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { readCodebook } from "../../data-loaders/pipeline/read-data-files.ts";
import { corpusPaths } from "../../data-loaders/project-paths.ts";
import { categoriesOf, FRAME_NUMBER_COLOR } from "../../src/components/article-annotations.ts";
import { categoryStyles } from "../../src/components/article-reader.ts";
import { contrastRatio, relativeLuminance } from "../../src/components/contrast.ts";

describe("contrastRatio(a, b)", () => {
  it("agrees with WebAIM's contrast checker on its usual references", () => {
    // https://webaim.org/resources/contrastchecker/: #767676 on white 4.54:1, #777777 4.48:1, blue 8.59:1.
    expect(contrastRatio("#767676", "#ffffff")).toBeCloseTo(4.54, 2);
    expect(contrastRatio("#ffffff", "#777777")).toBeCloseTo(4.48, 2);
    expect(contrastRatio("#0000ff", "#ffffff")).toBeCloseTo(8.59, 2);
    expect(contrastRatio("#000000", "#FFFFFF")).toBe(21);
    expect(relativeLuminance("#808080")).toBeCloseTo(0.2158605, 6);
  });
  it("names a colour it cannot read", () => {
    expect(() => contrastRatio("white", "#000000")).toThrow("contrast: not a #rrggbb colour: white");
  });
});

const paths = corpusPaths({});
const framing = readCodebook(paths.framing, { requireTerms: true }).entries;
const devices = readCodebook(paths.devices, { requireTerms: false }).entries;
// The bundled codebooks, and twice as many made-up frames and devices as the palette has colours, so the
// whole palette is drawn whatever a codebook's length.
const invented = (prefix: string) => Array.from({ length: 40 }, (_, i) => ({ id: `${prefix}${i}`, label: `${prefix} ${i}` }));
const cases = [
  { name: "the bundled codebooks", categories: categoriesOf(framing, devices) },
  { name: "40 frames and 40 devices", categories: categoriesOf(invented("frame"), invented("device")) },
];

/** The declarations of the stylesheet's rule for a category's marks (`end` for its number). */
function ruleOf(css: string, markClass: string, end = false): string {
  const selector = `.${end ? "end-" : ""}${markClass}${end ? "::after" : ""}{`;
  const line = css.split("\n").find((l) => l.includes(selector));
  if (!line) throw new Error(`no rule for ${selector}`);
  return line.slice(line.indexOf(selector) + selector.length, line.lastIndexOf("}"));
}
/** The one `#rrggbb` colour a pattern captures in a rule. */
function colourIn(rule: string, pattern: RegExp): string {
  const found = pattern.exec(rule);
  if (!found) throw new Error(`${pattern} not in ${rule}`);
  return found[1]!;
}

// The page's text colour, from the theme Framework draws the pages in (src/style.css imports theme-air).
const themeCss = readFileSync(createRequire(import.meta.url).resolve("@observablehq/framework/dist/style/theme-air.css"), "utf8");
const pageText = colourIn(themeCss, /--theme-foreground:\s*(#[0-9a-f]{6})/i);
const white = colourIn(themeCss, /--theme-background-a:\s*(#[0-9a-f]{6})/i);

describe.each(cases)("categoryStyles(categoriesOf(…)) with $name", ({ categories }) => {
  const css = categoryStyles(categories).textContent!;
  const frameIds = categories.filter((c) => c.kind === "frame").map((c) => c.id);
  const frames = frameIds.map((id) => {
    const rule = ruleOf(css, `f-${id}`);
    return {
      id,
      tint: colourIn(rule, /background:(#[0-9a-f]{6})/),
      underline: colourIn(rule, /inset 0 -\dpx 0 (#[0-9a-f]{6})/),
      number: colourIn(ruleOf(css, `f-${id}`, true), /color:(#[0-9a-f]{6})/),
    };
  });
  const quote = ruleOf(css, "v-quote");
  const quoteTint = colourIn(quote, /background:(#[0-9a-f]{6})/);
  const quoteLine = colourIn(quote, /border-top:\dpx dotted (#[0-9a-f]{6})/);
  const backgrounds = [white, quoteTint, ...frames.map((f) => f.tint)];
  const textColours = ["t-positive", "t-negative", "v-speaker"].map((c) => ({
    c,
    colour: colourIn(ruleOf(css, c), /color:(#[0-9a-f]{6})/),
  }));

  it("marks every frame with an underline at 3:1 or more against its tint and against white (1.4.11)", () => {
    expect(frames.length).toBe(frameIds.length);
    for (const f of frames) {
      expect(contrastRatio(f.underline, f.tint), `${f.id} underline on its tint`).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(f.underline, white), `${f.id} underline on white`).toBeGreaterThanOrEqual(3);
    }
  });

  it("draws a frame's tint over a quotation's, so that the frame's underline lies on its own tint", () => {
    const at = (markClass: string) => css.indexOf(`.${markClass}{`);
    for (const id of frameIds) expect(at(`f-${id}`)).toBeGreaterThan(at("v-quote"));
    expect(at("v-quote")).toBeGreaterThanOrEqual(0);
  });

  it("keeps text, frame numbers, tone words and speakers at 4.5:1 or more on every tint (1.4.3)", () => {
    for (const background of backgrounds) {
      expect(contrastRatio(pageText, background), `text on ${background}`).toBeGreaterThanOrEqual(4.5);
      for (const { c, colour } of textColours)
        expect(contrastRatio(colour, background), `${c} on ${background}`).toBeGreaterThanOrEqual(4.5);
    }
    for (const f of frames) expect(contrastRatio(f.number, f.tint), `${f.id} number`).toBeGreaterThanOrEqual(4.5);
    expect(frames.every((f) => f.number === FRAME_NUMBER_COLOR)).toBe(true);
  });

  it("draws devices', cues' and quotations' lines at 3:1 or more on white and every tint they may lie on", () => {
    const lines = [
      ...categories
        .filter((c) => c.kind === "device")
        .map((c) => colourIn(ruleOf(css, `d-${c.id}`), /text-decoration-color:(#[0-9a-f]{6})/)),
      colourIn(ruleOf(css, "v-cue"), /text-decoration-color:(#[0-9a-f]{6})/),
    ];
    for (const line of lines)
      for (const background of backgrounds) expect(contrastRatio(line, background), `${line} on ${background}`).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(quoteLine, quoteTint)).toBeGreaterThanOrEqual(3);
    expect(contrastRatio(quoteLine, white)).toBeGreaterThanOrEqual(3);
  });

  it("tells positive from negative tone words by more than hue: both bold, negative words italic (1.4.1)", () => {
    const [positive, negative] = [ruleOf(css, "t-positive"), ruleOf(css, "t-negative")];
    const withoutColour = (rule: string) => rule.replace(/color:#[0-9a-f]{6};?/, "");
    expect(positive).toContain("font-weight:700");
    expect(negative).toContain("font-weight:700");
    expect(negative).toContain("font-style:italic");
    expect(positive).not.toContain("font-style:italic");
    expect(withoutColour(positive)).not.toBe(withoutColour(negative));
  });
});
