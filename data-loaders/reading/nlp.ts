import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";

/** The wink-nlp instance type, as returned by the factory. */
export type WinkNlp = ReturnType<typeof winkNLP>;

let shared: WinkNlp | null = null;
let tagger: WinkNlp | null = null;

/**
 * The one wink-nlp instance of a process, created on first use and shared by every analyser, for both
 * languages. wink's English "lite web" model tokenises and splits sentences for Dutch text well (both use
 * Latin script and the same punctuation). Only the sentence-boundary step ("sbd") runs: the analysers use
 * wink's tokens, token types and sentences, not its POS tags, entities, negation or sentiment, and the
 * default pipeline gives the same tokens and sentences (checked on 17,805 labelled texts) at less than half
 * the speed. The model version is pinned exactly in package.json because it moves tokens.
 */
export function sharedNlp(): WinkNlp {
  shared ??= winkNLP(model, ["sbd"]);
  return shared;
}

/**
 * A second instance with wink's part-of-speech tagger (Universal POS tags), which reads English articles
 * in the same single pass (same tokens and sentences as sbd alone): source attribution reads the tags to
 * tell a verb ("they state") from a noun ("the state media") and to find the noun phrase before a verb.
 * The same model, so it costs no extra memory. Dutch has no tagger here (the model is English).
 */
export function sharedTagger(): WinkNlp {
  tagger ??= winkNLP(model, ["sbd", "pos"]);
  return tagger;
}
