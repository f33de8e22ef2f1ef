import { createHash } from "node:crypto";
import { z } from "zod";
import type { CodebookStamp, EntryTerm } from "./codebook.ts";
import { type CorpusError, schemaErrors } from "../reading/corpus-error.ts";
import { compileTerm } from "./term-pattern.ts";
import type { Language } from "../schema/record.ts";
import { LANGUAGES } from "../schema/enums.ts";

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, "must be lower-case letters, digits and dashes");
const schema = z
  .object({
    id,
    version: z.string().regex(/^\d+\.\d+\.\d+$/, "must be a semantic version such as 1.0.0"),
    camps: z.array(z.object({ id, label: z.string().min(1) }).strict()).min(2),
    inGroup: z.string(),
    outGroup: z.string(),
    actors: z.array(
      z
        .object({
          id,
          label: z.string().min(1),
          camp: z.string(),
          kind: z.string().min(1),
          country: z.string().optional().describe("a leader's country (an actor id): 'the Russian leader' can refer to them"),
          aliases: z.record(z.string(), z.array(z.string())),
        })
        .strict(),
    ),
  })
  .strict();

/** An actor with its aliases compiled per language. */
export interface Actor {
  readonly id: string;
  readonly label: string;
  readonly camp: string;
  readonly kind: string;
  /** A leader's country (an actor id), or null. */
  readonly country: string | null;
  readonly terms: Readonly<Record<Language, readonly EntryTerm[]>>;
}

/** The compiled actor gazetteer. */
export interface Gazetteer {
  readonly stamp: CodebookStamp;
  readonly camps: ReadonlyArray<{ readonly id: string; readonly label: string }>;
  readonly inGroup: string;
  readonly outGroup: string;
  readonly actors: readonly Actor[];
}

/**
 * Validates and compiles a parsed actor gazetteer. An alias with a capital letter is matched
 * case-sensitively (a name), one in lower case in any case. Every problem is returned with the file, the
 * actor id and the reason: an unknown camp or language, a duplicate id, an alias that does not compile.
 */
export function compileGazetteer(
  raw: unknown,
  bytes: Uint8Array,
  file: string,
): { readonly gazetteer: Gazetteer | null; readonly errors: readonly CorpusError[] } {
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    return { gazetteer: null, errors: schemaErrors(parsed.error.issues, file) };
  }
  const data = parsed.data;
  const errors: CorpusError[] = [];
  const camps = new Set(data.camps.map((c) => c.id));
  for (const field of ["inGroup", "outGroup"] as const) {
    if (!camps.has(data[field])) errors.push({ file, field, message: `unknown camp "${data[field]}"` });
  }
  const seen = new Set<string>();
  const actors: Actor[] = [];
  for (const actor of data.actors) {
    const at = `actors.${actor.id}`;
    if (seen.has(actor.id)) errors.push({ file, field: `${at}.id`, message: `duplicate id "${actor.id}"` });
    seen.add(actor.id);
    if (!camps.has(actor.camp))
      errors.push({ file, field: `${at}.camp`, message: `unknown camp "${actor.camp}": use one of ${[...camps].join(", ")}` });
    const terms: Record<Language, EntryTerm[]> = { en: [], nl: [] };
    for (const [language, aliases] of Object.entries(actor.aliases)) {
      if (!(LANGUAGES as readonly string[]).includes(language)) {
        errors.push({ file, field: `${at}.aliases.${language}`, message: `unknown language "${language}": use en or nl` });
        continue;
      }
      aliases.forEach((alias, i) => {
        try {
          terms[language as Language].push({ term: compileTerm(alias, { caseSensitive: /\p{Lu}/u.test(alias) }), form: null });
        } catch (error) {
          errors.push({
            file,
            field: `${at}.aliases.${language}.${i}`,
            message: `alias ${JSON.stringify(alias)} ${(error as Error).message}`,
          });
        }
      });
    }
    actors.push({ id: actor.id, label: actor.label, camp: actor.camp, kind: actor.kind, country: actor.country ?? null, terms });
  }
  if (errors.length) return { gazetteer: null, errors };
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  return {
    gazetteer: {
      stamp: { id: data.id, version: data.version, sha256 },
      camps: data.camps,
      inGroup: data.inGroup,
      outGroup: data.outGroup,
      actors,
    },
    errors: [],
  };
}
