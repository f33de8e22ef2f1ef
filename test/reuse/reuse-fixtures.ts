// The reuse fixtures (test/fixtures/reuse/articles/, invented texts) read as findReuse takes them, without
// the analysis pipeline: front matter as key: value lines, paragraphs split at blank lines, the search
// index's folded words. A paragraph's "sentence" is its number times ten, so tests can tell them apart.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { searchWords } from "../../data-loaders/publish/search-index.ts";
import type { ReuseArticle } from "../../data-loaders/reuse/find-reuse.ts";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";

export const REUSE_CORPUS = join(PROJECT_ROOT, "test", "fixtures", "reuse", "articles");

/** The fixture articles, each with its id (file name without .md), in file-name order. */
export function reuseFixtures(): ReuseArticle[] {
  return readdirSync(REUSE_CORPUS)
    .filter((name) => name.endsWith(".md"))
    .sort()
    .map((name) => {
      const [, head, body] = readFileSync(join(REUSE_CORPUS, name), "utf8").split(/^---$/m);
      const meta = new Map(
        head!
          .trim()
          .split("\n")
          .map((line) => line.split(/:\s*/, 2) as [string, string]),
      );
      const paragraphs = body!.trim().split(/\n\s*\n/);
      return {
        id: name.replace(/\.md$/, ""),
        title: meta.get("title")!,
        outlet: meta.get("outlet") ?? null,
        published: meta.get("published") ?? null,
        paragraphs: paragraphs.map((text, i) => ({ sentence: i * 10, words: searchWords(text) })),
      };
    });
}
