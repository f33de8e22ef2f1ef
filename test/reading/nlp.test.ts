// The shared wink-nlp instances read every document as a fresh process would: what an article is cut into
// does not depend on what the process read before it (so records do not depend on article order, worker
// count or the record cache).
import { describe, expect, it } from "vitest";
import winkNLP from "wink-nlp";
import model from "wink-eng-lite-web-model";
import { sharedNlp, sharedTagger } from "../../data-loaders/reading/nlp.ts";

const tokensOf = (nlp: ReturnType<typeof winkNLP>, text: string) => nlp.readDoc(text).tokens().out(nlp.its.value) as string[];

describe("sharedNlp() and sharedTagger()", () => {
  // Made up for the test: an out-of-vocabulary name with a curly possessive, once before a comma (where
  // wink takes it whole and learns it) and once before a space (where it splits off the possessive).
  const learn = "Yarovenko’s, they said.";
  const later = "Yarovenko’s plan failed.";

  it("(wink-nlp itself, for the record) cuts a word differently once it has learned it from another document", () => {
    const plain = winkNLP(model, ["sbd"]);
    const fresh = tokensOf(plain, later);
    tokensOf(plain, learn);
    expect(tokensOf(plain, later)).not.toEqual(fresh);
  });
  it("cut a document the same whatever documents were read before it", () => {
    for (const nlp of [sharedNlp(), sharedTagger()]) {
      const fresh = tokensOf(winkNLP(model, ["sbd"]), later);
      tokensOf(nlp, learn);
      expect(tokensOf(nlp, later)).toEqual(fresh);
      tokensOf(nlp, learn);
      expect(tokensOf(nlp, later)).toEqual(fresh);
    }
  });
  it("still find a word learned earlier in the same document, as a fresh process does", () => {
    const text = `${learn} ${later}`;
    expect(tokensOf(sharedNlp(), text)).toEqual(tokensOf(winkNLP(model, ["sbd"]), text));
  });
  it("keep the part-of-speech tags of a fresh instance", () => {
    const text = "Yarovenko’s spokesman said the talks had failed, according to Reuters.";
    const fresh = winkNLP(model, ["sbd", "pos"]);
    const tagger = sharedTagger();
    tokensOf(tagger, learn);
    expect(tagger.readDoc(text).tokens().out(tagger.its.pos)).toEqual(fresh.readDoc(text).tokens().out(fresh.its.pos));
  });
});
