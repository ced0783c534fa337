// The sandbox Hub's HTTP server: routes requests, authenticates them, and turns every failure into a Hub-style error.
import {createServer, type Server} from 'node:http';
import {authenticate} from './accounts.js';
import type {RouteModule, SandboxCore, SandboxRequest} from './context.js';
import {HttpError, Router, newRequestId, sendError} from './http.js';

export interface RunningServer {
  server: Server;
  close(): Promise<void>;
}

export function createSandboxServer(core: SandboxCore, modules: RouteModule[]): {server: Server; cleanups: (() => Promise<void> | void)[]} {
  const router = new Router<SandboxRequest>();
  const cleanups: (() => Promise<void> | void)[] = [];
  for (const register of modules) {
    const cleanup = register(router, core);
    if (cleanup) cleanups.push(cleanup);
  }

  const server = createServer(async (req, res) => {
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
    try {
      const found = router.match(req.method ?? 'GET', url.pathname);
      if (!found) throw new HttpError(404, 'Not Found');
      if ('allowed' in found) {
        throw new HttpError(405, `Method ${req.method} not allowed here`, undefined, {Allow: [...new Set(found.allowed)].join(', ')});
      }
      ctx.params = found.params;
      await found.handler(ctx);
    } catch (error) {
      const httpError =
        error instanceof HttpError ? error : new HttpError(500, 'Internal sandbox error: ' + (error instanceof Error ? error.message : String(error)));
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
  server.keepAliveTimeout = 5000;
  return {server, cleanups};
}
