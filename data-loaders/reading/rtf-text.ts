/**
 * The text of an RTF file as paragraphs, for Nexis exports saved as `.rtf`. Written here because no small
 * maintained reader fits: rtf-stream-parser reads only RTF that encapsulates Outlook text or HTML
 * (`\fromtext`, `\fromhtml`), rtf-parser was last changed for Node 8 and reads streams only, and rtf.js
 * renders into a browser's DOM. What is read (RTF 1.9.1, Microsoft 2008): groups; control words and symbols;
 * `\uN` with the `\ucN` characters after it skipped; `\'hh` bytes in the `\ansicpg` code page (Windows-1252
 * by default); `\par`, `\line`, `\tab` and the named punctuation (`\emdash`, `\rquote` …); `\bin`. Left out:
 * the font, colour and style tables, `\info`, pictures, headers and footers, field instructions (a field's
 * result is kept), and every `\*` destination.
 */
import type { CorpusError } from "./corpus-error.ts";
import { PAGE_BREAK } from "./docx-document.ts";
import { decodeWindows1252 } from "./windows-1252.ts";

/** Destinations whose text is not the document's (RTF 1.9.1's tables and page furniture). */
const SKIPPED_DESTINATIONS = new Set([
  "fonttbl",
  "colortbl",
  "stylesheet",
  "info",
  "pict",
  "object",
  "fldinst",
  "header",
  "headerl",
  "headerr",
  "headerf",
  "footer",
  "footerl",
  "footerr",
  "footerf",
  "footnote",
  "listtable",
  "listoverridetable",
  "revtbl",
  "rsidtbl",
  "filetbl",
  "xmlnstbl",
  "themedata",
  "colorschememapping",
  "latentstyles",
  "datastore",
  "generator",
]);

/** Control words that stand for a character or a break. */
const CHARACTERS: Readonly<Record<string, string>> = {
  par: "\n\n",
  sect: "\n\n",
  page: `\n\n${PAGE_BREAK}\n\n`,
  pagebb: `\n\n${PAGE_BREAK}\n\n`,
  row: "\n\n",
  line: "\n",
  tab: "\t",
  cell: "\t",
  emdash: "\u2014",
  endash: "\u2013",
  emspace: "\u2003",
  enspace: "\u2002",
  qmspace: "\u2005",
  bullet: "\u2022",
  lquote: "\u2018",
  rquote: "\u2019",
  ldblquote: "\u201c",
  rdblquote: "\u201d",
};

/** Control symbols that stand for a character ("\~" a no-break space; "\-" an optional hyphen, dropped). */
const SYMBOLS: Readonly<Record<string, string>> = { "~": "\u00a0", "-": "", _: "\u2011", "\\": "\\", "{": "{", "}": "}" };

/** The WHATWG label of a Windows code page (`\ansicpgN`); null for one no decoder here knows. */
function codePageLabel(page: number): string | null {
  if ((page >= 1250 && page <= 1258) || page === 874) return `windows-${page}`;
  const others: Readonly<Record<number, string>> = { 932: "shift_jis", 936: "gbk", 949: "euc-kr", 950: "big5", 10000: "macintosh" };
  return page === 65001 ? "utf-8" : (others[page] ?? null);
}

/** RTF's default code page. */
const WINDOWS_1252 = { decode: decodeWindows1252 };

/** One group's state: whether its text is skipped, and how many characters follow a `\u`. */
interface GroupState {
  skip: boolean;
  uc: number;
}

const TOKEN = /\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z'])|([{}])|([^\\{}\r\n]+)|[\r\n]+/gy;

/**
 * An RTF file's text as paragraphs (split at `\par` and its kin; a `\line` stays a line break inside one),
 * each trimmed, empty ones left out; a page break (`\page`, `\pagebb`) is a paragraph {@link PAGE_BREAK}.
 * @throws nothing: a file that does not begin `{\rtf`, braces that do not balance, and a code page no decoder
 *   knows give one error naming the file
 * @example rtfParagraphs("{\\rtf1\\ansi One\\par Tw\\'f6\\par}", "a.rtf").paragraphs // ["One", "Twö"]
 */
