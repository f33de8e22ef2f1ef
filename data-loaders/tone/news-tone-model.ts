import { StemmerNl, StopwordsNl } from "@nlpjs/lang-nl";
import { z } from "zod";
import { fittedFileProvenance } from "../common/fitted-file.ts";
import { schemaErrors, type CorpusError } from "../reading/corpus-error.ts";
import type { Token } from "../reading/token.ts";
import { round6, type Contribution, type SentenceScore, type SentimentLexicon, type SentimentRules } from "./score-sentiment.ts";

/**
 * The Dutch news-tone model (corpus/models/dutch-news-tone.json), fitted by `npm run fit:tone` on the
 * development part of the ecosent headlines (van Atteveldt, van der Velden & Boukes 2021, MIT): an ordinal
 * logistic regression over features that each belong to one word, with the class thresholds chosen by
 * cross-validation. Kept as data with its provenance.
 */
const schema = z
  .object({
    ...fittedFileProvenance,
    cite: z.string().min(1),
    fittedOn: z.object({ items: z.number().int().min(1), part: z.literal("development") }).strict(),
    settings: z.record(z.string(), z.union([z.number(), z.string()])),
    /** The development figures of the chosen settings, out of fold (five folds inside the development part). */
    crossValidated: z.object({ accuracy: z.number().min(0).max(1), macroF1: z.number().min(0).max(1) }).strict(),
    /** The squash of the word sum into -1..1: x / sqrt(x² + alpha). */
    alpha: z.number().positive(),
    /** Class bounds on the squashed sentence score (−1 below `negative`, +1 above `positive`). */
    thresholds: z.object({ negative: z.number().finite(), positive: z.number().finite() }).strict(),
    weights: z.record(z.string().min(1), z.number().finite()),
  })
  .strict()
  .refine((m) => m.thresholds.negative <= m.thresholds.positive, { message: "thresholds.negative must not exceed thresholds.positive" });

export type NewsToneModel = z.infer<typeof schema>;

/** Validates a parsed model file. */
export function compileNewsToneModel(
  raw: unknown,
  file: string,
): { readonly model: NewsToneModel | null; readonly errors: readonly CorpusError[] } {
  const parsed = schema.safeParse(raw);
  return parsed.success ? { model: parsed.data, errors: [] } : { model: null, errors: schemaErrors(parsed.error.issues, file) };
}

/** One feature of one word and its value: a stem (`s=`), half of a word pair (`p=`), or the Pattern score (`lex`). */
export interface WordFeature {
  readonly feature: string;
  readonly value: number;
}

const UPPER = /\p{Lu}/u;
const LOWER = /\p{Ll}/u;
const normal = (value: string) => {
  const lower = value.toLowerCase();
  return lower.includes("’") ? lower.replace(/’/g, "'") : lower;
};

/** The words of a sentence the model reads (their indices among its tokens) and each word's features. */
export type ToneFeatureReader = (tokens: readonly Token[]) => {
  readonly words: readonly number[];
  readonly features: readonly WordFeature[][];
};

/**
 * The features of each word of a sentence, as `npm run fit:tone` fits them and the scorer reads them. Every
 * feature belongs to one word, so a word's contribution is the sum of its features' weights:
 * - `s=<stem>`: the word's stem (@nlpjs/lang-nl's Dutch stemmer), value 1;
 * - `p=<stem>_<stem>`: a pair of neighbouring words, value ½ on each of the two (a pair's weight is split
 *   evenly between its words);
 * - `lex`: the word's score in the Pattern lexicon (`lexicon`), when it has one.
 * A capitalised word is taken for part of a name and has no features: "Rusland" or "Poetin" must not
 * carry the tone of the economic news the weights were fitted on; it also breaks word pairs. The word that
 * opens a sentence is capitalised anyway: it has features when it is not written in capitals ("VS") and
 * `commonStem` says its stem is a common word's ("Werkloosheid stijgt"): when fitting, a stem seen in lower
 * case in the headlines; when scoring, a stem the model weighs (`s=<stem>` has a weight), the same set but
 * for the stems whose weight rounded to 0. A function word (@nlpjs/lang-nl's Dutch stopword list) has no
 * features either, unless it is one of `ruleWords` (the sentiment rules' negators, boosters, dampeners and
 * contrast words: "niet", "zeer", "maar"), so "het" or "in" never carry tone; pairs join the words on either
 * side of it. Word forms are memoised.
 * @example toneFeatureReader(lexicon)(tokensOf("Werkloosheid stijgt")).features[1] // [{ feature: "s=stijgt", value: 1 }, { feature: "p=werklos_stijgt", value: 0.5 }]
 */
