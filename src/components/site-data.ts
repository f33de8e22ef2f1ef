// The site's data beyond what a page loads with FileAttachment: the corpus index decoded into rows, and the files a page
// fetches when it shows an article or one page of a long list (the index's pages, the record, an article's rows, concordance
// pages, voice lists). Those files are entries of data/corpus.zip like the others, but there are as many as there are articles,
// so pages fetch them by name instead of declaring each one: `npm run dev` serves them from the zip on request, and
// `npm run build` writes them into the site (scripts/build.ts) at the same paths. What each holds: data-loaders/schema/site-outputs.ts.
import type { ArticleRows, ArticleSummary, IndexManifest } from "../../data-loaders/schema/site-outputs.ts";

/** One entry of the corpus index (a page of it, index/<page>.json), as a row. */
export type IndexRow = Pick<
  ArticleSummary,
  | "id"
  | "title"
  | "words"
  | "sentences"
  | "titleSource"
  | "language"
  | "languageSource"
  | "provenanceKind"
  | "provenance"
  | "outlet"
  | "sourceName"
  | "sourceBasis"
  | "author"
  | "published"
> & {
  /** The frames the article uses, space-separated ids. */
  readonly frameIds: string;
};

interface IndexFile {
  readonly count: number;
  readonly columns: Record<string, readonly unknown[] | { readonly values: readonly unknown[]; readonly codes: readonly number[] }>;
}

/** An index page's columns as one object per article, in id order. */
export function indexRows(file: IndexFile): IndexRow[] {
  const columns = Object.entries(file.columns).map(([name, column]) => {
    if ("codes" in column) return [name, (i: number) => column.values[column.codes[i]!]] as const;
    return [name, (i: number) => column[i]] as const;
  });
  return Array.from({ length: file.count }, (_, i) => Object.fromEntries(columns.map(([name, at]) => [name, at(i)])) as IndexRow);
}

/** The site's root, from this module's own address (the module sits two folders down, in _import/components/). */
const ROOT = new URL("../../", import.meta.url);

const fetched = new Map<string, Promise<unknown>>();

/** A fetched data file by its name inside data/corpus.zip (e.g. "rows/001.json"); each is fetched once. */
export function corpusFile<T = unknown>(name: string): Promise<T> {
  let promise = fetched.get(name);
  if (!promise) {
    const url = new URL(`_file/data/corpus/${name.split("/").map(encodeURIComponent).join("/")}`, ROOT);
    promise = fetch(url).then((response) => {
      if (!response.ok) throw new Error(`${name}: ${response.status} ${response.statusText}`);
      return response.json();
    });
    promise.catch(() => fetched.delete(name));
    fetched.set(name, promise);
  }
  return promise as Promise<T>;
}

/** Index page `page` (index/<page>.json) as rows, in id order; each page is fetched once. */
export async function indexPageRows(page: number): Promise<IndexRow[]> {
  return indexRows(await corpusFile<IndexFile>(`index/${page}.json`));
}

