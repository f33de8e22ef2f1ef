// The classroom server: files below the root only, 400 for a malformed URL, and it keeps serving.
import { request } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import { serveStatic } from "../../scripts/serve.ts";
import { writeCorpus } from "../helpers.ts";

let server: Server;
let port: number;

/** Sends a raw request path (no client-side normalising) and resolves with the status code. */
function get(path: string, method = "GET"): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end();
  });
}

beforeAll(async () => {
  const root = writeCorpus({ "index.html": "<p>home</p>", "tone.html": "<p>tone</p>", "_file/data.json": "{}" });
  server = await serveStatic(root, 0);
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe("serveStatic(root)", () => {
  it("serves pages with and without .html, and the data files", async () => {
    expect(await get("/")).toBe(200);
    expect(await get("/tone")).toBe(200);
    expect(await get("/tone.html?show=hegemon")).toBe(200);
    expect(await get("/_file/data.json")).toBe(200);
    expect(await get("/nothing-here")).toBe(404);
  });
  it("answers a malformed URL with 400 and keeps running", async () => {
    expect(await get("/%E0%A4%A")).toBe(400);
    expect(await get("/%")).toBe(400);
    expect(await get("/")).toBe(200);
  });
  it("never serves anything outside the root, and only GET and HEAD", async () => {
    expect(await get("/../../etc/passwd")).not.toBe(200);
    expect(await get("/%2e%2e/%2e%2e/etc/passwd")).not.toBe(200);
    expect(await get("/", "POST")).toBe(405);
    expect(await get("/", "HEAD")).toBe(200);
  });
});
