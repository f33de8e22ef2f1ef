// The guard in front of Framework's preview (npm run dev): only this server's Host and Origin, WebSocket
// upgrades from its own pages only, 400 for a path Framework cannot decode; everything else forwarded as it
// is, but HTML pages given the accessible shell when asked. Against a stand-in preview server that echoes what reached it.
import { createServer, request, type IncomingHttpHeaders, type Server } from "node:http";
import { connect, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requestRefusal, startGuard } from "../../scripts/dev-guard.ts";

let preview: Server;
let guard: Server;
let port: number;
const reached: string[] = [];

/** A GET of `path` through the guard with `headers` (Host defaults to this server's); resolves with status and body. */
function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: string; headers: IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (response) => {
      let body = "";
      response.on("data", (chunk: Buffer) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body, headers: response.headers }));
    });
    req.on("error", reject);
    req.end();
  });
}

/** Sends a WebSocket upgrade through the guard with `origin`; resolves with the first line of the answer. */
function upgrade(origin: string, host = `127.0.0.1:${port}`): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () =>
      socket.write(
        `GET /_observablehq HTTP/1.1\r\nHost: ${host}\r\nOrigin: ${origin}\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n` +
          "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\r\n",
      ),
    );
    let answer = "";
    socket.on("data", (chunk: Buffer) => {
      answer += chunk;
      if (answer.includes("\r\n")) {
        socket.destroy();
        resolve(answer.split("\r\n")[0]!);
      }
    });
    socket.on("error", reject);
  });
}

beforeAll(async () => {
  preview = createServer((req, res) => {
    reached.push(req.url!);
    const html = req.url!.endsWith(".html");
    res.writeHead(200, { "content-type": html ? "text/html; charset=utf-8" : "text/plain", "x-preview": "yes" }).end(`preview ${req.url}`);
  });
  // The stand-in answers an upgrade as a WebSocket server would, then echoes.
  preview.on("upgrade", (req, socket) => {
    reached.push(`upgrade ${req.url}`);
    socket.write("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
    socket.on("data", (chunk) => socket.write(chunk));
    socket.on("end", () => socket.destroy());
  });
  await new Promise<void>((done) => preview.listen(0, "127.0.0.1", done));
  guard = await startGuard(0, (preview.address() as AddressInfo).port);
  port = (guard.address() as AddressInfo).port;
});
afterAll(async () => {
  // Keep-alive connections would hold close() open.
  guard.closeAllConnections();
  preview.closeAllConnections();
  await new Promise((done) => guard.close(done));
  await new Promise((done) => preview.close(done));
});

describe("startGuard(port, target)", () => {
  it("listens on 127.0.0.1 only and forwards a good request with its answer", async () => {
    expect((guard.address() as AddressInfo).address).toBe("127.0.0.1");
    const reply = await get("/tone?x=1");
    expect([reply.status, reply.body, reply.headers["x-preview"]]).toEqual([200, "preview /tone?x=1", "yes"]);
    for (const host of [`localhost:${port}`, `[::1]:${port}`]) expect((await get("/", { host })).status).toBe(200);
  });
  it("refuses a foreign Host (DNS rebinding) and a foreign Origin with 403, then serves a good request", async () => {
    const before = reached.length;
    const foreign: Array<Record<string, string>> = [
      { host: "evil.example" },
      { host: `evil.example:${port}` },
      { host: "127.0.0.1:1" },
      { origin: "http://evil.example" },
      { origin: `http://evil.example:${port}` },
      { origin: "null" },
      { origin: `https://127.0.0.1:${port}` },
    ];
    for (const headers of foreign) {
      const reply = await get("/", headers);
      expect(reply.status, JSON.stringify(headers)).toBe(403);
    }
    expect(reached.length).toBe(before);
    expect((await get("/", { origin: `http://127.0.0.1:${port}` })).status).toBe(200);
  });
  it("answers a path Framework cannot decode with 400, never forwarding it, then serves a good request", async () => {
    const before = reached.length;
    for (const path of ["/%E0%A4%A", "/%", "/a%ZZ"]) expect((await get(path)).status, path).toBe(400);
    expect(reached.length).toBe(before);
    expect((await get("/")).status).toBe(200);
  });
  it("forwards a WebSocket upgrade from its own pages, and refuses a cross-origin or foreign-host one", async () => {
    expect(await upgrade(`http://evil.example`)).toBe("HTTP/1.1 403 Forbidden");
    expect(await upgrade(`http://127.0.0.1:${port}`, "evil.example")).toBe("HTTP/1.1 403 Forbidden");
    expect(await upgrade(`http://localhost:${port}`, `localhost:${port}`)).toBe("HTTP/1.1 101 Switching Protocols");
    expect((await get("/")).status).toBe(200);
  });
});

describe("startGuard(port, target, rewritePage)", () => {
  it("rewrites the preview's HTML pages, with their new length, and forwards anything else as it is", async () => {
    const rewriting = await startGuard(0, (preview.address() as AddressInfo).port, (html) => html.replace("preview", "rewritten ✓"));
    const main = port;
    port = (rewriting.address() as AddressInfo).port;
    try {
      const page = await get("/guide.html");
      expect([page.status, page.body, page.headers["x-preview"]]).toEqual([200, "rewritten ✓ /guide.html", "yes"]);
      expect(page.headers["content-length"]).toBe(String(Buffer.byteLength(page.body)));
      expect((await get("/data.json")).body).toBe("preview /data.json");
    } finally {
      port = main;
      rewriting.closeAllConnections();
      await new Promise((done) => rewriting.close(done));
    }
    expect((await get("/guide.html")).body).toBe("preview /guide.html");
  });
});

describe("requestRefusal(request, port)", () => {
  it("names what it refuses", () => {
    expect(requestRefusal({ url: "/", headers: { host: "evil.example:3000" } }, 3000)).toEqual({
      status: 403,
      reason: 'host "evil.example:3000" is not this server',
    });
    expect(requestRefusal({ url: "/", headers: {} }, 3000)?.status).toBe(403);
    expect(requestRefusal({ url: "/", headers: { host: "LOCALHOST:3000" } }, 3000)).toBeNull();
  });
});
