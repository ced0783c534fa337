// The sandbox Hub's HTTP server: routes requests, authenticates them, and turns every failure into a Hub-style error.
import {STATUS_CODES, createServer, type Server} from 'node:http';
import type {Duplex} from 'node:stream';
import {authenticate} from './accounts.js';
import {boundConnections, type ConnectionBound} from './connections.js';
import type {RouteModule, SandboxCore, SandboxRequest} from './context.js';
import {HttpError, Router, newRequestId, notEmulated, sendError} from './http.js';

/**
 * Bounds on a client that connects and then sends slowly or nothing (a slowloris holding sockets open): its headers
 * must arrive within 15 s and its whole request (body included: uploads are loopback-fast) within 120 s, checked every
 * second. Answers and log streams that last longer are not affected. HF_SANDBOX_HEADERS_TIMEOUT_MS overrides the first
 * (tests use a short one).
 */
export function serverTimeouts(env: Record<string, string | undefined> = process.env): {
  headersTimeout: number;
  requestTimeout: number;
  connectionsCheckingInterval: number;
} {
  const fromEnv = Number(env.HF_SANDBOX_HEADERS_TIMEOUT_MS);
  const headersTimeout = Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 15_000;
  return {
    headersTimeout,
    requestTimeout: Math.max(120_000, headersTimeout),
    connectionsCheckingInterval: Math.min(1000, headersTimeout),
  };
}

export function createSandboxServer(
  core: SandboxCore,
  modules: RouteModule[],
): {server: Server; cleanups: (() => Promise<void> | void)[]; connections: ConnectionBound} {
  const router = new Router<SandboxRequest>();
  const cleanups: (() => Promise<void> | void)[] = [];
  for (const register of modules) {
    const cleanup = register(router, core);
    if (cleanup) cleanups.push(cleanup);
  }

  const server = createServer(serverTimeouts(), async (req, res) => {
    const requestId = newRequestId();
    let url: URL;
    try {
      url = new URL(req.url ?? '/', core.baseUrl);
    } catch {
      url = new URL('/', core.baseUrl);
    }
    const ctx: SandboxRequest = {
      req,
      res,
      url,
      params: {},
      requestId,
      auth: authenticate(core.accounts, req.headers.authorization),
      sandbox: core,
    };
    // After a large upload, close the connection: Node's fetch (undici, Node 20) reuses a kept-alive socket for the
    // next request while the server side may be closing it, and 2 to 3 of 10 back-to-back 64 MiB POSTs failed with
    // ECONNRESET on this machine (0 of 10 with `Connection: close`); hfjs posts each xorb (up to 64 MiB) this way.
    if (Number(req.headers['content-length']) >= LARGE_BODY_BYTES) res.setHeader('Connection', 'close');
    try {
      if (!hostAllowed(core, req.headers.host)) {
        throw new HttpError(
          421,
          `This sandbox Hub answers only requests addressed to ${core.baseUrl} (or localhost / [::1] on the same port); Host ${JSON.stringify(String(req.headers.host ?? '').slice(0, 100))} was refused.`,
        );
      }
      const found = router.match(req.method ?? 'GET', url.pathname);
      if (!found) throw notEmulated(`${req.method ?? 'GET'} ${url.pathname.slice(0, 200)}`);
      if ('allowed' in found) {
        throw new HttpError(405, `Method ${req.method} not allowed here`, undefined, {
          Allow: [...new Set(found.allowed)].join(', '),
        });
      }
      ctx.params = found.params;
      await found.handler(ctx);
    } catch (error) {
      const httpError =
        error instanceof HttpError
          ? error
          : new HttpError(500, 'Internal sandbox error: ' + (error instanceof Error ? error.message : String(error)));
      if (!(error instanceof HttpError) && process.env.HF_SANDBOX_DEBUG) console.error(error);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // Drain what the client is still sending so it sees our answer rather than a reset.
      req.resume();
      sendError(ctx, httpError);
    }
  });
  server.on('clientError', answerClientError);
  // An idle kept-alive socket is closed after 65 s (Node's default is 5 s). A client that computes for longer than the
  // server's idle bound between two requests (hfjs chunks and hashes a 64 MiB xorb synchronously; on a loaded machine
  // that takes over 5 s) sends its next request on a socket the server is closing in the same instant and gets
  // ECONNRESET before the request reaches a handler: 4 of 4 runs of the several-xorbs test at load 15, 0 of 3 at 65 s.
  // Load balancers in front of web services commonly keep 60 s; the Keep-Alive header tells clients the bound.
  server.keepAliveTimeout = 65_000;
  // At most 256 open connections; a new one evicts the oldest idle one (connections.ts).
  const connections = boundConnections(server, maxConnectionsFrom(process.env));
  return {server, cleanups, connections};
}

/** HF_SANDBOX_MAX_CONNECTIONS overrides the bound on open connections (tests use a small one). */
function maxConnectionsFrom(env: Record<string, string | undefined>): number | undefined {
  const n = Number(env.HF_SANDBOX_MAX_CONNECTIONS);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/** Request bodies at least this big get `Connection: close` on their answer. */
const LARGE_BODY_BYTES = 16 * 1024 * 1024;

/**
 * Only the sandbox's own loopback names: a page in the browser that rebinds its own domain to 127.0.0.1 sends its
 * domain as Host and is refused, so it can neither read the API nor post forms.
 */
export function hostAllowed(core: Pick<SandboxCore, 'baseUrl' | 'allowHost'>, host: string | undefined): boolean {
  if (!host) return false;
  const port = new URL(core.baseUrl).port;
  const h = host.toLowerCase();
  if (h === `127.0.0.1:${port}` || h === `localhost:${port}` || h === `[::1]:${port}`) return true;
  return core.allowHost?.(host) ?? false;
}

/** A request Node could not even parse (bad method, headers too large...): still a Hub-style JSON error with X-Request-Id. */
function answerClientError(error: NodeJS.ErrnoException, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message =
    status === 431
      ? 'Request headers (or URL) too large'
      : status === 408
        ? 'Request timeout'
        : 'Malformed HTTP request';
  const body = JSON.stringify({error: message});
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${newRequestId()}\r\nX-Error-Message: ${message}\r\nConnection: close\r\n\r\n${body}`,
  );
}
