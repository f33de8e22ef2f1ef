/**
 * The guard in front of Framework's preview server (`npm run dev`, scripts/dev.ts). Framework 1.13.4's
 * preview answers any Host and Origin, accepts WebSocket upgrades from any page, and ends the whole process
 * on a path that is not valid percent-encoding (`decodeURI` outside its try, in an async handler). So the
 * preview listens on a private loopback port, and this server, on 127.0.0.1 at the user's port, forwards
 * only requests that name this server (Host), come from its own pages or no page (Origin) and have a path
 * Framework can decode: a page elsewhere cannot read the notebooks through DNS rebinding, nor drive the
 * live-reload socket. Plain node:http and node:net, no dependency.
 */
import {
  createServer,
  request as forward,
  type IncomingMessage,
  type OutgoingHttpHeaders,
  type Server,
  type ServerResponse,
} from "node:http";
import { connect, type Socket } from "node:net";

/** The names a browser on this machine uses for the loopback address. */
const LOOPBACK_NAMES: readonly string[] = ["127.0.0.1", "localhost", "[::1]"];

/** Why the guard refuses a request, as an HTTP status and a one-line reason. */
export interface Refusal {
  readonly status: 400 | 403;
  readonly reason: string;
}

/**
 * Why a request to the guard listening on `port` must not reach the preview, or null when it may: a Host
 * other than this server (127.0.0.1, localhost or [::1] at `port`) is 403, as is an Origin other than this
 * server's own; a path that is not valid percent-encoding ("/%E0%A4%A") is 400.
 * @example requestRefusal({ url: "/", headers: { host: "evil.example:3000" } }, 3000) // { status: 403, … }
 */
export function requestRefusal(request: Pick<IncomingMessage, "url" | "headers">, port: number): Refusal | null {
  const hosts = LOOPBACK_NAMES.flatMap((name) => (port === 80 ? [name, `${name}:80`] : [`${name}:${port}`]));
  const host = request.headers.host?.toLowerCase();
  if (!host || !hosts.includes(host))
    return { status: 403, reason: `host ${JSON.stringify(request.headers.host ?? "")} is not this server` };
  const origin = request.headers.origin;
  if (origin !== undefined && !hosts.some((allowed) => origin.toLowerCase() === `http://${allowed}`))
    return { status: 403, reason: `origin ${JSON.stringify(origin)} is not this server` };
  try {
    // What Framework's preview does with every path, outside any try.
    decodeURI(new URL(request.url ?? "/", "http://localhost").pathname);
  } catch {
    return { status: 400, reason: "malformed URL" };
  }
  return null;
}

/** The request line and headers of `request`, as received, for a raw connection to the preview. */
function requestHead(request: IncomingMessage): string {
  const lines = [`${request.method} ${request.url} HTTP/${request.httpVersion}`];
  for (let k = 0; k < request.rawHeaders.length; k += 2) lines.push(`${request.rawHeaders[k]}: ${request.rawHeaders[k + 1]}`);
  return `${lines.join("\r\n")}\r\n\r\n`;
}

/** Ends a raw socket with a short HTTP response. */
function refuseSocket(socket: Socket, status: number, reason: string): void {
  const text = status === 400 ? "Bad Request" : status === 403 ? "Forbidden" : "Bad Gateway";
  if (socket.writable) socket.end(`HTTP/1.1 ${status} ${text}\r\ncontent-type: text/plain\r\nconnection: close\r\n\r\n${reason}\n`);
  socket.destroy();
}

/** Whether the preview's answer is an HTML page the guard can read as text (not compressed). */
const isPlainHtml = (reply: IncomingMessage) =>
  /^text\/html\b/.test(reply.headers["content-type"] ?? "") && !reply.headers["content-encoding"];

/** Reads the preview's whole HTML answer and sends it rewritten, with its new length. */
function sendRewritten(reply: IncomingMessage, response: ServerResponse, rewritePage: (html: string) => string): void {
  const chunks: Buffer[] = [];
  reply.on("data", (chunk: Buffer) => chunks.push(chunk));
  reply.on("end", () => {
    const body = Buffer.from(rewritePage(Buffer.concat(chunks).toString("utf8")));
    const headers: OutgoingHttpHeaders = { ...reply.headers, "content-length": body.length };
    delete headers["transfer-encoding"];
    response.writeHead(reply.statusCode ?? 502, headers).end(body);
  });
}

/**
 * Starts the guard on 127.0.0.1:`port` (0 picks a free port), forwarding what requestRefusal lets through,
 * HTTP and WebSocket upgrades alike, to the preview on 127.0.0.1:`target`. Resolves once listening; rejects
 * (EADDRINUSE, EACCES) if it cannot listen. A preview not yet up, or gone, is 502; nothing a client sends
 * ends the guard. `rewritePage`, if given, rewrites every uncompressed HTML answer (the accessible page shell,
 * as the build writes it: scripts/page-shell.ts).
 */
export function startGuard(port: number, target: number, rewritePage?: (html: string) => string): Promise<Server> {
  const server = createServer((request, response) => {
    const refusal = requestRefusal(request, listeningPort());
    if (refusal) return void response.writeHead(refusal.status, { "content-type": "text/plain" }).end(`${refusal.reason}\n`);
    const upstream = forward(
      { host: "127.0.0.1", port: target, method: request.method, path: request.url, headers: request.headers },
      (reply) => {
        reply.on("error", () => response.destroy());
        if (rewritePage && isPlainHtml(reply)) return void sendRewritten(reply, response, rewritePage);
        response.writeHead(reply.statusCode ?? 502, reply.rawHeaders);
        reply.pipe(response);
      },
    );
    upstream.on("error", () => {
      if (!response.headersSent)
        response.writeHead(502, { "content-type": "text/plain" }).end("the preview server is not answering (starting?)\n");
      else response.destroy();
    });
    request.pipe(upstream);
    response.on("close", () => upstream.destroy());
  });
  server.on("upgrade", (request: IncomingMessage, socket: Socket, head: Buffer) => {
    socket.on("error", () => socket.destroy());
    const refusal = requestRefusal(request, listeningPort());
    if (refusal) return refuseSocket(socket, refusal.status, refusal.reason);
    const upstream = connect(target, "127.0.0.1", () => {
      upstream.write(requestHead(request));
      if (head.length) upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on("error", () => refuseSocket(socket, 502, "the preview server is not answering"));
    // Either side hanging up ends both: the server's sockets stay half-open after an upgrade otherwise.
    socket.on("end", () => upstream.destroy());
    socket.on("close", () => upstream.destroy());
    upstream.on("end", () => socket.destroy());
    upstream.on("close", () => socket.destroy());
  });
  // A client that sends garbage or hangs up mid-request must not take the guard down.
  server.on("clientError", (_error, socket: Socket) => refuseSocket(socket, 400, "bad request"));
  const listeningPort = () => {
    const address = server.address();
    return typeof address === "object" && address ? address.port : port;
  };
  return new Promise((done, fail) => {
    server.once("error", fail);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", fail);
      done(server);
    });
  });
}
