/**
 * Which column or field of an imported corpus (CSV, TSV, JSON, JSON Lines, a side CSV of text files) holds
 * which article field: the default column names, `--map field=column` (or `CORPUS_MAP`), and the fields
 * that look like a known one ("date", "source", "lang") but are not read as it.
 */
import type { CorpusError } from "./corpus-error.ts";

/** The article fields a column can be mapped to. */
export const MAPPABLE_FIELDS = ["id", "text", "title", "published", "outlet", "url", "language", "author"] as const;
export type MappableField = (typeof MAPPABLE_FIELDS)[number];

/**
 * The column names read as each field without a mapping, in order of preference (matched ignoring case and
 * surrounding spaces). Media Cloud's story CSV (stories_id, publish_date, title, url, language, media_name,
 * text) needs no mapping.
 */
export const DEFAULT_COLUMNS: Readonly<Record<MappableField, readonly string[]>> = {
  id: ["id", "stories_id"],
  text: ["text", "body", "content"],
  title: ["title", "headline"],
  published: ["published", "date", "publish_date"],
  outlet: ["outlet", "source", "media_name"],
  url: ["url"],
  language: ["language", "lang"],
  author: ["author", "byline"],
};

/**
 * Names that look like a field but are not read as it unless mapped: a Markdown or JSON Lines article with
 * `date:` (the corpus format says `published`), or a CSV column `pub_date`. Compared with
 * {@link fieldKey}, so "Pub-Date" and "pubdate" are one name. English and Dutch.
 */
const LOOKALIKES: Readonly<Record<MappableField, readonly string[]>> = {
  id: ["stories_id", "story_id", "article_id", "doc_id", "uuid", "identifier"],
  text: ["body", "content", "article", "fulltext", "article_text", "maintext", "story", "tekst"],
  title: ["headline", "titel", "kop", "heading"],
  published: [
    "date",
    "publish_date",
    "pub_date",
    "publication_date",
    "published_at",
    "publish_time",
    "datetime",
    "timestamp",
    "created_at",
    "datum",
    "publicatiedatum",
  ],
  outlet: ["source", "media_name", "media", "medium", "publisher", "newspaper", "source_name", "krant", "bron"],
  url: ["link", "permalink", "href", "uri", "web_url", "article_url"],
  language: ["lang", "locale", "language_code", "taal"],
  author: ["byline", "authors", "writer", "creator", "journalist", "auteur"],
};

/** A name as compared for look-alikes: lower case, letters and digits only ("Pub-Date" → "pubdate"). */
export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
}

const LOOKALIKE_FIELD = new Map<string, MappableField>(
  MAPPABLE_FIELDS.flatMap((field) => LOOKALIKES[field].map((name) => [fieldKey(name), field] as const)),
);

/**
 * The field a name looks like, or null: `lookalikeField("date")` is "published". A field's own name is not
 * a look-alike of it.
 * @example lookalikeField("Pub_Date") // "published"
 */
export function lookalikeField(name: string): MappableField | null {
  const key = fieldKey(name);
  // "Published" or "TITLE": the field's own name, written otherwise.
  const own = MAPPABLE_FIELDS.find((field) => field === key && name !== field);
  return own ?? LOOKALIKE_FIELD.get(key) ?? null;
}

/** Every field name the corpus format reads: a column so named can only be that field. */
const CORPUS_FIELD_NAMES: readonly string[] = [...MAPPABLE_FIELDS, "provenance"];

/** A parsed `--map`: field → column, in the order given. */
export type FieldMap = ReadonlyMap<MappableField, string>;

/**
 * Parses mappings written `field=column`, each argument holding one or several separated by commas
 * (`--map title=Kop --map published=Datum`, `CORPUS_MAP=title=Kop,published=Datum`). A column name with a
 * comma cannot be mapped this way; rename the column.
 * @throws nothing: problems are returned as errors naming `where` (the flag or variable)
 * @example parseFieldMap(["title=Kop"], "--map").map.get("title") // "Kop"
 */
export function parseFieldMap(specs: readonly string[], where: string): { map: FieldMap; errors: CorpusError[] } {
  const map = new Map<MappableField, string>();
  const errors: CorpusError[] = [];
  const fail = (message: string) => errors.push({ file: where, field: "mapping", message });
  for (const spec of specs.flatMap((s) => s.split(",")).map((s) => s.trim())) {
    if (spec === "") continue;
    const equals = spec.indexOf("=");
    const field = spec.slice(0, equals).trim();
    const column = spec.slice(equals + 1).trim();
    if (equals < 0 || field === "" || column === "") fail(`"${spec}" is not field=column (for example published=date)`);
    else if (!(MAPPABLE_FIELDS as readonly string[]).includes(field))
      fail(`"${field}" is not a field that can be mapped; use one of ${MAPPABLE_FIELDS.join(", ")}`);
    else if (map.has(field as MappableField)) fail(`"${field}" is mapped twice (to ${map.get(field as MappableField)} and ${column})`);
    else map.set(field as MappableField, column);
  }
  return { map, errors };
}

/** A mapping written back as text (`title=Kop,published=Datum`): how a run's settings are fingerprinted. */
export function formatFieldMap(map: FieldMap): string {
  return [...map].map(([field, column]) => `${field}=${column}`).join(",");
}

