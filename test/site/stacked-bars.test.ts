// @vitest-environment jsdom
// Who speaks' stacked bars (src/components/voice-charts.ts) tell their parts apart without colour (issue 32,
// WCAG 1.4.1): each wide enough part carries its type's or kind's letter, and the legend gives the letters.
import { describe, expect, it } from "vitest";
import { kindShares, letterLegend, VOICE_TYPES, voicesByType, type ArticleVoices } from "../../src/components/voice-charts.ts";

const none = Object.fromEntries(VOICE_TYPES.map((t) => [t.id, 0])) as ArticleVoices["byType"];
const articles: ArticleVoices[] = [
  {
    id: "a",
    title: "A",
    byType: { ...none, government: 6, expert: 3, anonymous: 1 },
    byKind: { direct: 5, mixed: 0, indirect: 4, thought: 1 },
  },
  { id: "b", title: "B", byType: { ...none, "state-media": 8 }, byKind: { direct: 0, mixed: 2, indirect: 6, thought: 0 } },
];
const symbol = (label: string) => VOICE_TYPES.find((t) => t.label === label)!.symbol;

/** Where an SVG element is along `axis`: its attribute (a length in em counts as 0) plus its own and its
 * group's translate(). */
function position(el: Element, axis: "x" | "y"): number {
  const translate = (node: Element | null) => {
    const found = /translate\(([-\d.]+),\s*([-\d.]+)\)/.exec(node?.getAttribute("transform") ?? "");
    return found ? Number(found[axis === "x" ? 1 : 2]) : 0;
  };
  const own = el.getAttribute(axis) ?? "0";
  return (own.endsWith("em") ? 0 : Number(own)) + translate(el) + translate(el.parentElement);
}

/**
 * Each bar part of a chart with the letter drawn inside it (null if none), its label from its title, and the
 * legend's items: a letter belongs to the part whose rectangle holds its anchor.
 */
function drawn(figure: HTMLElement) {
  const letters = [...figure.querySelectorAll("svg g[aria-label='text'] text")];
  const parts = [...figure.querySelectorAll("svg g[aria-label='bar'] rect")].map((rect) => {
    const [x, y, w, h] = [
      position(rect, "x"),
      position(rect, "y"),
      Number(rect.getAttribute("width")),
      Number(rect.getAttribute("height")),
    ];
    const inside = letters.filter(
      (t) => position(t, "x") > x && position(t, "x") < x + w && position(t, "y") > y && position(t, "y") < y + h,
    );
    const label = rect
      .querySelector("title")!
      .textContent!.split("\n")
      .at(-1)!
      .replace(/: \d+$/, "");
    return { label, width: w, letter: inside.length === 1 ? inside[0]!.textContent : inside.length ? "several" : null };
  });
  const legend = [...figure.querySelectorAll(".legend-item")].map((item) => item.textContent);
  return { parts, letters: letters.length, legend };
}

describe("voicesByType(articles, options) and kindShares(articles, options)", () => {
  it("letters each part with its speaker type, inside the part, and lists the types drawn", () => {
    const { parts, letters, legend } = drawn(voicesByType(articles, { width: 700, href: (id) => `#${id}` }));
    // At 700 px the longest bar (10) has 49 px a voice: every part is wide enough for its letter.
    expect(parts).toHaveLength(4);
    for (const part of parts) expect(part.letter, part.label).toBe(symbol(part.label));
    expect(letters).toBe(parts.length);
    expect(legend).toEqual(["GGovernment or official", "SState media", "EExpert or analyst", "AAnonymous"]);
  });

  it("letters the kinds D, P, I and T, and leaves a part narrower than a letter unlettered", () => {
    const kindLetter = {
      "Direct quotation": "D",
      "Partial quotation in reported speech": "P",
      "Indirect speech": "I",
      "Reported thought or belief": "T",
    };
    const wide = drawn(kindShares(articles, { width: 700 }));
    const drawnParts = wide.parts.filter((p) => p.width > 0);
    expect(drawnParts).toHaveLength(5);
    for (const part of drawnParts) expect(part.letter, part.label).toBe(kindLetter[part.label as keyof typeof kindLetter]);
    expect(wide.legend.map((item) => item![0])).toEqual(["D", "P", "I", "T"]);
    // At the narrowest chart (480 px, 270 for the bars) 39 in 40 is 263 px, 1 in 40 is 7 px: no letter.
    const thin = drawn(kindShares([{ ...articles[0]!, byKind: { direct: 39, mixed: 0, indirect: 0, thought: 1 } }], { width: 0 }));
    expect(thin.parts.filter((p) => p.width > 0).map((p) => [p.label, p.letter])).toEqual([
      ["Direct quotation", "D"],
      ["Reported thought or belief", null],
    ]);
  });
});

describe("letterLegend(items)", () => {
  it("draws each letter on its colour in black or white, whichever contrasts more, before the label", () => {
    const legend = letterLegend([
      { label: "Dark", color: "#000000", symbol: "K" },
      { label: "Light", color: "#dddddd", symbol: "L" },
    ]);
    const dots = [...legend.querySelectorAll<HTMLElement>(".legend-dot")];
    expect(dots.map((d) => [d.textContent, d.style.color])).toEqual([
      ["K", "white"],
      ["L", "black"],
    ]);
    expect(legend.textContent).toBe("KDarkLLight");
  });
});
