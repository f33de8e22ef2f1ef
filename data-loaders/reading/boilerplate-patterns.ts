import { z } from "zod";
import { type CorpusError, schemaErrors } from "./corpus-error.ts";

/** A compiled page-furniture pattern. */
export interface BoilerplatePattern {
  readonly id: string;
  readonly label: string;
  /** "line": the whole trimmed line matches; "line-end": the match may be glued to the end of a line. */
  readonly where: "line" | "line-end";
  readonly regex: RegExp;
}

export interface SourceLinePattern {
  readonly id: string;
  readonly label: string;
  readonly regex: RegExp;
}

/** The compiled contents of `corpus/patterns/boilerplate.yaml`. */
export interface BoilerplatePatterns {
  readonly version: number;
  readonly boilerplate: readonly BoilerplatePattern[];
  readonly sourceLines: readonly SourceLinePattern[];
  readonly embeddedHeadlineMinBlankLines: number;
  readonly headingMaxWords: number;
}

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "must be lower-case letters, digits and dashes");
const schema = z.object({
  version: z.number().int().positive(),
  boilerplate: z.array(
    z.object({ id, label: z.string().min(1), pattern: z.string().min(1, "is empty"), where: z.enum(["line", "line-end"]) }),
  ),
  sourceLines: z.array(z.object({ id, label: z.string().min(1), pattern: z.string().min(1, "is empty") })),
  embeddedHeadline: z.object({ minBlankLinesBefore: z.number().int().min(0) }),
  headings: z.object({ maxWords: z.number().int().min(1).max(100) }),
});

/**
 * Validates and compiles a parsed boilerplate pattern file. Every problem is returned with the file and
 * the field (`boilerplate.2.pattern`), including regular expressions that do not compile.
 * Patterns match case-insensitively with Unicode semantics (`iu`), in Unicode NFC like the text they run on.
 */
export function compileBoilerplatePatterns(
  raw: unknown,
  file: string,
): { readonly patterns: BoilerplatePatterns | null; readonly errors: readonly CorpusError[] } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return {
      patterns: null,
      errors: schemaErrors(parsed.error.issues, file),
    };
  }
  const errors: CorpusError[] = [];
  const compile = (source: string, field: string): RegExp | null => {
    try {
      // Patterns run on the matching view, whose letters are composed (NFC): a pattern saved decomposed
      // (NFD) is composed the same way, or its accented letters would never match.
      return new RegExp(source.normalize("NFC"), "iu");
    } catch (error) {
      errors.push({ file, field, message: `does not compile: ${(error as Error).message}` });
      return null;
    }
  };
  const seen = new Set<string>();
  const checkId = (value: string, field: string) => {
    if (seen.has(value)) errors.push({ file, field, message: `duplicate id "${value}"` });
    seen.add(value);
  };
  const boilerplate = parsed.data.boilerplate.flatMap((entry, i) => {
    checkId(entry.id, `boilerplate.${i}.id`);
    const anchored = entry.where === "line" ? `^(?:${entry.pattern})$` : `(?:${entry.pattern})$`;
    const regex = compile(anchored, `boilerplate.${i}.pattern`);
    return regex ? [{ id: entry.id, label: entry.label, where: entry.where, regex }] : [];
  });
  const sourceLines = parsed.data.sourceLines.flatMap((entry, i) => {
    checkId(entry.id, `sourceLines.${i}.id`);
    const regex = compile(`^(?:${entry.pattern})`, `sourceLines.${i}.pattern`);
    return regex ? [{ id: entry.id, label: entry.label, regex }] : [];
  });
  if (errors.length) return { patterns: null, errors };
  return {
    patterns: {
      version: parsed.data.version,
      boilerplate,
      sourceLines,
      embeddedHeadlineMinBlankLines: parsed.data.embeddedHeadline.minBlankLinesBefore,
      headingMaxWords: parsed.data.headings.maxWords,
    },
    errors: [],
  };
}
