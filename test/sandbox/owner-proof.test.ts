// A second process knows it reached its data folder's owner by a proof, not by an id the owner gives to anyone: the
// owner answers a fresh nonce with an HMAC of it under its instance id (kept in the 0600 owner.json). Before, GET
// /_sandbox/owner answered the instance id itself, so a local program that asked once, then held the port after the
// owner was gone (its pid reused), passed for the owner and was sent the practice tokens.
import {createServer, type Server} from 'node:http';
import type {AddressInfo} from 'node:net';
import {mkdtemp, readFile, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {startSandbox, type SandboxHandle} from '../../src/sandbox/index.js';
import {ownerAnswers, type OwnerRecord} from '../../src/sandbox/owner.js';

describe("the sandbox owner's proof", () => {
  let dir = '';
  let sb: SandboxHandle;
  let record: OwnerRecord;
  let impostor: Server;
  let impostorUrl = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'owner-proof-'));
    sb = await startSandbox({dataDir: dir});
    record = JSON.parse(await readFile(join(dir, 'owner.json'), 'utf8')) as OwnerRecord;
    // What a squatter could answer once it had asked the owner: the old answer, with the real instance id.
    impostor = createServer((_req, res) => {
      res.writeHead(200, {'content-type': 'application/json'});
      res.end(JSON.stringify({instance: record.instance, proof: record.instance}));
    });
    await new Promise<void>((r) => impostor.listen(0, '127.0.0.1', r));
    impostorUrl = `http://127.0.0.1:${(impostor.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await sb.close();
    impostor.closeAllConnections();
    await new Promise((r) => impostor.close(r));
    await rm(dir, {recursive: true, force: true});
  });

  it('the owner proves itself; its answers never hold the instance id', async () => {
    expect(record.instance).toMatch(/^[0-9a-f]{24}$/);
    expect(await ownerAnswers(record)).toBe(true);
    const bare = await fetch(`${record.url}/_sandbox/owner`);
    expect(bare.status).toBe(400);
    const proved = await fetch(`${record.url}/_sandbox/owner?nonce=${'0'.repeat(32)}`);
    const text = await proved.text();
    expect(proved.status).toBe(200);
    expect(text).not.toContain(record.instance);
  });

  it('a server that knows the instance id but not how to prove it is not the owner', async () => {
    expect(await ownerAnswers({...record, url: impostorUrl})).toBe(false);
  });
});
