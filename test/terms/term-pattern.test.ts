import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileTerm, leadingWord } from "../../data-loaders/terms/term-pattern.ts";

/** The whole-word matches of `term` in `text`, trying every word start like the matcher does. */
function matches(term: string, text: string, caseSensitive = false): string[] {
  const { regex } = compileTerm(term, { caseSensitive });
  const out: string[] = [];
  for (const start of text.matchAll(/(?<![\p{L}\p{M}\p{N}])[\p{L}\p{N}]/gu)) {
    regex.lastIndex = start.index;
    const m = regex.exec(text);
    if (m) out.push(m[0]);
  }
  return out;
}

describe("compileTerm(term): English inflection", () => {
  const hegemon = ["hegemon{,s}", "hegemon{y,ies,ic,ical,ically,ism,ist,ists,ial}"];
  it.each(["hegemon", "hegemons", "hegemony", "hegemonic", "Hegemon's", "Hegemon’s", "HEGEMONY"])("matches %s", (word) => {
    expect(hegemon.some((term) => matches(term, `the ${word} rules`).length === 1)).toBe(true);
  });
  it("matches multipolar, multipolarity and multi-polar", () => {
    expect(matches("multi{-,}polar{,ity,ism}", "multipolar, multipolarity and multi-polar worlds")).toEqual([
      "multipolar",
      "multipolarity",
      "multi-polar",
    ]);
  });
  it("matches vassal, vassals and vassalage but not Vassalboro", () => {
    expect(matches("vassal{,s,age}", "vassal vassals vassalage Vassalboro")).toEqual(["vassal", "vassals", "vassalage"]);
  });
});

describe("compileTerm(term): Dutch inflection and compounds", () => {
  it("matches hegemonie, hegemonische and the compound dollarhegemonie", () => {
    expect(matches("hegemon{ie,isch,ische}", "hegemonie en hegemonische")).toEqual(["hegemonie", "hegemonische"]);
    expect(matches("*hegemonie", "de dollarhegemonie en wereldhegemonie")).toEqual(["dollarhegemonie", "wereldhegemonie"]);
  });
  it("matches multipolaire and multipolariteit", () => {
    expect(matches("multi{-,}polai{r,re}", "een multipolaire wereld")).toEqual(["multipolaire"]);
    expect(matches("multi{-,}polariteit", "multipolariteit")).toEqual(["multipolariteit"]);
  });
  it("matches vazal, vazallen and the compound vazalstaat with vazal*", () => {
    expect(matches("vazal*", "een vazal, de vazallen, een vazalstaat")).toEqual(["vazal", "vazallen", "vazalstaat"]);
  });
  it("matches the first part of a hyphenated compound: vazal-staat, VS-hegemonie", () => {
    expect(matches("vazal*", "een vazal-staat")).toEqual(["vazal"]);
    expect(matches("*hegemonie", "de VS-hegemonie")).toEqual(["hegemonie"]);
  });
  it("matches a coined -stan word with *-stan, but not a country name", () => {
    expect(matches("*-stan", "buiten NAVO-stan, Pakistan en Kazachstan")).toEqual(["NAVO-stan"]);
  });
});

describe("compileTerm(term): phrases", () => {
  it("matches a phrase across a space, a hyphen, a line break or a non-breaking hyphen", () => {
    const term = "rules-based {,international }order";
    expect(matches(term, "the rules-based order, a rules based international order, rules-based\norder, rules‑based order")).toHaveLength(
      4,
    );
  });
  it("matches the Dutch phrase with and without internationale, and as wereldorde", () => {
    const term = "op regels gebaseerde {,internationale }{,wereld}orde";
    expect(matches(term, "de op regels gebaseerde orde")).toEqual(["op regels gebaseerde orde"]);
    expect(matches(term, "de “op regels gebaseerde internationale orde”")).toEqual(["op regels gebaseerde internationale orde"]);
    expect(matches(term, "een op regels gebaseerde wereldorde")).toEqual(["op regels gebaseerde wereldorde"]);
  });
  it("does not match a phrase whose words are run together", () => {
    expect(matches("rules-based order", "rulesbased order")).toEqual([]);
  });
  it("makes a hyphen optional inside braces", () => {
    expect(matches("de{-,}dollari{s,z}ation", "de-dollarization and dedollarisation")).toEqual(["de-dollarization", "dedollarisation"]);
  });
});

