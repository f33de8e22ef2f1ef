import type { Article, Language } from "../schema/record.ts";

/**
 * An article with a body and nothing else declared: what a headline, a labelled evaluation text or a test
 * text is analysed as. `source` defaults to the id.
 * @example bareArticle("h1", "Werkloosheid stijgt", "nl").meta.provenance.origin // []
 */
export function bareArticle(id: string, text: string, language: Language, source: string = id): Article {
  return {
    id,
    language,
    languageSource: "declared",
    text,
    meta: {
      title: null,
      outlet: null,
      published: null,
      url: null,
      author: null,
      provenance: { creditedAuthor: null, origin: [], summaryOf: [], translatedFrom: null, evidence: null },
      source,
      extra: {},
    },
  };
}
