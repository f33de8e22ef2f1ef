import { chromium } from "playwright-core";
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless","--no-sandbox","--disable-gpu","--disable-background-networking","--disable-component-update","--disable-sync"] });
for (const path of ["/index.html", "/compare/frames.html", "/compare/devices.html", "/tone.html", "/codebook.html", "/methods.html", "/articles/alpha.html", "/articles/beta.html", "/articles/gamma-custom-id.html"]) {
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (m) => { if (m.type() === "error" || m.type() === "warning") problems.push(m.text()); });
  page.on("pageerror", (e) => problems.push(e.message));
  await page.goto(`http://127.0.0.1:3124${path}`, { waitUntil: "networkidle" });
  await page.waitForTimeout(300);
  const cellErrors = await page.locator(".observablehq--error").allTextContents();
  console.log(path, problems.length || cellErrors.length ? JSON.stringify([...problems, ...cellErrors]).slice(0, 300) : "ok");
  await page.close();
}
await browser.close();
