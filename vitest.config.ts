import { defineConfig } from "vitest/config";

// Four projects, run side by side so that both cores stay busy; the timeouts are sized for a loaded 2-core
// machine, which slows the suite down without failing it. Vitest gives each kind of pool its own workers:
// - unit, slow and browser share the thread pool, three files at a time (maxWorkers):
//   - unit: in-process tests of the analysis library;
//   - slow (*.slow.test.ts): the real CLI, `npm run validate`, the site's loader, as asynchronous child
//     processes;
//   - browser: headless Chromium against dist/, which the project's setup builds first (test/build-site.ts).
// - site (*.site.test.ts), in two forked processes, two files at a time: tests that run `npm run build` or
//   `npm run dev` on a corpus of their own (and browser tests on such a site). A build waits for any other
//   build of the project (scripts/build-lock.ts), such as the browser project's or the other file's; the
//   files that look at what a build leaves in Framework's cache, or damage it, or stop a build midway, or
//   run the preview, do so in a copy of the project (test/site/project-copy.ts), beside the others.
// test/project-times.ts prints each project's time at the end.
const SITE_TESTS = "test/**/*.site.test.ts";
const SLOW_TESTS = "test/**/*.slow.test.ts";

export default defineConfig({
  test: {
    globalSetup: ["test/temporary-folder.ts"],
    reporters: ["default", "./test/project-times.ts"],
    maxWorkers: 3,
    // The site project's forks (the only project that uses them): two files at a time.
    poolOptions: { forks: { maxForks: 2 } },
    projects: [
      {
        test: {
          name: "unit",
          pool: "threads",
          include: ["test/**/*.test.ts"],
          exclude: ["test/browser/**", SLOW_TESTS, SITE_TESTS],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "slow",
          include: [SLOW_TESTS],
          globalSetup: ["test/cli/analyzed-fixtures.ts"],
          pool: "threads",
          testTimeout: 900_000,
          hookTimeout: 900_000,
        },
      },
      {
        test: {
          name: "site",
          include: [SITE_TESTS],
          pool: "forks",
          globalSetup: ["test/browser/shared-chromium.ts"],
          testTimeout: 900_000,
          hookTimeout: 900_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          exclude: [SITE_TESTS],
          globalSetup: ["test/build-site.ts", "test/browser/shared-chromium.ts"],
          pool: "threads",
          // Concurrent tests (pages side by side in one shared Chromium) three at a time.
          maxConcurrency: 3,
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
