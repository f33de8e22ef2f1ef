import { z } from "zod";

/**
 * Every closed list of values the record and the site outputs use, defined once. Types, schemas, pages and
 * the data dictionary all read these; add a value here and everything that lists them follows.
 */

/** Languages the analysers support. */
export const languageSchema = z.enum(["en", "nl"]);
/** Where an article's language came from: declared in its metadata, or identified by franc-min. */
export const languageSourceSchema = z.enum(["declared", "detected"]);
/** Where the display title came from. */
export const titleSourceSchema = z.enum(["front-matter", "first-heading", "opening-words"]);
/** Kinds of block a body is segmented into; only paragraph sentences count toward tone and rates. */
export const blockKindSchema = z.enum(["heading", "paragraph", "boilerplate", "source-line"]);
/** A quoted span is a direct quotation or a scare quote. */
export const quotationKindSchema = z.enum(["direct", "scare"]);
/** The rule that decided a quotation's kind. */
export const quotationReasonSchema = z.enum(["so-called", "unclosed", "full-sentence", "long", "has-speech-cue", "short-without-cue"]);
/**
 * What kind of voice a speaker is: a government or official (ministers, ministries, governments and their
 * leaders), state media, other media (journalists and outlets), an expert or analyst, a document (treaty,
 * statement, statistics), an anonymous single source ("een kennis", "sources"), an unnamed group ("Chinese
 * analysts"), or "other" (a named person whose role the text does not give).
 */
export const speakerTypeSchema = z.enum([
  "government",
  "state-media",
  "other-media",
  "expert",
  "document",
  "anonymous",
  "unnamed-group",
  "other",
]);
/** Speaker types as the pages count them: "unresolved" is an attribution with no speaker found. */
export const voiceTypeSchema = z.enum([...speakerTypeSchema.options, "unresolved"]);
/**
 * Direct quotation, a quoted phrase inside reported speech, reported speech without quotation marks, or a
 * reported thought, belief or intention ("X believes that …", "Y vreest dat …").
 */
export const attributionKindSchema = z.enum(["direct", "mixed", "indirect", "thought"]);
/** How a speaker's name was reached from the words that refer to it ("phrase": the noun phrase before or after the cue, not a known name). */
export const resolvedBySchema = z.enum(["name", "title", "title-reference", "pronoun", "relative", "surname", "phrase"]);
/**
 * The rule that found an attribution's cue: a cue right after the quotation (`“…,” he said`), the nearest
 * cue before it (`X said that “…”`), a colon before it, the attribution of the quotation before it (a
 * follow-on quotation with no cue of its own), a reporting verb, a verb of thought, or a source preposition.
 */
export const cueRuleSchema = z.enum([
  "cue-after-quote",
  "cue-before-quote",
  "colon-introduction",
  "follow-on-quotation",
  "reporting-verb",
  "thought-verb",
  "source-preposition",
  "cue-model",
]);
/** The sieve that found an attribution's speaker (data-loaders/voices/speaker-sieves.ts, in the order they are tried). */
export const speakerRuleSchema = z.enum([
  "source-preposition",
  "passive-agent",
  "participle-cue",
  "inverted-cue",
  "same-subject",
  "subject-before-cue",
  "appositive-subject",
  "subject-phrase",
  "coordinated-verb",
  "dutch-inversion",
  "apposition",
  "colon-introduction",
  "follow-on-quotation",
  "speaker-model",
]);
/** Kinds of outlet in the outlet gazetteer. */
export const outletKindSchema = z.enum(["state-media", "other-media"]);
/** How a text names an outlet: cites it, names it in an origin line, credits an author, or credits a news agency with its copy. */
export const outletRoleSchema = z.enum(["cited", "origin", "author-credit", "wire-credit"]);
/** How a text states where it came from (derived from the metadata's provenance). */
export const provenanceKindSchema = z.enum(["origin-line", "wire-credit", "summary", "translation", "credited-author", "not-stated"]);
/** Where an article's source for grouping comes from: the declared outlet, else what its text states. */
export const sourceBasisSchema = z.enum(["declared", "origin-line", "wire-credit", "summary", "credited-author", "none"]);

export const LANGUAGES = languageSchema.options;
export const VOICE_TYPES = voiceTypeSchema.options;

export type Language = z.infer<typeof languageSchema>;
export type LanguageSource = z.infer<typeof languageSourceSchema>;
export type QuotationKind = z.infer<typeof quotationKindSchema>;
export type QuotationReason = z.infer<typeof quotationReasonSchema>;
export type BlockKind = z.infer<typeof blockKindSchema>;
export type SpeakerType = z.infer<typeof speakerTypeSchema>;
export type VoiceType = z.infer<typeof voiceTypeSchema>;
export type AttributionKind = z.infer<typeof attributionKindSchema>;
export type CueRule = z.infer<typeof cueRuleSchema>;
export type SpeakerRule = z.infer<typeof speakerRuleSchema>;
export type ProvenanceKind = z.infer<typeof provenanceKindSchema>;
export type SourceBasis = z.infer<typeof sourceBasisSchema>;

/**
 * An article's licence (front matter or import field `licence`, or the corpus default `LICENCE`): SPDX ids
 * for the open ones. Only the open licences let the public build publish an article's text.
 */
export const licenceSchema = z.enum(["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "public-domain", "all-rights-reserved", "unknown"]);
/** The licences under which the public build publishes an article's text in full, with its attribution. */
export const OPEN_LICENCES: ReadonlySet<z.infer<typeof licenceSchema>> = new Set(["CC-BY-4.0", "CC-BY-SA-4.0", "CC0-1.0", "public-domain"]);
