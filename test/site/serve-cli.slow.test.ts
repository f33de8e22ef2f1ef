// npm run serve as a user starts it: a port in use or a folder with no built site is one line, exit 1, no
// stack trace (both printed raw stack traces).
import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runTsx, writeCorpus } from "../commands.ts";

const serve = (args: readonly string[]) => runTsx(join("scripts", "serve.ts"), args);

describe("npm run serve", () => {
  it("says in one line that a port is in use", async () => {
    const site = writeCorpus({ "index.html": "<p>home</p>" });
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, "127.0.0.1", done));
    try {
      const port = (taken.address() as AddressInfo).port;
      const result = await serve(["--root", site, "--port", String(port)]);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`serve: port ${port} is in use (another server?); pick another with --port\n`);
    } finally {
      await new Promise((done) => taken.close(done));
    }
  });
  it("says in one line that there is no built site, for a missing folder and one without index.html", async () => {
    for (const root of [join(writeCorpus({}), "dist"), writeCorpus({ "notes.txt": "x" })]) {
      const result = await serve(["--root", root]);
      expect(result.status).toBe(1);
      expect(result.stderr).toBe(`serve: ${root} holds no built site (no index.html); run npm run build first\n`);
    }
  });
});