export function rtfParagraphs(rtf: string, file: string): { paragraphs: string[] | null; errors: CorpusError[] } {
  const fail = (message: string) => ({ paragraphs: null, errors: [{ file, field: "rtf", message }] });
  if (!/^\s*\{\\rtf/.test(rtf)) return fail("is not an RTF file (it does not begin with {\\rtf)");
  const reader = new RtfReader();
  const problem = reader.read(rtf);
  if (problem) return fail(problem);
  const paragraphs = reader
    .text()
    .split(/\n{2,}/)
    // trim() would take the page break's form feed for white space.
    .map((p) => (p.includes(PAGE_BREAK) ? PAGE_BREAK : p.replace(/[ \t]*\n[ \t]*/g, "\n").trim()))
    .filter((p) => p !== "");
  return { paragraphs, errors: [] };
}

/** Reads RTF tokens into text (see rtfParagraphs). */
class RtfReader {
  private readonly out: string[] = [];
  private readonly stack: GroupState[] = [];
  private state: GroupState = { skip: false, uc: 1 };
  private pendingBytes: number[] = [];
  private toSkip = 0;
  private decoder: { decode(bytes: Uint8Array): string } = WINDOWS_1252;
  /** Whether the next control word after `\*` names a destination to skip whatever it is. */
  private starred = false;

  text(): string {
    this.flushBytes();
    return this.out.join("");
  }

  /** Reads the whole file; a problem (unbalanced braces, an unknown code page) as a sentence, else null. */
  read(rtf: string): string | null {
    TOKEN.lastIndex = 0;
    let at = 0;
    for (let match = TOKEN.exec(rtf); match; match = TOKEN.exec(rtf)) {
      const [, word, parameter, hex, symbol, brace, text] = match;
      if (word === "bin") TOKEN.lastIndex += Math.max(0, Number(parameter ?? 0));
      if (hex !== undefined) this.byte(parseInt(hex, 16));
      else if (brace === "{") this.open();
      else if (brace === "}") {
        if (!this.stack.length) return `has a "}" that closes no group (at character ${match.index})`;
        this.close();
      } else if (word !== undefined) {
        const problem = this.controlWord(word, parameter === undefined ? null : Number(parameter));
        if (problem) return problem;
      } else if (symbol !== undefined) this.controlSymbol(symbol);
      else if (text !== undefined) this.plain(text);
      at = TOKEN.lastIndex;
    }
    // A lone "\" at the end matches no token.
    if (at < rtf.length) return `cannot be read at character ${at}`;
    return this.stack.length ? `ends inside ${this.stack.length} unclosed group(s): a "}" is missing` : null;
  }

  private open(): void {
    this.flushBytes();
    this.stack.push(this.state);
    this.state = { ...this.state };
    this.toSkip = 0;
  }

  private close(): void {
    this.flushBytes();
    this.state = this.stack.pop()!;
    this.toSkip = 0;
    this.starred = false;
  }

  /** Characters after a `\u` that stand in for it are dropped (a control word, a byte or a letter each). */
  private skippedFallback(): boolean {
    if (this.toSkip <= 0) return false;
    this.toSkip--;
    return true;
  }

  private emit(text: string): void {
    this.flushBytes();
    if (!this.state.skip) this.out.push(text);
  }

  private controlWord(word: string, parameter: number | null): string | null {
    const starred = this.starred;
    this.starred = false;
    if (SKIPPED_DESTINATIONS.has(word) || starred) this.state.skip = true;
    if (word === "ansicpg" && parameter !== null) {
      const label = codePageLabel(parameter);
      if (!label) return `uses code page ${parameter} (\\ansicpg${parameter}), which this reader does not know`;
      this.decoder = label === "windows-1252" ? WINDOWS_1252 : new TextDecoder(label);
    } else if (word === "mac") this.decoder = new TextDecoder("macintosh");
    else if (word === "uc" && parameter !== null) this.state.uc = Math.max(0, parameter);
    else if (word === "u" && parameter !== null) {
      this.emit(String.fromCharCode(parameter < 0 ? parameter + 65536 : parameter));
      this.toSkip = this.state.uc;
      return null;
    } else if (this.skippedFallback()) return null;
    else if (CHARACTERS[word] !== undefined) this.emit(CHARACTERS[word]);
    return null;
  }

  private controlSymbol(symbol: string): void {
    if (symbol === "*") return void (this.starred = true);
    if (this.skippedFallback()) return;
    if (symbol === "\n" || symbol === "\r") this.emit("\n\n");
    else if (SYMBOLS[symbol] !== undefined) this.emit(SYMBOLS[symbol]);
  }

  private byte(value: number): void {
    if (this.skippedFallback() || this.state.skip) return;
    this.pendingBytes.push(value);
  }

  private plain(text: string): void {
    let rest = text;
    while (this.toSkip > 0 && rest) {
      rest = rest.slice(1);
      this.toSkip--;
    }
    if (rest) this.emit(rest);
  }

  /** Decodes the `\'hh` bytes read so far together (a double-byte code page spreads a character over two). */
  private flushBytes(): void {
    if (!this.pendingBytes.length) return;
    const bytes = Uint8Array.from(this.pendingBytes);
    this.pendingBytes = [];
    if (!this.state.skip) this.out.push(this.decoder.decode(bytes));
  }
}
