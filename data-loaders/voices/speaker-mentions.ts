import { MentionScanner } from "./mention-scanner.ts";
import type { ScanResources } from "./scanner-words.ts";
import { resolve } from "./mention-resolver.ts";
import type { SpeakerMatches, SpeakerMention, Word } from "./mention-types.ts";
import type { Language, Span } from "../schema/record.ts";

/**
 * Finds every speaker mention in the analysed sentences and resolves it to a canonical name and a type:
 * - titled people ("minister van Buitenlandse Zaken Sergey Lavrov", "onderzoeker Damjan Krnjevic-Miskovic")
 *   and people with a title in apposition ("Danila Krylov, onderzoeker bij …"), typed by the title;
 * - a title with no name ("the CNN correspondent"): the outlet it names, or the title itself;
 * - leaders of the actor gazetteer under any alias (Poetin → Vladimir Putin), typed government;
 * - named bodies with one name across languages (ministerie van Buitenlandse Zaken → Ministry of Foreign
 *   Affairs, with the nationality before it), countries and blocs (Peking → China), outlets (typed by kind);
 * - unnamed groups ("Chinese analisten"), anonymous sources ("een kennis"), documents ("Artikel 4 van het
 *   verdrag", "douanecijfers");
 * - other names: two to four capitalised words that are not an organisation or place (typed "other");
 * - back-references: a surname of a person named earlier, he/she/hij/zij (the last person named within
 *   three sentences), they (the last group or body), and a relative pronoun right after a name ("…, die").
 * A person's type is the first one any of their mentions gives. Mentions inside quotation marks are left
 * out: a quoted speaker speaks, the people they name do not.
 */
export function findSpeakerMentions(
  text: string,
  language: Language,
  words: readonly Word[],
  matches: SpeakerMatches,
  resources: ScanResources,
): SpeakerMention[] {
  const raw = new MentionScanner(text, language, words, matches, resources).scan();
  const wordIndexAt = new Map(words.map((w, i) => [w.start, i]));
  return resolve(text, language, words, wordIndexAt, keepLongest(raw), resources.speechCues);
}

/** Of overlapping mentions, keeps the longest (the first found on a tie). */
function keepLongest<T extends Span>(mentions: readonly T[]): T[] {
  const order = mentions.map((m, i) => ({ m, i })).sort((a, b) => b.m.end - b.m.start - (a.m.end - a.m.start) || a.i - b.i);
  // Characters already covered by a longer mention (a mask, so the check costs the mention's length, not
  // the number of mentions kept).
  const covered = new Uint8Array(mentions.reduce((max, m) => Math.max(max, m.end), 0));
  const kept: T[] = [];
  for (const { m } of order) {
    if (covered.subarray(m.start, m.end).includes(1)) continue;
    covered.fill(1, m.start, m.end);
    kept.push(m);
  }
  return kept.sort((a, b) => a.start - b.start);
}
