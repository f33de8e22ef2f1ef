// @vitest-environment jsdom
// The reader's reuse note (src/components/reuse.ts) on reuse.json made from the reuse fixtures: what it
// says, that titles and outlet names stay text, and that a long list of copies is cut and counted.
import { describe, expect, it } from "vitest";
import { findReuse } from "../../data-loaders/reuse/find-reuse.ts";
import { NOTE_LINKS, reuseNote, reuseOfArticle } from "../../src/components/reuse.ts";
import { reuseFixtures } from "../reuse/reuse-fixtures.ts";

const fixtures = reuseFixtures();

describe("reuseNote(reuse, id)", () => {
  it("names the copies and the likely origin, and the paragraphs another text shares, or nothing", () => {
    const reuse = findReuse(fixtures);
    expect(reuseNote(reuse, "ledger-copy")!.textContent).toContain("likely origin: Harbour Wire, the earliest dated copy (2023-03-01)");
    const partial = reuseOfArticle(reuse, "signal-partial")!;
    expect(partial.partial).toHaveLength(1);
    expect(partial.partial[0]).toMatchObject({ paragraphs: 2, here: 10 });
    expect(partial.partial[0]!.others.map(([a, sentence]) => [a.id, sentence])).toEqual([
      ["courier-edited", 10],
      ["harbour-wire", 10],
      ["ledger-copy", 10],
    ]);
    expect(reuseNote(reuse, "signal-unrelated")).toBeNull();
  });

  it("keeps hostile titles and outlet names as text", () => {
    const hostile = fixtures.map((a) =>
      a.id === "harbour-wire" ? { ...a, title: '<img src=x onerror="window.pwned=1">', outlet: "<script>window.pwned=2</script>" } : a,
    );
    const note = reuseNote(findReuse(hostile), "ledger-copy")!;
    expect(note.querySelector("img, script")).toBeNull();
    expect(note.textContent).toContain('“<img src=x onerror="window.pwned=1">”');
  });

  it(`links at most ${NOTE_LINKS} copies and counts the rest`, () => {
    const wire = fixtures.find((a) => a.id === "harbour-wire")!;
    const copies = Array.from({ length: NOTE_LINKS + 5 }, (_, i) => ({
      ...wire,
      id: `copy-${String(i).padStart(2, "0")}`,
      outlet: `Outlet ${i}`,
    }));
    const note = reuseNote(findReuse([wire, ...copies]), "harbour-wire")!;
    expect(note.querySelectorAll("a")).toHaveLength(NOTE_LINKS);
    expect(note.textContent).toContain("; and 5 more copies");
  });
});
