import type { ReuseArticle } from "../reuse/find-reuse.ts";
import type { ArticleView } from "./article-view.ts";

/**
 * An article as data-loaders/reuse/find-reuse.ts compares it, from its view: its paragraphs' folded words
 * (the search index's), each paragraph named by its first sentence; headings are left out.
 */
export function reuseArticle({ summary, words, paragraphOf }: Pick<ArticleView, "summary" | "words" | "paragraphOf">): ReuseArticle {
  const paragraphs: Array<{ sentence: number; words: string[] }> = [];
  let current = -1;
  words.sentences.forEach(([sentence, numbers], i) => {
    const paragraph = paragraphOf[i]!;
    if (paragraph < 0) return;
    if (paragraph !== current) paragraphs.push({ sentence, words: [] });
    current = paragraph;
    for (const n of numbers) paragraphs.at(-1)!.words.push(words.vocabulary[n]!);
  });
  return { id: summary.id, title: summary.title, outlet: summary.outlet, published: summary.published, paragraphs };
}
