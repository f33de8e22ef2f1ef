import type { Token } from "../reading/token.ts";

/**
 * The kinds of token the cue detector may score beyond its two first families, verbs (wink's tag VERB)
 * and the speech-cue lists' words, which it always scores. Each is a family of annotated cues those two
 * miss (PolNeAR's development part: about a tenth of its cues have no verb or listed word):
 * - `noun` every noun (tag NOUN): "criticism of", "his plan", "support for", "a statement";
 * - `framed-noun` a noun in a reporting frame only: after a possessive ("Trump's plan", "his view") or
 *   before a preposition, "that" or a colon ("criticism of", "the claim that", "his answer:");
 * - `adjective` an adjective followed by a preposition, "that" or "to": "critical of", "wary of", "sure that";
 * - `colon` a colon in running text: "Trump: …", the annotated cue of a quotation introduced by a name.
 * A model names the families it was fitted with (corpus/models/attribution.json `cue.candidates`); a
 * model that names none scores verbs and listed words only, as before model 1.2.0.
 */
export const CUE_FAMILIES = ["noun", "framed-noun", "adjective", "colon"] as const;

/** One of the optional candidate families (see CUE_FAMILIES). */
export type CueFamily = (typeof CUE_FAMILIES)[number];

/** Words that, right after an adjective, make it a candidate ("critical of", "sure that", "eager to"). */
const ADJECTIVE_COMPLEMENTS = new Set(["that", "to", "whether"]);

/** Possessive words before a noun ("Trump's plan", "his criticism"): the owner is often the source. */
const POSSESSIVES = new Set(["'s", "’s", "his", "her", "their", "its", "our", "my", "your"]);

/**
 * The optional family token i belongs to among `families`, or null: a noun, an adjective before a
 * preposition or complement, a colon. Verbs and listed words are decided by the caller.
 * @example candidateFamily(tokens, tags, 3, new Set(["noun"])) // "noun" when token 3 is tagged NOUN
 */
export function candidateFamily(
  tokens: readonly Token[],
  tags: ReadonlyMap<number, string>,
  i: number,
  families: ReadonlySet<CueFamily>,
): CueFamily | null {
  if (!families.size) return null;
  const token = tokens[i]!;
  if (token.type === "punctuation") return families.has("colon") && token.value === ":" ? "colon" : null;
  if (token.type !== "word") return null;
  const tag = tags.get(token.start);
  if (tag === "NOUN") {
    if (families.has("noun")) return "noun";
    return families.has("framed-noun") && inReportingFrame(tokens, tags, i) ? "framed-noun" : null;
  }
  if (tag !== "ADJ" || !families.has("adjective")) return null;
  const next = tokens[i + 1];
  if (!next || next.sentence !== token.sentence) return null;
  return tags.get(next.start) === "ADP" || ADJECTIVE_COMPLEMENTS.has(next.value.toLowerCase()) ? "adjective" : null;
}

/** Whether noun i stands after a possessive or before a preposition, "that" or a colon in its sentence. */
function inReportingFrame(tokens: readonly Token[], tags: ReadonlyMap<number, string>, i: number): boolean {
  const s = tokens[i]!.sentence;
  const before = tokens[i - 1];
  if (before?.sentence === s && POSSESSIVES.has(before.value.toLowerCase())) return true;
  const next = tokens[i + 1];
  return !!next && next.sentence === s && (tags.get(next.start) === "ADP" || next.value === ":" || next.value.toLowerCase() === "that");
}

/**
 * The features only a widened candidate has, each a reader can check: `family=` its family, and for a
 * noun `after-possessive` ("Trump's criticism", "his plan") and `noun-complement=` the preposition or
 * complementizer after it ("of", "for", "that"; "none" otherwise).
 * @example familyFeatures(tokens, tags, i, "noun") // ["family=noun", "after-possessive", "noun-complement=of"]
 */
export function familyFeatures(tokens: readonly Token[], tags: ReadonlyMap<number, string>, i: number, family: CueFamily): string[] {
  const features = [`family=${family}`];
  if (family !== "noun" && family !== "framed-noun") return features;
  const s = tokens[i]!.sentence;
  const before = tokens[i - 1];
  if (before?.sentence === s && POSSESSIVES.has(before.value.toLowerCase())) features.push("after-possessive");
  const next = tokens[i + 1];
  const complement =
    next?.sentence === s && (tags.get(next.start) === "ADP" || next.value.toLowerCase() === "that") ? next.value.toLowerCase() : "none";
  features.push(`noun-complement=${complement}`);
  return features;
}
