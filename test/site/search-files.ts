// The search index's files as a page reads them, from an index built in a test (test/site/search*.test.ts).
import type { SearchIndexBuilder } from "../../data-loaders/publish/search-index.ts";
import type { SearchChunk, SearchShard } from "../../data-loaders/schema/site-outputs.ts";
import type { SearchFiles } from "../../src/components/search-results.ts";

/** The files a build publishes from `published` (through JSON), as a page reads them, counting what is fetched. */
export function publishedFiles(published: ReturnType<SearchIndexBuilder["shards"]>) {
  const shards = new Map(published.map(({ name, shard }) => [name, JSON.parse(JSON.stringify(shard)) as SearchShard]));
  const chunks = new Map(
    published.flatMap((s) => s.chunks).map(({ name, chunk }) => [name, JSON.parse(JSON.stringify(chunk)) as SearchChunk]),
  );
  const read: string[] = [];
  const files: SearchFiles = {
    list: { shards: published.map((s) => s.name), firstWords: published.map((s) => s.first) },
    shard: async (name) => (read.push(name), shards.get(name)!),
    chunk: async (name) => {
      read.push(name);
      const chunk = chunks.get(name);
      if (!chunk) throw new Error(`no chunk ${name}`);
      return chunk;
    },
  };
  return { files, shards, chunks, read };
}
