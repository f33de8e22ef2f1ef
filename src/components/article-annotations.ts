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

/** A category that can be highlighted, with its colour (for a frame or quotation, its light tint) and, for a
 * frame or quotation, the darker colour of the line that marks it (`edge`). */
export interface Category {
  readonly kind: "frame" | "device" | "tone" | "voice";
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly edge?: string;
}

// The reader's palette (issue 32; WCAG 2.1 1.4.1, 1.4.3 and 1.4.11), checked pair by pair in
// test/site/reader-palette.test.ts. A frame's mark is a light tint, a solid underline in a darker shade of
// the same hue and the frame's number after it. The tint only groups the words: it stays light (1.0–1.7:1
// on white) so that text and tone words on it keep 4.5:1. What tells a frame from the page and from other
// frames is the underline, at 3.5:1 or more against both its tint and white, and the number, which does
// not need colour. Tints: ColorBrewer Set3 (Cynthia Brewer, Apache-2.0) mixed half-way with white;
// underlines: the same hue and chroma in CIE LCh, darkened until 3.5:1 against the tint.
const FRAME_PALETTE: ReadonlyArray<{ tint: string; edge: string }> = [
  { tint: "#c6e9e3", edge: "#3b8176" },
  { tint: "#ffffd9", edge: "#8a8b46" },
  { tint: "#dfdded", edge: "#736f8d" },
  { tint: "#fdc0b9", edge: "#b5423b" },
  { tint: "#c0d8e9", edge: "#407292" },
  { tint: "#fedab1", edge: "#a46613" },
  { tint: "#d9efb4", edge: "#5a8409" },
  { tint: "#fee6f2", edge: "#9a7086" },
  { tint: "#ececec", edge: "#7c7c7c" },
  { tint: "#dec0de", edge: "#88508a" },
  { tint: "#e6f5e2", edge: "#6b8765" },
  { tint: "#fff6b7", edge: "#8e8300" },
  { tint: "#fddad7", edge: "#a46460" },
  { tint: "#d9e6f1", edge: "#627a8e" },
  { tint: "#efe5f2", edge: "#85738a" },
  { tint: "#ffecd3", edge: "#98794a" },
  { tint: "#f2ecde", edge: "#877c63" },
  { tint: "#f9f9f9", edge: "#858585" },
];
/** The colour of a frame's number after its mark (text: 4.5:1 or more on every tint). */
export const FRAME_NUMBER_COLOR = "#333333";
// Devices' underlines: ColorBrewer Dark2, each darkened in CIE LCh (hue and chroma kept) to 3:1 against
// white, every frame tint and the quotation tint, since a device's underline may lie on any of them.
const DEVICE_COLORS = ["#007d58", "#bd4700", "#6b66a8", "#d4007b", "#3f7c00", "#8e6700", "#926505", "#666666"];
export const DEVICE_STYLES = ["solid", "wavy", "dashed", "dotted", "double"];

/**
 * The smallest share of a sentence's tone (on −1..1) a word must carry to be marked in the reader. The
 * lexicon path gives shares only to its own words (nearly all 0.05 or more); the Dutch news model gives one
 * to every word, most of them tiny ("de", "dat"), and marking them all hid the words that carry the tone.
 * Every word's share stays in the record and the exports; this only chooses what the reader underlines.
 */
export const TONE_MARK_MIN = 0.05;

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
      color: FRAME_PALETTE[i % FRAME_PALETTE.length]!.tint,
      edge: FRAME_PALETTE[i % FRAME_PALETTE.length]!.edge,
    })),
    ...devices.map((entry, i) => ({
      kind: "device" as const,
      id: entry.id,
      label: entry.label,
      color: DEVICE_COLORS[i % DEVICE_COLORS.length]!,
    })),
    // Both bold, negative words also italic: the pair differs in shape as well as hue (and each mark's
    // accessible description says which it is).
    { kind: "tone" as const, id: "positive", label: `Positive words (bold; +${TONE_MARK_MIN} or more)`, color: "#174a85" },
    { kind: "tone" as const, id: "negative", label: `Negative words (bold italic; −${TONE_MARK_MIN} or less)`, color: "#8a3700" },
    // A light tint that groups the words, and a dotted line above them that marks them at 3:1 or more.
    { kind: "voice" as const, id: "quote", label: "Quoted or reported", color: "#e3dcf5", edge: "#5e3c99" },
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
      s.contributions
        .filter((c) => Math.abs(c.value) >= TONE_MARK_MIN)
        .map((c) => ({
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
