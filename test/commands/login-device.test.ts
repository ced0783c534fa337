// `login --device` end to end against a small real HTTP server serving /oauth/device, /oauth/token and
// /api/whoami-v2 (the sandbox does not serve OAuth yet; switch to startSandbox() once it does).
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, beforeEach, expect, it} from 'vitest';
import {viaMain} from '../helpers/command.js';
import {makeIo, tempHome} from './helpers-auth.js';

const login = viaMain('login');

const OAUTH_TOKEN = 'hf_oauth_FAKEfakeFAKEfakeFAKEfakeFAKE12'; // fake test token
let server: Server;
let url: string;
let home: Awaited<ReturnType<typeof tempHome>>;
let polls = 0;

beforeEach(async () => {
  home = await tempHome();
  polls = 0;
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/oauth/device') {
        res.end(
          JSON.stringify({
            device_code: 'd1',
            user_code: 'WXYZ-1234',
            verification_uri: `${url}/device`,
            expires_in: 60,
            interval: 0.01,
          }),
        );
      } else if (req.url === '/oauth/token') {
        const form = new URLSearchParams(body);
        if (form.get('client_id') !== 'hf-jobs-wizard')
          return void res.writeHead(400).end(JSON.stringify({error: 'invalid_client'}));
        if (++polls < 3) return void res.writeHead(400).end(JSON.stringify({error: 'authorization_pending'}));
        res.end(
          JSON.stringify({access_token: OAUTH_TOKEN, token_type: 'bearer', refresh_token: 'rt-1', expires_in: 28800}),
        );
      } else if (req.url === '/api/whoami-v2' && req.headers.authorization === `Bearer ${OAUTH_TOKEN}`) {
        res.end(
          JSON.stringify({
            type: 'user',
            id: '64b1f0c2a1b2c3d4e5f60718',
            name: 'alice',
            fullname: 'Alice',
            orgs: [],
            auth: {type: 'oauth', expiresAt: '2026-09-01T00:00:00.000Z'},
          }),
        );
      } else {
        res.writeHead(401).end(JSON.stringify({error: 'Invalid credentials in Authorization header'}));
      }
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  await home.cleanup();
});

it('shows the code, polls, and saves the OAuth token as oauth-<user> with refresh data', async () => {
  const io = makeIo(home.env);
  expect(await login(['--device', '--endpoint', url], io)).toBe(0);
  expect(io.err()).toContain('And enter the code: WXYZ-1234');
  expect(io.out()).toContain('OAuth token (browser login)');
  // A Hub on this machine (this stub) keeps its logins in the sandbox home, never in the real login's files.
  const stored = await readFile(join(home.dir, 'cache/hf-jobs-wizard/sandbox-home/stored_tokens'), 'utf8');
  expect(stored).toMatch(
    new RegExp(`^\\[oauth-alice\\]\\nhf_token = ${OAUTH_TOKEN}\\nrefresh_token = rt-1\\nexpires_at = \\d+\\n\\n$`),
  );
  expect(io.out() + io.err()).not.toContain(OAUTH_TOKEN);
});
