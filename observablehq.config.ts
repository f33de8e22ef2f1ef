// Observable Framework configuration. Everything a built page needs is bundled: no Google Fonts (the
// default global stylesheet), no CDN imports, and no build date in the footer (so rebuilds are identical).
import { corpusPaths } from "./data-loaders/project-paths.ts";
import { indexCorpus } from "./data-loaders/read-corpus.ts";

export default {
  root: "src",
  title: "Framing notebooks",
  globalStylesheets: [],
  style: "style.css",
  footer: "Framing notebooks: reproducible analyses of how news texts frame geopolitics. Every figure links to the sentences behind it.",
  search: false,
  preserveExtension: true,
  pages: [{ name: "Corpus overview", path: "/" }],
  // One reader page per article. Reading the index validates the corpus, so a corpus with errors fails the
  // build here, with every error listed.
  async *dynamicPaths() {
    for (const entry of await indexCorpus(corpusPaths().articles)) yield `/articles/${entry.id}`;
  },
};