describe("compileTerm(term): the word rule", () => {
  it("never matches a word that merely contains the term", () => {
    expect(matches("hegemon{,s}", "chegemons antihegemons hegemonstrate")).toEqual([]);
    expect(matches("vassal{,s}", "Vassalboro covassals")).toEqual([]);
  });
  it("matches only where the term starts a word, even with a wildcard at the end", () => {
    expect(matches("vazal*", "anti-vazal antivazal")).toEqual(["vazal"]);
  });
  it("does not end a match inside a word joined by an apostrophe, but takes a possessive", () => {
    expect(matches("Xi", "Xi’an and Xi's visit", true)).toEqual(["Xi's"]);
    expect(matches("regio", "de regio's", false)).toEqual(["regio's"]);
  });
  it("is case-insensitive unless the term is case-sensitive", () => {
    expect(matches("hegemon", "Hegemon HEGEMON hegemon")).toHaveLength(3);
    expect(matches("Hegemon", "Hegemon HEGEMON hegemon", true)).toEqual(["Hegemon"]);
  });
  it("property: a term never matches inside a longer word", () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z]{1,6}$/), fc.stringMatching(/^[a-z]{1,6}$/), (prefix, suffix) => {
        expect(matches("hegemon", `${prefix}hegemon${suffix}`)).toEqual([]);
      }),
    );
  });
});

describe("compileTerm(term) rejects what could fail or run away", () => {
  it.each([
    ["", /is empty/],
    ["a*", /needs at least 4 letters/],
    ["heg*emon", /only stand at the start or end of a word/],
    ["he{ge", /unclosed "\{"/],
    ["he}ge", /"}" without "\{"/],
    ["{a,{b,c}}", /cannot be nested/],
    ["(a|b)+", /not regular expressions/],
    ["-stan", /must not start or end with a hyphen/],
    ["**hegemon", /"\*\*" is not allowed/],
    ["x{a,b}{c,d}{e,f}{g,h}{i,j}{k,l}{m,n}", /more than 64 forms/],
    ["* of", /needs at least 4 letters/],
    ["{single}", /at least two alternatives/],
  ])("rejects %j", (term, message) => {
    expect(() => compileTerm(term)).toThrow(message);
  });

  it("compiles patterns without nested quantifiers, so matching time grows linearly", () => {
    for (const term of ["*hegemonie", "vazal*", "*-stan", "rules-based {,international }order"]) {
      expect(compileTerm(term).regex.source).not.toMatch(/\)[*+]\)?[*+]|\][*+]\)[*+]/);
    }
  });
});

describe("leadingWord(text)", () => {
  it("stops at the first character that is not a letter, mark or digit", () => {
    expect([
      leadingWord("Hegemon’s"),
      leadingWord("non-interference"),
      leadingWord("U.S."),
      leadingWord("’s"),
      leadingWord("België"),
    ]).toEqual(["Hegemon", "non", "U", "", "België"]);
  });
});

describe("compileTerm(term): index word", () => {
  it("indexes a phrase with a short first word by its longest word, counting the words before it", () => {
    expect([compileTerm("{the,The} West").words, compileTerm("{the,The} West").wordOffsets]).toEqual([["west"], [1]]);
    expect([compileTerm("it is {clear,obvious} that").words, compileTerm("it is {clear,obvious} that").wordOffsets]).toEqual([
      ["that"],
      [3],
    ]);
    expect([
      compileTerm("op regels gebaseerde {,internationale }{,wereld}orde").words,
      compileTerm("op regels gebaseerde {,internationale }{,wereld}orde").wordOffsets,
    ]).toEqual([["gebaseerde"], [2]]);
  });
  it("never anchors after a hyphenated or apostrophised word, whose token count the tokenizer decides", () => {
    expect(compileTerm("non-interference").wordOffsets).toEqual([]);
    expect(compileTerm("rules-based {,international }order").wordOffsets).toEqual([]);
  });
  it("finds anchored phrases in running text", async () => {
    const { analyzeText } = await import("../helpers.ts");
    const devices = analyzeText("Of course it is clear that the West, in fact, knows.").devices.map((d) => d.term);
    expect(devices).toEqual(expect.arrayContaining(["Of course", "it is clear that", "in fact"]));
  });
});

describe("compileTerm(term): Unicode normalisation", () => {
  // Texts are matched in their matching view (NFC); a codebook saved decomposed must match all the same.
  it("matches a term saved in NFD (hegemonieën as e + combining diaeresis) in composed text, keeping the term as written", () => {
    const decomposed = "hegemon{ie,ieën}".normalize("NFD");
    expect(decomposed).not.toBe("hegemon{ie,ieën}");
    expect(matches(decomposed, "De hegemonieën en de hegemonie.")).toEqual(["hegemonieën", "hegemonie"]);
    expect(compileTerm(decomposed).source).toBe(decomposed);
  });
  it("indexes an NFD term by its composed leading word, as the tokens are keyed", () => {
    expect(compileTerm("Eurazië".normalize("NFD")).words).toEqual(["eurazië"]);
    expect(compileTerm("cliëntsta{at,ten}".normalize("NFD")).literal).toBe("cliëntsta");
  });
});
