// A server that sends its headers, then its body one byte a second (a wrong HF_ENDPOINT, a hostile proxy): the
// response timeout covered the headers only, and `status` waited past 120 s (fresh attack, session 7). A body must now
// finish within the response timeout after its headers; log streams (text/event-stream) stay untimed.
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {main} from '../../src/main.js';
import {makeIo, tempHome} from '../commands/helpers-auth.js';

let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((_req, res) => {
    res.writeHead(200, {'content-type': 'application/json'});
    res.write('{');
    const drip = setInterval(() => res.write(' '), 200);
    res.on('close', () => clearInterval(drip));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

describe('an answer whose body never finishes', () => {
  it('status gives up at the response timeout after the headers, saying so', async () => {
    const home = await tempHome();
    try {
      const io = makeIo({
        ...home.env,
        HF_ENDPOINT: url,
        HF_TOKEN: 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake5555',
        HF_WIZARD_RESPONSE_TIMEOUT_MS: '1500',
      });
      const started = Date.now();
      expect(await main(['status'], io)).not.toBe(0);
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(io.out() + io.err()).toMatch(/did not finish within 2 s/);
      expect(io.out() + io.err()).not.toMatch(/not like a Hugging Face Hub/);
    } finally {
      await home.cleanup();
    }
  }, 30_000);
});