export function toneFeatureReader(
  lexicon: SentimentLexicon,
  ruleWords: ReadonlySet<string> = new Set(),
  commonStem: (stem: string) => boolean = () => true,
): ToneFeatureReader {
  const stemmer = new StemmerNl();
  const stopwords = new StopwordsNl();
  // What a word form always brings, worked out once per form: its stem, its stem feature, its lexicon score.
  const forms = new Map<string, { readonly stem: string; readonly feature: WordFeature; readonly lex: number | undefined } | null>();
  const formOf = (value: string) => {
    let form = forms.get(value);
    if (form === undefined) {
      const word = normal(value);
      if (stopwords.isStopword(word) && !ruleWords.has(word)) {
        forms.set(value, null);
        return null;
      }
      const stem = stemmer.stemWord(word);
      form = { stem, feature: { feature: `s=${stem}`, value: 1 }, lex: lexicon(word) || undefined };
      forms.set(value, form);
    }
    return form;
  };
  return (tokens) => {
    const firstWord = tokens.findIndex((t) => t.type === "word");
    const words: number[] = [];
    const features: WordFeature[][] = [];
    let previous: string | null = null;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type !== "word") continue;
      const capital = UPPER.test(token.value[0]!);
      // Inside a sentence a capital starts a name; opening it, a word in capitals is an acronym ("VS", "ECB").
      if (capital && (i !== firstWord || (token.value.length > 1 && !LOWER.test(token.value)))) {
        previous = null;
        continue;
      }
      const form = formOf(token.value);
      if (form === null) continue;
      if (capital && !commonStem(form.stem)) {
        previous = null;
        continue;
      }
      const { stem, feature, lex } = form;
      const own: WordFeature[] = [feature];
      if (previous !== null) {
        const pair = `p=${previous}_${stem}`;
        features[features.length - 1]!.push({ feature: pair, value: 0.5 });
        own.push({ feature: pair, value: 0.5 });
      }
      if (lex !== undefined) own.push({ feature: "lex", value: lex });
      words.push(i);
      features.push(own);
      previous = stem;
    }
    return { words, features };
  };
}

/** The sentiment rules' own words (negators, boosters, dampeners, contrast words), which keep their features though they are function words. */
export function ruleWords(rules: Pick<SentimentRules, "negators" | "boosters" | "dampeners" | "contrast">): ReadonlySet<string> {
  return new Set([...rules.negators, ...rules.boosters, ...rules.dampeners, ...rules.contrast]);
}

/**
 * The length of a sentence's feature vector (square root of the sum of each feature's squared total
 * value): every feature value is divided by it, so a long sentence is not more extreme than a short one
 * for having more words. 0 for a sentence without features.
 */
export function featureNorm(features: readonly (readonly WordFeature[])[]): number {
  const totals = new Map<string, number>();
  for (const own of features) for (const { feature, value } of own) totals.set(feature, (totals.get(feature) ?? 0) + value);
  let sum = 0;
  for (const total of totals.values()) sum += total * total;
  return Math.sqrt(sum);
}

/** A model's weights as a map, for scoring (a look-up per feature). */
export function weightMap(model: Pick<NewsToneModel, "weights">): ReadonlyMap<string, number> {
  return new Map(Object.entries(model.weights));
}

/**
 * Scores one Dutch news sentence with the fitted model, explainably: a word's raw contribution is the sum of
 * its features' weights times their values, divided by the sentence's feature norm; the word sum x is the
 * model's ordinal score without its intercept (the intercept and cut points are in the class thresholds, so
 * a sentence without known words scores 0, neutral). As in the lexicon path, the sentence score is
 * x / sqrt(x² + alpha) and every contribution is scaled by the same factor, rounded to 6 decimals, the
 * score being their sum: the contributions sum to the sentence score.
 * @example scoreNewsSentence(tokensOf("Banen verdwijnen bij bank"), model, reader).score // < 0 with the bundled model
 */
export function scoreNewsSentence(
  tokens: readonly Token[],
  model: { readonly weights: ReadonlyMap<string, number>; readonly alpha: number },
  read: ToneFeatureReader,
  from = 0,
  to = tokens.length,
): SentenceScore {
  if (from !== 0 || to !== tokens.length) tokens = tokens.slice(from, to);
  const { words, features } = read(tokens);
  const norm = featureNorm(features);
  if (norm === 0) return { score: 0, contributions: [] };
  const values = features.map((own) => {
    let sum = 0;
    for (const { feature, value } of own) sum += (model.weights.get(feature) ?? 0) * value;
    return sum / norm;
  });
  const raw = values.reduce((sum, v) => sum + v, 0);
  const k = 1 / Math.sqrt(raw * raw + model.alpha);
  const contributions: Contribution[] = [];
  let score = 0;
  for (let w = 0; w < words.length; w++) {
    const value = round6(values[w]! * k);
    if (value === 0) continue;
    const token = tokens[words[w]!]!;
    contributions.push({ start: token.start, end: token.end, value });
    score += value;
  }
  return { score: round6(score), contributions };
}
