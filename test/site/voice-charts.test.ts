// The speaker types' symbols and the colour drawn on them (src/components/voice-charts.ts), and what a
// filter announces (src/components/live-region.ts): issue 32.
import { describe, expect, it } from "vitest";
import { changeAnnouncer } from "../../src/components/live-region.ts";
import { textColorOn, VOICE_TYPES } from "../../src/components/voice-charts.ts";

describe("textColorOn(background)", () => {
  it("picks black or white by WCAG contrast, on either side of #767676 (4.54:1 with white, the usual reference)", () => {
    // #767676 is the lightest grey white text passes 4.5:1 on; black on it is 4.6:1, so black wins by a hair.
    expect(textColorOn("#767676")).toBe("black");
    expect(textColorOn("#737373")).toBe("white");
    expect(textColorOn("#000000")).toBe("white");
    expect(textColorOn("#ffffff")).toBe("black");
  });
  it("gives every speaker type a symbol of its own", () => {
    const symbols = VOICE_TYPES.map((t) => t.symbol);
    expect(new Set(symbols).size).toBe(VOICE_TYPES.length);
    expect(symbols.every((s) => s.length === 1)).toBe(true);
  });
});

describe("changeAnnouncer(region)", () => {
  it("says nothing for a topic's first state (the page loading) and each later change", () => {
    const region = { textContent: "" } as HTMLElement;
    const say = changeAnnouncer(region);
    say("articles", "5 of 5 articles match the filter.");
    say("grouping", "Compared by language: 2 groups.");
    expect(region.textContent).toBe("");
    say("articles", "1 of 5 articles match the filter.");
    expect(region.textContent).toBe("1 of 5 articles match the filter.");
    say("grouping", "Compared by outlet: 4 groups.");
    expect(region.textContent).toBe("Compared by outlet: 4 groups.");
  });
});