/** The index page that would hold article `id`: the last whose first id is not after it (code-unit order). */
export function pageOfId(manifest: Pick<IndexManifest, "firstIds">, id: string): number {
  let low = 0;
  let high = manifest.firstIds.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (manifest.firstIds[middle]! <= id) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** The index rows of articles `ids` (those in the corpus), by id, fetching only the index pages that hold them. */
export async function indexRowsById(manifest: Pick<IndexManifest, "firstIds">, ids: Iterable<string>): Promise<Map<string, IndexRow>> {
  const wanted = new Set(ids);
  const pages = [...new Set([...wanted].map((id) => pageOfId(manifest, id)))].sort((a, b) => a - b);
  const rows = (await Promise.all(pages.map(indexPageRows))).flat();
  return new Map(rows.filter((r) => wanted.has(r.id)).map((r) => [r.id, r]));
}

/** The index rows at positions `positions` of the corpus (id order, from 0), by position, fetching only their pages. */
export async function indexRowsAt(manifest: Pick<IndexManifest, "pageSize">, positions: Iterable<number>): Promise<Map<number, IndexRow>> {
  const wanted = [...new Set(positions)];
  const pages = [...new Set(wanted.map((p) => Math.floor(p / manifest.pageSize)))].sort((a, b) => a - b);
  const fetchedPages = new Map(await Promise.all(pages.map(async (page) => [page, await indexPageRows(page)] as const)));
  return new Map(wanted.map((p) => [p, fetchedPages.get(Math.floor(p / manifest.pageSize))![p % manifest.pageSize]!]));
}

/**
 * The corpus's article ids by position (id order, from 0) and positions by id, looked up in only the index
 * pages needed: what the course pages use instead of the whole list of ids.
 */
export interface ArticleIds {
  /** Articles per index page (index/<page>.json, and a public build's public/articles/<page>.json). */
  readonly pageSize: number;
  /** The id of the article at `position`. */
  at(position: number): Promise<string>;
  /** The positions of those of `ids` that are articles of the corpus, by id. */
  positions(ids: Iterable<string>): Promise<Map<string, number>>;
}

/** ArticleIds over the index pages of `manifest`. */
export function articleIds(manifest: Pick<IndexManifest, "firstIds" | "pageSize">): ArticleIds {
  return {
    pageSize: manifest.pageSize,
    at: async (position) => (await indexRowsAt(manifest, [position])).get(position)!.id,
    positions: async (ids) => {
      const wanted = new Set(ids);
      const pages = [...new Set([...wanted].map((id) => pageOfId(manifest, id)))];
      const found = new Map<string, number>();
      for (const page of pages)
        (await indexPageRows(page)).forEach((row, i) => {
          if (wanted.has(row.id)) found.set(row.id, page * manifest.pageSize + i);
        });
      return found;
    },
  };
}

/**
 * The most index pages a list's labels fetch (articleLabels): about 15 KB each (100 articles), so at most
 * about 1.2 MB whatever the corpus size. Every list but one names at most 60 articles, so all its labels
 * are fetched; a 400-line concordance page naming articles on more pages names the rest by id.
 */
export const LABEL_PAGES = 80;

/**
 * Axis and link labels for articles `ids` (articleLabeller), from the index pages that hold them (at most
 * LABEL_PAGES of them, those holding most of the articles); an article on another page is named by its id
 * (and its link still opens it).
 */
export async function articleLabels(manifest: Pick<IndexManifest, "firstIds">, ids: Iterable<string>): Promise<(id: string) => string> {
  const perPage = new Map<number, number>();
  for (const id of new Set(ids)) perPage.set(pageOfId(manifest, id), (perPage.get(pageOfId(manifest, id)) ?? 0) + 1);
  const pages = [...perPage].sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, LABEL_PAGES);
  return articleLabeller((await Promise.all(pages.map(([page]) => indexPageRows(page)))).flat());
}

/** What a public build says of one article (public/articles.json; data-loaders/publish/public-build.ts). */
export interface PublicArticle {
  readonly id: string;
  readonly url: string | null;
  readonly licence: string;
  readonly open: boolean;
  readonly attribution: string | null;
  readonly textSha256: string;
}

/**
 * In a public build (a file's `build.public` is set), what it says of the articles at `positions` of the
 * corpus index (id order, from 0), by position, from only the pages that hold them
 * (public/articles/<page>.json, aligned with index/<page>.json); null in a full build. Pages show this instead
 * of the text of a closed article, which such a build does not publish.
 */
export async function publicArticlesAt(
  build: { readonly public?: unknown },
  manifest: Pick<IndexManifest, "pageSize">,
  positions: Iterable<number>,
): Promise<Map<number, PublicArticle> | null> {
  if (!build.public) return null;
  const wanted = [...new Set(positions)];
  const pages = [...new Set(wanted.map((p) => Math.floor(p / manifest.pageSize)))].sort((a, b) => a - b);
  const fetchedPages = new Map(
    await Promise.all(
      pages.map(
        async (page) => [page, (await corpusFile<{ articles: PublicArticle[] }>(`public/articles/${page}.json`)).articles] as const,
      ),
    ),
  );
  return new Map(wanted.map((p) => [p, fetchedPages.get(Math.floor(p / manifest.pageSize))![p % manifest.pageSize]!]));
}

/** In a public build, what it says of article `id` (from the one page that would hold it); null in a full build or for no such article. */
export async function publicArticle(
  build: { readonly public?: unknown },
  manifest: Pick<IndexManifest, "firstIds" | "pageSize">,
  id: string,
): Promise<PublicArticle | null> {
  if (!build.public) return null;
  const page = pageOfId(manifest, id);
  const { articles } = await corpusFile<{ articles: PublicArticle[] }>(`public/articles/${page}.json`);
  return articles.find((article) => article.id === id) ?? null;
}

/** The rows files of some articles, in the order given. */
export function articleRows(ids: readonly string[]): Promise<ArticleRows[]> {
  return Promise.all(ids.map((id) => corpusFile<ArticleRows>(`rows/${id}.json`)));
}

