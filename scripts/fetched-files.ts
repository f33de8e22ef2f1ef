/**
 * The files pages fetch by name (an article's record and rows, concordance and voice-list pages: see
 * src/components/site-data.ts) are entries of data/corpus.zip that no page declares with FileAttachment, so
 * `observable build` does not copy them. This writes them into the built site at the path `npm run dev`
 * serves them from, `_file/data/corpus/<entry>`, reading the zip once as a stream.
 */
import { createReadStream, mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { Unzip, UnzipInflate } from "fflate";
import { FETCHED_FOLDERS } from "../data-loaders/publish/publish-corpus.ts";

/** Writes the fetched entries of `zipPath` below `<output>/_file/data/corpus/`; returns how many. */
export async function writeFetchedFiles(zipPath: string, output: string): Promise<number> {
  const root = join(output, "_file", "data", "corpus");
  const folders = new Set<string>();
  let written = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((entry) => {
    const folder = entry.name.split("/")[0]!;
    if (!FETCHED_FOLDERS.includes(folder) || entry.name.endsWith("/") || entry.name.split("/").some((part) => part === ".." || part === ""))
      return;
    const chunks: Uint8Array[] = [];
    entry.ondata = (error, data, final) => {
      if (error) {
        failure = error;
        return;
      }
      chunks.push(data);
      if (!final) return;
      const file = join(root, entry.name);
      if (!folders.has(dirname(file))) {
        mkdirSync(dirname(file), { recursive: true });
        folders.add(dirname(file));
      }
      writeFileSync(file, Buffer.concat(chunks));
      written++;
    };
    entry.start();
  });
  unzip.register(UnzipInflate);
  for await (const chunk of createReadStream(zipPath)) {
    unzip.push(chunk as Uint8Array);
    if (failure) throw failure;
  }
  unzip.push(new Uint8Array(0), true);
  if (failure) throw failure;
  return written;
}
