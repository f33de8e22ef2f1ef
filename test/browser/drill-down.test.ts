// Following the built site's links: voices, tone, search, keywords, downloads and every kind of drill-down link.
// Loads the built site (dist/, made by `npm run build`) in headless Chromium from a loopback server and
// fails on any console error or warning (Plot reports misuse as warnings), page error, failed request, or
// request to another origin.
import { readdirSync, readFileSync } from "node:fs";
import { csvParse } from "d3";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { DIST, downloadedText, useBuiltSite } from "./browser.ts";

const { visit, opened } = useBuiltSite();

describe("built site in headless Chromium", () => {
  it("draws the voices network and opens the reader with quotations, cues and speakers highlighted", async () => {
    const { page, problems } = await visit("/who-speaks.html", "svg.voice-network");
    // The labels, not the type's letter in each circle.
    const labels = await page.locator("svg.voice-network text:not(.voice-symbol)").allTextContents();
    expect(labels).toEqual(expect.arrayContaining(["Vladimir Putin", "CNN", "een kennis", "Global Times"]));
    const fontSizes = await page
      .locator("svg.voice-network text:not(.voice-symbol)")
      .evaluateAll((els) => els.map((e) => Number(e.getAttribute("font-size"))));
    // 14 px on screen: the network is drawn at one unit per pixel (the 1024 × 768 test measures it on screen).
    expect(Math.min(...fontSizes)).toBeGreaterThanOrEqual(14);
    await page.goto(`${opened().origin}/article.html?id=002_f0f90def628e7567&show=voices`, { waitUntil: "networkidle" });
    await page.waitForSelector(".article-body .v-speaker");
    expect(await page.locator(".article-body").getAttribute("class")).toContain("show-v-quote");
    const speaker = page.locator(".article-body .v-speaker", { hasText: "White House" }).first();
    // The speaker's title names the rule that proposed it to the ranker ("but kept saying", which the rules
    // gave the same subject, has no speaker with the learned model: a known miss, README Accuracy).
    expect(await speaker.getAttribute("title")).toBe("speaker: White House (government); found by the subject-before-cue rule");
    expect(await speaker.evaluate((el) => getComputedStyle(el).fontWeight)).toBe("700");
    expect(await page.locator(".sources .voices li").allTextContents()).toEqual(
      // One of CNN's two: since attribution model 1.1.0 the pair model leaves "…, reported CNN." (an inverted
      // cue) without a speaker, a known miss (CHANGELOG, issue 28's pair design).
      expect.arrayContaining([expect.stringMatching(/^CNN \(other media; 1 indirect\)/)]),
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows the seed hand check's figures for the bundled corpus, labelled as development data", async () => {
    const { page, problems } = await visit("/who-speaks.html", "svg.voice-network");
    const intro = (await page.locator("main p", { hasText: "Which voices do the articles let speak" }).textContent())!;
    expect(intro).toMatch(/On the hand-coded seed articles \(development data\) the pipeline found \d+% of the attributions/);
    expect(problems).toEqual([]);
    await page.close();
    const methods = await visit("/methods.html", "table");
    expect(await methods.page.locator("main").textContent()).toMatch(/detection recall \d+%/);
    expect(methods.problems).toEqual([]);
    await methods.page.close();
  });

  it("counts reported thoughts on Who speaks and leaves them out when the reader switches them off", async () => {
    const { page, problems } = await visit("/who-speaks.html", "svg.voice-network");
    const intro = page.locator("main p", { hasText: "Which voices do the articles let speak" });
    const found = async () => Number((await intro.textContent())!.match(/found (\d+) quotations/)![1]);
    const withThoughts = await found();
    expect(await intro.textContent()).toMatch(/and \d+ reported thoughts, beliefs or intentions/);
    await page.locator("main input[type=checkbox]").first().click();
    await expect.poll(found).toBeLessThan(withThoughts);
    expect(await intro.textContent()).not.toMatch(/reported thoughts/);
    expect(problems).toEqual([]);
    await page.close();
  });
  it("links a tone heatmap cell to the reader with every sentence mentioning the actor marked", async () => {
    const { page, problems } = await visit("/tone.html", "svg a");
    const hrefs = await page.locator("svg a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toContain("./article.html?id=002_f0f90def628e7567&actor=usa");
    await page.goto(`${opened().origin}/article.html?id=002_f0f90def628e7567&actor=usa`, { waitUntil: "networkidle" });
    await page.waitForSelector(".article-body .sentence.targeted");
    const marked = await page.locator(".sentence.targeted").evaluateAll((els) => els.map((e) => e.id));
    expect(marked.length).toBeGreaterThan(3);
    for (const id of marked)
      expect(await page.locator(`#${id}`).textContent()).toMatch(/United States|US\b|Washington|White House|Pentagon|American|America/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("writes kinds, authors and signs as a reader says them: no raw ids, no -0.00", async () => {
    const { page, problems } = await visit("/index.html", "table a[href*='article.html?id=']");
    const provenance = await page.locator(".card", { hasText: "By provenance" }).locator("tbody td").allTextContents();
    expect(provenance).toEqual(expect.arrayContaining(["not stated in the text", "credited author"]));
    expect(provenance.some((cell) => /^[a-z]+-[a-z]+$/.test(cell))).toBe(false);
    await page.goto(`${opened().origin}/article.html?id=000_d933d23d6336647c`, { waitUntil: "networkidle" });
    await page.waitForSelector(".article-body .sentence");
    expect(await page.locator("dl.facts dd").nth(4).textContent()).toBe("Pepe Escobar (declared in the provenance metadata)");
    await page.goto(`${opened().origin}/tone.html`, { waitUntil: "networkidle" });
    // A sortable table (Inputs' form), not a chart's table, which stays closed.
    await page.waitForSelector("form table");
    expect(await page.locator("main").textContent()).not.toContain("-0.00");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("follows an overview link to the article reader", async () => {
    const { page, problems } = await visit("/index.html", "table a[href*='article.html?id=']");
    await Promise.all([
      page.waitForURL(/article\.html\?id=002_f0f90def628e7567/),
      page.locator("a[href*='id=002_f0f90def628e7567']").click(),
    ]);
    await page.waitForSelector(".article-body .sentence");
    expect(problems).toEqual([]);
    expect(await page.locator("h1").first().textContent()).toMatch(/^Chinese leader Xi Jinping/);
    await page.close();
  });

  it("offers the exact data of a chart as CSV, naming the corpus, codebooks and build, and as JSON", async () => {
    const { page, problems } = await visit("/compare/frames.html", "svg a");
    const bar = page.locator(".downloads").nth(1);
    const [csv] = await Promise.all([page.waitForEvent("download"), bar.locator("button", { hasText: "CSV" }).click()]);
    expect(csv.suggestedFilename()).toBe("frames-by-language.csv");
    const text = await downloadedText(csv);
    const lines = text.split("\n");
    expect(lines[0]).toMatch(/^# Frames compared by language: pooled rates per 1,000 words with 95% bootstrap intervals \(\d+ rows\)$/);
    expect(lines[1]).toMatch(/^# corpus: 5 articles, sha256 [0-9a-f]{64}$/);
    expect(lines[2]).toMatch(/^# codebooks: framing [a-z-]+ \d+\.\d+\.\d+ /);
    expect(lines[3]).toMatch(/^# build: framing-notebooks \d+\.\d+\.\d+, analysis code sha256 [0-9a-f]{64}$/);
    expect(lines[4]).toBe("grouping,group,category,articles,words,count,rate,low,high");
    // The rows are the published group table's: one per language and frame, as the chart draws them.
    const folder = join(DIST, "_file", "data", "corpus");
    const published = JSON.parse(
      readFileSync(
        join(
          folder,
          readdirSync(folder).find((f) => /^frames\.[0-9a-f]+\.json$/.test(f))!,
        ),
        "utf8",
      ),
    );
    const expected = published.rates.filter((r: { grouping: string }) => r.grouping === "language");
    expect(csvParse(lines.filter((line) => !line.startsWith("#")).join("\n")).map((r) => ({ ...r }))).toEqual(
      expected.map((r: Record<string, unknown>) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, v === null ? "" : String(v)]))),
    );
    const [json] = await Promise.all([page.waitForEvent("download"), bar.locator("button", { hasText: "JSON" }).click()]);
    const data = JSON.parse(await downloadedText(json));
    expect(data.rows).toHaveLength(lines.filter((line) => line && !line.startsWith("#")).length - 1);
    expect(new Set(data.rows.map((r: { grouping: string }) => r.grouping))).toEqual(new Set(["language"]));
    expect(problems).toEqual([]);
    await page.close();
  });

  it("searches every sentence for a word in any case, and opens the reader at a line's sentence, marked", async () => {
    const { page, problems } = await visit("/search.html?q=POETIN", "table .kwic-match");
    const summary = await page.locator("main p", { hasText: "for POETIN" }).textContent();
    const [, lines, articles] = /(\d+) lines? in (\d+) articles? for POETIN/.exec(summary!)!.map(Number);
    expect(lines).toBeGreaterThan(1);
    expect(articles).toBeGreaterThan(0);
    const matches = await page.locator("table .kwic-match").allTextContents();
    expect(matches).toHaveLength(Math.min(lines!, 50));
    expect(matches.every((m) => m.toLowerCase() === "poetin")).toBe(true);
    // A filter narrows the lines: English articles write "Putin", not "Poetin".
    await page.locator("form", { hasText: "Language" }).locator("select").first().selectOption({ label: "en" });
    await page.waitForFunction(() => /\b0 lines/.test(document.querySelector("main")!.textContent!));
    await page.locator("form", { hasText: "Language" }).locator("select").first().selectOption({ label: "any" });
    const link = page.locator("table a[href*='article.html?id=']").nth(1);
    await link.waitFor();
    const href = (await link.getAttribute("href"))!;
    const sentence = /#s-(\d+)$/.exec(href)![1];
    await Promise.all([page.waitForURL(/article\.html\?id=/), link.click()]);
    const marked = page.locator(`#s-${sentence}.targeted`);
    await marked.waitFor();
    expect((await marked.textContent())!.toLowerCase()).toContain("poetin");
    await page.waitForFunction((id) => {
      const box = document.getElementById(id)!.getBoundingClientRect();
      return box.top >= 0 && box.bottom <= window.innerHeight;
    }, `s-${sentence}`);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("lists keywords with G² and Log Ratio, each linking to its lines on the Search page", async () => {
    const { page, problems } = await visit("/keywords.html", "table a[href*='search.html?']");
    const rows = page.locator("table").last().locator("tbody tr");
    expect(await rows.count()).toBeGreaterThan(0);
    const cells = await rows.first().locator("td").allTextContents();
    // Word, target, articles, per 10k, reference, articles, per 10k, G², p, Log Ratio (after the row's first, empty cell).
    const [, , target, , , reference, , , g2, , logRatio] = cells;
    expect(Number(g2)).toBeLessThan(-6.63);
    expect(Number(logRatio)).toBeLessThan(0);
    expect(Number(target)).toBeLessThan(Number(reference));
    const link = rows.first().locator("a");
    const word = (await link.textContent())!;
    await Promise.all([page.waitForURL(/search\.html\?q=/), link.click()]);
    await page.waitForSelector("table .kwic-match");
    const matches = await page.locator("table .kwic-match").allTextContents();
    expect(matches.length).toBeGreaterThan(0);
    expect(matches.every((m) => m.toLowerCase().normalize("NFD").replace(/\p{M}/gu, "") === word)).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  // Every kind of drill-down link: the page it is on, the link, and what the reader's note must say.
  it.each([
    ["a frames heatmap cell", "/compare/frames.html", "svg a", "show=", /^Marked: .+ \(\d+ occurrences?\)/],
    ["a devices heatmap cell", "/compare/devices.html", "svg a", "show=", /^Marked: .+ \(\d+ occurrences?\)/],
    ["a tone heatmap cell", "/tone.html", "svg a", "actor=", /^Marked: sentences mentioning [A-Z]/],
    ["a camp dot", "/tone.html", "svg a", "camp=", /^Marked: sentences mentioning [A-Z]/],
    ["a Who speaks bar", "/who-speaks.html", "svg a", "show=voices", /^Marked: quotations and reported speech/],
    ["a most-quoted speaker's article", "/who-speaks.html", "form table a", "speaker=", /^Marked: what .+ says \(\d+ attributions?\)/],
    ["a concordance line", "/compare/frames.html", "form table a", "#s-", /^Marked: sentence \d+, from /],
  ])("opens %s in the reader with the sentences marked, in view, and a note saying what", async (_kind, path, ready, part, note) => {
    const { page, problems } = await visit(path, ready);
    // Plot writes SVG links as xlink:href.
    const href = await page.evaluate(
      ({ ready, part }) =>
        [...document.querySelectorAll(ready)]
          .map((a) => a.getAttribute("href") ?? a.getAttributeNS("http://www.w3.org/1999/xlink", "href") ?? "")
          .find((h) => h.includes(part)),
      { ready, part },
    );
    expect(href).toBeTruthy();
    await page.goto(new URL(href!, page.url()).href, { waitUntil: "networkidle" });
    const text = await page.locator(".selection-note span").first().textContent({ timeout: 30_000 });
    expect(text).toMatch(note);
    expect(await page.locator(".sentence.targeted").count()).toBeGreaterThan(0);
    await page.waitForFunction(() =>
      [...document.querySelectorAll(".sentence.targeted")].some((s) => {
        const box = s.getBoundingClientRect();
        return box.bottom > 0 && box.top < window.innerHeight;
      }),
    );
    expect(problems).toEqual([]);
    await page.close();
  });
});