/** How a table's columns are read: each field's column, the columns kept in `meta.extra`, and what to say. */
export interface ColumnPlan {
  readonly columns: Partial<Record<MappableField, string>>;
  /** Columns read into `meta.extra` under their own name. */
  readonly extra: readonly string[];
  readonly errors: readonly CorpusError[];
  /** For the import's report: each field and the column it is read from, and the columns kept in extra. */
  readonly notes: readonly string[];
  /** "Did you mean" lines for unread columns that look like a field that has no column. */
  readonly warnings: readonly string[];
}

/**
 * Decides which column of `header` holds each field: a mapped column (exact name, else ignoring case), else
 * the first default column present ({@link DEFAULT_COLUMNS}). Errors: a mapped column that is not in the
 * header, a required field (`required`) with no column, a column read as two fields, and an unread column
 * named like a field (it would be read as that field). Every unread column goes to `meta.extra`; one that
 * looks like an unmapped field gets a "did you mean" note.
 * @example planColumns(["stories_id", "text", "publish_date"], new Map(), "mc.csv", ["text"]).columns.published // "publish_date"
 */
export function planColumns(
  header: readonly string[],
  map: FieldMap,
  file: string,
  required: readonly MappableField[],
  fieldNames: readonly string[] = CORPUS_FIELD_NAMES,
): ColumnPlan {
  const errors: CorpusError[] = [];
  const notes: string[] = [];
  const warnings: string[] = [];
  const columns = fieldColumns(header, map, file, required, { errors, notes });
  const used = new Map<string, MappableField>();
  for (const field of MAPPABLE_FIELDS) {
    const column = columns[field];
    if (column === undefined) continue;
    const other = used.get(column);
    if (other) errors.push({ file, field, message: `column "${column}" is already read as ${other}; map another column` });
    used.set(column, field);
    notes.push(`${field} ← "${column}"`);
  }
  const extra = header.filter((c) => !used.has(c));
  for (const column of extra) {
    if (fieldNames.includes(column)) {
      errors.push({
        file,
        field: column,
        message: `column "${column}" is named like a field but another column is mapped to it; rename one`,
      });
      continue;
    }
    const like = lookalikeField(column);
    if (like && columns[like] === undefined)
      warnings.push(`did you mean \`${like}\`? column "${column}" is kept in meta.extra; read it with --map ${like}=${column}`);
  }
  if (extra.length) notes.push(`kept in extra: ${extra.map((c) => `"${c}"`).join(", ")}`);
  return { columns, extra, errors, notes, warnings };
}

/**
 * Each field's column (see planColumns): the mapped one, else the first default column in the header. A
 * mapped column missing from the header and a required field without a column go to `errors`; other
 * columns that look like a field's default go to `notes`.
 */
function fieldColumns(
  header: readonly string[],
  map: FieldMap,
  file: string,
  required: readonly MappableField[],
  { errors, notes }: { errors: CorpusError[]; notes: string[] },
): Partial<Record<MappableField, string>> {
  const columns: Partial<Record<MappableField, string>> = {};
  const find = (name: string) => header.find((c) => c === name) ?? header.find((c) => c.trim().toLowerCase() === name.toLowerCase());
  const listed = header.map((c) => JSON.stringify(c)).join(", ");
  for (const field of MAPPABLE_FIELDS) {
    const wanted = map.get(field);
    if (wanted !== undefined) {
      const column = find(wanted);
      if (column === undefined)
        errors.push({ file, field, message: `mapped to column "${wanted}", which is not in the header (${listed})` });
      else columns[field] = column;
      continue;
    }
    const candidates = DEFAULT_COLUMNS[field].map(find).filter((c): c is string => c !== undefined);
    const [first, ...others] = [...new Set(candidates)];
    if (first !== undefined) columns[field] = first;
    if (first !== undefined && others.length)
      notes.push(`${field}: read from "${first}"; ${others.map((c) => `"${c}"`).join(", ")} also looks like it and is kept in extra`);
    if (first === undefined && required.includes(field)) {
      const names = DEFAULT_COLUMNS[field].join(", ");
      errors.push({
        file,
        field,
        message: `no ${field} column: the header has ${listed}; name a column ${names}, or map one: --map ${field}=<column> (CORPUS_MAP for the site)`,
      });
    }
  }
  return columns;
}

/**
 * "Did you mean" warnings for the fields of one article that look like a known field whose value is
 * missing: `date` beside no `published`. For Markdown front matter and JSON Lines, whose field names are
 * the corpus format's own and are never guessed.
 * @example lookalikeWarnings({ date: "2024-01-02" }, { published: null }) // [{ name: "date", field: "published" }]
 */
export function lookalikeWarnings(
  extra: Readonly<Record<string, unknown>>,
  set: Readonly<Partial<Record<MappableField, unknown>>>,
): { readonly name: string; readonly field: MappableField }[] {
  return Object.keys(extra)
    .map((name) => ({ name, field: lookalikeField(name) }))
    .filter((w): w is { name: string; field: MappableField } => w.field !== null && (set[w.field] ?? null) === null);
}
