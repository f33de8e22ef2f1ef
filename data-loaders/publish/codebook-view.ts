import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { z } from "zod";
import type { Codebook } from "../terms/codebook.ts";
import type { actorsViewSchema, CodebookView, speechCuesViewSchema } from "../schema/site-outputs.ts";

/** The parts of a codebook a reader needs: everything but the compiled patterns. */
export function codebookView(codebook: Codebook): CodebookView {
  return {
    id: codebook.id,
    title: codebook.title,
    version: codebook.version,
    sha256: codebook.sha256,
    versionCheck: codebook.versionCheck,
    licence: codebook.licence,
    source: codebook.source,
    entries: codebook.entries.map((entry) => ({
      id: entry.id,
      label: entry.label,
      definition: entry.definition,
      terms: entry.written,
      detector: entry.detector,
      examples: entry.examples,
      counterExamples: entry.counterExamples,
      source: entry.source,
    })),
  };
}

/** The speech-cue sections the coding manual prints, in this order, with what each is for. */
const CUE_SECTIONS: ReadonlyArray<readonly [string, string]> = [
  ["cues", "Reporting verbs and phrases (say, according to, volgens)"],
  ["thoughtCues", "Thought, belief and intention (believes, vreest)"],
  ["quoteCues", "Cues before a quotation"],
  ["namingCues", "Naming cues (called, dubbed)"],
  ["clauseCues", "Clause cues"],
  ["objectCues", "Verbs that take the speaker as object"],
  ["idioms", "Idioms that are not speech (left out)"],
  ["sourcePrepositions", "Source prepositions"],
  ["soCalled", "So-called (marks a scare quote)"],
  ["authorCredit", "Author credits"],
  ["byline", "Bylines"],
];

type Bilingual = { en: string[]; nl: string[] };
const bilingual = (value: unknown): Bilingual => {
  const v = (value ?? {}) as Partial<Record<"en" | "nl", unknown>>;
  const list = (x: unknown) => (Array.isArray(x) ? x.map(String) : []);
  return { en: list(v.en), nl: list(v.nl) };
};

/**
 * The speech-cue file (already validated by the analysis) as the coding manual shows it: its cue sections
 * and the words that name anonymous sources, groups and documents.
 */
export function speechCuesView(file: string): z.infer<typeof speechCuesViewSchema> {
  const raw = parse(readFileSync(file, "utf8")) as Record<string, unknown> & { speakers?: Record<string, unknown> };
  const speakers = raw.speakers ?? {};
  return {
    title: String(raw.title),
    version: String(raw.version),
    licence: String(raw.licence),
    source: String(raw.source),
    sections: [
      ...CUE_SECTIONS.filter(([id]) => id in raw).map(([id, label]) => ({ id, label, terms: bilingual(raw[id]) })),
      ...(
        [
          ["groups", "Unnamed groups (analysts, officials)"],
          ["anonymous", "Anonymous sources"],
          ["documents", "Documents"],
        ] as const
      )
        .filter(([id]) => id in speakers)
        .map(([id, label]) => ({ id: `speakers-${id}`, label, terms: bilingual(speakers[id]) })),
    ],
  };
}

/** The actor gazetteer (already validated) as the coding manual shows it. */
export function actorsView(file: string): z.infer<typeof actorsViewSchema> {
  const raw = parse(readFileSync(file, "utf8")) as {
    version: string;
    camps: Array<{ id: string; label: string }>;
    inGroup: string;
    outGroup: string;
    actors: Array<{ id: string; label: string; camp: string; kind: string; aliases: unknown }>;
  };
  return {
    version: String(raw.version),
    camps: raw.camps.map(({ id, label }) => ({ id, label })),
    inGroup: raw.inGroup,
    outGroup: raw.outGroup,
    actors: raw.actors.map((a) => ({ id: a.id, label: a.label, camp: a.camp, kind: a.kind, aliases: bilingual(a.aliases) })),
  };
}
