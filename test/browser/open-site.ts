// A built site served on loopback with Chromium to look at it, without vitest: the browser tests
// (test/browser/browser.ts, with the run's shared Chromium) and the page-downloads measurement
// (scripts/page-downloads.ts, with one of its own) open sites with it.
import type { Browser } from "playwright-core";
import { serveStatic } from "../../scripts/serve.ts";
import { launchChromium } from "./chromium.ts";

/** A built site served on loopback with Chromium (`launch`, by default one of its own); `close` stops both. */
export async function openSite(
  root: string,
  launch: () => Promise<Browser> = launchChromium,
): Promise<{ origin: string; browser: Browser; close: () => Promise<void> }> {
  const server = await serveStatic(root, 0);
  const address = server.address();
  const origin = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
  const browser = await launch();
  return {
    origin,
    browser,
    close: async () => {
      await browser.close();
      await new Promise((done) => server.close(done));
    },
  };
}
