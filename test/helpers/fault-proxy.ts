// A fault-injecting HTTP proxy on loopback, between the app and a sandbox Hub: each request is forwarded unless a
// rule picks a fault for it (an HTTP status with a body, a reset, a hang, a truncated answer). Used by the
// fault-matrix and job-path tests; counts what it did so a test can assert that the fault really happened.
import {createServer, request, type IncomingMessage, type Server, type ServerResponse} from 'node:http';
import type {Socket} from 'node:net';

export type Fault =
  | {kind: 'status'; status: number; body?: string; headers?: Record<string, string>}
  /** Close the connection before any answer (the request is NOT forwarded). */
  | {kind: 'reset'}
  /** Forward the request, then close the connection before the answer reaches the app (the server did act). */
  | {kind: 'reset-after'}
  /** Accept the request and never answer (not forwarded). */
  | {kind: 'hang'}
  /** Forward, then send the headers and only the first half of the body. */
  | {kind: 'truncate'};

export interface FaultRule {
  /** e.g. `POST /api/jobs/` (method and a path prefix) or a function of the request. */
  match: string | ((method: string, path: string) => boolean);
  fault: Fault;
  /** How many matching requests get the fault (default 1); later ones are forwarded. */
  times?: number;
}

export interface FaultProxy {
  url: string;
  /** Faults injected so far, as "METHOD path kind". */
  injected: string[];
  /** When each of `injected` happened (Date.now()), same order. */
  injectedAt: number[];
  /** Every request seen, as "METHOD path". */
  seen: string[];
  setRules(rules: FaultRule[]): void;
  close(): Promise<void>;
}

function matches(rule: FaultRule, method: string, path: string): boolean {
  if (typeof rule.match === 'function') return rule.match(method, path);
  const [m, p] = rule.match.split(' ');
  return m === method && path.startsWith(p ?? '');
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const upstream = new URL(target);
  let rules: Array<FaultRule & {left: number}> = [];
  const injected: string[] = [];
  const injectedAt: number[] = [];
  const seen: string[] = [];
  const sockets = new Set<Socket>();

  function forward(
    req: IncomingMessage,
    body: Buffer,
    onAnswer: (res: IncomingMessage) => void,
    onError: () => void,
  ): void {
    const out = request(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: req.url,
        headers: {...req.headers, host: upstream.host},
      },
      onAnswer,
    );
    out.on('error', onError);
    out.end(body);
  }

  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const path = (req.url ?? '/').split('?')[0]!;
    seen.push(`${method} ${path}`);
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const rule = rules.find((r) => r.left > 0 && matches(r, method, path));
      const fault = rule?.fault;
      if (rule) {
        rule.left--;
        injected.push(`${method} ${path} ${fault!.kind}${fault!.kind === 'status' ? ` ${fault!.status}` : ''}`);
        injectedAt.push(Date.now());
      }
      if (fault?.kind === 'status') {
        res.writeHead(fault.status, {'content-type': 'application/json', ...fault.headers});
        res.end(fault.body ?? JSON.stringify({error: `injected ${fault.status}`}));
        return;
      }
      if (fault?.kind === 'reset') {
        req.socket.destroy();
        return;
      }
      if (fault?.kind === 'hang') return;
      forward(
        req,
        body,
        (answer) => {
          if (fault?.kind === 'reset-after') {
            answer.resume();
            answer.on('end', () => req.socket.destroy());
            return;
          }
          if (fault?.kind === 'truncate') {
            const parts: Buffer[] = [];
            answer.on('data', (c: Buffer) => parts.push(c));
            answer.on('end', () => {
              const whole = Buffer.concat(parts);
              const headers = {...answer.headers};
              delete headers['content-length'];
              delete headers['transfer-encoding'];
              res.writeHead(answer.statusCode ?? 200, {...headers, 'content-length': String(whole.length)});
              res.write(whole.subarray(0, Math.floor(whole.length / 2)));
              // Promised the whole length, sent half: the client sees a cut-off body.
              setTimeout(() => req.socket.destroy(), 20);
            });
            return;
          }
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
        () => req.socket.destroy(),
      );
    });
  });
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as {port: number}).port;
  return {
    url: `http://127.0.0.1:${port}`,
    injected,
    injectedAt,
    seen,
    setRules(next) {
      rules = next.map((r) => ({...r, left: r.times ?? 1}));
    },
    close: () =>
      new Promise<void>((r) => {
        for (const s of sockets) s.destroy();
        server.close(() => r());
      }),
  };
}
