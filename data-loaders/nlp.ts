import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** The wink-nlp instance type, as returned by the factory. */
export type WinkNlp = ReturnType<typeof winkNLP>;

let shared: WinkNlp | null = null;

/**
 * The one wink-nlp instance of a process, created on first use and shared by every analyser, for both
 * languages. wink's English "lite web" model tokenises and splits sentences for Dutch text well (both use
 * Latin script and the same punctuation); its English-only parts (sentiment, POS) are never applied to Dutch.
 * The model version is pinned exactly in package.json because it moves tokens and scores.
 */
export function sharedNlp(): WinkNlp {
  shared ??= winkNLP(model);
  return shared;
}
