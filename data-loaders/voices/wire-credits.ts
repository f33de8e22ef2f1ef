import type { Outlet, OutletGazetteer } from "./outlets.ts";
import type { Block, OutletRecord } from "../schema/record.ts";

/** How many analysed blocks from the top a dateline or writer credit is looked for in. */
const LEAD_BLOCKS = 3;
/** The longest dateline before a parenthesised credit ("MOSCOW, May 16 "), in characters. */
const DATELINE = 60;

/**
 * The news agencies a text credits as the source of its copy (role "wire-credit"), in either language,
 * by the agencies of the outlet gazetteer (`agency: true`) under any plain alias:
 * - a dateline credit at the start of one of the first three text blocks: "UNITED NATIONS (AP) —",
 *   "MOSCOW, May 16 (Xinhua) --", "(Reuters) -", "DEN HAAG (ANP) -", "(AFP/Reuters) -";
 * - a bar or copyright credit opening a block: "AFP | Moscow", "© Reuters";
 * - a writer credit in the first three blocks: "by Xinhua writer Liu Chang", "By Reuters staff";
 * - a block that is nothing but a credit, anywhere ("(ANP)", "Belga"), or a credit closing the last
 *   block ("… in Den Haag. (ANP)").
 * Offsets point at the agency's name as written. Each pattern is anchored or scans a block once, so the
 * cost is linear in the text.
 * @example findWireCredits("UNITED NATIONS (AP) — The council met.", blocks, gazetteer)[0].name // "Associated Press"
 */
export function findWireCredits(masked: string, blocks: readonly Block[], gazetteer: OutletGazetteer): OutletRecord[] {
  const patterns = creditPatterns(gazetteer);
  if (!patterns) return [];
  const { agencies, name, dateline, opener, writer, alone, closing } = patterns;
  const found: OutletRecord[] = [];
  const credit = (written: string, start: number) => {
    // "(AFP/Reuters)": each agency of a joint credit.
    for (const part of written.matchAll(name)) {
      const outlet = agencies.byName.get(part[0])!;
      const at = start + part.index!;
      found.push({ name: outlet.name, id: outlet.id, kind: outlet.kind, role: "wire-credit", start: at, end: at + part[0].length });
    }
  };
  const textBlocks = blocks.filter((b) => b.kind === "paragraph" || b.kind === "heading");
  const last = textBlocks[textBlocks.length - 1];
  textBlocks.forEach((block, n) => {
    const raw = masked.slice(block.start, block.end);
    const lead = raw.length - raw.trimStart().length;
    const text = raw.trim();
    const at = (index: number) => block.start + lead + index;
    const whole = alone.exec(text);
    if (whole) return credit(whole[1]!, at(whole.index + whole[0].indexOf(whole[1]!)));
    if (n < LEAD_BLOCKS) {
      const m = dateline.exec(text) ?? opener.exec(text);
      if (m) {
        const written = m[1] ?? m[2]!;
        credit(written, at(m.index + m[0].indexOf(written)));
      }
      for (const w of text.matchAll(writer)) credit(w[1]!, at(w.index! + w[0].indexOf(w[1]!)));
    }
    if (block === last && n >= LEAD_BLOCKS - 2) {
      const end = closing.exec(text);
      if (end) credit(end[1]!, at(end.index + end[0].indexOf(end[1]!)));
    }
  });
  // One record per place (a dateline block can also be the last block).
  const seen = new Set<number>();
  return found.filter((o) => !seen.has(o.start) && seen.add(o.start)).sort((a, b) => a.start - b.start);
}

/** The credit patterns of a gazetteer, compiled once per gazetteer (a gazetteer is loaded once per run). */
const compiled = new WeakMap<OutletGazetteer, CreditPatterns | null>();
function creditPatterns(gazetteer: OutletGazetteer): CreditPatterns | null {
  let patterns = compiled.get(gazetteer);
  if (patterns === undefined) compiled.set(gazetteer, (patterns = compilePatterns(gazetteer)));
  return patterns;
}

type CreditPatterns = NonNullable<ReturnType<typeof compilePatterns>>;

function compilePatterns(gazetteer: OutletGazetteer) {
  const agencies = agencyNames(gazetteer);
  if (!agencies.names.length) return null;
  const name = `(?:${agencies.names.map(escape).join("|")})`;
  return {
    agencies,
    name: new RegExp(name, "gu"),
    dateline: new RegExp(String.raw`^(?:[\p{Lu}][^\n()|—–]{0,${DATELINE}}?\s)?\((${name}(?:\s*[/,&]\s*${name})*)\)\s*(?:[-—–:|]|$)`, "u"),
    opener: new RegExp(String.raw`^(?:©\s*)?(${name})\s*(?:\||$)|^©\s*(${name})\b`, "u"),
    writer: new RegExp(String.raw`\b[Bb]y\s+(${name})\s+(?:staff\s+)?(?:writers?|correspondents?|reporters?|staff)\b`, "gu"),
    alone: new RegExp(String.raw`^[(\[]?(${name})[)\]]?\.?$`, "u"),
    closing: new RegExp(String.raw`[(\[](${name})[)\]]\.?$`, "u"),
  };
}

/** The agencies' plain aliases (no braces, wildcards or web addresses), longest first, and the agency of each. */
function agencyNames(gazetteer: OutletGazetteer): { names: string[]; byName: Map<string, Outlet> } {
  const byName = new Map<string, Outlet>();
  for (const outlet of gazetteer.outlets) {
    if (!outlet.agency) continue;
    for (const term of outlet.terms.en) {
      const alias = term.term.source;
      if (/[{}*]/u.test(alias) || /\.[a-z]{2,}$/u.test(alias)) continue;
      if (!byName.has(alias)) byName.set(alias, outlet);
    }
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  return { names, byName };
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&");
}
