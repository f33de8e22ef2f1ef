// What every analyser needs, loaded once per run and shared across articles: the codebooks, lexicons,
// gazetteers and models (pipeline/read-data-files.ts reads them), and the one term index per language
// built from them. analyze-article.ts re-exports it for the modules that analyse articles.
import { codebookStamp, type Codebook } from "../terms/codebook.ts";
import { indexTerms, type TermIndex } from "../terms/match-terms.ts";
import type { BoilerplatePatterns } from "../reading/boilerplate-patterns.ts";
import type { WinkNlp } from "../reading/nlp.ts";
import type { SpeechCues } from "../voices/speech-cues.ts";
import type { Gazetteer } from "../terms/gazetteer.ts";
import type { OutletGazetteer } from "../voices/outlets.ts";
import type { SentimentResources } from "../tone/score-sentiment.ts";
import type { AttributionModel } from "../voices/attribution-model.ts";
import type { AnalysisStamp, ArticleRecord, Language } from "../schema/record.ts";

/** What every analyser needs, loaded once per run and shared across articles. */
export interface AnalysisResources {
  /** The project's version and the fingerprint of the analysis code, written into every record. */
  readonly analysis: AnalysisStamp;
  readonly nlp: WinkNlp;
  /** wink with its part-of-speech tagger, for English cue sentences (reading/nlp.ts sharedTagger). */
  readonly tagger: WinkNlp;
  readonly boilerplate: BoilerplatePatterns;
  readonly framing: Codebook;
  readonly devices: Codebook;
  readonly speechCues: SpeechCues;
  readonly sentiment: SentimentResources;
  readonly gazetteer: Gazetteer;
  readonly outlets: OutletGazetteer;
  /** The learned cue detector and speaker ranker (English). */
  readonly attributionModel: AttributionModel;
  /** One term index per language over all codebooks, so one pass over an article's tokens finds every term. */
  readonly termIndex: Readonly<Record<Language, TermIndex>>;
  readonly scareMaxWords: number;
}

/** Groups of the combined term index: what each term list is matched as (readText sorts the matches by them). */
export const GROUPS = {
  frame: "frame",
  device: "device",
  cue: "cue",
  thought: "thought",
  objectCue: "object-cue",
  idiom: "idiom",
  sourcePreposition: "source-preposition",
  soCalled: "so-called",
  actor: "actor",
  outlet: "outlet",
  title: "title",
  group: "speaker-group",
  anonymous: "anonymous",
  document: "document",
  body: "body",
} as const;

/** Builds the combined per-language term index and the quotation settings from loaded codebooks. */
export function prepareResources(
  parts: Pick<
    AnalysisResources,
    | "analysis"
    | "nlp"
    | "tagger"
    | "boilerplate"
    | "framing"
    | "devices"
    | "speechCues"
    | "sentiment"
    | "gazetteer"
    | "outlets"
    | "attributionModel"
  >,
): AnalysisResources {
  const groups = [
    { group: GROUPS.frame, entries: parts.framing.entries },
    { group: GROUPS.device, entries: parts.devices.entries },
    { group: GROUPS.cue, entries: [parts.speechCues.cues, parts.speechCues.quoteCues, parts.speechCues.namingCues] },
    { group: GROUPS.thought, entries: [parts.speechCues.thoughtCues, parts.speechCues.clauseCues] },
    { group: GROUPS.objectCue, entries: [parts.speechCues.objectCues] },
    { group: GROUPS.idiom, entries: [parts.speechCues.idioms] },
    { group: GROUPS.sourcePreposition, entries: [parts.speechCues.sourcePrepositions] },
    { group: GROUPS.soCalled, entries: [parts.speechCues.soCalled] },
    { group: GROUPS.actor, entries: parts.gazetteer.actors },
    { group: GROUPS.outlet, entries: parts.outlets.outlets },
    { group: GROUPS.title, entries: parts.speechCues.speakers.titles },
    { group: GROUPS.group, entries: [parts.speechCues.speakers.groups] },
    { group: GROUPS.anonymous, entries: [parts.speechCues.speakers.anonymous] },
    { group: GROUPS.document, entries: [parts.speechCues.speakers.documents] },
    { group: GROUPS.body, entries: parts.speechCues.speakers.bodies },
  ];
  const scare = parts.devices.entries.find((entry) => entry.detector?.name === "scare-quotes");
  return {
    ...parts,
    termIndex: { en: indexTerms(groups, "en"), nl: indexTerms(groups, "nl") },
    scareMaxWords: scare?.detector?.maxWords ?? 4,
  };
}

/** The codebooks a record was made with. */
export function codebookStamps(resources: AnalysisResources): ArticleRecord["codebooks"] {
  return {
    framing: codebookStamp(resources.framing),
    devices: codebookStamp(resources.devices),
    speechCues: resources.speechCues.stamp,
    actors: resources.gazetteer.stamp,
    outlets: resources.outlets.stamp,
    attributionModel: resources.attributionModel.stamp,
  };
}
