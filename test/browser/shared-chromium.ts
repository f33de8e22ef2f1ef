// Global setup of the projects that open pages (browser, site): one headless Chromium for the whole run,
// which every test file connects to (browser.ts, openSite) instead of launching its own; its pages run side
// by side, each in a context of its own. The browser closes when the run ends.
import type { TestProject } from "vitest/node";
import { launchChromiumServer } from "./chromium.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The shared Chromium's WebSocket endpoint, for `chromium.connect`. */
    chromiumEndpoint: string;
  }
}

export default async function sharedChromium(project: TestProject): Promise<() => Promise<void>> {
  const server = await launchChromiumServer();
  project.provide("chromiumEndpoint", server.wsEndpoint());
  return () => server.close();
}
