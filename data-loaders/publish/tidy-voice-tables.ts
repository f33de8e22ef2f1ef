/**
 * The tidy tables of who speaks and who is named (tidy-tables.ts has the rest and the conventions):
 * attributions with the quotation's and the speaker's text, outlets the text names, tone per actor.
 */
import type { ArticleRecord } from "../schema/record.ts";
import type { ExportArticle } from "./export-article.ts";
import { codePointColumns, integer, real, text, tidyTable } from "./tidy-columns.ts";

const article = text<unknown>("article", "article id", (_, a) => a.record.id);

type Attribution = ArticleRecord["attributions"][number];
export const attributions = tidyTable(
  "attributions",
  "one row per quotation, piece of reported speech or reported thought",
  (a: ExportArticle) => a.record.attributions,
  [
    article,
    text("kind", "direct, mixed, indirect or thought", (x: Attribution) => x.kind),
    text("speaker", "canonical speaker, or empty when none was found", (x) => x.speaker),
    text(
      "speaker_type",
      "government, state-media, other-media, expert, document, anonymous, unnamed-group, other, or empty",
      (x) => x.speakerType,
    ),
    text("cue", "the cue as written (at most three words and … for a closed article in a public build)", (x, a) => a.written(x.cue)),
    text("cue_rule", "the rule that found the cue", (x) => x.cueRule),
    real(
      "cue_probability",
      "the learned cue detector's probability for the cue (English), or empty",
      (x) => x.cueModel?.probability ?? null,
    ),
    text("speaker_rule", "the sieve that found the speaker", (x) => x.speakerRule),
    text("resolved_by", "name, title, title-reference, pronoun, relative, surname or phrase", (x) => x.resolvedBy),
    integer("sentence", "sentence in which the quotation or content starts", (x) => x.sentence),
    integer("quote_start", "offset of the quotation or reported content (UTF-16 code units)", (x) => x.quote.start),
    integer("quote_end", "offset after it", (x) => x.quote.end),
    integer("cue_start", "offset of the cue", (x) => x.cueSpan?.start ?? null),
    integer("cue_end", "offset after the cue", (x) => x.cueSpan?.end ?? null),
    integer("speaker_start", "offset of the words naming the speaker", (x) => x.speakerSpan?.start ?? null),
    integer("speaker_end", "offset after them", (x) => x.speakerSpan?.end ?? null),
    text(
      "quote_text",
      "the quotation (marks included) or reported content as written; empty when the article's text is not exported",
      (x, a) => a.text(x.quote),
    ),
    text(
      "speaker_text",
      "the words naming the speaker here, as written (a pronoun, a surname …), or empty; at most three words for a closed article in a public build",
      (x, a) => a.written(x.speakerSpan ? a.record.text.slice(x.speakerSpan.start, x.speakerSpan.end) : null),
    ),
    ...codePointColumns<Attribution>("quote_", (x) => x.quote, "the quotation"),
    ...codePointColumns<Attribution>("cue_", (x) => x.cueSpan, "the cue"),
    ...codePointColumns<Attribution>("speaker_", (x) => x.speakerSpan, "the words naming the speaker"),
  ],
);

type Outlet = ArticleRecord["outlets"][number];
export const outlets = tidyTable("outlets", "one row per outlet or author the text names", (a: ExportArticle) => a.record.outlets, [
  article,
  text("name", "canonical name when the outlet gazetteer knows it, else as written", (o: Outlet) => o.name),
  text("outlet_id", "outlet gazetteer id, or empty", (o) => o.id),
  text("kind", "state-media or other-media, or empty", (o) => o.kind),
  text("role", "cited, origin, author-credit or wire-credit", (o) => o.role),
  integer("start", "offset (UTF-16 code units)", (o) => o.start),
  integer("end", "offset after it", (o) => o.end),
  text("written", "the name as the text writes it (at most three words for a closed article in a public build)", (o, a) =>
    a.written(a.record.text.slice(o.start, o.end)),
  ),
  ...codePointColumns<Outlet>("", (o) => o, "the name"),
]);

type ActorTone = ArticleRecord["actors"]["tone"][number];
export const actorTone = tidyTable("actor_tone", "one row per article and actor mentioned", (a: ExportArticle) => a.record.actors.tone, [
  article,
  text("actor", "actor gazetteer id", (t: ActorTone) => t.actor),
  text("camp", "the actor's camp", (t) => t.camp),
  integer("mentions", "mentions of the actor", (t) => t.mentions),
  integer("sentences", "sentences mentioning it", (t) => t.sentences.length),
  real("tone", "tone of those paragraph sentences, -1..1, or empty", (t) => t.tone),
  text("actor_label", "the actor's label in the gazetteer, as the pages show it", (t, a) => a.labels.actor.get(t.actor) ?? null),
  text("camp_label", "the camp's label in the gazetteer", (t, a) => a.labels.camp.get(t.camp) ?? null),
]);
