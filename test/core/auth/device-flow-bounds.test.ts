// A device login server's numbers, bounded (fresh attack, session 7): expires_in of years was a wait without end, an
// interval past setTimeout's limit fired at once with Node's TimeoutOverflowWarning on stderr, and slow_down answers
// grew the interval without limit. A real local server answers; only the waits are recorded instead of slept.
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {
  MAX_EXPIRES_IN,
  MAX_INTERVAL,
  MIN_INTERVAL,
  pollDeviceToken,
  requestDeviceCode,
} from '../../../src/core/auth/device-flow.js';

let server: Server;
let url = '';
let polls = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/oauth/device')
        res.end(
          JSON.stringify({
            device_code: 'dev-1',
            user_code: 'ABCD-EFGH',
            verification_uri: 'http://127.0.0.1/device',
            expires_in: 1e12,
            interval: req.headers['x-tiny'] ? 0.0001 : 1e10,
          }),
        );
      else {
        polls++;
        res.statusCode = 400;
        res.end(JSON.stringify({error: 'slow_down'}));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('device login bounds', () => {
  it('polls at most ten times a second, whatever interval the server sends', async () => {
    const res = await fetch(`${url}/oauth/device`, {method: 'POST', headers: {'x-tiny': '1'}});
    expect(((await res.json()) as {interval: number}).interval).toBe(0.0001);
    const auth = await requestDeviceCode({
      endpoint: url,
      clientId: 'hf-jobs-wizard',
      fetch: (input, init) => fetch(input, {...init, headers: {...(init?.headers as object), 'x-tiny': '1'}}),
    });
    expect(auth.interval).toBe(MIN_INTERVAL);
  });

  it("caps the server's lifetime and interval, and slow_down's growth", async () => {
    const auth = await requestDeviceCode({endpoint: url, clientId: 'hf-jobs-wizard'});
    expect(auth.expiresIn).toBe(MAX_EXPIRES_IN);
    expect(auth.interval).toBe(MAX_INTERVAL);
    const waits: number[] = [];
    let clock = 0;
    const error = await pollDeviceToken({
      endpoint: url,
      clientId: 'hf-jobs-wizard',
      authorization: {...auth, interval: 5},
      sleep: async (ms) => {
        waits.push(ms);
        clock += ms;
      },
      now: () => clock,
    }).catch((e: unknown) => e);
    // 5 s, then +5 s a slow_down up to the cap, until the code's hour (not the server's years) runs out.
    expect(waits.slice(0, 3)).toEqual([5000, 10000, 15000]);
    expect(Math.max(...waits)).toBe(MAX_INTERVAL * 1000);
    expect((error as Error).message).toBe('Device code expired. Please try again.');
    expect(clock).toBeLessThanOrEqual((MAX_EXPIRES_IN + MAX_INTERVAL) * 1000);
  });
});
