// Announcements for screen readers (issue 32 item 4). A live region is heard only when text changes inside
// an element that was already on the page, so a page makes one once and sets its text afterwards.

/**
 * A visually hidden polite live region: set its `textContent` to announce a result count, a page change or
 * an applied filter, without moving focus.
 * @example const said = liveRegion(); display(said); said.textContent = "12 lines in 3 articles";
 */
export function liveRegion(): HTMLElement {
  const region = document.createElement("div");
  region.className = "visually-hidden live-region";
  region.setAttribute("role", "status");
  region.setAttribute("aria-live", "polite");
  return region;
}

/**
 * A function that announces in `region` what a filter did, from its second call per `topic` on: a cell
 * runs once as the page loads (its state then is the page's, not news) and again on each change.
 * @example const say = changeAnnouncer(region); say("articles", "3 of 5 articles match the filter.");
 */
export function changeAnnouncer(region: HTMLElement): (topic: string, text: string) => void {
  const seen = new Set<string>();
  return (topic, text) => {
    if (seen.has(topic)) region.textContent = text;
    seen.add(topic);
  };
}
