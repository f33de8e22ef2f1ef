// How the site's files are written: each stamped with the build, the fetched ones stored rather than
// deflated (publish-corpus.ts lists them all).
import { createHash } from "node:crypto";
import type { ParallelOptions } from "../pipeline/analyze-parallel.ts";
import type { BuildStamp } from "../schema/site-outputs.ts";
import type { ViewLine } from "./article-view.ts";
import type { PublicSettings } from "./public-build.ts";
import { CONCORDANCE_ROW_FIELDS, concordanceRow } from "../portable/concordance-rows.ts";

/**
 * Deflate level of the fetched files, the bulk of the zip: stored (0), not deflated, since deflating them
 * cost more than the rest of a rebuild and the site serves them uncompressed anyway.
 */
const FETCHED_LEVEL = 0;
const COMMA = Buffer.from(",");
const CLOSE_LINES = Buffer.from("]}");

/** publishCorpus's options (see there). */
export type PublishOptions = Pick<ParallelOptions, "workers" | "cacheFolder" | "articlesPerWorker"> & {
  readonly recordsFolder?: string | null;
  /**
   * Where each article's own files (articles/, rows/ and text/<id>.json) go instead of `add` (the same
   * bytes); for a record, with its SHA-256, computed once for its view and its file.
   */
  readonly articleFile?: (name: string, content: Buffer, sha256?: string) => void;
  /** The public build's settings (data-loaders/publish/public-build.ts); absent or null for the full build. */
  readonly public?: PublicSettings | null;
};

/** How publishCorpus hands a file to its caller: a name, the bytes or text, and a deflate level. */
export type AddFile = (name: string, content: string | Buffer, level?: number) => void;

/**
 * The stamp of an article's own files (rows/, text/): the build stamp itself, or, in a public build, its
 * policy and the SHA-256 of the stamp's JSON (sharedStampSchema), which every page-loaded file carries in
 * full: about 900 bytes less in each of thousands of files.
 */
function articleStamp(build: BuildStamp): object {
  if (!build.public) return build;
  return { public: build.public, stamp: createHash("sha256").update(JSON.stringify(build)).digest("hex") };
}

/**
 * A public build's concordance page: JSON.stringify({ build, ...head, fields, rows }), each line a row of
 * its values in the order of CONCORDANCE_ROW_FIELDS (portable/concordance-rows.ts; the pages read either form).
 */
export function packedConcordancePage(build: BuildStamp, head: object, lines: readonly ViewLine[]): Buffer {
  const rows = lines.map((line) => concordanceRow(JSON.parse(line.json.toString()) as Record<string, unknown>));
  return Buffer.from(JSON.stringify({ build, ...head, fields: CONCORDANCE_ROW_FIELDS, rows }));
}

/** The writers of one build's files, each stamped with the build (see publishCorpus). */
export class SiteFiles {
  /** An article's own files, their JSON (an object with at least one field) opened with the stamp. */
  private readonly stampOpening: Buffer;
  private readonly articleFile: (name: string, content: Buffer, sha256?: string) => void;

  constructor(
    readonly build: BuildStamp,
    private readonly add: AddFile,
    articleFile: PublishOptions["articleFile"],
  ) {
    this.stampOpening = Buffer.from(`{"build":${JSON.stringify(articleStamp(build))},`);
    this.articleFile = articleFile ?? ((name, content) => add(name, content, FETCHED_LEVEL));
  }

  /** A file pages load with FileAttachment (deflated). */
  json(name: string, content: object): void {
    this.add(name, JSON.stringify({ build: this.build, ...content }));
  }

  /** A file pages fetch by name: stamped like the others, stored rather than deflated. */
  fetched(name: string, content: object): void {
    this.add(name, JSON.stringify({ build: this.build, ...content }), FETCHED_LEVEL);
  }

  /**
   * A concordance page, its lines' JSON as the views keep it: byte for byte JSON.stringify({ build, ...head,
   * lines }). A public build publishes them as rows of the page's `kind` (packedConcordancePage), a third of
   * the bytes.
   */
  lines(name: string, head: object, lines: readonly ViewLine[], kind: ViewLine["kind"]): void {
    if (this.build.public) return this.add(name, packedConcordancePage(this.build, { ...head, kind }, lines), FETCHED_LEVEL);
    const parts: Buffer[] = [Buffer.from(`${JSON.stringify({ build: this.build, ...head }).slice(0, -1)},"lines":[`)];
    lines.forEach((line, i) => (i ? parts.push(COMMA, line.json) : parts.push(line.json)));
    parts.push(CLOSE_LINES);
    this.add(name, Buffer.concat(parts), FETCHED_LEVEL);
  }

  /** A record as it is (with its SHA-256, computed once for its view and its file). */
  record(name: string, json: Buffer, sha256: string): void {
    this.articleFile(name, json, sha256);
  }

  /** An article's rows or text, serialised already, stamped (articleStamp). */
  articleJson(name: string, json: Buffer): void {
    this.articleFile(name, Buffer.concat([this.stampOpening, json.subarray(1)]));
  }
}
