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
/** The part of a wink model's core this module reaches into: its lexeme table. */
interface ModelCore {
  features: { lexeme: { hash: Record<string, number>; intrinsicSize: number } };
}

/**
 * A wink-nlp instance that reads every document as a fresh process would: its tokenizer never finds a word
 * it learned from an earlier document. wink-nlp 2.4.0 keeps every out-of-vocabulary word it meets in its
 * lexicon, and its tokenizer looks words up there, so "Clinton’s" once read before "Clinton’s," became one
 * token instead of "Clinton" and "’s": records depended on the order articles were read in, on the worker
 * an article went to, and on whether the record cache held the others.
 *
 * wink's cache looks words up through the lexeme table it was given when the instance was made, and adds
 * words through the model's current table. The first becomes a view that hides the words learned before
 * the current document (past the model's own words, and not yet added again in this document); the second
 * the real table, seen through a view that notes each word added in this document. Learned words are still
 * stored once (no growth across documents) with their features, but each document finds only its own.
 */
function forgetfulWink(pipe: Pipe): WinkNlp {
  let core: ModelCore | null = null;
  let table: Record<string, number> | null = null;
  // The words added (or added again) in the current document.
  const seen = new Set<string>();
  const wrapped = {
    ...model,
    core: () => {
      core = (model as unknown as { core: () => ModelCore }).core();
      table = core.features.lexeme.hash;
      const known = core.features.lexeme.intrinsicSize;
      core.features.lexeme.hash = new Proxy(table, {
        get: (target, key) => {
          const index = Reflect.get(target, key) as unknown;
          return typeof index === "number" && index >= known && !seen.has(key as string) ? undefined : index;
        },
      });
      return core;
    },
  };
  const nlp = winkNLP(wrapped as typeof model, pipe);
  if (!core || !table) throw new Error("wink-nlp: the model's core was not loaded");
  (core as ModelCore).features.lexeme.hash = new Proxy(table, {
    get: (target, key) => {
      if (typeof key === "string") seen.add(key);
      return Reflect.get(target, key) as unknown;
    },
    set: (target, key, value) => {
      if (typeof key === "string") seen.add(key);
      return Reflect.set(target, key, value);
    },
  });
  const readDoc = nlp.readDoc;
  nlp.readDoc = (text: string) => {
    seen.clear();
    return readDoc(text);
  };
  return nlp;
}
