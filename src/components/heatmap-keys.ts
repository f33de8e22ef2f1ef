// A heatmap a keyboard can cross (issue 32 item 3): Plot makes every linked cell a tab stop, so a page of 60
// articles by 18 frames is 1,080 stops with no way past. Here the cells are one stop, and the arrow keys move
// between them (a roving tabindex), Home and End to the row's ends; Enter follows the cell's link as before.

/**
 * `chart` (a Plot heatmap whose cells are links, or the figure holding it) with its cells made one tab stop
 * and arrow-key navigation between them, by their drawn position. Returns `chart`.
 */
export function heatmapKeys<T extends Element>(chart: T): T {
  const cells = [...chart.querySelectorAll<SVGAElement>("g[aria-label='cell'] a")];
  if (!cells.length) return chart;
  const at = (a: SVGAElement) => {
    const rect = a.querySelector("rect");
    return { x: Number(rect?.getAttribute("x") ?? 0), y: Number(rect?.getAttribute("y") ?? 0) };
  };
  const xs = [...new Set(cells.map((a) => at(a).x))].sort((a, b) => a - b);
  const ys = [...new Set(cells.map((a) => at(a).y))].sort((a, b) => a - b);
  const byPlace = new Map(cells.map((a) => [`${xs.indexOf(at(a).x)},${ys.indexOf(at(a).y)}`, a]));
  const place = (a: SVGAElement) => [xs.indexOf(at(a).x), ys.indexOf(at(a).y)] as const;
  const focus = (a: SVGAElement) => {
    for (const c of cells) c.setAttribute("tabindex", c === a ? "0" : "-1");
    a.focus();
  };
  for (const c of cells) c.setAttribute("tabindex", c === cells[0] ? "0" : "-1");
  const svg = cells[0]!.ownerSVGElement;
  svg?.setAttribute(
    "aria-description",
    `${svg.getAttribute("aria-description") ?? ""} The cells are one stop for the Tab key: the arrow keys move between them.`.trim(),
  );
  const moves: Record<string, (c: number, r: number) => [number, number]> = {
    ArrowRight: (c, r) => [c + 1, r],
    ArrowLeft: (c, r) => [c - 1, r],
    ArrowDown: (c, r) => [c, r + 1],
    ArrowUp: (c, r) => [c, r - 1],
    Home: (_, r) => [0, r],
    End: (_, r) => [xs.length - 1, r],
  };
  chart.addEventListener("keydown", (event) => {
    const key = (event as KeyboardEvent).key;
    const from = cells.find((c) => c === event.target || c.contains(event.target as Node));
    const move = moves[key];
    if (!move || !from) return;
    const [c, r] = move(...place(from));
    const to = byPlace.get(`${Math.min(Math.max(c, 0), xs.length - 1)},${Math.min(Math.max(r, 0), ys.length - 1)}`);
    event.preventDefault();
    if (to) focus(to);
  });
  return chart;
}
