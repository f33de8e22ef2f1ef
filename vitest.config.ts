import { defineConfig } from "vitest/config";

// Three projects, so that a busy 2-core machine slows the suite down without failing it:
// - unit: in-process tests of the analysis library, fast; a generous timeout all the same.
// - slow: tests that run the real CLI, `npm run validate` or `npm run build` as asynchronous child
//   processes (files named *.slow.test.ts); one file at a time, with timeouts sized for a loaded machine
//   (a site build takes about 50 s alone and over 2 minutes under full load).
// - browser: headless Chromium against dist/ (`npm test` builds the site first).
// Files named *.site.test.ts build a site of their own (and may look at it in Chromium): they run with
// the slow ones, one file at a time.
export default defineConfig({
  test: {
    globalSetup: ["test/temporary-folder.ts"],
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/browser/**", "test/**/*.slow.test.ts", "test/**/*.site.test.ts"],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "slow",
          include: ["test/**/*.slow.test.ts", "test/**/*.site.test.ts"],
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 900_000,
          hookTimeout: 900_000,
        },
      },
      {
        test: {
          name: "browser",
          include: ["test/browser/**/*.test.ts"],
          exclude: ["test/**/*.site.test.ts"],
          pool: "forks",
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 600_000,
          hookTimeout: 600_000,
        },
      },
    ],
  },
});
