/**
 * npm run serve -- [--port 3000] [--root dist]
 * An offline static server for the built site (a classroom needs no internet and no extra tools), on
 * 127.0.0.1 only. Files are served by sirv; only GET and HEAD are answered, a request whose path is not
 * valid percent-encoding gets 400, and the server keeps running whatever it is sent.
 */
import { createServer, type Server } from "node:http";
import { resolve } from "node:path";
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

/** Serves `root` on 127.0.0.1:`port` (0 picks a free port); resolves once listening. */
export function serveStatic(root: string, port = 0): Promise<Server> {
  // `extensions` serves /tone as tone.html; dotfiles and anything outside the root are never served.
  const files = sirv(resolve(root), { dev: false, etag: true, extensions: ["html"], dotfiles: false });
  const server = createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") return void response.writeHead(405, { allow: "GET, HEAD" }).end();
    const path = (request.url ?? "/").split("?")[0]!;
    if (!decodable(path)) return void response.writeHead(400, { "content-type": "text/plain" }).end("bad request: malformed URL");
    files(request, response, () => void response.writeHead(404, { "content-type": "text/plain" }).end("not found"));
  });
  // A client that sends garbage or hangs up mid-request must not take the server down.
  server.on("clientError", (_error, socket) => socket.writable && socket.end("HTTP/1.1 400 Bad Request\r\n\r\n"));
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseCommandLine("serve", "usage: npm run serve -- [--port 3000] [--root dist]", {
    options: { port: { type: "string", default: "3000" }, root: { type: "string", default: "dist" } },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`serve: --port must be a whole number from 0 to 65535, not ${values.port}\n`);
    process.exit(2);
  }
  const server = await serveStatic(values.root!, port);
  const address = server.address();
  process.stderr.write(`serving ${values.root} at http://127.0.0.1:${typeof address === "object" && address ? address.port : port}/\n`);
}
