/**
 * Articles in languages the pipeline does not analyse (it analyses English and Dutch only): listed with
 * file and language, and either skipped (`--skip-unsupported`, `SKIP_UNSUPPORTED=1`) or reported as errors
 * that say how to proceed.
 */
import type { CorpusError } from "./corpus-error.ts";
import { LANGUAGES } from "../schema/enums.ts";
import type { Language } from "../schema/record.ts";

/** An article left out because of its language. */
export interface SkippedArticle {
  readonly file: string;
  readonly id: string;
  /** The language's code: ISO 639-3 as franc-min detects it ("deu"), or as the input declared it ("de"). */
  readonly language: string;
  /** Its English name ("German"), or the code when it has none. */
  readonly name: string;
  readonly basis: "declared" | "detected";
}

const names = new Intl.DisplayNames(["en"], { type: "language", fallback: "code" });

/**
 * The English name of a language code (ISO 639-1 or 639-3), or null when the code names no language.
 * @example languageName("deu") // "German"
 */
export function languageName(code: string): string | null {
  try {
    // The primary subtag must name a language by itself ("xx-nonsense" would read as "xx (NONSENSE)").
    const primary = code.split(/[-_]/)[0]!;
    const base = names.of(primary);
    if (!base || base.toLowerCase() === primary.toLowerCase() || primary.toLowerCase() === "und") return null;
    return names.of(code) ?? null;
  } catch {
    return null; // not a well-formed language tag
  }
}

const SUPPORTED_NAMES: Readonly<Record<string, Language>> = {
  eng: "en",
  english: "en",
  nld: "nl",
  dut: "nl",
  dutch: "nl",
  nederlands: "nl",
};

/**
 * Reads a declared language as an imported table writes it ("en", "EN", "en-GB", "eng", "English",
 * "Nederlands"): a supported language, another language (by code), empty (null: detect it), or a value that
 * is no language, left for the corpus validation to report.
 * @example readDeclaredLanguage("nl-BE") // { language: "nl" }
 * @example readDeclaredLanguage("de") // { unsupported: "de", name: "German" }
 */
export function readDeclaredLanguage(
  value: unknown,
): null | { readonly language: Language } | { readonly unsupported: string; readonly name: string } | { readonly invalid: unknown } {
  if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) return null;
  if (typeof value !== "string") return { invalid: value };
  const written = value.trim().toLowerCase();
  const primary = written.split(/[-_]/)[0]!;
  if ((LANGUAGES as readonly string[]).includes(primary)) return { language: primary as Language };
  if (SUPPORTED_NAMES[primary]) return { language: SUPPORTED_NAMES[primary] };
  const name = /^[a-z]{2,3}$/.test(primary) ? languageName(primary) : null;
  return name ? { unsupported: primary, name } : { invalid: value };
}

/** The supported languages as a reader says them: "English and Dutch". */
const SUPPORTED = "English and Dutch";

/**
 * Collects the articles a corpus holds in unsupported languages. With `skip`, they are only listed;
 * without, {@link UnsupportedLanguages.errors} reports each with its file and language, and a last line says
 * how to proceed.
 */
export class UnsupportedLanguages {
  readonly found: SkippedArticle[] = [];
  constructor(readonly skip: boolean) {}

  /** Notes one article whose declared or detected language is not analysed. */
  add(file: string, id: string, code: string, basis: SkippedArticle["basis"]): void {
    this.found.push({ file, id, language: code, name: languageName(code) ?? code, basis });
  }

  /** The errors to report when not skipping: one per article, then how to proceed. Empty when skipping. */
  errors(input: string): CorpusError[] {
    if (this.skip || !this.found.length) return [];
    const n = this.found.length;
    return [
      ...this.found.map((s) => ({
        file: s.file,
        field: "language",
        message: `${s.basis} ${s.name} (${s.language}); the pipeline analyses only ${SUPPORTED}`,
      })),
      {
        file: input,
        field: "language",
        message:
          `${n} article${n === 1 ? " is" : "s are"} in a language the pipeline does not analyse. To analyse the rest, run again with ` +
          `--skip-unsupported (SKIP_UNSUPPORTED=1 for the site), which lists what it skips; or remove ${n === 1 ? "it" : "them"}; ` +
          `or, where the language was misread, declare language: en or nl`,
      },
    ];
  }
}
