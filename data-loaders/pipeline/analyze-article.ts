import { detectRhetoricalDevices } from "../terms/detect-devices.ts";
import { detectFramingMarkers } from "../terms/detect-framing-markers.ts";
import { findMarkup, maskRanges } from "../reading/find-markup.ts";
import { matchingView, offsetsToBody } from "../reading/matching-view.ts";
import { findQuotations, sentenceAt, type Quotation } from "../terms/find-quotations.ts";
import { lastStartingAtOrBefore } from "../terms/search-offsets.ts";
import { matchTerms, type TermMatch } from "../terms/match-terms.ts";
import { segmentBody } from "../reading/segment-body.ts";
import { articleSentiment } from "../tone/article-sentiment.ts";
import { actorTone } from "../tone/actor-tone.ts";
import { checkProvenance, detectOutlets } from "../voices/outlets.ts";
import { splitSentences } from "../reading/split-sentences.ts";
import { findSpeakerMentions } from "../voices/speaker-mentions.ts";
import { PRONOUN_REACH } from "../voices/mention-resolver.ts";
import { sentenceWords } from "../voices/sentence-words.ts";
import { attributeQuotes } from "../voices/attribute-quotes.ts";
import type { AttributionInput } from "../voices/attribution-text.ts";
import { detectCues, type DetectedCue } from "../voices/detect-cues.ts";
import type { CueReading } from "../voices/cue-features.ts";
import { RECORD_SCHEMA } from "../schema/record.ts";
import type { Article, ArticleRecord, Block, DeviceMarker, FramingMarker, Language, OutletRecord, Sentence } from "../schema/record.ts";
import type { Token } from "../reading/token.ts";
import { codebookStamps, GROUPS, type AnalysisResources } from "./analysis-resources.ts";

export { codebookStamps, prepareResources, type AnalysisResources } from "./analysis-resources.ts";

/** The article's text prepared for the analysers: masked body, blocks, sentences, tokens, term matches, quotations. */
export interface ReadText {
  readonly masked: string;
  readonly markup: Array<[number, number]>;
  readonly blocks: Block[];
  readonly sentences: Sentence[];
  readonly tokens: Token[];
  /** Universal POS tags by body offset (English articles), or null. */
  readonly tags: ReadonlyMap<number, string> | null;
  /** Term matches of every codebook, by group. */
  readonly matches: Readonly<Record<keyof typeof GROUPS, TermMatch[]>>;
  readonly quotations: Quotation[];
}

/** The key of ReadText's `matches` that holds each group's matches. */
const BY_GROUP = new Map<string, keyof typeof GROUPS>(Object.entries(GROUPS).map(([key, group]) => [group, key as keyof typeof GROUPS]));

