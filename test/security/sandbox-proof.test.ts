// Whether a server on this machine is the sandbox serving a data folder, before that folder's practice tokens are sent
// to it (learn --endpoint, the wizard's pasted local address, practice tokens at --endpoint): an HMAC of a fresh nonce
// under the instance id in the folder's owner.json, bound to the port asked. Attack (session 10): a program on another
// port relaying the nonce to the real sandbox's /_sandbox/owner (public, as every route of a local server) passed the
// proof, which was not bound to the port; a temporary sandbox answered under the constant instance 'temporary'.
import {mkdtempSync} from 'node:fs';
import {rm} from 'node:fs/promises';
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {servesDataDir} from '../../src/sandbox/owner.js';
import {useSandbox} from '../helpers/sandbox.js';

const folder = mkdtempSync(join(tmpdir(), 'hfjw-proof-'));
const sb = useSandbox({dataDir: join(folder, 'data')});
const temporary = useSandbox();

/** Another local program: relays the sandbox's own routes to the real one. */
let relay: Server;
let relayUrl = '';
beforeAll(async () => {
  relay = createServer((req, res) => {
    if (req.url?.startsWith('/_sandbox/')) {
      void fetch(`${sb.current.url}${req.url}`).then(async (r) => {
        res.writeHead(r.status, {'content-type': 'application/json'}).end(await r.text());
      });
      return;
    }
    res.writeHead(401, {'content-type': 'application/json'}).end('{"error":"Invalid credentials"}');
  });
  await new Promise<void>((r) => relay.listen(0, '127.0.0.1', () => r()));
  relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
});
afterAll(async () => {
  relay.closeAllConnections();
  await new Promise<void>((r) => relay.close(() => r()));
  await rm(folder, {recursive: true, force: true});
});

describe('the proof that a server serves a sandbox folder', () => {
  it('the sandbox proves it, at its own port only; a relay to it does not, and neither does a claim alone', async () => {
    expect(await servesDataDir(sb.current.url, sb.current.dataDir)).toBe(true);
    expect(await servesDataDir(sb.current.url.replace('127.0.0.1', 'localhost'), sb.current.dataDir)).toBe(true);
    expect(await servesDataDir(relayUrl, sb.current.dataDir)).toBe(false);
    // A temporary sandbox (`hf-jobs-wizard sandbox` with no --data) proves its own folder too, not another's.
    expect(await servesDataDir(temporary.current.url, temporary.current.dataDir)).toBe(true);
    expect(await servesDataDir(temporary.current.url, sb.current.dataDir)).toBe(false);
  });
});
