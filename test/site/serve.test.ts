// The classroom server: files below the root only, 400 for a malformed URL, ranges as RFC 9110 says, and
// it keeps serving whatever it is sent.
import { rmSync } from "node:fs";
import { request, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Server } from "node:http";
import { byteRange, serveStatic } from "../../scripts/serve.ts";
import { writeCorpus } from "../helpers.ts";

let server: Server;
let port: number;
let root: string;
const DIGITS = "0123456789".repeat(10);

/** What a request got: status, headers and body, or the error that ended it. */
interface Reply {
  readonly status: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/** Sends a raw request path (no client-side normalising) with `headers`; resolves with the reply. */
function send(path: string, { method = "GET", headers = {} }: { method?: string; headers?: Record<string, string> } = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks).toString() }),
      );
      response.on("error", reject);
    });
    req.on("error", reject);
    req.end();
  });
}

/** The status code of a GET (or `method`) of `path`. */
const get = async (path: string, method = "GET") => (await send(path, { method })).status;
/** The reply to a GET of the 100-byte file with `range`. */
const ranged = (range: string) => send("/digits.txt", { headers: { range } });

beforeAll(async () => {
  root = writeCorpus({
    "index.html": "<p>home</p>",
    "tone.html": "<p>tone</p>",
    "_file/data.json": "{}",
    "digits.txt": DIGITS,
    "gone.txt": "soon",
  });
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
  it("answers an invalid or unsatisfiable byte range with 416 and the file's size, and keeps running", async () => {
    for (const range of [
      "bytes=50-10",
      "bytes=100-",
      "bytes=99999999999999999999999-",
      "bytes=-0",
      "bytes=abc",
      "bytes=1-2-3",
      "bytes=-",
    ]) {
      const reply = await ranged(range);
      expect(reply.status, range).toBe(416);
      expect(reply.headers["content-range"], range).toBe("bytes */100");
      expect(await get("/")).toBe(200);
    }
  });
  it("cuts a range whose end is past the file's end, and serves suffix ranges from the end", async () => {
    const long = await ranged("bytes=0-99999999999999999999999");
    expect([long.status, long.headers["content-range"], long.body]).toEqual([206, "bytes 0-99/100", DIGITS]);
    const middle = await ranged("bytes=10-19");
    expect([middle.status, middle.headers["content-range"], middle.body]).toEqual([206, "bytes 10-19/100", "0123456789"]);
    const suffix = await ranged("bytes=-5");
    expect([suffix.status, suffix.headers["content-range"], suffix.body]).toEqual([206, "bytes 95-99/100", "56789"]);
    expect(await get("/")).toBe(200);
  });
  it("ignores a range in another unit, several ranges and a header without a unit: the whole file, 200", async () => {
    for (const range of ["items=0-5", "bytes=0-1,5-6", "garbage", "bytes=0-0"]) {
      const reply = await ranged(range);
      expect([reply.status, reply.body.length], range).toEqual([200, 100]);
    }
  });
  it("keeps running when a file is removed while it is served (a rebuild)", async () => {
    rmSync(join(root, "gone.txt"));
    await expect(send("/gone.txt")).rejects.toThrow();
    expect(await get("/")).toBe(200);
  });
});

describe("byteRange(header, size)", () => {
  it("follows RFC 9110: invalid and unsatisfiable ranges rejected, an end past the file cut, unknown units ignored", () => {
    expect(byteRange("bytes=50-10", 100)).toEqual({ serve: "none" });
    expect(byteRange("bytes=0-99999999999999999999999", 100)).toEqual({ serve: "part", start: 0, end: 99 });
    expect(byteRange("Bytes = 5-", 100)).toEqual({ serve: "part", start: 5, end: 99 });
    expect(byteRange("bytes=-500", 100)).toEqual({ serve: "part", start: 0, end: 99 });
    expect(byteRange("bytes=0-", 0)).toEqual({ serve: "none" });
    expect(byteRange("bytes=-1", 0)).toEqual({ serve: "none" });
    expect(byteRange("lines=1-2", 100)).toEqual({ serve: "whole" });
  });
});
