// Headless Chromium and a built site served on loopback, without vitest: the browser tests
// (test/browser/browser.ts) and the page-downloads measurement (scripts/page-downloads.ts) open sites with it.
import { execFileSync } from "node:child_process";
import { chromium, type Browser } from "playwright-core";
import { serveStatic } from "../../scripts/serve.ts";

/** The Chromium to launch: CHROMIUM_PATH, else the first of the usual names on the PATH. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) return process.env.CHROMIUM_PATH;
  for (const name of ["chromium", "chromium-browser", "google-chrome"]) {
    try {
      return execFileSync("which", [name], { encoding: "utf8" }).trim();
    } catch {
      // try the next name
    }
  }
  throw new Error("no Chromium found: run scripts/ensure-chromium.sh or set CHROMIUM_PATH");
}

/** Chromium, headless, with nothing that reaches the network on its own. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A built site served on loopback with Chromium to look at it; `close` stops both. */
export async function openSite(root: string): Promise<{ origin: string; browser: Browser; close: () => Promise<void> }> {
  const server = await serveStatic(root, 0);
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const browser = await launchBrowser();
  return {
    origin,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}
