// A log stream's lines are capped (src/core/hub/event-stream-cap.ts): a real HTTP server sends a 1 MiB line and a line
// that never ends; the app's Hub client (over @huggingface/hub's streamJobLogs) gets a cut message with a marker, and
// the lines after it. Before the cap, the endless line was buffered whole, without bound.
import {createServer, type Server, type ServerResponse} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterEach, describe, expect, it} from 'vitest';
import {createHubClient} from '../../../src/core/hub/client.js';
import {capEventStreamLines, CUT_MARKER, MAX_LOG_LINE_BYTES} from '../../../src/core/hub/event-stream-cap.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

async function serve(handler: (res: ServerResponse) => void): Promise<string> {
  const server = createServer((req, res) => {
    res.writeHead(200, {'content-type': 'text/event-stream'});
    handler(res);
  });
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

const event = (data: string) => `data: ${JSON.stringify({data, timestamp: '2026-01-01T00:00:00Z'})}\n\n`;

describe('a log stream line over 64 KiB is cut', () => {
  it('a 1 MiB line arrives as its first 64 KiB with a marker, and the lines around it arrive whole', async () => {
    const url = await serve((res) => {
      res.write(event('before'));
      res.write(event('é'.repeat(512 * 1024)));
      res.end(event('after'));
    });
    const got: string[] = [];
    for await (const e of createHubClient({hubUrl: url, accessToken: 'hf_FAKE'}).streamJobLogs('ns', 'id'))
      got.push(e.message);
    expect(got).toHaveLength(3);
    expect(got[0]).toBe('before');
    expect(got[1]!.endsWith(CUT_MARKER)).toBe(true);
    expect(got[1]!.startsWith('ééé')).toBe(true);
    expect(Buffer.byteLength(got[1]!)).toBeLessThanOrEqual(MAX_LOG_LINE_BYTES + 100);
    expect(got[2]).toBe('after');
  });

  it('a line that never ends shows as a cut message while the server is still sending it', async () => {
    let timer: NodeJS.Timeout | undefined;
    const url = await serve((res) => {
      res.write(event('first'));
      res.write('data: {"data":"');
      const chunk = 'x'.repeat(16 * 1024);
      timer = setInterval(() => {
        res.write(chunk);
      }, 2);
      res.on('close', () => clearInterval(timer));
    });
    const got: string[] = [];
    try {
      for await (const e of createHubClient({hubUrl: url, accessToken: 'hf_FAKE'}).streamJobLogs('ns', 'id')) {
        got.push(e.message);
        if (got.length === 2) break;
      }
    } finally {
      clearInterval(timer);
    }
    expect(got[0]).toBe('first');
    expect(got[1]).toMatch(/^x+… \[cut: this log line is longer than 64 KiB\]$/);
    expect(got[1]!.length).toBeLessThanOrEqual(MAX_LOG_LINE_BYTES + CUT_MARKER.length);
  });
});

describe('capEventStreamLines passes ordinary streams unchanged', () => {
  async function through(chunks: Uint8Array[], max?: number): Promise<string> {
    const stream = new ReadableStream<Uint8Array>({
      start(c) {
        for (const chunk of chunks) c.enqueue(chunk);
        c.close();
      },
    }).pipeThrough(capEventStreamLines(max));
    return await new Response(stream).text();
  }

  it('whatever the chunk boundaries, lines under the cap come out byte for byte', async () => {
    const text = Array.from({length: 300}, (_, i) => event(`line ${i} ${'ü'.repeat(i % 40)}`)).join('');
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 3, 7, 64, 1000, bytes.length]) {
      const chunks: Uint8Array[] = [];
      for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
      expect(await through(chunks, 200)).toBe(text);
    }
  });

  it('a long line split across chunks is cut once, and a non-data line over the cap is dropped', async () => {
    const long = event('y'.repeat(500));
    const text = `${event('a')}: ${'c'.repeat(300)}\n${long}${event('b')}`;
    const bytes = new TextEncoder().encode(text);
    const chunks: Uint8Array[] = [];
    for (let i = 0; i < bytes.length; i += 13) chunks.push(bytes.subarray(i, i + 13));
    const out = (await through(chunks, 100)).split('\n').filter(Boolean);
    expect(out).toHaveLength(3);
    expect(out[0]).toBe(event('a').trim());
    expect(JSON.parse(out[1]!.slice(6)).data).toMatch(/^y+… \[cut/);
    expect(out[2]).toBe(event('b').trim());
  });
});
