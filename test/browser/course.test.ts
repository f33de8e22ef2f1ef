// The course pages on the built site (dist/): a student codes a sample on Hand coding, downloads the coding
// file and loads it again; the Agreement page reads that file and a second coder's, and its figures are
// checked against values this test computes on its own from the published sampling frame (its own decoding
// of coding/<task>.json and closed-form formulas for two-category data). Exercises reveal their answers.
import { readFileSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import { csvFormat, csvParse, type DSVRowArray } from "d3";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { writeCorpus } from "../helpers.ts";
import { DIST, downloadedText, useBuiltSite } from "./browser.ts";

const CORPUS_FILES = join(DIST, "_file", "data", "corpus");

const { visit, opened } = useBuiltSite();

/** The units the pipeline coded present for a frame, decoded here from the published first-then-differences list. */
function pipelinePresent(frame: string): Set<number> {
  const file = JSON.parse(readFileSync(join(CORPUS_FILES, "coding", "frame", `${frame}.json`), "utf8")) as {
    coded: Array<[number, number[]]>;
  };
  const present = new Set<number>();
  for (const [code, deltas] of file.coded) {
    expect(code).toBe(1);
    let unit = 0;
    deltas.forEach((d, i) => present.add((unit = i === 0 ? d : unit + d)));
  }
  return present;
}

/** Cohen's kappa of a 2 × 2 table of counts [[both 1, first 1 second 0], [first 0 second 1, both 0]]. */
function kappaOfTable(a: number, b: number, c: number, d: number): number {
  const n = a + b + c + d;
  const observed = (a + d) / n;
  const expected = ((a + b) / n) * ((a + c) / n) + ((c + d) / n) * ((b + d) / n);
  return (observed - expected) / (1 - expected);
}

/** Krippendorff's nominal alpha of binary codes, every unit coded by all: 1 − (n − 1) Σ_u 2 n_u0 n_u1 / (m − 1) / (2 n_0 n_1). */
function binaryAlpha(units: number[][]): number {
  const m = units[0]!.length;
  const n = units.length * m;
  const ones = units.flat().filter((x) => x === 1).length;
  const zeros = n - ones;
  const within = units.reduce((sum, u) => {
    const k = u.filter((x) => x === 1).length;
    return sum + (2 * k * (m - k)) / (m - 1);
  }, 0);
  return 1 - ((n - 1) * within) / (2 * ones * zeros);
}

async function downloadText(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return { name: download.suggestedFilename(), text: await downloadedText(download) };
}

/** The units of a coding page's sample, in the order of its cards. */
async function cardUnits(page: Page): Promise<number[]> {
  return (await page.locator(".coding-card").evaluateAll((cards) => cards.map((c) => Number((c as HTMLElement).dataset.unit)))) as number[];
}

/**
 * Step 1: the Hand coding page draws a stratified sample of 10 sentences, the same on a second visit (the
 * address keeps it), half of them ones the pipeline coded present (the seeds have enough of them).
 */
async function openSample(address: string, present: ReadonlySet<number>): Promise<{ page: Page; problems: string[]; units: number[] }> {
  const { page, problems } = await visit(address, ".coding-card");
  const units = await cardUnits(page);
  expect(units).toHaveLength(10);
  const again = await visit(address, ".coding-card");
  expect(await cardUnits(again.page)).toEqual(units);
  await again.page.close();
  expect(units.filter((u) => present.has(u))).toHaveLength(5);
  return { page, problems, units };
}

/** Step 2: Ann codes the sample and downloads her coding file: its name, header, columns and rows. */
async function codeAndDownload(page: Page, ann: readonly number[]): Promise<{ file: { name: string; text: string }; rows: DSVRowArray }> {
  for (const [k, code] of ann.entries())
    await page
      .locator(".coding-card")
      .nth(k)
      .getByLabel(code === 1 ? "present" : "absent")
      .check();
  await page.getByLabel("Your name").fill("Ann");
  await page.getByLabel("Your name").press("Enter");
  await page.waitForTimeout(200);
  expect(await page.locator(".coding-progress").first().textContent()).toBe("10 of 10 coded, saved in this browser.");
  const file = await downloadText(page, () => page.locator("#download-codes").click());
  expect(file.name).toBe("coding-frame-hegemon-seed5-n10-Ann.csv");
  expect(file.text).toMatch(
    /^# framing-notebooks coding file: The Hegemon \(frame:hegemon\)\n# sample: seed 5, 10 sentences, stratified\n# coder: Ann\n# corpus: 5 articles, sha256 [0-9a-f]{64}\n/,
  );
  const rows = csvParse(file.text.replace(/^#.*\n/gm, ""));
  expect(rows.columns).toEqual(["task", "article", "sentence", "coder", "code", "text"]);
  expect(rows.map((r) => Number(r.code))).toEqual(ann);
  expect(rows.every((r) => r.coder === "Ann" && r.task === "frame:hegemon")).toBe(true);
  const cardTexts = await page.locator(".coding-card .coding-sentence").allTextContents();
  expect(rows.map((r) => r.text)).toEqual(cardTexts);
  return { file, rows };
}

/** Step 3: codes saved in the browser survive a reload; cleared, they come back from the file `annFile`. */
async function reloadAndLoadFile(page: Page, annFile: string, ann: readonly number[]): Promise<void> {
  await page.reload({ waitUntil: "networkidle" });
  await page.waitForSelector(".coding-card");
  expect(await page.locator(".coding-progress").first().textContent()).toBe("10 of 10 coded, saved in this browser.");
  await page.evaluate(() => localStorage.clear());
  await page.reload({ waitUntil: "networkidle" });
  await page.waitForSelector(".coding-card");
  expect(await page.locator(".coding-progress").first().textContent()).toBe("0 of 10 coded, saved in this browser.");
  await page.locator("#load-codes").setInputFiles(annFile);
  await page.waitForFunction(() => document.querySelector(".coding-load-note")?.textContent?.startsWith("Loaded"));
  expect(await page.locator(".coding-load-note").textContent()).toBe(`Loaded 10 codes of this sample from ${basename(annFile)}.`);
  await page.waitForFunction(() => document.querySelector(".coding-progress")?.textContent?.startsWith("10 of 10"));
  const checked = await page
    .locator(".coding-card")
    .evaluateAll((cards) => cards.map((c) => (c.querySelector("input:checked") as HTMLInputElement | null)?.value));
  expect(checked).toEqual(ann.map(String));
}

/** The 2 × 2 table of two coders' binary codes: [both 1, first 1 second 0, first 0 second 1, both 0]. */
function table(first: readonly number[], second: readonly number[]): readonly [number, number, number, number] {
  const count = (x: number, y: number) => first.filter((v, i) => v === x && second[i] === y).length;
  return [count(1, 1), count(1, 0), count(0, 1), count(0, 0)];
}

/** The Agreement page's rows: each row's cells without the leading empty one. */
async function agreementRows(page: Page): Promise<string[][]> {
  return page.locator("form table tbody tr").evaluateAll((trs) =>
    // Inputs.table opens each row with an empty cell (the hidden row selector).
    trs.map((tr) => Array.from(tr.querySelectorAll("td"), (td) => td.textContent!.trim()).slice(1)),
  );
}

/**
 * Step 4: the Agreement page, given Ann's and Ben's files, shows each pair's kappa, Krippendorff's alpha and
 * percent agreement of the three coders (the pipeline the third) as computed here, and links each of Ann's
 * disagreements with the pipeline to its sentence.
 */
async function checkAgreement(
  files: readonly string[],
  codes: { ann: readonly number[]; ben: readonly number[]; pipeline: readonly number[] },
  rows: DSVRowArray,
): Promise<void> {
  const { ann, ben, pipeline } = codes;
  const agreement = await visit("/agreement.html", "input[type=file]");
  await agreement.page.locator("input[type=file]").setInputFiles([...files]);
  await agreement.page.waitForSelector("table.confusion");
  await agreement.page.waitForTimeout(300);
  const expectedKappa = {
    "Ann Ben": kappaOfTable(...table(ann, ben)),
    "Ann pipeline": kappaOfTable(...table(ann, pipeline)),
    "Ben pipeline": kappaOfTable(...table(ben, pipeline)),
  };
  const pairRows = await agreementRows(agreement.page);
  const pairs = pairRows.filter((cells) => cells.length === 5);
  expect(pairs.map((cells) => `${cells[0]} ${cells[1]}`)).toEqual(Object.keys(expectedKappa));
  for (const cells of pairs) {
    expect(cells[2]).toBe("10");
    expect(cells[4]!.startsWith(expectedKappa[`${cells[0]} ${cells[1]}` as keyof typeof expectedKappa].toFixed(3))).toBe(true);
  }
  const alphaRow = pairRows.find((cells) => cells[0]!.startsWith("Krippendorff's alpha (nominal)"))!;
  const units3 = ann.map((_, k) => [ann[k]!, ben[k]!, pipeline[k]!]);
  expect(alphaRow[1]!.startsWith(binaryAlpha(units3).toFixed(3))).toBe(true);
  const percentRow = pairRows.find((cells) => cells[0] === "Percent agreement")!;
  const agreeingPairs = units3.reduce((n, [a, b, c]) => n + Number(a === b) + Number(a === c) + Number(b === c), 0);
  expect(percentRow[1]!.startsWith((agreeingPairs / 30).toFixed(3))).toBe(true);
  // The confusion table of Ann and the pipeline (shown first) links each disagreement to its sentence.
  const [a11, a10, a01] = table(ann, pipeline);
  expect(await agreement.page.locator("table.confusion td.disagree a").allTextContents()).toEqual(
    [a01, a10].filter((n) => n > 0).map(String),
  );
  const links = await agreement.page
    .locator("ol.disagreements a")
    .evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute("href")));
  const disagreeing = rows.filter((_, k) => ann[k] !== pipeline[k]).map((r) => `./article.html?id=${r.article}#s-${r.sentence}`);
  expect([...links].sort()).toEqual([...disagreeing].sort());
  expect(a11 + a10 + a01).toBeGreaterThan(0);
  expect(agreement.problems).toEqual([]);
  await agreement.page.close();
}

describe("course pages in headless Chromium", () => {
  it("codes a sample, downloads and reloads the coding file, and shows agreement figures computed independently", async () => {
    const present = pipelinePresent("hegemon");
    const { page, problems, units } = await openSample("/coding.html?task=frame%3Ahegemon&n=10&seed=5&design=stratified", present);
    // Ann codes every third sentence present, the rest absent.
    const ann = units.map((_, k) => (k % 3 === 0 ? 1 : 0));
    const { file, rows } = await codeAndDownload(page, ann);
    const folder = writeCorpus({});
    const annFile = join(folder, file.name);
    writeFileSync(annFile, file.text);
    await reloadAndLoadFile(page, annFile, ann);
    expect(problems).toEqual([]);
    await page.close();

    // Ben agrees with Ann but for the first two sentences.
    const ben = ann.map((code, k) => (k < 2 ? 1 - code : code));
    const benFile = join(folder, "ben.csv");
    writeFileSync(
      benFile,
      csvFormat(rows.map((r, k) => ({ ...r, coder: "Ben", code: String(ben[k]) })) as Array<Record<string, string>>, rows.columns),
    );
    const pipeline = units.map((u) => (present.has(u) ? 1 : 0));
    await checkAgreement([annFile, benFile], { ann, ben, pipeline }, rows);
  });

  it("lists every problem of a bad coding file, with its file, line and field, and uses none of its codes", async () => {
    const folder = writeCorpus({});
    const bad = join(folder, "bad.csv");
    writeFileSync(
      bad,
      [
        "# a coding file with mistakes",
        "task,article,sentence,coder,code,text",
        "frame:hegemon,000_d933d23d6336647c,12,Cy,maybe,",
        "frame:nothing,000_d933d23d6336647c,12,Cy,1,",
        "frame:hegemon,not-an-article,3,Cy,1,",
        "=cmd|' /C calc'!A0,000_d933d23d6336647c,12,Cy,1,",
      ].join("\n"),
    );
    const { page, problems } = await visit("/agreement.html", "input[type=file]");
    await page.locator("input[type=file]").setInputFiles(bad);
    await page.waitForSelector(".coding-errors");
    expect(await page.locator(".coding-errors li").allTextContents()).toEqual([
      'bad.csv line 3, code: "maybe" is not a code of this task (1 present, 0 absent)',
      'bad.csv line 4, task: "frame:nothing" is not a task of this site',
      'bad.csv line 5, article: "not-an-article" is not an article of this corpus',
      `bad.csv line 6, task: "=cmd|' /C calc'!A0" is not a task of this site`,
    ]);
    expect(await page.locator("table.confusion").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("reveals an exercise's answers, and draws four sentences per codebook entry", async () => {
    const { page, problems } = await visit("/exercises.html", ".exercise");
    const first = page.locator(".exercise").first();
    expect(await first.locator(".coding-sentence").textContent()).toContain("de Hegemon de junior punks van de NAVO");
    await first.getByLabel("present").check();
    await first.locator("summary").click();
    await page.waitForFunction(() => document.querySelector(".exercise .exercise-matched")?.textContent);
    expect(await first.locator(".exercise-reveal").textContent()).toContain("Your code: present");
    expect(await first.locator(".exercise-reveal").textContent()).toContain("The teacher's answer: present");
    expect(await first.locator(".exercise-pipeline").textContent()).toBe("The pipeline's code: present");
    expect(await first.locator(".exercise-matched").textContent()).toBe("It matched “Hegemon”.");
    expect(await first.locator(".exercise-why").textContent()).toContain("codebook's terms");
    // The tone exercise quotes the kept-back accuracy measured on coded Dutch news headlines.
    const tone = page.locator(".exercise", { hasText: "grote sprong voorwaarts" });
    await tone.locator("summary").click();
    expect(await tone.locator(".exercise-why").textContent()).toMatch(/three-class accuracy was 0\.\d\d \(95% interval 0\.\d\d–0\.\d\d\)/);
    // The bundled set's seven exercises, then four sentences drawn for the first frame.
    expect(await page.locator(".exercise-task").count()).toBe(7);
    expect(await page.locator(".coding-definition").count()).toBe(1);
    expect(await page.locator("fieldset.exercise").count()).toBe(7 + 4);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("reads at 1024 × 768 on every course page: nothing wider than the page, no console error", async () => {
    for (const path of ["/guide.html", "/exercises.html", "/coding.html", "/agreement.html", "/teaching.html", "/methods.html"]) {
      const page = await opened().browser.newPage({ viewport: { width: 1024, height: 768 } });
      const problems: string[] = [];
      page.on("console", (m) => (m.type() === "error" || m.type() === "warning" ? problems.push(`${path}: ${m.text()}`) : undefined));
      page.on("pageerror", (e) => problems.push(`${path}: ${e.message}`));
      await page.goto(`${opened().origin}${path}`, { waitUntil: "networkidle" });
      await page.waitForSelector("main h1");
      await page.waitForTimeout(300);
      const overflow = await page.evaluate(() => {
        const main = document.querySelector("main")!.getBoundingClientRect();
        return [...document.querySelectorAll("main *")]
          .filter((el) => el.getBoundingClientRect().right > main.right + 2 && getComputedStyle(el).position !== "fixed")
          .map((el) => `${el.tagName.toLowerCase()}.${el.className}`)
          .slice(0, 5);
      });
      expect(overflow, path).toEqual([]);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
