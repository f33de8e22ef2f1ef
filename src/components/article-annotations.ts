// What the article reader marks (article-reader.ts): the categories a reader can highlight, with their
// colours, and a record's annotations (framing markers, rhetorical devices, tone words, voices) labelled
// for tooltips.
import type { ArticleRecord } from "../../data-loaders/schema/record.ts";

/** A highlighted span: a framing marker, a rhetorical device, a word's contribution to tone, or a voice
 * (a quotation or reported speech, its cue, its speaker). */
export interface Annotation {
  readonly kind: "frame" | "device" | "tone" | "voice";
  readonly id: string;
  readonly start: number;
  readonly end: number;
  /** Said in the tooltip, e.g. "The Hegemon (personified)". */
  readonly label: string;
}

/** A category that can be highlighted, with its colour. */
export interface Category {
  readonly kind: "frame" | "device" | "tone" | "voice";
  readonly id: string;
  readonly label: string;
  readonly color: string;
}

// Light tints for frames (black text keeps a contrast ratio above 7:1 on each) and strong colours for the
// underlines of devices. From ColorBrewer Set3 and Pastel1, and Dark2 (Cynthia Brewer, Apache-2.0). A tint is
// never the only sign (issue 32, WCAG 1.4.1 and 1.4.11): a frame marker also has a dark underline and its
// frame's number after it, shown as in the legend, and the tints are drawn half-way to white
// (FRAME_TINT_MIX) so that tone words keep 4.5:1 on them. Dark2's light green and yellow are darkened to
// 3:1 on white (#66a61e to #4e8a12, #e6ab02 to #a67c00).
const FRAME_COLORS = [
  "#8dd3c7",
  "#ffffb3",
  "#bebada",
  "#fb8072",
  "#80b1d3",
  "#fdb462",
  "#b3de69",
  "#fccde5",
  "#d9d9d9",
  "#bc80bd",
  "#ccebc5",
  "#ffed6f",
  "#fbb4ae",
  "#b3cde3",
  "#decbe4",
  "#fed9a6",
  "#e5d8bd",
  "#f2f2f2",
];
const DEVICE_COLORS = ["#1b9e77", "#d95f02", "#7570b3", "#e7298a", "#4e8a12", "#a67c00", "#a6761d", "#666666"];
/** How much white a frame's tint is mixed with (CSS color-mix), so tone words on it keep 4.5:1. */
export const FRAME_TINT_MIX = "50%";
export const DEVICE_STYLES = ["solid", "wavy", "dashed", "dotted", "double"];

/** Assigns each codebook entry its colour, in codebook order; tone words are blue (positive) or orange
 * (negative), a pair that stays distinct with the common colour-vision deficiencies. */
export function categoriesOf(
  framing: readonly { id: string; label: string }[],
  devices: readonly { id: string; label: string }[],
): Category[] {
  return [
    ...framing.map((entry, i) => ({
      kind: "frame" as const,
      id: entry.id,
      label: entry.label,
      color: FRAME_COLORS[i % FRAME_COLORS.length]!,
    })),
    ...devices.map((entry, i) => ({
      kind: "device" as const,
      id: entry.id,
      label: entry.label,
      color: DEVICE_COLORS[i % DEVICE_COLORS.length]!,
    })),
    // Bold, and negative words also italic: the pair differs in shape as well as hue.
    { kind: "tone" as const, id: "positive", label: "Positive words", color: "#174a85" },
    { kind: "tone" as const, id: "negative", label: "Negative words (italic)", color: "#8a3700" },
    { kind: "voice" as const, id: "quote", label: "Quoted or reported", color: "#e3dcf5" },
    { kind: "voice" as const, id: "cue", label: "Speech cues", color: "#5e3c99" },
    { kind: "voice" as const, id: "speaker", label: "Speakers", color: "#5e3c99" },
  ];
}

/** ", inside a quotation" or ", in scare quotes" for a mark inside one, else nothing. */
const quoted = (quote: string | null) => (quote === "direct" ? ", inside a quotation" : quote === "scare" ? ", in scare quotes" : "");
/** A tone value with its sign and two decimals; one that rounds to zero is "0.00". */
const signed = (x: number) => (Number(x.toFixed(2)) === 0 ? "0.00" : `${x > 0 ? "+" : ""}${x.toFixed(2)}`);

/** The annotations of a record, labelled with the codebooks' category labels. */
export function annotationsOf(record: ArticleRecord, categories: readonly Category[]): Annotation[] {
  const label = (kind: Annotation["kind"], id: string) => categories.find((c) => c.kind === kind && c.id === id)?.label ?? id;
  return [
    ...record.markers.map((m) => ({
      kind: "frame" as const,
      id: m.frame,
      start: m.start,
      end: m.end,
      label: `${label("frame", m.frame)}${m.form ? ` (${m.form})` : ""}${quoted(m.quote)}`,
    })),
    ...record.devices.map((d) => ({
      kind: "device" as const,
      id: d.device,
      start: d.start,
      end: d.end,
      label: `${label("device", d.device)}${d.device === "scare-quotes" ? "" : quoted(d.quote)}`,
    })),
    ...record.sentiment.sentences.flatMap((s) =>
      s.contributions.map((c) => ({
        kind: "tone" as const,
        id: c.value > 0 ? "positive" : "negative",
        start: c.start,
        end: c.end,
        label: `tone ${signed(c.value)} of the sentence's ${signed(s.score)}${s.baseline === undefined ? "" : `; the model's baseline ${signed(s.baseline)}`}`,
      })),
    ),
    ...record.attributions.flatMap(voiceAnnotations),
  ];
}

/** An attribution's marks: its quotation or reported speech, its speech cue and its speaker, where found. */
function voiceAnnotations(a: ArticleRecord["attributions"][number]): Annotation[] {
  // The learned detector's reasons: "probability 0.97; weighed most: w=said +1.23, after-quote +0.91".
  const cueReasons = (m: NonNullable<typeof a.cueModel>) =>
    `; probability ${m.probability.toFixed(2)}; weighed most: ${m.reasons.map((r) => `${r.feature} ${r.weight > 0 ? "+" : ""}${r.weight}`).join(", ")}`;
  const who = a.speaker ? `${a.speaker}${a.speakerType ? ` (${a.speakerType.replace("-", " ")})` : ""}` : "speaker not found";
  const how =
    (a.resolvedBy === "pronoun" || a.resolvedBy === "surname" || a.resolvedBy === "relative" ? `, referred to by ${a.resolvedBy}` : "") +
    (a.speakerRule ? `; found by the ${a.speakerRule} rule` : "");
  const kind = { indirect: "reported", mixed: "partly quoted", direct: "quoted", thought: "thought or belief of" }[a.kind];
  return [
    {
      kind: "voice" as const,
      id: "quote",
      start: a.quote.start,
      end: a.quote.end,
      label: `${kind}: ${who}`,
    },
    ...(a.cueSpan
      ? [
          {
            kind: "voice" as const,
            id: "cue",
            start: a.cueSpan.start,
            end: a.cueSpan.end,
            label: `speech cue "${a.cue}"${a.cueRule ? ` (${a.cueRule})` : ""}${a.cueModel ? cueReasons(a.cueModel) : ""}`,
          },
        ]
      : []),
    ...(a.speakerSpan
      ? [{ kind: "voice" as const, id: "speaker", start: a.speakerSpan.start, end: a.speakerSpan.end, label: `speaker: ${who}${how}` }]
      : []),
  ];
}
