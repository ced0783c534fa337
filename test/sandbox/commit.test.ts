import {createHash, randomBytes} from 'node:crypto';
import {createWriteStream} from 'node:fs';
import {mkdtemp, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {pathToFileURL} from 'node:url';
import {
  HubApiError,
  commit,
  createRepo,
  deleteFile,
  downloadFile,
  listFiles,
  uploadFile,
  uploadFiles,
} from '@huggingface/hub';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {useSandbox} from '../helpers/sandbox.js';

async function failure(p: Promise<unknown>): Promise<HubApiError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HubApiError);
  return error as HubApiError;
}

let counter = 0;
const fresh = () => `practice-user/commit-${Date.now().toString(36)}-${counter++}`;
const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex');

describe('sandbox commits, preupload and LFS through @huggingface/hub', () => {
  const sb = useSandbox();
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
  const auth = () => ({Authorization: `Bearer ${sb.current.tokens.write}`});

  async function preupload(
    repo: string,
    files: {path: string; size: number; sample: Buffer}[],
    gitAttributes?: string,
  ) {
    const res = await fetch(`${sb.current.url}/api/models/${repo}/preupload/main`, {
      method: 'POST',
      headers: {...auth(), 'Content-Type': 'application/json'},
      body: JSON.stringify({
        files: files.map((f) => ({path: f.path, size: f.size, sample: f.sample.toString('base64')})),
        ...(gitAttributes ? {gitAttributes} : {}),
      }),
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as {files: {path: string; uploadMode: string}[]}).files;
  }

  async function rawCommit(repo: string, lines: unknown[] | string, query = '') {
    return fetch(`${sb.current.url}/api/models/${repo}/commit/main${query}`, {
      method: 'POST',
      headers: {...auth(), 'Content-Type': 'application/x-ndjson'},
      body: typeof lines === 'string' ? lines : lines.map((l) => JSON.stringify(l)).join('\n'),
    });
  }

  it('preupload: LFS for >= 1,000,000 bytes, a NUL in the sample, or .gitattributes; regular otherwise', async () => {
    const repo = fresh();
    await createRepo({...hub(), repo});
    const modes = await preupload(repo, [
      {path: 'small.txt', size: 10, sample: Buffer.from('hello')},
      {path: 'big.txt', size: 1_000_000, sample: Buffer.from('aaaa')},
      {path: 'almost.txt', size: 999_999, sample: Buffer.from('aaaa')},
      {path: 'binary.dat', size: 10, sample: Buffer.from([1, 0, 2])},
      {path: 'weights.safetensors', size: 10, sample: Buffer.from('x')},
      {path: 'page.html', size: 10, sample: Buffer.from('<p>')},
    ]);
    expect(Object.fromEntries(modes.map((m) => [m.path, m.uploadMode]))).toEqual({
      'small.txt': 'regular',
      'big.txt': 'lfs',
      'almost.txt': 'regular',
      'binary.dat': 'lfs',
      'weights.safetensors': 'lfs',
      'page.html': 'regular',
    });
    // A .gitattributes in the commit itself decides for the files beside it.
    const withAttributes = await preupload(
      repo,
      [{path: 'site/page.html', size: 10, sample: Buffer.from('<p>')}],
      '*.html filter=lfs diff=lfs merge=lfs -text\n',
    );
    expect(withAttributes[0]!.uploadMode).toBe('lfs');
  });

  it('uploads regular and LFS files; without xet on offer the LFS batch answers basic transfer with signed URLs on the same server', async () => {
    const repo = fresh();
    await createRepo({...hub(), repo});
    const big = randomBytes(1_500_000);
    await uploadFiles({
      ...hub(),
      repo,
      files: [
        {path: 'a.txt', content: new Blob(['alpha'])},
        {path: 'data/big.bin', content: new Blob([big])},
      ],
    });
    const entries: Record<string, {size: number; lfs?: {oid: string}}> = {};
    for await (const f of listFiles({...hub(), repo, recursive: true})) entries[f.path] = f;
    expect(entries['a.txt']!.lfs).toBeUndefined();
    expect(entries['data/big.bin']!.lfs!.oid).toBe(sha256(big));
    const back = Buffer.from(await (await downloadFile({...hub(), repo, path: 'data/big.bin'}))!.arrayBuffer());
    expect(back.equals(big)).toBe(true);

    // The batch call directly, as huggingface_hub without hf_xet sends it: transfer basic, absolute href on this
    // server, no auth header needed.
    const other = randomBytes(1000);
    const res = await fetch(`${sb.current.url}/${repo}.git/info/lfs/objects/batch`, {
      method: 'POST',
      headers: {...auth(), Accept: 'application/vnd.git-lfs+json', 'Content-Type': 'application/vnd.git-lfs+json'},
      body: JSON.stringify({
        operation: 'upload',
        transfers: ['basic', 'multipart'],
        hash_algo: 'sha_256',
        ref: {name: 'main'},
        objects: [{oid: sha256(other), size: 1000}],
      }),
    });
    expect(res.status).toBe(200);
    const batch = (await res.json()) as {transfer: string; objects: {actions: {upload: {href: string}}}[]};
    expect(batch.transfer).toBe('basic');
    const href = batch.objects[0]!.actions.upload.href;
    expect(href.startsWith(`${sb.current.url}/`)).toBe(true);

    // Tampered signature: 403. Wrong bytes: 400. Right bytes, no Authorization: 200.
    const tampered = href.replace(/sig=([0-9a-f])/, (_m, c: string) => `sig=${c === '0' ? '1' : '0'}`);
    expect((await fetch(tampered, {method: 'PUT', body: other})).status).toBe(403);
    const wrong = await fetch(href, {method: 'PUT', body: randomBytes(1000)});
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as {error: string}).error).toContain('sha256');
    expect((await fetch(href, {method: 'PUT', body: other})).status).toBe(200);
  });

  it('multipart-uploads a ~20 MB generated file from a file: URL (streamed), parts answer ETags', async () => {
    const repo = fresh();
    await createRepo({...hub(), repo});
    const dir = await mkdtemp(join(tmpdir(), 'hf-sandbox-mp-'));
    try {
      const file = join(dir, 'model.bin');
      const hash = createHash('sha256');
      const out = createWriteStream(file);
      for (let i = 0; i < 20; i++) {
        const chunk = randomBytes(1024 * 1024 + 7);
        hash.update(chunk);
        out.write(chunk);
      }
      await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
      const oid = hash.digest('hex');

      // The batch offers multipart for this size: chunk_size plus one URL per part.
      const size = 20 * (1024 * 1024 + 7);
      const res = await fetch(`${sb.current.url}/${repo}.git/info/lfs/objects/batch`, {
        method: 'POST',
        headers: {...auth(), 'Content-Type': 'application/vnd.git-lfs+json'},
        body: JSON.stringify({operation: 'upload', transfers: ['basic', 'multipart'], objects: [{oid, size}]}),
      });
      const header = ((await res.json()) as {objects: {actions: {upload: {header: Record<string, string>}}}[]})
        .objects[0]!.actions.upload.header;
      const chunk = Number(header.chunk_size);
      expect(Object.keys(header).filter((k) => /^\d+$/.test(k))).toHaveLength(Math.ceil(size / chunk));

      await uploadFile({...hub(), repo, file: pathToFileURL(file)});
      const info = await downloadFile({...hub(), repo, path: 'model.bin'});
      expect(info!.size).toBe(size);
      const back = createHash('sha256');
      const stream = (info as Blob).stream() as unknown as AsyncIterable<Uint8Array>;
      for await (const piece of stream) back.update(piece);
      expect(back.digest('hex')).toBe(oid);
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  }, 60_000);

  it('a stale parentCommit answers 412 like the Hub', async () => {
    const repo = fresh();
    await createRepo({...hub(), repo});
    const first = await uploadFile({...hub(), repo, file: {path: 'one.txt', content: new Blob(['1'])}});
    const parent = first!.commit.oid;
    await uploadFile({...hub(), repo, file: {path: 'two.txt', content: new Blob(['2'])}});
    const error = await failure(
      commit({
        ...hub(),
        repo,
        title: 'late',
        parentCommit: parent,
        operations: [{operation: 'addOrUpdate', path: 'three.txt', content: new Blob(['3'])}],
      }),
    );
    expect(error.statusCode).toBe(412);
    // The current head as parent works.
    const files: string[] = [];
    for await (const f of listFiles({...hub(), repo})) files.push(f.path);
    expect(files).not.toContain('three.txt');
  });

  it('pull requests: create_pr=1 gives /discussions/<n>, then commits go to refs/pr/<n> without touching main', async () => {
    const repo = fresh();
    await createRepo({...hub(), repo});
    const pr = await commit({
      ...hub(),
      repo,
      title: 'Propose',
      isPullRequest: true,
      operations: [{operation: 'addOrUpdate', path: 'pr.txt', content: new Blob(['in pr'])}],
    });
    expect(pr!.pullRequestUrl).toBe(`${sb.current.url}/${repo}/discussions/1`);
    const ref = `refs/pr/${pr!.pullRequestUrl!.split('/').pop()}`;
    await commit({
      ...hub(),
      repo,
      title: 'More',
      branch: ref,
      operations: [{operation: 'addOrUpdate', path: 'pr2.txt', content: new Blob(['more'])}],
    });
    expect(await (await downloadFile({...hub(), repo, path: 'pr2.txt', revision: ref}))?.text()).toBe('more');
    expect(await downloadFile({...hub(), repo, path: 'pr.txt'})).toBeNull();
    const pr2 = await commit({
      ...hub(),
      repo,
      title: 'Second',
      isPullRequest: true,
      operations: [{operation: 'delete', path: '.gitattributes'}],
    });
    expect(pr2!.pullRequestUrl).toMatch(/\/discussions\/2$/);
    const listed: string[] = [];
    for await (const f of listFiles({...hub(), repo, revision: ref})) listed.push(f.path);
    expect(listed).toEqual(['.gitattributes', 'pr.txt', 'pr2.txt']);
  });

  it('deletes files; deleting a missing file is 404 EntryNotFound; a missing branch is RevisionNotFound', async () => {
    const repo = fresh();
    await createRepo({...hub(), repo, files: [{path: 'x.txt', content: new Blob(['x'])}]});
    await deleteFile({...hub(), repo, path: 'x.txt'});
    expect(await downloadFile({...hub(), repo, path: 'x.txt'})).toBeNull();
    const again = await failure(deleteFile({...hub(), repo, path: 'x.txt'}));
    expect(again.statusCode).toBe(404);
    const res = await fetch(`${sb.current.url}/api/models/${repo}/commit/nope`, {
      method: 'POST',
      headers: {...auth(), 'Content-Type': 'application/x-ndjson'},
      body: JSON.stringify({key: 'header', value: {summary: 's'}}),
    });
    expect(res.status).toBe(404);
    expect(res.headers.get('x-error-code')).toBe('RevisionNotFound');
  });

  it('an lfsFile whose object was never uploaded is refused (422)', async () => {
    const repo = fresh();
    await createRepo({...hub(), repo});
    const res = await rawCommit(repo, [
      {key: 'header', value: {summary: 'ghost'}},
      {key: 'lfsFile', value: {path: 'ghost.bin', algo: 'sha256', size: 5, oid: sha256('never')}},
    ]);
    expect(res.status).toBe(422);
    expect(res.headers.get('x-request-id')).toBeTruthy();
  });

  it.each([
    ['..', '../escape.txt'],
    ['a .. segment', 'a/../../escape.txt'],
    ['an absolute path', '/etc/passwd'],
    ['a backslash', '..\\escape.txt'],
    ['a NUL byte', 'a\u0000b.txt'],
    ['a .git path', '.git/config'],
    ['an empty segment', 'a//b.txt'],
  ])('refuses a commit path with %s (400) and writes nothing outside the data dir', async (_what, path) => {
    const repo = fresh();
    await createRepo({...hub(), repo});
    const res = await rawCommit(repo, [
      {key: 'header', value: {summary: 'bad'}},
      {key: 'file', value: {path, content: Buffer.from('pwned').toString('base64'), encoding: 'base64'}},
    ]);
    expect(res.status).toBe(400);
    expect(((await res.json()) as {error: string}).error).toMatch(/Invalid path/);
    expect(await readdir(join(sb.current.dataDir, '..'))).not.toContain('escape.txt');
  });

  it('answers malformed NDJSON with 400 and an oversize line with 413', async () => {
    const repo = fresh();
    await createRepo({...hub(), repo});
    expect((await rawCommit(repo, '{"key":"header","value":{"summary":"x"}}\n{not json')).status).toBe(400);
    expect((await rawCommit(repo, [{key: 'file', value: {path: 'a', content: ''}}])).status).toBe(400);
    expect(
      (
        await rawCommit(repo, [
          {key: 'header', value: {summary: 'x'}},
          {key: 'copyEverything', value: {}},
        ])
      ).status,
    ).toBe(400);
    const huge = 'A'.repeat(11 * 1024 * 1024);
    const res = await rawCommit(
      repo,
      `${JSON.stringify({key: 'header', value: {summary: 'x'}})}\n{"key":"file","value":{"path":"huge.txt","encoding":"base64","content":"${huge}"}}`,
    );
    expect(res.status).toBe(413);
    expect(res.headers.get('x-error-message')).toContain('NDJSON line');
  });

  it('answers a commit with a read token 403 and anonymous 401', async () => {
    const res = await fetch(`${sb.current.url}/api/datasets/practice-user/hello-dataset/commit/main`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${sb.current.tokens.read}`, 'Content-Type': 'application/x-ndjson'},
      body: JSON.stringify({key: 'header', value: {summary: 'x'}}),
    });
    expect(res.status).toBe(403);
    const anon = await fetch(`${sb.current.url}/api/datasets/practice-user/hello-dataset/commit/main`, {
      method: 'POST',
      body: '{}',
    });
    expect(anon.status).toBe(401);
  });
});

describe('sandbox commits stay inside the data dir', () => {
  let outside: string;
  beforeAll(async () => {
    outside = await mkdtemp(join(tmpdir(), 'hf-sandbox-outside-'));
  });
  afterAll(async () => {
    await rm(outside, {recursive: true, force: true});
  });
  const sb = useSandbox();

  it('a traversal through the URL never reaches the filesystem', async () => {
    const res = await fetch(`${sb.current.url}/api/models/practice-user/..%2F..%2Fx/commit/main`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
      body: JSON.stringify({key: 'header', value: {summary: 'x'}}),
    });
    expect([400, 404]).toContain(res.status);
    expect(await readdir(outside)).toEqual([]);
  });
});
