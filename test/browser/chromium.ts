// Headless Chromium with nothing that reaches the network on its own: launched for one test file, or as the
// server the whole run shares (shared-chromium.ts).
import { execFileSync } from "node:child_process";
import { chromium, type Browser, type BrowserServer, type LaunchOptions } from "playwright-core";

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

function launchOptions(): LaunchOptions {
  return {
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
  };
}

/** Chromium for this process alone. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch(launchOptions());
}

/** Chromium as a server that other processes and threads connect to (`chromium.connect(server.wsEndpoint())`). */
export function launchChromiumServer(): Promise<BrowserServer> {
  return chromium.launchServer(launchOptions());
}
