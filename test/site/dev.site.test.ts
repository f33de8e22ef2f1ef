// npm run dev as a browser meets it: Framework's preview behind the guard (scripts/dev-guard.ts). A path
// Framework cannot decode ended the whole preview; a foreign Host or Origin and a cross-origin WebSocket
// were answered. Each bad request is followed by a good one, which must still succeed. The preview runs in a
// copy of the project (test/site/project-copy.ts): it reads and fills Framework's cache as a build does,
// and builds of the project run beside this file.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { request, createServer } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PROJECT_ROOT } from "../../data-loaders/project-paths.ts";
import { runCommand } from "../helpers.ts";
import { projectCopy } from "./project-copy.ts";

const DEV = [join(PROJECT_ROOT, "scripts", "dev.ts")];
let dev: ChildProcess;
let port: number;

/** The status of a GET of `path` through the guard, with `headers` (Host: this server's, unless given). */
function status(path: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

/** The first line of the answer to a WebSocket upgrade of Framework's live-reload socket from `origin`. */
function upgrade(origin: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(
        `GET /_observablehq HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nOrigin: ${origin}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
      ),
    );
    let answer = "";
    socket.on("data", (chunk: Buffer) => {
      answer += chunk;
      if (!answer.includes("\r\n")) return;
      socket.destroy();
      resolve(answer.split("\r\n")[0]!);
    });
    socket.on("error", reject);
  });
}

beforeAll(async () => {
  const root = await projectCopy();
  dev = spawn(process.execPath, ["--import", "tsx", join(root, "scripts", "dev.ts"), "--port", "0"], {
    cwd: root,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  dev.stderr!.on("data", (chunk: Buffer) => (stderr += chunk));
  while (!/127\.0\.0\.1:(\d+)/.test(stderr)) {
    if (dev.exitCode !== null) throw new Error(stderr);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  port = Number(/127\.0\.0\.1:(\d+)/.exec(stderr)![1]);
  // The guard is up at once; the preview behind it answers 502 until it has started.
  while ((await status("/")) !== 200) await new Promise((resolve) => setTimeout(resolve, 250));
});
afterAll(async () => {
  if (dev.exitCode === null) {
    dev.kill("SIGTERM");
    await once(dev, "exit");
  }
});

describe("npm run dev", () => {
  it("answers a path Framework cannot decode with 400, and the preview keeps serving", async () => {
    for (const path of ["/%E0%A4%A", "/%", "/tone%ZZ"]) {
      expect(await status(path), path).toBe(400);
      expect(await status("/")).toBe(200);
    }
  });
  it("refuses a foreign Host and Origin with 403 (DNS rebinding), then serves its own", async () => {
    for (const headers of [{ host: "evil.example" }, { host: `rebound.example:${port}` }, { origin: "http://evil.example" }] as Array<
      Record<string, string>
    >) {
      expect(await status("/", headers), JSON.stringify(headers)).toBe(403);
      expect(await status("/")).toBe(200);
    }
    expect(await status("/", { host: `localhost:${port}`, origin: `http://localhost:${port}` })).toBe(200);
  });
  it("refuses a cross-origin WebSocket upgrade and accepts its own pages' live-reload socket", async () => {
    expect(await upgrade("http://evil.example")).toBe("HTTP/1.1 403 Forbidden");
    expect(await upgrade(`http://127.0.0.1:${port}`)).toBe("HTTP/1.1 101 Switching Protocols");
    expect(await status("/")).toBe(200);
  });
  it("serves pages with the accessible shell the build gives them: lang, zoom, the skip link (issue 32)", async () => {
    const page = await (await fetch(`http://127.0.0.1:${port}/guide.html`)).text();
    expect(page).toContain('<html lang="en">');
    expect(page).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(page).toContain('<body>\n<a class="skip-link" href="#observablehq-main">Skip to main content</a>');
    expect(page).not.toContain("maximum-scale");
  });
  it("says in one line that its port is in use, or that a flag would expose it", async () => {
    const taken = createServer();
    await new Promise<void>((done) => taken.listen(0, "127.0.0.1", done));
    const busy = (taken.address() as AddressInfo).port;
    try {
      const tsx = join(PROJECT_ROOT, "node_modules", ".bin", "tsx");
      const inUse = await runCommand(tsx, [...DEV, "--port", String(busy)]);
      expect([inUse.status, inUse.stderr]).toEqual([1, `dev: port ${busy} is in use (another server?); pick another with --port\n`]);
      const exposed = await runCommand(tsx, [...DEV, "--host", "0.0.0.0"]);
      expect([exposed.status, exposed.stderr]).toEqual([2, "dev: --host 0.0.0.0: the preview is served on 127.0.0.1 only\n"]);
    } finally {
      await new Promise((done) => taken.close(done));
    }
  });
});
