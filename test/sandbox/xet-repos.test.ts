// Model and dataset repos through Xet, as the Hub serves Xet-enabled repos: @huggingface/hub's commit (useXet, its
// default) gets `"transfer": "xet"` from the LFS batch, uploads xorbs and shards to the CAS and commits by sha256; the
// file then lists with its xetHash, downloads byte-identical through XetBlob and as plain bytes (what huggingface_hub
// without hf_xet, curl and git-lfs get), and a shard that lies about a file's sha256 cannot make a commit serve it.
import {createHash, randomBytes} from 'node:crypto';
import {commit, createRepo, downloadFile, listFiles, pathsInfo} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../helpers/sandbox.js';

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let counter = 0;
const fresh = () => `practice-user/xet-repo-${Date.now().toString(36)}-${counter++}`;

describe('sandbox Xet for model and dataset repos', () => {
  const sb = useSandbox();
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
  const auth = () => ({Authorization: `Bearer ${sb.current.tokens.write}`});

  it('a commit through @huggingface/hub uploads with the xet transfer and the file round-trips byte-identical every way', async () => {
    const repo = {type: 'dataset' as const, name: fresh()};
    await createRepo({...hub(), repo});
    const big = new Uint8Array(randomBytes(2 * 1024 * 1024 + 123));
    const transfers: string[] = [];
    const spy: typeof fetch = async (input, init) => {
      const res = await fetch(input, init);
      if (String(input instanceof Request ? input.url : input).endsWith('/info/lfs/objects/batch'))
        transfers.push(((await res.clone().json()) as {transfer: string}).transfer);
      return res;
    };
    await commit({
      ...hub(),
      repo,
      title: 'data',
      fetch: spy,
      operations: [{operation: 'addOrUpdate', path: 'data/train.parquet', content: new Blob([big])}],
    });
    expect(transfers).toEqual(['xet']);

    const [info] = await pathsInfo({...hub(), repo, paths: ['data/train.parquet']});
    expect(info!.lfs?.oid).toBe(sha(big));
    expect(info!.xetHash).toMatch(/^[0-9a-f]{64}$/);
    const listed = [];
    for await (const f of listFiles({...hub(), repo, recursive: true})) listed.push(f);
    const entry = listed.find((f) => f.path === 'data/train.parquet')!;
    expect(entry.xetHash).toBe(info!.xetHash);
    expect(Object.keys(entry.lfs!).sort()).toEqual(['oid', 'pointerSize', 'size']);

    // XetBlob (reconstruction + ranged xorb reads), with a slice.
    const blob = await downloadFile({...hub(), repo, path: 'data/train.parquet'});
    expect(sha(new Uint8Array(await blob!.arrayBuffer()))).toBe(sha(big));
    expect(sha(new Uint8Array(await blob!.slice(1_000_000, 1_200_000).arrayBuffer()))).toBe(
      sha(big.subarray(1_000_000, 1_200_000)),
    );
    // Plain HTTP (huggingface_hub without hf_xet, curl): the bytes, the Xet headers, the sha256 as ETag.
    const res = await fetch(`${sb.current.url}/datasets/${repo.name}/resolve/main/data/train.parquet`, {
      headers: auth(),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-xet-hash')).toBe(info!.xetHash);
    expect(res.headers.get('x-linked-etag')).toBe(`"${sha(big)}"`);
    expect(res.headers.get('link')).toContain('rel="xet-auth"');
    expect(sha(new Uint8Array(await res.arrayBuffer()))).toBe(sha(big));
    // git-lfs download through the batch API.
    const batch = await fetch(`${sb.current.url}/datasets/${repo.name}.git/info/lfs/objects/batch`, {
      method: 'POST',
      headers: {...auth(), Accept: 'application/vnd.git-lfs+json', 'Content-Type': 'application/vnd.git-lfs+json'},
      body: JSON.stringify({operation: 'download', transfers: ['basic'], objects: [{oid: sha(big), size: big.length}]}),
    });
    const href = ((await batch.json()) as {objects: {actions: {download: {href: string}}}[]}).objects[0]!.actions
      .download.href;
    expect(sha(new Uint8Array(await (await fetch(href)).arrayBuffer()))).toBe(sha(big));
    // A second commit of the same bytes has nothing to upload.
    await commit({
      ...hub(),
      repo,
      title: 'again',
      fetch: spy,
      operations: [{operation: 'addOrUpdate', path: 'copy.parquet', content: new Blob([big])}],
    });
    expect(transfers).toEqual(['xet', 'xet']);
    expect((await pathsInfo({...hub(), repo, paths: ['copy.parquet']}))[0]!.xetHash).toBe(info!.xetHash);
  });

  it("a shard claiming another file's sha256 cannot make a commit serve its bytes", async () => {
    const repo = {type: 'model' as const, name: fresh()};
    await createRepo({...hub(), repo});
    const mine = new Uint8Array(randomBytes(300_000));
    const theirs = new Uint8Array(randomBytes(300_000));
    const claimed = Buffer.from(sha(theirs), 'hex');
    const real = Buffer.from(sha(mine), 'hex');
    // The client's shard carries the file's sha256 (its metadata extension); rewrite it into the other file's.
    let rewritten = false;
    const liar: typeof fetch = async (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.endsWith('/v1/shards') && init?.body) {
        const body = Buffer.from(
          new Uint8Array(init.body instanceof Blob ? await init.body.arrayBuffer() : (init.body as Uint8Array)),
        );
        for (const [from, to] of [
          [real, claimed],
          [reorder(real), reorder(claimed)],
        ] as const) {
          const at = body.indexOf(from);
          if (at >= 0) {
            to.copy(body, at);
            rewritten = true;
            break;
          }
        }
        return fetch(input, {...init, body});
      }
      return fetch(input, init);
    };
    await commit({
      ...hub(),
      repo,
      title: 'mine',
      fetch: liar,
      operations: [{operation: 'addOrUpdate', path: 'w.bin', content: new Blob([mine])}],
    }).catch(() => undefined);
    expect(rewritten).toBe(true);
    const ndjson = [
      JSON.stringify({key: 'header', value: {summary: 'theirs'}}),
      JSON.stringify({key: 'lfsFile', value: {path: 'w.bin', algo: 'sha256', oid: sha(theirs), size: theirs.length}}),
    ].join('\n');
    const res = await fetch(`${sb.current.url}/api/models/${repo.name}/commit/main`, {
      method: 'POST',
      headers: {...auth(), 'Content-Type': 'application/x-ndjson'},
      body: ndjson,
    });
    expect(res.status).toBe(422);
    expect(((await res.json()) as {error: string}).error).toContain('never uploaded');
  });
});

/** Xet's byte order for hashes in shards: each 8-byte group little-endian. */
function reorder(b: Buffer): Buffer {
  const out = Buffer.alloc(32);
  for (let g = 0; g < 4; g++) for (let i = 0; i < 8; i++) out[g * 8 + i] = b[g * 8 + 7 - i]!;
  return out;
}
