/**
 * npm run import -- <input> --out <folder> [--map field=column] [--skip-unsupported] [--max-article-bytes <n>]
 * Turns a corpus in any form the reader takes (CSV, TSV, JSON, JSON Lines, a folder of .txt, .html, .docx or .md files,
 * Nexis Uni and Factiva exports)
 * into the corpus format: a folder of Markdown articles with YAML front matter, one per article, named by
 * id. The input is read and validated exactly as `npm run analyze` reads it (data-loaders/reading/), so the
 * folder gives the same records; what was read, mapped and not mapped goes to stderr.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseCommandLine } from "./cli-args.ts";
import { writeSkippedList } from "./skipped-list.ts";
import { corpusPaths, readingOptions } from "../data-loaders/project-paths.ts";
import { CorpusValidationError } from "../data-loaders/reading/corpus-error.ts";
import type { SkippedArticle } from "../data-loaders/reading/import-languages.ts";
import { markdownArticle } from "../data-loaders/reading/import-markdown.ts";
import { indexCorpus, readIndexedArticle } from "../data-loaders/reading/read-corpus.ts";

const USAGE = `usage: npm run import -- <input> --out <folder> [--map field=column] [--skip-unsupported] [--max-article-bytes <n>]
  <input>     a .csv, .tsv, .json or .jsonl file; a folder of .txt, saved .html or .docx articles (with
              metadata.csv) or .md articles; a Nexis Uni export (.docx, .rtf), a Factiva HTML export or one
              saved page (.html), alone or in a folder
  --out       the folder to write the Markdown articles to (made; it must not exist or be empty)
  --map       read a column or field as an article field, e.g. --map published=Datum (repeat, or separate
              with commas; default: $CORPUS_MAP); fields: id, text, title, published, outlet, url, language, author
  --skip-unsupported  leave out articles in languages the pipeline does not analyse (only en and nl), listed
              in <folder>.skipped.csv beside the folder ($SKIP_UNSUPPORTED=1)
  --max-article-bytes  reject (never truncate) an article whose body is larger (default: $MAX_ARTICLE_BYTES,
              else 16777216, 16 MB)`;

/** What --help adds to the usage: what the command does and an example. */
const ABOUT = `Writes any input the analysis reads as a corpus of Markdown articles, one file each with its metadata as
front matter (corpus/README.md), to read, edit or keep under version control; the input itself is left as it
was. An input with errors lists all of them (exit 1) and writes nothing.
Example: npm run import -- export.csv --out my-corpus --map published=Datum && CORPUS=my-corpus npm run build`;

async function main(): Promise<number> {
  const { values, positionals } = parseCommandLine("import", USAGE, {
    allowPositionals: true,
    options: {
      out: { type: "string" },
      map: { type: "string", multiple: true },
      "skip-unsupported": { type: "boolean" },
      "max-article-bytes": { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help) return (process.stdout.write(`${USAGE}\n${ABOUT}\n`), 0);
  if (positionals.length !== 1) return (process.stderr.write(`import: expected one input, got ${positionals.length}\n${USAGE}\n`), 2);
  if (!values.out) return (process.stderr.write(`import: --out <folder> is required\n${USAGE}\n`), 2);
  const out = resolve(values.out);
  if (existsSync(out) && readdirSync(out).length)
    return (process.stderr.write(`import: ${values.out} is not empty; name a new folder, so that no corpus is mixed into another\n`), 2);
  const paths = corpusPaths({
    ...process.env,
    CORPUS: positionals[0],
    MAX_ARTICLE_BYTES: values["max-article-bytes"] ?? process.env.MAX_ARTICLE_BYTES,
    CORPUS_MAP: values.map?.join(",") ?? process.env.CORPUS_MAP,
    SKIP_UNSUPPORTED: values["skip-unsupported"] ? "1" : process.env.SKIP_UNSUPPORTED,
  });
  let skipped: readonly SkippedArticle[] = [];
  const entries = await indexCorpus(paths.articles, { ...readingOptions(paths), onSkipped: (list) => (skipped = list) });
  // Written into a folder beside the output and renamed into place at the end: a failed import leaves nothing.
  mkdirSync(dirname(out), { recursive: true });
  const partial = join(dirname(out), `.${basename(out)}.partial-${process.pid}`);
  cleanup = () => rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial);
  for (const entry of entries) writeFileSync(join(partial, `${entry.id}.md`), markdownArticle(readIndexedArticle(entry), entry.source));
  if (existsSync(out)) rmSync(out, { recursive: true }); // empty, checked above
  renameSync(partial, out);
  cleanup = () => {};
  process.stderr.write(
    `import: read ${entries.length + skipped.length} articles; wrote ${entries.length} Markdown articles to ${values.out}\n`,
  );
  if (paths.skipUnsupported) writeSkippedList("import", out, skipped);
  return 0;
}

/** Removes a partial output if the import fails. */
let cleanup = () => {};

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    cleanup();
    process.stderr.write(error instanceof CorpusValidationError ? `${error.message}\n` : `import: ${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
  },
);
