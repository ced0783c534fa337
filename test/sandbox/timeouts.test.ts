// Bounded waits at both ends of the sandbox's HTTP (issue 10): a client that connects and never finishes its headers
// is cut off, and a Node twin whose Hub never answers gives up with a sentence instead of hanging its job.
import {connect} from 'node:net';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {twinHub} from '../../src/examples/twins/hub.js';
import {startSandbox, type SandboxHandle} from '../../src/sandbox/index.js';
import {serverTimeouts} from '../../src/sandbox/server.js';

describe('the sandbox server against a slow client', () => {
  let sb: SandboxHandle;
  beforeAll(async () => {
    process.env.HF_SANDBOX_HEADERS_TIMEOUT_MS = '400';
    try {
      sb = await startSandbox();
    } finally {
      delete process.env.HF_SANDBOX_HEADERS_TIMEOUT_MS;
    }
  });
  afterAll(async () => {
    await sb?.close();
  });

  it('has bounds by default: headers within 15 s, the whole request within 120 s', () => {
    expect(serverTimeouts({})).toEqual({
      headersTimeout: 15_000,
      requestTimeout: 120_000,
      connectionsCheckingInterval: 1000,
    });
  });

  it('closes a connection whose headers never end (slowloris), answering 408', async () => {
    const {port, hostname} = new URL(sb.url);
    const socket = connect(Number(port), hostname);
    let received = '';
    socket.on('data', (d) => (received += d.toString()));
    const t0 = Date.now();
    await new Promise<void>((r) => socket.once('connect', () => r()));
    socket.write(`GET /api/whoami-v2 HTTP/1.1\r\nHost: ${sb.url.replace(/^http:\/\//, '')}\r\nX-Slow: `);
    await new Promise<void>((r) => socket.once('close', () => r()));
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(received).toMatch(/^HTTP\/1\.1 408/);
  });
});

describe('a Node twin against a Hub that never answers', () => {
  let server: Server;
  let url = '';
  const hanging: import('node:http').ServerResponse[] = [];
  beforeAll(async () => {
    server = createServer((_req, res) => void hanging.push(res));
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const res of hanging) res.destroy();
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  });

  it.each([
    ['a token', 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfakeAA'],
    ['the literal placeholder (sent through its own fetch)', '$HF_TOKEN'],
  ])('gives up on whoami with %s after its timeout, naming the Hub', async (_what, token) => {
    const t0 = Date.now();
    const error = await twinHub(url, token, 300)
      .whoAmI()
      .catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(String((error as Error).message)).toContain(`no answer from ${url} within 300 ms`);
  });
});
