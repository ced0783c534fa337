// The sandbox against hostile or confused clients: requests Node cannot parse, HEAD, absurd LFS sizes, and a second
// sandbox starting on a data dir another one is writing to. It must always answer JSON and keep serving.
import {mkdir, mkdtemp, readdir, rm, writeFile} from 'node:fs/promises';
import {connect} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {startSandbox} from '../../src/sandbox/index.js';
import {useSandbox} from '../helpers/sandbox.js';

/** Sends raw bytes and returns everything the server answers before closing. */
function rawRequest(url: string, request: string): Promise<string> {
  const {hostname, port} = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let out = '';
    socket.on('data', (d) => (out += d.toString('latin1')));
    socket.on('close', () => resolve(out));
    socket.on('error', reject);
  });
}

describe('sandbox hardening', () => {
  const sb = useSandbox();

  it('answers requests Node cannot parse with a JSON error and X-Request-Id, and keeps serving', async () => {
    const badMethod = await rawRequest(sb.current.url, 'BREW /api/whoami-v2 HTTP/1.1\r\nHost: x\r\n\r\n');
    expect(badMethod).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(badMethod).toMatch(/\r\nX-Request-Id: Root=1-/);
    expect(badMethod).toContain('Content-Type: application/json');
    expect(JSON.parse(badMethod.split('\r\n\r\n')[1]!)).toEqual({error: 'Malformed HTTP request'});

    const hugeUrl = await rawRequest(sb.current.url, `GET /${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(hugeUrl).toMatch(/^HTTP\/1\.1 431 /);
    expect(JSON.parse(hugeUrl.split('\r\n\r\n')[1]!)).toEqual({error: 'Request headers (or URL) too large'});

    const still = await fetch(`${sb.current.url}/api/whoami-v2`, {
      headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
    });
    expect(still.status).toBe(200);
  });

  it('serves HEAD wherever GET is served (headers only), and 405 lists HEAD', async () => {
    const auth = {Authorization: `Bearer ${sb.current.tokens.write}`};
    const who = await fetch(`${sb.current.url}/api/whoami-v2`, {method: 'HEAD', headers: auth});
    expect(who.status).toBe(200);
    expect(who.headers.get('content-type')).toContain('application/json');
    expect(who.headers.get('x-request-id')).toMatch(/^Root=1-/);
    expect(await who.text()).toBe('');
    const info = await fetch(`${sb.current.url}/api/datasets/practice-user/hello-dataset`, {method: 'HEAD'});
    expect(info.status).toBe(200);
    const wrong = await fetch(`${sb.current.url}/api/whoami-v2`, {method: 'DELETE', headers: auth});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toBe('GET, HEAD');
  });

  it('refuses an LFS object over the per-file limit in the batch answer, preparing nothing on disk', async () => {
    const res = await fetch(`${sb.current.url}/datasets/practice-user/hello-dataset.git/info/lfs/objects/batch`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${sb.current.tokens.write}`, 'Content-Type': 'application/vnd.git-lfs+json'},
      body: JSON.stringify({
        operation: 'upload',
        transfers: ['basic', 'multipart'],
        objects: [{oid: 'b'.repeat(64), size: 1e15}],
      }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {objects: {error?: {code: number; message: string}; actions?: unknown}[]};
    expect(body.objects[0]).toMatchObject({
      error: {code: 422, message: 'Object is larger than the 50 GB per-file limit'},
    });
    expect(body.objects[0]!.actions).toBeUndefined();
    expect(await readdir(join(sb.current.dataDir, 'hub/uploads'))).toEqual([]);
  });
});

describe('a second sandbox on the same data dir', () => {
  it("removes only dead processes' temp files, never the uploads another live sandbox is streaming", async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'hf-sandbox-shared-'));
    try {
      const tmp = join(dataDir, 'hub/tmp');
      await mkdir(tmp, {recursive: true});
      const live = `${process.pid}-${Date.now()}-aaaaaaaaaaaaaaaa`;
      const dead = `999999999-${Date.now()}-bbbbbbbbbbbbbbbb`; // above any pid_max
      const legacy = `${Date.now()}-cccccccccccccccc`;
      for (const f of [live, dead, legacy]) await writeFile(join(tmp, f), 'partial upload');
      const sandbox = await startSandbox({dataDir});
      try {
        expect(await readdir(tmp)).toEqual([live]);
      } finally {
        await sandbox.close();
      }
    } finally {
      await rm(dataDir, {recursive: true, force: true});
    }
  });
});
