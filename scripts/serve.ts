/**
 * npm run serve -- [--port 3000] [--root dist]
 * A minimal offline static server for the built site (a classroom needs no internet and no extra tools).
 * Only GET/HEAD of files below the root; nothing else is reachable.
 */
import { createReadStream, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { extname, join, normalize, resolve, sep } from "node:path";
import { parseArgs } from "node:util";
import { pathToFileURL } from "node:url";

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".woff2": "font/woff2",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

/** Serves `root` on 127.0.0.1:`port` (0 picks a free port); resolves once listening. */
export function serveStatic(root: string, port = 0): Promise<Server> {
  const base = resolve(root);
  const server = createServer((request, response) => {
    if (request.method !== "GET" && request.method !== "HEAD") return void response.writeHead(405).end();
    let path = decodeURIComponent(new URL(request.url ?? "/", "http://localhost").pathname);
    if (path.endsWith("/")) path += "index.html";
    const file = normalize(join(base, path));
    if (file !== base && !file.startsWith(base + sep)) return void response.writeHead(403).end();
    let target = file;
    try {
      if (statSync(target).isDirectory()) target = join(target, "index.html");
      statSync(target);
    } catch {
      try {
        statSync(`${file}.html`);
        target = `${file}.html`;
      } catch {
        return void response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      }
    }
    response.writeHead(200, { "content-type": TYPES[extname(target)] ?? "application/octet-stream" });
    if (request.method === "HEAD") return void response.end();
    createReadStream(target).pipe(response);
  });
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done(server)));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const { values } = parseArgs({ options: { port: { type: "string", default: "3000" }, root: { type: "string", default: "dist" } } });
  const server = await serveStatic(values.root!, Number(values.port));
  const address = server.address();
  process.stderr.write(
    `serving ${values.root} at http://127.0.0.1:${typeof address === "object" && address ? address.port : values.port}/\n`,
  );
}
