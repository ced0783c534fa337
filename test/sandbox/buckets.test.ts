// Buckets through @huggingface/hub and the routes huggingface_hub calls (create_bucket, bucket_info, list_buckets,
// list_bucket_tree, get_bucket_paths_info, batch_bucket_files, delete_bucket), against a real sandbox.
import {HubApiError, commit, createRepo, deleteRepo, listFiles, pathsInfo} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../helpers/sandbox.js';

let counter = 0;
const fresh = () => `bucket-${Date.now().toString(36)}-${counter++}`;

describe('sandbox buckets', () => {
  const sb = useSandbox();
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
  const api = (path: string, init: RequestInit & {token?: string | null} = {}) => {
    const token = init.token === undefined ? sb.current.tokens.write : init.token;
    return fetch(`${sb.current.url}${path}`, {
      ...init,
      headers: {...(token ? {Authorization: `Bearer ${token}`} : {}), ...(init.headers ?? {})},
    });
  };

  it('creates a bucket with @huggingface/hub, answers bucket_info and deletes it', async () => {
    const name = fresh();
    const created = await createRepo({...hub(), repo: `buckets/practice-user/${name}`, private: true});
    expect(created.repoUrl).toBe(`${sb.current.url}/buckets/practice-user/${name}`);
    const info = await (await api(`/api/buckets/practice-user/${name}`)).json();
    expect(info).toMatchObject({id: `practice-user/${name}`, private: true, size: 0, totalFiles: 0});
    expect(Number.isNaN(Date.parse(info.createdAt))).toBe(false);
    const files = [];
    for await (const f of listFiles({...hub(), repo: `buckets/practice-user/${name}`})) files.push(f);
    expect(files).toEqual([]);
    await deleteRepo({...hub(), repo: `buckets/practice-user/${name}`});
    const gone = await api(`/api/buckets/practice-user/${name}`);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('x-error-code')).toBe('RepoNotFound');
  });

  it('answers 409 to a second create (create_bucket exist_ok=True relies on it), and "me" is the caller', async () => {
    const name = fresh();
    const first = await api(`/api/buckets/me/${name}`, {
      method: 'POST',
      body: JSON.stringify({private: true}),
      headers: {'Content-Type': 'application/json'},
    });
    expect(first.status).toBe(200);
    expect((await first.json()).url).toBe(`${sb.current.url}/buckets/practice-user/${name}`);
    const again = await api(`/api/buckets/practice-user/${name}`, {
      method: 'POST',
      body: '{}',
      headers: {'Content-Type': 'application/json'},
    });
    expect(again.status).toBe(409);
    // huggingface_hub's create_bucket(exist_ok=True) returns BucketUrl(response.json()["url"]) after a 409.
    expect((await again.json()).url).toBe(`${sb.current.url}/buckets/practice-user/${name}`);
    const listed = await (await api('/api/buckets/me')).json();
    expect(listed.map((b: {id: string}) => b.id)).toContain(`practice-user/${name}`);
    const searched = await (await api(`/api/buckets/practice-user?search=${name}`)).json();
    expect(searched).toHaveLength(1);
  });

  it('hides a private bucket from anonymous callers and refuses a read token write', async () => {
    const name = fresh();
    await createRepo({...hub(), repo: `buckets/practice-user/${name}`, private: true});
    const anonymous = await api(`/api/buckets/practice-user/${name}`, {token: null});
    expect(anonymous.status).toBe(401);
    const listed = await (await api('/api/buckets/practice-user', {token: null})).json();
    expect(listed.map((b: {id: string}) => b.id)).not.toContain(`practice-user/${name}`);
    const readOnly = await api(`/api/buckets/practice-user/${name}/batch`, {
      method: 'POST',
      token: sb.current.tokens.read,
      body: JSON.stringify({type: 'deleteFile', path: 'x'}),
      headers: {'Content-Type': 'application/x-ndjson'},
    });
    expect(readOnly.status).toBe(403);
    const create = await api(`/api/buckets/practice-user/${fresh()}`, {
      method: 'POST',
      token: sb.current.tokens.read,
      body: '{}',
    });
    expect(create.status).toBe(403);
  });

  it('reports batch operations that cannot apply (unknown Xet hash, missing file) with 422 and the failed paths', async () => {
    const name = fresh();
    await createRepo({...hub(), repo: `buckets/practice-user/${name}`});
    const body = [
      {type: 'addFile', path: 'a.txt', xetHash: 'ab'.repeat(32), mtime: Date.now()},
      {type: 'deleteFile', path: 'missing.txt'},
    ]
      .map((l) => JSON.stringify(l))
      .join('\n');
    const res = await api(`/api/buckets/practice-user/${name}/batch`, {
      method: 'POST',
      body,
      headers: {'Content-Type': 'application/x-ndjson'},
    });
    expect(res.status).toBe(422);
    const json = await res.json();
    expect(json.failed.map((f: {path: string}) => f.path)).toEqual(['a.txt', 'missing.txt']);
    const bad = await api(`/api/buckets/practice-user/${name}/batch`, {
      method: 'POST',
      body: JSON.stringify({type: 'addFile', path: '../x', xetHash: 'ab'.repeat(32)}),
    });
    expect(bad.status).toBe(400);
    const info = await pathsInfo({...hub(), repo: `buckets/practice-user/${name}`, paths: ['a.txt']});
    expect(info).toEqual([]);
  });

  it('pages the tree through absolute Link headers and refuses a bad batch line before applying any', async () => {
    const name = fresh();
    const repo = `buckets/practice-user/${name}`;
    await createRepo({...hub(), repo});
    const paths = ['a.txt', 'b.txt', 'c.txt', 'd/e.txt'];
    await commit({
      ...hub(),
      repo,
      title: 'four',
      operations: paths.map((path) => ({operation: 'addOrUpdate' as const, path, content: new Blob([path])})),
    });
    const seen: string[] = [];
    let next: string | undefined = `${sb.current.url}/api/buckets/practice-user/${name}/tree?recursive=true&limit=2`;
    for (let pages = 0; next; pages++) {
      expect(pages).toBeLessThan(5);
      const res: Response = await fetch(next, {headers: {Authorization: `Bearer ${sb.current.tokens.write}`}});
      expect(res.status).toBe(200);
      for (const item of (await res.json()) as {type: string; path: string}[])
        if (item.type === 'file') seen.push(item.path);
      next = /^<([^>]+)>; rel="next"$/.exec(res.headers.get('link') ?? '')?.[1];
      if (next) expect(next.startsWith(sb.current.url)).toBe(true);
    }
    expect(seen.sort()).toEqual(paths);
    expect((await api(`/api/buckets/practice-user/${name}/tree?cursor=bm9wZQ`)).status).toBe(400);
    const batch = (lines: string[]) =>
      api(`/api/buckets/practice-user/${name}/batch`, {method: 'POST', body: lines.join('\n')});
    const del = JSON.stringify({type: 'deleteFile', path: 'a.txt'});
    expect((await batch([del, '{not json'])).status).toBe(400);
    expect((await batch([del, JSON.stringify({type: 'renameFile', path: 'b.txt'})])).status).toBe(400);
    expect((await batch([del, JSON.stringify({type: 'addFile', path: 'x.txt', xetHash: 'XYZ'})])).status).toBe(400);
    expect((await pathsInfo({...hub(), repo, paths: ['a.txt']})).map((p) => p.path)).toEqual(['a.txt']);
    const ok = await batch([del]);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({success: 1, failed: []});
    expect(await pathsInfo({...hub(), repo, paths: ['a.txt']})).toEqual([]);
  });

  it('gives the Hub errors for bad names and missing buckets', async () => {
    expect((await api('/api/buckets/practice-user/bad--name', {method: 'POST', body: '{}'})).status).toBe(400);
    const missing = await deleteRepo({...hub(), repo: `buckets/practice-user/${fresh()}`}).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(missing).toBeInstanceOf(HubApiError);
    expect((missing as HubApiError).statusCode).toBe(404);
  });
});