/** Masks markup, segments the body, splits it into sentences and tokens, matches terms and finds quotations. */
export function readText(text: string, language: Language, resources: AnalysisResources): ReadText {
  const markup = findMarkup(text);
  const masked = maskRanges(text, markup);
  const blocks = segmentBody(text, masked, resources.boilerplate);
  // English is read with wink's tagger in the same pass: attribution reads the tags (voices/verb-reading.ts).
  const { sentences, tokens, tags } = splitSentences(language === "en" ? resources.tagger : resources.nlp, masked, blocks);
  const matches = Object.fromEntries(Object.keys(GROUPS).map((key) => [key, []])) as unknown as Record<keyof typeof GROUPS, TermMatch[]>;
  for (const match of matchTerms(masked, tokens, resources.termIndex[language])) matches[BY_GROUP.get(match.group)!].push(match);
  // A capitalised cue inside a sentence is part of a name ("United States"), not a speech verb.
  const isName = (m: TermMatch) =>
    /^\p{Lu}/u.test(masked[m.start]!) &&
    !/^[\s"'“”„‘’«»(*#–—-]*$/u.test(masked.slice(sentences[sentenceAt(sentences, m.start)]?.start ?? 0, m.start));
  // A cue word inside a listed idiom ("head of state", "voor het zeggen hebben") is no cue either.
  const idioms = matches.idiom;
  const inIdiom = (m: TermMatch) => {
    const i = lastStartingAtOrBefore(idioms, m.start);
    return i >= 0 && idioms[i]!.end >= m.end;
  };
  matches.cue = matches.cue.filter((m) => !isName(m) && !inIdiom(m));
  matches.thought = matches.thought.filter((m) => !isName(m) && !inIdiom(m));
  const quotations = findQuotations(masked, blocks, sentences, tokens, {
    scareMaxWords: resources.scareMaxWords,
    cues: matches.cue,
    soCalled: matches.soCalled,
  });
  return { masked, markup, blocks, sentences, tokens, tags, matches, quotations };
}

/**
 * Analyses one article into its published record. Pure: the same article and resources always give the
 * same record (no clock, no randomness, fields in a fixed order). The analysers read the article's
 * matching view (reading/matching-view.ts: no invisible characters, letters composed), so "Heg\u200Bemon"
 * and a decomposed "Oekraïne" are found; every offset of the record is then moved back to the verbatim
 * body, which the record keeps as `text`, and the surface forms are read from it.
 */
export function analyzeArticle(
  article: Article,
  resources: AnalysisResources,
  stamps: ArticleRecord["codebooks"] = codebookStamps(resources),
): ArticleRecord {
  const view = matchingView(article.text);
  if (!view.maps) return analyzeView(article, resources, stamps);
  const record = offsetsToBody(analyzeView({ ...article, text: view.text }, resources, stamps), view.maps);
  const surface = (m: { readonly start: number; readonly end: number }) => article.text.slice(m.start, m.end);
  return {
    ...record,
    markers: record.markers.map((m) => ({ ...m, term: surface(m) })),
    devices: record.devices.map((d) => ({ ...d, term: surface(d) })),
    actors: { ...record.actors, mentions: record.actors.mentions.map((m) => ({ ...m, term: surface(m) })) },
    text: article.text,
  };
}

function analyzeView(
  article: Article,
  resources: AnalysisResources,
  stamps: ArticleRecord["codebooks"] = codebookStamps(resources),
): ArticleRecord {
  const read = readText(article.text, article.language, resources);
  const words = read.tokens.reduce((n, token) => n + (token.type === "word" ? 1 : 0), 0);
  const { title, titleSource } = displayTitle(article, read);
  const markers: FramingMarker[] = detectFramingMarkers(article.text, read.matches.frame, read.sentences, read.quotations);
  const devices: DeviceMarker[] = detectRhetoricalDevices(
    article.text,
    read.masked,
    read.matches.device,
    read.sentences,
    read.quotations,
    resources.devices,
  );
  const outlets = detectOutlets(read.masked, read.blocks, read.matches.outlet, resources.outlets, resources.speechCues, article.language);
  const attributions = attributeQuotes(attributionInput(read, article.language, outlets, resources));
  const sentiment = articleSentiment(article.language, read.blocks, read.sentences, read.tokens, read.quotations, resources.sentiment);
  return {
    schema: RECORD_SCHEMA,
    analysis: resources.analysis,
    codebooks: stamps,
    id: article.id,
    language: article.language,
    languageSource: article.languageSource,
    title,
    titleSource,
    words,
    sentences: read.sentences,
    blocks: read.blocks,
    markup: read.markup,
    quotations: read.quotations.map(({ start, end, kind, reason, sentence }) => ({ start, end, kind, reason, sentence })),
    markers,
    devices,
    sentiment,
    actors: actorTone(
      read.matches.actor,
      article.text,
      read.blocks,
      read.sentences,
      sentiment,
      resources.gazetteer,
      resources.sentiment.rules[article.language].negativeSentenceWeight,
    ),
    outlets,
    attributions,
    provenanceCheck: checkProvenance(article.meta, outlets, resources.outlets),
    meta: article.meta,
    text: article.text,
  };
}

/**
 * What source attribution reads of an article: in English the learned detector's cues and the learned
 * speaker ranker (the model file), or, when the file has a pair model, the detector's cues from the pair
 * model's floor and the pair model to keep them and name their speakers (voices/pair-model.ts); in Dutch the lists' cues and the first sieve that finds a speaker; the
 * words and speaker mentions of the sentences around cues and quotations. `givenCues` replaces the cue
 * detector (scripts/compare-attribution-designs.ts measures other detectors this way).
 */
export function attributionInput(
  read: ReadText,
  language: Language,
  outlets: readonly OutletRecord[],
  resources: AnalysisResources,
  givenCues?: readonly DetectedCue[],
): AttributionInput {
  const model = resources.attributionModel;
  const pair = language === "en" ? model.pair : null;
  // With the pair model the detector proposes cues from its floor, and the pair model decides which stay.
  const learnedCues =
    givenCues ?? (language === "en" && model.cue ? detectCues(cueReading(read, resources), model.cue, pair?.cueFloor) : null);
  const words = sentenceWords(read.masked, read.blocks, read.sentences, read.quotations, attributionSentences(read, learnedCues));
  return {
    text: read.masked,
    language,
    blocks: read.blocks,
    sentences: read.sentences,
    words,
    quotations: read.quotations,
    cues: read.matches.cue,
    sourcePrepositions: read.matches.sourcePreposition,
    thoughtCues: read.matches.thought,
    objectCues: read.matches.objectCue,
    learnedCues,
    speakerModel: language === "en" ? model.speaker : null,
    pairDecision:
      pair && model.cue
        ? {
            model: pair,
            accept: model.cue.threshold,
            pairThreshold: pair.pairThreshold,
            speakerThreshold: pair.speakerThreshold,
            ranker: null,
          }
        : null,
    speakerHeads: model.speakerHeads,
    tags: read.tags,
    mentions: findSpeakerMentions(read.masked, language, words, read.matches, resources),
    outlets,
    speechCues: resources.speechCues,
  };
}

/**
 * The sentences source attribution reads: those with a speech cue (the learned detector's in English, the
 * lists' in Dutch) or a direct quotation (and the sentence
 * of a colon before one), each with the PRONOUN_REACH sentences before it, where the names that pronouns
 * and surnames refer back to stand. Reading only these keeps attribution cheap on long articles.
 */
function attributionSentences(read: ReadText, learnedCues: readonly DetectedCue[] | null): Set<number> {
  const anchors = new Set<number>();
  for (const cue of learnedCues ?? [...read.matches.cue, ...read.matches.thought]) anchors.add(sentenceAt(read.sentences, cue.start));
  for (const q of read.quotations) {
    if (q.kind !== "direct") continue;
    const last = sentenceAt(read.sentences, q.end - 1);
    for (let i = Math.max(0, q.sentence - 1); i <= last; i++) anchors.add(i);
  }
  const only = new Set<number>();
  for (const i of anchors) for (let j = Math.max(0, i - PRONOUN_REACH); j <= i; j++) only.add(j);
  return only;
}

/** What the learned cue detector reads of an English article. */
export function cueReading(read: ReadText, resources: AnalysisResources): CueReading {
  const { masked: text, tokens, sentences, blocks, quotations, matches } = read;
  return {
    text,
    tokens,
    // An article without tokens has no tags.
    tags: read.tags ?? new Map(),
    sentences,
    blocks,
    quotations,
    determiners: resources.speechCues.speakers.grammar.determiners.en,
    lists: {
      cue: matches.cue,
      thought: matches.thought,
      objectCue: matches.objectCue,
      sourcePreposition: matches.sourcePreposition,
      idiom: matches.idiom,
    },
  };
}

const TITLE_WORDS = 12;

function displayTitle(article: Article, read: ReadText): Pick<ArticleRecord, "title" | "titleSource"> {
  if (article.meta.title) return { title: article.meta.title, titleSource: "front-matter" };
  const first = read.blocks.find((block) => block.kind === "heading" || block.kind === "paragraph");
  const collapse = (start: number, end: number) => read.masked.slice(start, end).replace(/\s+/g, " ").trim();
  if (first?.kind === "heading") return { title: collapse(first.start, first.end), titleSource: "first-heading" };
  const sentence = read.sentences[0];
  const words = sentence ? collapse(sentence.start, sentence.end).split(" ") : [article.id];
  const title = words.length > TITLE_WORDS ? `${words.slice(0, TITLE_WORDS).join(" ")} …` : words.join(" ");
  return { title, titleSource: "opening-words" };
}
