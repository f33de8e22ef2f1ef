/**
 * Texts that stress source attribution, for `npm run bench`: one unpunctuated run of speech verbs and names
 * (every word a cue or a possible speaker, the sentence as long as the text), and three variants (pronouns,
 * quotations, commas and appositions), each against a plain text of the same length. Time per word must
 * stay flat as they grow: every per-cue look-up is bounded or indexed.
 */

/** The repeated units of each stressing text, made up for the bench. */
const UNITS: Readonly<Record<string, readonly string[]>> = {
  "names and verbs": ["Vladimir Putin said", "Sergey Lavrov told", "Xi Jinping claimed", "Anna Brook stated", "Mark Stone added"],
  pronouns: ["he said", "she told", "they claimed", "Putin said", "Lavrov told"],
  quotations: ["“We win,” Putin said", "Lavrov told", "“No,” she added", "according to Xi"],
  appositions: ["Putin, the president,", "said", "Lavrov, a minister,", "told"],
  plain: ["the economy grew", "prices rose sharply", "trade fell again"],
};

/** The stressing texts of about `words` words each, by name (with no full stop: one sentence each). */
export function speechDenseTexts(words: number): Array<{ name: string; text: string }> {
  return Object.entries(UNITS).map(([name, units]) => {
    const parts: string[] = [];
    for (let i = 0, n = 0; n < words; i++) {
      const unit = units[i % units.length]!;
      parts.push(unit);
      n += unit.split(" ").length;
    }
    return { name, text: parts.join(" ") };
  });
}
