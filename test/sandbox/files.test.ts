import {createHash, randomBytes} from 'node:crypto';
import {
  HubApiError,
  commit,
  createRepo,
  downloadFile,
  fileDownloadInfo,
  fileExists,
  listFiles,
  uploadFiles,
} from '@huggingface/hub';
import {beforeAll, describe, expect, it} from 'vitest';
import {useSandbox} from '../helpers/sandbox.js';

const gitSha1 = (b: Buffer) => createHash('sha1').update(`blob ${b.length}\0`).update(b).digest('hex');
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('sandbox file reads: tree, resolve, raw', () => {
  const sb = useSandbox();
  const repo = `practice-user/files-${Date.now().toString(36)}`;
  const text = Buffer.from('0123456789abcdef');
  const big = randomBytes(1_200_000);
  let head = '';
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});

  beforeAll(async () => {
    await createRepo({...hub(), repo});
    const out = await uploadFiles({
      ...hub(),
      repo,
      files: [
        {path: 'text.txt', content: new Blob([text])},
        {path: 'empty.txt', content: new Blob([])},
        {path: 'weights/model.bin', content: new Blob([big])},
        {path: 'weights/sub/deep.txt', content: new Blob(['deep'])},
      ],
    });
    head = out!.commit.oid;
  });

  it('resolve: full GET 200 with quoted git-sha1 ETag, X-Repo-Commit, Content-Length', async () => {
    const res = await fetch(`${sb.current.url}/${repo}/resolve/main/text.txt`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${gitSha1(text)}"`);
    expect(res.headers.get('x-repo-commit')).toBe(head);
    expect(res.headers.get('content-length')).toBe(String(text.length));
    expect(res.headers.get('accept-ranges')).toBe('bytes');
    expect(await res.text()).toBe(text.toString());
  });

  it('resolve: Range gives 206 with Content-Range; suffix ranges; 416 past the end', async () => {
    const part = await fetch(`${sb.current.url}/${repo}/resolve/main/text.txt`, {headers: {Range: 'bytes=2-5'}});
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 2-5/${text.length}`);
    expect(await part.text()).toBe('2345');
    const suffix = await fetch(`${sb.current.url}/${repo}/resolve/main/text.txt`, {headers: {Range: 'bytes=-3'}});
    expect(await suffix.text()).toBe('def');
    const open = await fetch(`${sb.current.url}/${repo}/resolve/main/text.txt`, {headers: {Range: 'bytes=14-'}});
    expect(await open.text()).toBe('ef');
    const past = await fetch(`${sb.current.url}/${repo}/resolve/main/text.txt`, {headers: {Range: 'bytes=100-200'}});
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${text.length}`);
  });

  it('the bytes=0-0 probe answers a size even for an empty file', async () => {
    const res = await fetch(`${sb.current.url}/${repo}/resolve/main/empty.txt`, {headers: {Range: 'bytes=0-0'}});
    expect(res.status).toBe(206);
    expect(res.headers.get('content-range')).toBe('bytes 0-0/0');
    const blob = await downloadFile({...hub(), repo, path: 'empty.txt'});
    expect(blob!.size).toBe(0);
    expect(await blob!.text()).toBe('');
  });

  it('LFS on resolve: sha256 ETag, X-Linked-Size/ETag, real bytes; slices through downloadFile', async () => {
    const res = await fetch(`${sb.current.url}/${repo}/resolve/main/weights/model.bin`, {method: 'HEAD'});
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${sha256(big)}"`);
    expect(res.headers.get('x-linked-etag')).toBe(`"${sha256(big)}"`);
    expect(res.headers.get('x-linked-size')).toBe(String(big.length));
    expect(res.headers.get('content-length')).toBe(String(big.length));
    const info = await fileDownloadInfo({...hub(), repo, path: 'weights/model.bin'});
    expect(info!.size).toBe(big.length);
    expect(info!.etag).toBe(`"${sha256(big)}"`);
    const blob = await downloadFile({...hub(), repo, path: 'weights/model.bin'});
    const slice = Buffer.from(await blob!.slice(1000, 1010).arrayBuffer());
    expect(slice.equals(big.subarray(1000, 1010))).toBe(true);
  });

  it('raw serves the LFS pointer for LFS files', async () => {
    const res = await fetch(`${sb.current.url}/${repo}/raw/main/weights/model.bin`);
    expect(res.status).toBe(200);
    const pointer = `version https://git-lfs.github.com/spec/v1\noid sha256:${sha256(big)}\nsize ${big.length}\n`;
    expect(await res.text()).toBe(pointer);
    expect(res.headers.get('etag')).toBe(`"${gitSha1(Buffer.from(pointer))}"`);
    expect(res.headers.get('x-linked-size')).toBeNull();
  });

  it('missing file: 404 EntryNotFound (downloadFile -> null, fileExists -> false); missing revision: RevisionNotFound', async () => {
    const res = await fetch(`${sb.current.url}/${repo}/resolve/main/nope.txt`);
    expect(res.status).toBe(404);
    expect(res.headers.get('x-error-code')).toBe('EntryNotFound');
    expect(res.headers.get('x-request-id')).toBeTruthy();
    expect(((await res.json()) as {error: string}).error).toContain('nope.txt');
    expect(await downloadFile({...hub(), repo, path: 'nope.txt'})).toBeNull();
    expect(await fileExists({...hub(), repo, path: 'nope.txt'})).toBe(false);
    expect(await fileExists({...hub(), repo, path: 'text.txt'})).toBe(true);
    const rev = await fetch(`${sb.current.url}/${repo}/resolve/no-such-branch/text.txt`);
    expect(rev.status).toBe(404);
    expect(rev.headers.get('x-error-code')).toBe('RevisionNotFound');
    const error = await downloadFile({...hub(), repo, path: 'text.txt', revision: 'no-such-branch'}).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(HubApiError);
  });

  it('reads by commit oid, by refs/pr/N and datasets by their prefix', async () => {
    const byOid = await fetch(`${sb.current.url}/${repo}/resolve/${head}/text.txt`);
    expect(byOid.status).toBe(200);
    const csv = await fetch(`${sb.current.url}/datasets/practice-user/hello-dataset/resolve/main/data/greetings.csv`);
    expect(await csv.text()).toContain('Hola');
  });

  it('refuses traversal in URLs', async () => {
    // (`%2e%2e/` segments are already removed by URL normalisation, so they reach no route: 501, never the file.)
    const dotted = await fetch(`${sb.current.url}/${repo}/resolve/main/%2e%2e/%2e%2e/accounts.json`);
    expect(dotted.status).toBe(501);
    for (const path of ['..%2F..%2Faccounts.json', 'a%2F%2E%2E%2F%2E%2E%2Fx', 'a%5Cb', 'x%00y']) {
      const res = await fetch(`${sb.current.url}/${repo}/resolve/main/${path}`);
      expect(res.status, path).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/json');
    }
    const tree = await fetch(`${sb.current.url}/api/models/${repo}/tree/main/..%2F..`);
    expect(tree.status).toBe(400);
  });

  it('unknown routes are 501 (not emulated) and wrong methods 405, as JSON', async () => {
    const unknown = await fetch(`${sb.current.url}/api/models/${repo}/nonsense`);
    expect(unknown.status).toBe(501);
    expect(unknown.headers.get('x-error-message')).toBe(
      `The sandbox Hub does not emulate GET /api/models/${repo}/nonsense`,
    );
    expect(await unknown.json()).toEqual({error: `The sandbox Hub does not emulate GET /api/models/${repo}/nonsense`});
    const wrong = await fetch(`${sb.current.url}/${repo}/resolve/main/text.txt`, {method: 'DELETE'});
    expect(wrong.status).toBe(405);
    expect(wrong.headers.get('allow')).toContain('GET');
  });

  it('tree: direct children with directories, recursive listing, subfolders, expand lastCommit', async () => {
    const top: {path: string; type: string}[] = [];
    for await (const f of listFiles({...hub(), repo})) top.push({path: f.path, type: f.type});
    expect(top).toEqual([
      {path: '.gitattributes', type: 'file'},
      {path: 'empty.txt', type: 'file'},
      {path: 'text.txt', type: 'file'},
      {path: 'weights', type: 'directory'},
    ]);
    const all: string[] = [];
    for await (const f of listFiles({...hub(), repo, recursive: true})) all.push(f.path);
    expect(all).toEqual([
      '.gitattributes',
      'empty.txt',
      'text.txt',
      'weights',
      'weights/model.bin',
      'weights/sub',
      'weights/sub/deep.txt',
    ]);
    const sub: string[] = [];
    for await (const f of listFiles({...hub(), repo, path: 'weights'})) sub.push(f.path);
    expect(sub).toEqual(['weights/model.bin', 'weights/sub']);
    const expanded = [];
    for await (const f of listFiles({...hub(), repo, expand: true})) expanded.push(f);
    expect(expanded.find((f) => f.path === 'text.txt')!.lastCommit!.id).toBe(head);
    expect(expanded.find((f) => f.path === '.gitattributes')!.lastCommit!.title).toBe('initial commit');
    const missing = await fetch(`${sb.current.url}/api/models/${repo}/tree/main/nowhere`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-error-code')).toBe('EntryNotFound');
  });

  it('tree: paginates 1000 per page with an absolute Link rel="next"', async () => {
    const many = `practice-user/many-${Date.now().toString(36)}`;
    await createRepo({...hub(), repo: many});
    await commit({
      ...hub(),
      repo: many,
      title: '1100 files',
      operations: Array.from({length: 1100}, (_, i) => ({
        operation: 'addOrUpdate' as const,
        path: `f/${String(i).padStart(4, '0')}.txt`,
        content: new Blob([String(i)]),
      })),
    });
    const first = await fetch(`${sb.current.url}/api/models/${many}/tree/main/f?recursive=true`);
    const page = (await first.json()) as unknown[];
    expect(page).toHaveLength(1000);
    const link = first.headers.get('link')!;
    expect(link).toMatch(/^<http:\/\/127\.0\.0\.1:\d+\/api\/models\/.+cursor=.+>; rel="next"$/);
    const second = await fetch(link.slice(1, link.indexOf('>')));
    expect((await second.json()) as unknown[]).toHaveLength(100);
    expect(second.headers.get('link')).toBeNull();
    let count = 0;
    for await (const _ of listFiles({...hub(), repo: many, path: 'f'})) count++;
    expect(count).toBe(1100);
  }, 30_000);
});
