// Fuzzing the readers (issue 11): random bytes, random front matter, random Unicode bodies (combining
// marks, zero-width characters, quotation marks) and random codebooks. Whatever comes in, the reader never
// throws anything but a list of located errors, every valid article comes out exactly once with its body
// byte-identical, and every record passes the record schema with offsets inside the body.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { stringify } from "yaml";
import { describe, expect, it } from "vitest";
import { CorpusValidationError } from "../../data-loaders/reading/corpus-error.ts";
import { indexCorpus, readIndexedArticle } from "../../data-loaders/reading/read-corpus.ts";
import { articleRecordSchema } from "../../data-loaders/schema/record.ts";
import { compileCodebook } from "../../data-loaders/terms/codebook.ts";
import { analyzeText, writeCorpus } from "../helpers.ts";

/** Indexes `dir` and reads every article, or returns the located errors; anything else is thrown. */
async function readAll(dir: string) {
  try {
    const entries = await indexCorpus(dir);
    return { articles: entries.map(readIndexedArticle), errors: [] };
  } catch (error) {
    if (!(error instanceof CorpusValidationError)) throw error;
    return { articles: [], errors: [...error.errors] };
  }
}

const located = (errors: readonly { file: string; field: string; message: string }[]) =>
  errors.every((e) => e.file.length > 0 && e.field.length > 0 && e.message.length > 0);

/** Text with the characters that trip up readers: marks, invisible characters, quotes, line breaks, dashes. */
const trickyText = fc
  .array(
    fc.oneof(
      fc.constantFrom("Hegemon", "vazallen", "multipolar", "said", "zei", "Poetin", "Oekraïne", "e\u0301", "\u200B", "\u00AD", "\uFEFF"),
      fc.constantFrom("“", "”", '"', "'", "‘", "’", "«", "»", "„", ":", ".", "?", "!", "\n", "\n\n", "\r\n", " — ", "---", "# ", "**"),
      fc.string({ unit: "grapheme", maxLength: 8 }),
      fc.constant(" "),
    ),
    { maxLength: 60 },
  )
  .map((parts) => parts.join(""));

describe("fuzzing the corpus reader", () => {
  it("answers random bytes with located errors or a verbatim article, never a throw", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        const { articles, errors } = await readAll(writeCorpus({ "a.md": bytes }));
        expect(located(errors)).toBe(true);
        // Exactly one outcome for the one file: an article or its errors.
        expect(articles.length + (errors.length ? 1 : 0)).toBe(1);
        // A body is the end of the file as written, never repaired or cut.
        for (const a of articles)
          expect(
            new TextDecoder()
              .decode(bytes)
              .replace(/^\uFEFF/, "")
              .endsWith(a.text),
          ).toBe(true);
      }),
      { numRuns: 150, seed: 7 },
    );
  });

  it("reads random front matter and tricky bodies: every valid article once, body byte-identical", async () => {
    const field = fc.oneof(
      fc.string({ maxLength: 12 }),
      fc.integer(),
      fc.boolean(),
      fc.constant(null),
      fc.array(fc.string({ maxLength: 6 }), { maxLength: 3 }),
    );
    const meta = fc.dictionary(fc.constantFrom("title", "author", "outlet", "published", "url", "language", "note", "tags"), field, {
      maxKeys: 5,
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(meta, trickyText), { minLength: 1, maxLength: 4 }), async (files) => {
        const contents: Record<string, string> = {};
        files.forEach(([m, body], i) => (contents[`a${i}.md`] = `---\n${stringify({ ...m, language: "en" })}---\n${body}`));
        const dir = writeCorpus(contents);
        const { articles, errors } = await readAll(dir);
        expect(located(errors)).toBe(true);
        if (errors.length) return;
        expect(articles.map((a) => a.id).sort()).toEqual(files.map((_, i) => `a${i}`));
        for (const a of articles) {
          const source = readFileSync(join(dir, a.meta.source), "utf8").replace(/^\uFEFF/, "");
          expect(source.endsWith(a.text)).toBe(true);
        }
      }),
      { numRuns: 60, seed: 8 },
    );
  });
});

describe("fuzzing the analysers", () => {
  it("turns any tricky body into a record that passes the schema, with every offset inside the body", () => {
    fc.assert(
      fc.property(
        trickyText.filter((t) => t.trim().length > 0),
        fc.constantFrom("en" as const, "nl" as const),
        (text, language) => {
          const record = analyzeText(text, language);
          expect(record.text).toBe(text);
          const parsed = articleRecordSchema.safeParse(record);
          expect(parsed.success, JSON.stringify(parsed.error?.issues.slice(0, 3))).toBe(true);
          const spans = [
            ...record.sentences,
            ...record.blocks,
            ...record.quotations,
            ...record.markers,
            ...record.devices,
            ...record.outlets,
            ...record.attributions.flatMap((a) => [a.quote, a.cueSpan, a.speakerSpan].filter((s) => s !== null)),
          ];
          for (const s of spans) {
            expect(s.start).toBeGreaterThanOrEqual(0);
            expect(s.end).toBeGreaterThanOrEqual(s.start);
            expect(s.end).toBeLessThanOrEqual(text.length);
          }
        },
      ),
      { numRuns: 200, seed: 9 },
    );
  });
});

describe("fuzzing the codebook compiler", () => {
  it("answers any YAML value with a codebook or located errors, never a throw", () => {
    const term = fc.oneof(
      fc.string({ maxLength: 10 }),
      fc.record(
        { term: fc.string({ maxLength: 10 }), caseSensitive: fc.oneof(fc.boolean(), fc.string({ maxLength: 3 })) },
        { requiredKeys: [] },
      ),
    );
    const entry = fc.record(
      {
        id: fc.oneof(fc.constantFrom("hegemon", "vassal"), fc.string({ maxLength: 8 })),
        label: fc.string({ maxLength: 10 }),
        definition: fc.string({ maxLength: 40 }),
        terms: fc.dictionary(fc.constantFrom("en", "nl", "fr"), fc.array(term, { maxLength: 3 }), { maxKeys: 3 }),
        examples: fc.array(fc.record({ language: fc.constantFrom("en", "nl", "de"), text: fc.string({ maxLength: 20 }) }), {
          maxLength: 2,
        }),
        source: fc.string({ maxLength: 6 }),
      },
      { requiredKeys: [] },
    );
    const book = fc.record(
      {
        id: fc.string({ maxLength: 8 }),
        title: fc.string({ maxLength: 8 }),
        version: fc.constantFrom("1.0.0", "x", ""),
        licence: fc.string({ maxLength: 5 }),
        source: fc.string({ maxLength: 5 }),
        entries: fc.array(entry, { maxLength: 3 }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(book, fc.anything()), (raw) => {
        const { codebook, errors } = compileCodebook(raw, new TextEncoder().encode(JSON.stringify(raw) ?? ""), "book.yaml", {
          requireTerms: true,
        });
        expect(codebook === null).toBe(errors.length > 0);
        expect(located(errors)).toBe(true);
      }),
      { numRuns: 300, seed: 10 },
    );
  });
});