/** The reader's address for an article, from a page `depth` folders below the root. */
export function readerHref(
  id: string,
  {
    show,
    actor,
    camp,
    speaker,
    sentence,
    depth = 0,
  }: { show?: string; actor?: string; camp?: "in" | "out"; speaker?: string; sentence?: number; depth?: number } = {},
): string {
  const query = new URLSearchParams({ id });
  if (show) query.set("show", show);
  if (actor) query.set("actor", actor);
  if (camp) query.set("camp", camp);
  if (speaker) query.set("speaker", speaker);
  return `${depth ? "../".repeat(depth) : "./"}article.html?${query}${sentence === undefined ? "" : `#s-${sentence}`}`;
}

/** Lower case without diacritics, for matching what a user types against titles and names. */
export function folded(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{Mn}/gu, "")
    .toLowerCase();
}

/**
 * A control for showing a long list a page at a time: "‹ previous", "page k of n", "next ›". Its value is the
 * page number (from 0); it fires "input" when that changes, so `view(pager(...))` works in a page.
 */
export function pager(pages: number, { label = "" }: { label?: string } = {}): HTMLElement & { value: number } {
  const form = document.createElement("form") as unknown as HTMLFormElement & { value: number };
  form.className = "pager";
  form.value = 0;
  const previous = document.createElement("button");
  const next = document.createElement("button");
  const status = document.createElement("span");
  // Said when it changes ("page 2 of 3"), without taking focus from the button pressed.
  status.setAttribute("role", "status");
  previous.type = next.type = "button";
  previous.textContent = "‹ previous";
  next.textContent = "next ›";
  const draw = () => {
    status.textContent = `${label}page ${form.value + 1} of ${Math.max(pages, 1)}`;
    previous.disabled = form.value <= 0;
    next.disabled = form.value >= pages - 1;
  };
  const go = (step: number) => {
    const pressed = step < 0 ? previous : next;
    // Asked before drawing: a browser may move focus off a button the moment it is disabled.
    const hadFocus = document.activeElement === pressed;
    form.value = Math.min(Math.max(form.value + step, 0), Math.max(pages - 1, 0));
    draw();
    // The button pressed is disabled at the first or last page: focus goes to the other, never to the body.
    if (pressed.disabled && hadFocus) (step < 0 ? next : previous).focus();
    form.dispatchEvent(new Event("input", { bubbles: true }));
  };
  previous.addEventListener("click", () => go(-1));
  next.addEventListener("click", () => go(1));
  form.addEventListener("submit", (event) => event.preventDefault());
  form.append(previous, status, next);
  draw();
  return form;
}

/** The longest article label a chart's axis shows, in characters; the rest is cut at a word with "…". */
const ARTICLE_LABEL_CHARS = 34;

/**
 * Axis labels for articles, by id: the article's source (declared outlet, or what its text states) and its
 * title, shortened ("RT · Nu de op het Westen…"), instead of the bare id. Two articles may share a label;
 * charts still place them by id, and every mark's tooltip names the id and the full title.
 */
export function articleLabeller(rows: ReadonlyArray<Pick<IndexRow, "id" | "title" | "sourceName">>): (id: string) => string {
  const labels = new Map(rows.map((r) => [r.id, shorten(r.sourceName ? `${r.sourceName} · ${r.title}` : r.title, ARTICLE_LABEL_CHARS)]));
  return (id) => labels.get(id) ?? id;
}

/** `text` cut to at most `chars` characters at a word boundary where there is one, with "…". */
export function shorten(text: string, chars: number): string {
  if (text.length <= chars) return text;
  const cut = text.slice(0, chars - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > chars / 2 ? cut.slice(0, space) : cut).replace(/[\s,.;:·-]+$/, "")}…`;
}

/** Where an article's source was found, as a reader says it (data-loaders/compare/groupings.ts SOURCE_BASIS_LABELS). */
export const SOURCE_BASIS_LABELS: Readonly<Record<IndexRow["sourceBasis"], string>> = {
  declared: "declared",
  "origin-line": "origin line",
  "wire-credit": "wire credit",
  summary: "summary of",
  "credited-author": "credited author",
  none: "none found",
};

/** An article's source as its group is named: "RT", "RT (origin line)", or "no source stated". */
export function sourceLabel(row: Pick<IndexRow, "sourceName" | "sourceBasis">): string {
  if (row.sourceName === null) return "no source stated";
  return row.sourceBasis === "declared" ? row.sourceName : `${row.sourceName} (${SOURCE_BASIS_LABELS[row.sourceBasis]})`;
}
