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
  shared ??= forgetfulWink(["sbd"]);
  return shared;
}

/**
 * A second instance with wink's part-of-speech tagger (Universal POS tags), which reads English articles
 * in the same single pass (same tokens and sentences as sbd alone): source attribution reads the tags to
 * tell a verb ("they state") from a noun ("the state media") and to find the noun phrase before a verb.
 * The same model, so it costs no extra memory. Dutch has no tagger here (the model is English).
 */
export function sharedTagger(): WinkNlp {
  tagger ??= forgetfulWink(["sbd", "pos"]);
  return tagger;
}

type Pipe = Parameters<typeof winkNLP>[1];
type Features = Record<string, (word: string, category: number, cache: WinkCache) => unknown>;
/** The part of wink's cache (wink-nlp/src/cache.js) this module wraps. */
interface WinkCache {
  lookup: (text: string) => number[] | null;
  add: (text: string, category: number) => unknown;
  intrinsicSize: () => number;
}

/**
 * A wink-nlp instance that reads every document as a fresh process would: its tokenizer never finds a word
 * it learned from an earlier document. wink-nlp 2.4.0 keeps every out-of-vocabulary word it meets in its
 * cache, and its tokenizer looks words up there, so "Clinton’s" once read before "Clinton’s," became one
 * token instead of "Clinton" and "’s": records depended on the order articles were read in, on the worker
 * an article went to, and on whether the record cache held the others.
 *
 * The cache's methods object reaches the model's feature functions as an argument when a word is added; it
 * is caught there (a first document with an unknown word is read at once, so this happens before any
 * analysis), and its `lookup` then answers for a learned word only once the current document has added it
 * (`add` notes it), as in a fresh process. Learned words are still stored once, with their features.
 */
function forgetfulWink(pipe: Pipe): WinkNlp {
  // The words added in the current document, and their lower-case forms (wink adds both).
  const seen = new Set<string>();
  let cache: WinkCache | null = null;
  const note = (word: string) => {
    seen.add(word);
    seen.add(word.toLowerCase());
  };
  const wrap = (found: WinkCache, word: string) => {
    cache = found;
    note(word);
    const known = found.intrinsicSize();
    const lookup = found.lookup;
    const add = found.add;
    found.lookup = (text) => {
      const hit = lookup(text);
      return hit !== null && hit.length === 1 && hit[0]! >= known && !seen.has(text) ? null : hit;
    };
    found.add = (text, category) => {
      note(text);
      return add(text, category);
    };
  };
  const featureFn = (model as unknown as { featureFn: (config: unknown) => Features }).featureFn;
  const wrapped = {
    ...model,
    featureFn: (config: unknown) =>
      Object.fromEntries(
        Object.entries(featureFn(config)).map(([name, feature]) => [
          name,
          (word: string, category: number, found: WinkCache) => {
            if (!cache && found) wrap(found, word);
            return feature(word, category, found);
          },
        ]),
      ),
  };
  const nlp = winkNLP(wrapped as typeof model, pipe);
  const readDoc = nlp.readDoc;
  nlp.readDoc = (text: string) => {
    seen.clear();
    return readDoc(text);
  };
  // An unknown word makes wink add it, which hands its cache to the feature functions.
  nlp.readDoc("Qzxvjkw.");
  if (!cache) throw new Error("wink-nlp: its cache was not reached; check the pinned wink-nlp version");
  return nlp;
}
