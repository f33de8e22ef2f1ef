/**
 * npm run serve -- [--port 3000] [--root dist]
 * An offline static server for the built site (a classroom needs no internet and no extra tools), on
 * 127.0.0.1 only. Files are served by sirv; only GET and HEAD are answered, a request whose path is not
 * valid percent-encoding gets 400, a Range header is checked before sirv sees it (byteRange), and the
 * server keeps running whatever it is sent, even when a file vanishes while it is read (a rebuild).
 */
import { existsSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { join, resolve } from "node:path";
import type { Readable } from "node:stream";
import { pathToFileURL } from "node:url";
import sirv from "sirv";
import { parseCommandLine } from "./cli-args.ts";

/** Whether a request path decodes as percent-encoding ("/%E0%A4%A" does not). */
function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

/** What to do with a Range header for a file of a given size: see byteRange. */
export type RangeDecision =
  { readonly serve: "whole" } | { readonly serve: "none" } | { readonly serve: "part"; start: number; end: number };

/**
 * What RFC 9110 (section 14) makes of a `Range` header for a file of `size` bytes, for a server that
 * sends single byte ranges:
 * - a range unit other than `bytes`, or several ranges, is ignored: the whole file, 200 (14.2: a server
 *   MUST ignore a unit it does not know, and MAY ignore any Range header);
 * - a `bytes` range that is malformed (`bytes=abc`, `bytes=1-2-3`), invalid (`bytes=50-10`: last before
 *   first, 14.1.2) or unsatisfiable (first byte at or past the end, `bytes=-0`, an empty file) is
 *   rejected: "none", which is 416 with a Content-Range that gives the file's size (15.5.17);
 * - else the range, with a last byte past the end (`bytes=0-99999999999999999999999`) cut to the end
 *   (14.1.2) and a suffix range (`bytes=-500`) taken from the end.
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-14
 * @example byteRange("bytes=50-10", 100) // { serve: "none" }
 * @example byteRange("bytes=90-99999999999999999999999", 100) // { serve: "part", start: 90, end: 99 }
 */
export function byteRange(header: string, size: number): RangeDecision {
  const equals = header.indexOf("=");
  if (equals < 0 || header.slice(0, equals).trim().toLowerCase() !== "bytes") return { serve: "whole" };
  const set = header.slice(equals + 1).trim();
  if (set.includes(",")) return { serve: "whole" };
  const match = /^(\d*)[ \t]*-[ \t]*(\d*)$/.exec(set);
  if (!match || (match[1] === "" && match[2] === "")) return { serve: "none" };
  const [, first, last] = match as unknown as [string, string, string];
  if (first === "") {
    // A suffix range: the last N bytes.
    const length = Number(last);
    if (length === 0 || size === 0) return { serve: "none" };
    return { serve: "part", start: Math.max(0, size - length), end: size - 1 };
  }
  const start = Number(first);
  const end = last === "" ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== "" && Number(last) < start) return { serve: "none" };
  if (start >= size) return { serve: "none" };
  return { serve: "part", start, end };
}

/**
 * Rewrites `request`'s Range header for sirv, which reads only `bytes=<start>-<end>` and trusts it (it
 * crashed the server on `bytes=50-10`): removed to serve the whole file, a range past the end for a 416,
 * or the range itself. sirv reads an end of 0 as "to the end", so a range that ends at byte 0 is served whole.
 */
function rangeForSirv(request: IncomingMessage, size: number): void {
  const header = request.headers.range;
  if (header === undefined) return;
  const decision = byteRange(header, size);
  if (decision.serve === "whole" || (decision.serve === "part" && decision.end === 0)) delete request.headers.range;
  else if (decision.serve === "none") request.headers.range = `bytes=${size}-`;
  else request.headers.range = `bytes=${decision.start}-${decision.end}`;
}

/** Serves `root` on 127.0.0.1:`port` (0 picks a free port); resolves once listening, rejects if it cannot listen. */
export function serveStatic(root: string, port = 0): Promise<Server> {
  // sirv calls setHeaders with the file's size just before it reads the Range header: the request is found
  // from the response.
  const requests = new WeakMap<ServerResponse, IncomingMessage>();
  // `extensions` serves /tone as tone.html; dotfiles and anything outside the root are never served.
  const files = sirv(resolve(root), {
    dev: false,
    etag: true,
    extensions: ["html"],
    dotfiles: false,
    setHeaders: (response, _path, stats) => rangeForSirv(requests.get(response)!, stats.size),
  });
  const server = createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") return void response.writeHead(405, { allow: "GET, HEAD" }).end();
    const path = (request.url ?? "/").split("?")[0]!;
    if (!decodable(path)) return void response.writeHead(400, { "content-type": "text/plain" }).end("bad request: malformed URL");
    requests.set(response, request);
    // sirv pipes a read stream into the response without an error handler: a file removed since the server
    // started (a rebuild) would end the process. The stream's error ends only this response.
    response.once("pipe", (source: Readable) => source.once("error", () => response.destroy()));
    try {
      files(request, response, () => void response.writeHead(404, { "content-type": "text/plain" }).end("not found"));
    } catch {
      if (!response.headersSent) response.writeHead(500, { "content-type": "text/plain" }).end("server error");
      else response.destroy();
    }
  });
  // A client that sends garbage or hangs up mid-request must not take the server down.
  server.on("clientError", (_error, socket) => socket.writable && socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", fail);
      done(server);
    });
  });
}

/** Why the server could not listen on `port`, in one line, or null for an error that is a bug. */
function listenProblem(error: unknown, port: number): string | null {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "EADDRINUSE") return `port ${port} is in use (another server?); pick another with --port`;
  if (code === "EACCES" || code === "EPERM") return `no permission to listen on port ${port}; pick one above 1023 with --port`;
  return null;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseCommandLine(
    "serve",
    "usage: npm run serve -- [--port 3000] [--root dist]",
    { options: { port: { type: "string", default: "3000" }, root: { type: "string", default: "dist" } } },
    `
Serves a built site offline on 127.0.0.1 (a classroom needs no internet): GET and HEAD only, files below
the root only.
  --port <n>       the port (default 3000; 0 picks a free one)
  --root <folder>  the built site (default dist, from npm run build)
Example: npm run build && npm run serve -- --port 8080`,
  );
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`serve: --port must be a whole number from 0 to 65535, not ${values.port}\n`);
    process.exit(2);
  }
  if (!existsSync(join(values.root!, "index.html"))) {
    process.stderr.write(`serve: ${resolve(values.root!)} holds no built site (no index.html); run npm run build first\n`);
    process.exit(1);
  }
  try {
    const server = await serveStatic(values.root!, port);
    const address = server.address();
    process.stderr.write(`serving ${values.root} at http://127.0.0.1:${typeof address === "object" && address ? address.port : port}/\n`);
  } catch (error) {
    const problem = listenProblem(error, port);
    if (!problem) throw error;
    process.stderr.write(`serve: ${problem}\n`);
    process.exit(1);
  }
}
