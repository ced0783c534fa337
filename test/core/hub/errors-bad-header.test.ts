// A token with a control character inside (a stray ESC or NUL from a paste, in the token file or HF_TOKEN): fetch
// refuses to send the header (UND_ERR_INVALID_ARG), and the app said "Could not reach https://huggingface.co
// (UND_ERR_INVALID_ARG). Check your connection …" (fresh attack, session 7). Now it names the token. A real request
// to a real local server, with the real fetch.
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {describeHubError} from '../../../src/core/hub/errors.js';

let server: Server;
let url = '';
beforeAll(async () => {
  server = createServer((_req, res) => res.end('{}'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((r) => server.close(r));
});

describe('a token fetch cannot put in a header', () => {
  for (const [what, token] of [
    ['an escape', 'hf_FAKEfakeFAKE\x1b]0;X\x07fakeFAKEfakeFAKEfake'],
    ['a line break', 'hf_FAKEfakeFAKE\nfakeFAKEfakeFAKEfake12'],
    ['a NUL', 'hf_FAKEfakeFAKE\0fakeFAKEfakeFAKEfake12'],
  ] as const)
    it(`(${what}) is named as the token's problem, not the network's`, async () => {
      const error = await fetch(`${url}/api/whoami-v2`, {headers: {authorization: `Bearer ${token}`}}).catch(
        (e: unknown) => e,
      );
      const d = describeHubError(error, {endpoint: url, secrets: [token]});
      expect(d.kind).toBe('invalid-token');
      expect(d.message).toMatch(/^The token holds a character no request can carry/);
      expect(d.message).not.toContain('Could not reach');
      expect(d.message).not.toMatch(/[\x00-\x08\x0b-\x1f]/);
    });
});
