// The sandbox's small HTTP toolkit: a router over RegExp routes and the Hub's response conventions
// (JSON errors `{"error": ...}` with X-Request-Id, and X-Error-Code / X-Error-Message where the Hub sends them).
import {randomBytes} from 'node:crypto';
import type {IncomingMessage, ServerResponse} from 'node:http';

export type Method = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'OPTIONS';

export interface RequestContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** Named groups of the matched route, already URI-decoded. */
  params: Record<string, string>;
  requestId: string;
}

export type Handler<C extends RequestContext = RequestContext> = (ctx: C) => void | Promise<void>;

interface Route<C extends RequestContext> {
  methods: Method[];
  pattern: RegExp;
  handler: Handler<C>;
}

/** Thrown by handlers to answer with a Hub-style error; the server turns it into a response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly errorCode?: string,
    readonly headers: Record<string, string> = {},
    /** Extra fields the Hub sends next to `error` (e.g. the 409 of repo creation carries `url`). */
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export class Router<C extends RequestContext = RequestContext> {
  private readonly routes: Route<C>[] = [];

  /** `pattern` must match the whole pathname; use named groups for parameters. */
  on(methods: Method | Method[], pattern: RegExp, handler: Handler<C>): this {
    this.routes.push({methods: Array.isArray(methods) ? methods : [methods], pattern, handler});
    return this;
  }

  /**
   * The handler for a request, or which methods the path allows when none matches the method.
   * HEAD is served by the GET handler, as HTTP requires (Node sends the headers and drops the body).
   */
  match(
    method: string,
    pathname: string,
  ): {handler: Handler<C>; params: Record<string, string>} | {allowed: Method[]} | undefined {
    const allowed: Method[] = [];
    for (const route of this.routes) {
      const m = route.pattern.exec(pathname);
      if (!m) continue;
      const methods: Method[] =
        route.methods.includes('GET') && !route.methods.includes('HEAD') ? [...route.methods, 'HEAD'] : route.methods;
      if (!methods.includes(method as Method)) {
        allowed.push(...methods);
        continue;
      }
      const params: Record<string, string> = {};
      for (const [key, value] of Object.entries(m.groups ?? {})) {
        if (value !== undefined) params[key] = safeDecode(value);
      }
      return {handler: route.handler, params};
    }
    return allowed.length ? {allowed} : undefined;
  }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    throw new HttpError(400, 'Malformed URL encoding');
  }
}

/** What the sandbox answers for a route or feature it does not emulate: 501, never a 404 that reads like a wrong id. */
export function notEmulated(what: string): HttpError {
  return new HttpError(501, `The sandbox Hub does not emulate ${what}`, 'NotEmulated');
}

export function newRequestId(): string {
  return `Root=1-${Math.floor(Date.now() / 1000).toString(16)}-${randomBytes(12).toString('hex')}`;
}

export function sendJson(
  ctx: RequestContext,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  ctx.res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(text),
    'X-Request-Id': ctx.requestId,
    ...headers,
  });
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : text);
}

/**
 * The sandbox's pages have no scripts, no outside assets and post forms only to themselves: the browser is told so,
 * so an injection that slipped past escaping runs nothing, and no other site can frame a page (an Approve button
 * under a decoy, clickjacking).
 */
const PAGE_POLICY =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export function sendHtml(ctx: RequestContext, status: number, html: string): void {
  ctx.res.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Length': Buffer.byteLength(html),
    'X-Request-Id': ctx.requestId,
    'Cache-Control': 'no-store',
    'Content-Security-Policy': PAGE_POLICY,
    'X-Frame-Options': 'DENY',
    'X-Content-Type-Options': 'nosniff',
    // Not no-referrer: with it a browser sends `Origin: null` on a form post, which forms.ts refuses.
    'Referrer-Policy': 'same-origin',
  });
  ctx.res.end(ctx.req.method === 'HEAD' ? undefined : html);
}

export function sendError(ctx: RequestContext, error: HttpError): void {
  const headers: Record<string, string> = {...error.headers};
  if (error.errorCode) {
    headers['X-Error-Code'] = error.errorCode;
  }
  // Header values must be latin1 without newlines.
  headers['X-Error-Message'] = error.message.replace(/[^\x20-\x7e]/g, ' ').slice(0, 1000);
  // Answering before the request body was read: don't let the client reuse a connection with body bytes still in flight.
  if (!ctx.req.complete) headers.Connection = 'close';
  sendJson(ctx, error.status, {...error.body, error: error.message}, headers);
}

/** Reads a request body as text, refusing more than `limit` bytes (the Hub answers 413). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new HttpError(413, `Request body too large (limit ${limit} bytes)`);
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

export async function readJson<T = unknown>(req: IncomingMessage, limit = 10 * 1024 * 1024): Promise<T> {
  const body = await readBody(req, limit);
  if (body.length === 0) throw new HttpError(400, 'Expected a JSON body');
  try {
    return JSON.parse(body.toString('utf8')) as T;
  } catch {
    throw new HttpError(400, 'Malformed JSON in request body');
  }
}
