import { francAll } from "franc-min";
import type { Language } from "../schema/record.ts";

const ISO_639_3: Readonly<Record<string, Language>> = { eng: "en", nld: "nl" };

/** Outcome of language identification: a supported language, or why none could be settled. */
export type LanguageDetection =
  { readonly language: Language; readonly code: string } | { readonly language: null; readonly code: string; readonly reason: string };

/**
 * Identifies the language of `text` with franc-min (trigram profiles of 82 languages, Wooorm, MIT).
 * All 82 languages compete, so a German or French article is reported as such instead of being forced
 * into English or Dutch.
 * @example detectLanguage("De regering heeft vandaag besloten dat de belastingen omhoog gaan.").language // "nl"
 */
export function detectLanguage(text: string): LanguageDetection {
  const ranked = francAll(text, { minLength: 20 });
  const code = ranked[0]?.[0] ?? "und";
  if (code === "und") return { language: null, code, reason: "the text is too short to identify its language" };
  const language = ISO_639_3[code];
  if (!language) return { language: null, code, reason: `the text looks like ISO 639-3 "${code}", which the analysers do not support` };
  return { language, code };
}
