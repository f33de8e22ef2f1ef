import type { BoilerplatePatterns } from "./boilerplate-patterns.ts";
import { findMarkup, maskRanges } from "./find-markup.ts";
import type { WinkNlp } from "./nlp.ts";
import { segmentBody } from "./segment-body.ts";
import { splitSentences } from "./split-sentences.ts";
import type { Article, ArticleRecord, Block, Sentence, Token } from "./types.ts";

/** Identifies the record format; bump the suffix when a field changes meaning or disappears. */
export const RECORD_SCHEMA = "framing-notebooks/article-record@1";

/** What every analyser needs, loaded once per run and shared across articles. */
export interface AnalysisResources {
  readonly nlp: WinkNlp;
  readonly boilerplate: BoilerplatePatterns;
}

/** The article's text prepared for the analysers: masked body, blocks, sentences, tokens. */
export interface ReadText {
  readonly masked: string;
  readonly markup: Array<[number, number]>;
  readonly blocks: Block[];
  readonly sentences: Sentence[];
  readonly tokens: Token[];
}

/** Masks markup, segments the body and splits it into sentences and tokens. */
export function readText(text: string, resources: AnalysisResources): ReadText {
  const markup = findMarkup(text);
  const masked = maskRanges(text, markup);
  const blocks = segmentBody(text, masked, resources.boilerplate);
  const { sentences, tokens } = splitSentences(resources.nlp, masked, blocks);
  return { masked, markup, blocks, sentences, tokens };
}

/**
 * Analyses one article into its published record. Pure: the same article and resources always give the
 * same record (no clock, no randomness, fields in a fixed order).
 */
export function analyzeArticle(article: Article, resources: AnalysisResources): ArticleRecord {
  const read = readText(article.text, resources);
  const words = read.tokens.reduce((n, token) => n + (token.type === "word" ? 1 : 0), 0);
  const { title, titleSource } = displayTitle(article, read);
  return {
    schema: RECORD_SCHEMA,
    id: article.id,
    language: article.language,
    languageSource: article.languageSource,
    title,
    titleSource,
    words,
    sentences: read.sentences,
    blocks: read.blocks,
    markup: read.markup,
    meta: article.meta,
    text: article.text,
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
