// Xet through @huggingface/hub's own Xet code against a real sandbox: bucket uploads (xorbs, shards, batch) and
// XetBlob downloads round-trip byte-identical files, from empty to one spanning several xorbs; the CAS refuses a
// xorb whose content does not match its hash, a shard naming unknown xorbs, and requests without a CAS token.
import {createHash, randomBytes} from 'node:crypto';
import {request} from 'node:http';
import {existsSync, readdirSync} from 'node:fs';
import {join} from 'node:path';
import {commit, createRepo, downloadFile, listFiles, pathsInfo} from '@huggingface/hub';
import {hashToHex, xorbHash} from '@huggingface/xetchunk-wasm';
import {createBLAKE3} from 'hash-wasm/dist/index.esm.js';
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../helpers/sandbox.js';

/** The Xet format's key for chunk hashes (DATA_KEY). */
const DATA_KEY = new Uint8Array([
  102, 151, 245, 119, 91, 149, 80, 222, 49, 53, 203, 172, 165, 151, 24, 28, 157, 228, 33, 16, 155, 235, 43, 88, 180,
  208, 176, 75, 147, 173, 242, 41,
]);
/** Text of random words from a 2,000-word vocabulary: compressible, never the same 64 KiB twice. */
function randomWords(size: number): Uint8Array<ArrayBuffer> {
  const letters = randomBytes(2000 * 8);
  const vocab = Array.from({length: 2000}, (_, i) =>
    Buffer.from([...letters.subarray(i * 8, i * 8 + 2 + (letters[i * 8]! % 7))].map((b) => 97 + (b % 26))),
  );
  const out = Buffer.alloc(size);
  const picks = randomBytes(size);
  for (let at = 0, k = 0; at < size; k += 2) {
    const word = vocab[((picks[k % size]! << 8) | picks[(k + 1) % size]!) % 2000]!;
    at += word.copy(out, at);
    if (at < size) out[at++] = k % 24 === 0 ? 10 : 32;
  }
  return new Uint8Array(out);
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let counter = 0;
const fresh = () => `xet-${Date.now().toString(36)}-${counter++}`;

describe('sandbox Xet', () => {
  const sb = useSandbox();
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});

  it('round-trips files from empty to several MB through a bucket, byte-identical', async () => {
    const repo = `buckets/practice-user/${fresh()}`;
    await createRepo({...hub(), repo});
    const text = new TextEncoder().encode('print("hello from a bucket")\n');
    const files: Record<string, Uint8Array<ArrayBuffer>> = {
      'empty.bin': new Uint8Array(0),
      'one.bin': new Uint8Array([42]),
      'dir/script.py': text,
      'dir/random-3mb.bin': new Uint8Array(randomBytes(3 * 1024 * 1024 + 17)),
      'repeated.bin': new Uint8Array(2 * 1024 * 1024).fill(7),
      // Random words: the client LZ4-compresses each chunk (many short literal runs and matches), and compressed
      // chunks straddle the server's socket pieces.
      'words.txt': randomWords(3 * 1024 * 1024),
    };
    await commit({
      ...hub(),
      repo,
      title: 'upload',
      operations: Object.entries(files).map(([path, b]) => ({
        operation: 'addOrUpdate' as const,
        path,
        content: new Blob([b]),
      })),
    });
    const listed: string[] = [];
    for await (const f of listFiles({...hub(), repo, recursive: true})) if (f.type === 'file') listed.push(f.path);
    expect(listed.sort()).toEqual(Object.keys(files).sort());
    const infos = await pathsInfo({...hub(), repo, paths: Object.keys(files)});
    for (const info of infos) {
      expect(info.size).toBe(files[info.path]!.length);
      expect(info.xetHash).toMatch(/^[0-9a-f]{64}$/);
    }
    for (const [path, bytes] of Object.entries(files)) {
      const blob = await downloadFile({...hub(), repo, path});
      expect(blob, path).not.toBeNull();
      const got = new Uint8Array(await blob!.arrayBuffer());
      expect(got.length, path).toBe(bytes.length);
      expect(sha(got), path).toBe(sha(bytes));
    }
    // A slice of a Xet blob reads only the terms it needs (ranged reconstruction + ranged xorb reads).
    const big = files['dir/random-3mb.bin']!;
    const blob = await downloadFile({...hub(), repo, path: 'dir/random-3mb.bin'});
    const part = new Uint8Array(await blob!.slice(1_000_000, 1_300_000).arrayBuffer());
    expect(sha(part)).toBe(sha(big.subarray(1_000_000, 1_300_000)));
    // Plain HTTP clients (curl, a job) get the bytes themselves.
    const res = await fetch(`${sb.current.url}/buckets/${repo.slice('buckets/'.length)}/resolve/dir/script.py`, {
      headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-xet-hash')).toMatch(/^[0-9a-f]{64}$/);
    expect(await res.text()).toBe('print("hello from a bucket")\n');
  });

  it('round-trips files that reuse parts of each other (deduplicated terms), and serves multi-range signed xorb reads', async () => {
    const repo = `buckets/practice-user/${fresh()}`;
    await createRepo({...hub(), repo});
    const [a, b, c, d] = [0, 1, 2, 3].map(() => new Uint8Array(randomBytes(1024 * 1024)));
    const first = new Uint8Array(Buffer.concat([a!, b!, c!]));
    // a and c again, around new data: its terms name two separate chunk ranges of the first file's xorb.
    const second = new Uint8Array(Buffer.concat([a!, d!, c!, a!]));
    await commit({
      ...hub(),
      repo,
      title: 'dedup',
      operations: [
        {operation: 'addOrUpdate', path: 'first.bin', content: new Blob([first])},
        {operation: 'addOrUpdate', path: 'second.bin', content: new Blob([second])},
      ],
    });
    for (const [path, bytes] of [
      ['first.bin', first],
      ['second.bin', second],
    ] as const) {
      const blob = await downloadFile({...hub(), repo, path});
      expect(sha(new Uint8Array(await blob!.arrayBuffer())), path).toBe(sha(bytes));
    }
    const xetHash = (await pathsInfo({...hub(), repo, paths: ['second.bin']}))[0]!.xetHash!;
    const token = (
      await (
        await fetch(`${sb.current.url}/api/${repo}/xet-read-token`, {
          headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
        })
      ).json()
    ).accessToken;
    const plan = await (
      await fetch(`${sb.current.url}/_xet/v2/reconstructions/${xetHash}`, {headers: {Authorization: `Bearer ${token}`}})
    ).json();
    // One fetch entry per xorb; the signed xorb URL answers several ranges at once as multipart/byteranges.
    const [entry] = Object.values(plan.xorbs as Record<string, {url: string}[]>)[0]!;
    const whole = new Uint8Array(await (await fetch(entry!.url, {headers: {Range: 'bytes=0-99'}})).arrayBuffer());
    const res = await fetch(entry!.url, {headers: {Range: 'bytes=0-9,50-59'}});
    expect(res.status).toBe(206);
    const type = res.headers.get('content-type')!;
    expect(type).toMatch(/^multipart\/byteranges; boundary=/);
    const body = Buffer.from(await res.arrayBuffer());
    const boundary = type.split('boundary=')[1]!;
    const parts = body
      .toString('latin1')
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((p) => Buffer.from(p.split('\r\n\r\n')[1]!.replace(/\r\n$/, ''), 'latin1'));
    expect(parts.map((p) => [...p])).toEqual([[...whole.subarray(0, 10)], [...whole.subarray(50, 60)]]);
    expect((await fetch(entry!.url.replace(/sig=[^&]+/, 'sig=forged'))).status).toBe(403);
  });

  it('round-trips one file spanning several xorbs', async () => {
    const repo = `buckets/practice-user/${fresh()}`;
    await createRepo({...hub(), repo});
    const bytes = randomBytes(70 * 1024 * 1024);
    await commit({
      ...hub(),
      repo,
      title: 'big',
      operations: [{operation: 'addOrUpdate', path: 'big.bin', content: new Blob([bytes])}],
    });
    const blob = await downloadFile({...hub(), repo, path: 'big.bin'});
    const got = new Uint8Array(await blob!.arrayBuffer());
    expect(got.length).toBe(bytes.length);
    expect(sha(got)).toBe(sha(bytes));
    const xorbs = await (
      await fetch(
        `${sb.current.url}/_xet/v2/reconstructions/${(await pathsInfo({...hub(), repo, paths: ['big.bin']}))[0]!.xetHash}`,
        {
          headers: {
            Authorization: `Bearer ${(await (await fetch(`${sb.current.url}/api/${repo}/xet-read-token`, {headers: {Authorization: `Bearer ${sb.current.tokens.write}`}})).json()).accessToken}`,
          },
        },
      )
    ).json();
    expect(Object.keys(xorbs.xorbs).length).toBeGreaterThan(1);
  }, 120_000);

  it('answers was_inserted false to a stored xorb sent again, slowly, in 1 MiB pieces', async () => {
    // The sandbox keeps no global deduplication, so a client uploads a xorb it already holds again (another bucket,
    // the same bytes). Bodies of 16 MiB or more get `Connection: close`; the server now reads such a body to its end
    // before answering (answering first raced the close: a client in another process sometimes got EPIPE).
    const repo = `buckets/practice-user/${fresh()}`;
    await createRepo({...hub(), repo});
    const token = (await (
      await fetch(`${sb.current.url}/api/${repo}/xet-write-token`, {
        headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
      })
    ).json()) as {accessToken: string; casUrl: string};
    const hasher = await createBLAKE3(256, DATA_KEY);
    const chunks: {hash: Uint8Array; length: number}[] = [];
    const size = 64 * 1024;
    const body = Buffer.alloc(272 * (8 + size)); // 17 MiB of chunks
    for (let i = 0; i < 272; i++) {
      const data = randomBytes(size);
      body.set([0, 0, 0, 1, 0, 0, 0, 1], i * (8 + size)); // stored, 65,536 bytes
      body.set(data, i * (8 + size) + 8);
      hasher.init();
      hasher.update(data);
      chunks.push({hash: hasher.digest('binary'), length: size});
    }
    const url = `${token.casUrl}/v1/xorbs/default/${hashToHex(xorbHash(chunks))}`;
    const post = () =>
      new Promise<string>((resolve, reject) => {
        const req = request(
          url,
          {method: 'POST', headers: {Authorization: `Bearer ${token.accessToken}`, 'Content-Length': body.length}},
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => (text += d.toString()));
            res.on('end', () => resolve(`${res.statusCode} ${text}`));
          },
        );
        req.on('error', reject);
        // 1 MiB at a time with a pause between, as a client reading a file would: the answer must wait for the end.
        void (async () => {
          for (let at = 0; at < body.length; at += 1024 * 1024) {
            req.write(body.subarray(at, at + 1024 * 1024));
            await new Promise((r) => setTimeout(r, 5));
          }
          req.end();
        })();
      });
    expect(await post()).toBe('200 {"was_inserted":true}');
    expect(await post()).toBe('200 {"was_inserted":false}');
  }, 120_000);

  it('drops a xorb upload cut off mid-body, and answers 400 to a bad chunk in the middle of a big body', async () => {
    // The body is read through 'data' events (service.ts eachPiece): a client going away mid-body must end the upload
    // (no temp file left, no hanging request), and a malformed chunk header after 8 MiB of good chunks gets a 400
    // once the rest of the body was read and dropped.
    const repo = `buckets/practice-user/${fresh()}`;
    await createRepo({...hub(), repo});
    const token = (await (
      await fetch(`${sb.current.url}/api/${repo}/xet-write-token`, {
        headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
      })
    ).json()) as {accessToken: string; casUrl: string};
    const size = 64 * 1024;
    const good = Buffer.alloc(128 * (8 + size)); // 8 MiB of stored chunks
    for (let i = 0; i < 128; i++) {
      good.set([0, 0, 0, 1, 0, 0, 0, 1], i * (8 + size));
      good.set(randomBytes(size), i * (8 + size) + 8);
    }
    const url = `${token.casUrl}/v1/xorbs/default/${'cd'.repeat(32)}`;
    const tmp = join(sb.current.dataDir, 'hub', 'tmp');
    const tmpFiles = () => (existsSync(tmp) ? readdirSync(tmp).filter((f) => f.includes('xorb')) : []);
    await new Promise<void>((resolve) => {
      const req = request(url, {
        method: 'POST',
        headers: {Authorization: `Bearer ${token.accessToken}`, 'Content-Length': good.length * 2},
      });
      req.on('error', () => resolve());
      req.write(good.subarray(0, 4 * 1024 * 1024), () => setTimeout(() => req.destroy(), 100));
    });
    for (let i = 0; i < 50 && tmpFiles().length; i++) await new Promise((r) => setTimeout(r, 100));
    expect(tmpFiles()).toEqual([]);
    const bad = Buffer.concat([good, Buffer.from([0, 3, 0, 0, 0, 4, 0, 0, 1, 2, 3]), good]);
    const res = await fetch(url, {
      method: 'POST',
      body: new Uint8Array(bad),
      headers: {Authorization: `Bearer ${token.accessToken}`},
    });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Stored chunk length differs/);
    expect(tmpFiles()).toEqual([]);
  }, 60_000);

  it('refuses CAS writes without a write token, a xorb under the wrong hash, and a shard naming unknown xorbs', async () => {
    const repo = `buckets/practice-user/${fresh()}`;
    await createRepo({...hub(), repo});
    const tokenFor = async (scope: string, token: string) =>
      fetch(`${sb.current.url}/api/${repo}/xet-${scope}-token`, {headers: {Authorization: `Bearer ${token}`}});
    expect((await tokenFor('write', sb.current.tokens.read)).status).toBe(403);
    const read = (await (await tokenFor('read', sb.current.tokens.read)).json()) as {
      accessToken: string;
      casUrl: string;
      exp: number;
    };
    expect(read.casUrl).toBe(`${sb.current.url}/_xet`);
    expect(read.accessToken.startsWith('hf_')).toBe(false);
    const write = (await (await tokenFor('write', sb.current.tokens.write)).json()) as {accessToken: string};
    // One stored chunk: header (version 0, length 3, scheme 0, length 3) + 'abc'.
    const xorb = new Uint8Array([0, 3, 0, 0, 0, 3, 0, 0, 97, 98, 99]);
    const post = (path: string, token: string, body: Uint8Array<ArrayBuffer>) =>
      fetch(`${sb.current.url}/_xet${path}`, {method: 'POST', body, headers: {Authorization: `Bearer ${token}`}});
    expect((await post(`/v1/xorbs/default/${'ab'.repeat(32)}`, read.accessToken, xorb)).status).toBe(403);
    expect((await post(`/v1/xorbs/default/${'ab'.repeat(32)}`, 'nope', xorb)).status).toBe(401);
    const wrong = await post(`/v1/xorbs/default/${'ab'.repeat(32)}`, write.accessToken, xorb);
    expect(wrong.status).toBe(400);
    expect(await wrong.text()).toMatch(/hashes to/);
    const garbage = await post('/v1/shards', write.accessToken, new Uint8Array(randomBytes(400)));
    expect(garbage.status).toBe(400);
    // Hostile xorbs: LZ4 garbage, a header announcing more than is sent, an unknown scheme: 400, never a 500.
    const lz4Garbage = new Uint8Array([0, 16, 0, 0, 1, 0, 1, 0, ...randomBytes(16)]);
    const truncated = new Uint8Array([0, 0, 1, 0, 0, 0, 1, 0, 1, 2, 3]);
    const badScheme = new Uint8Array([0, 3, 0, 0, 9, 3, 0, 0, 97, 98, 99]);
    const lz4Bomb = new Uint8Array([0, 12, 0, 0, 1, 255, 255, 255, 4, 34, 77, 24, 64, 112, 223, 0, 0, 0, 0, 0]);
    for (const body of [lz4Garbage, truncated, badScheme, lz4Bomb]) {
      const res = await post(`/v1/xorbs/default/${'ef'.repeat(32)}`, write.accessToken, body);
      expect(res.status, String([...body.slice(0, 8)])).toBe(400);
    }
    const traversal = await fetch(`${sb.current.url}/buckets/${repo.slice('buckets/'.length)}/resolve/a/..%2F..%2Fx`, {
      headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
    });
    expect(traversal.status).toBe(400);
    const missing = await fetch(`${sb.current.url}/_xet/v1/reconstructions/${'cd'.repeat(32)}`, {
      headers: {Authorization: `Bearer ${read.accessToken}`},
    });
    expect(missing.status).toBe(404);
  });
});
