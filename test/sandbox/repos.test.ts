import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {
  HubApiError,
  checkRepoAccess,
  createBranch,
  createRepo,
  deleteBranch,
  datasetInfo,
  deleteRepo,
  downloadFile,
  listDatasets,
  listFiles,
  modelInfo,
  repoExists,
  uploadFile,
} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {startSandbox} from '../../src/sandbox/index.js';
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
const fresh = (prefix = 'practice-user') => `${prefix}/test-${Date.now().toString(36)}-${counter++}`;

describe('sandbox repos through @huggingface/hub', () => {
  const sb = useSandbox();
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});

  it('creates a public model, answers info and deletes it', async () => {
    const name = fresh();
    const created = await createRepo({...hub(), repo: name});
    expect(created.repoUrl).toBe(`${sb.current.url}/${name}`);
    expect(created.id).toMatch(/^[0-9a-f]{24}$/);
    const info = await modelInfo({...hub(), name, additionalFields: ['sha']});
    expect(info.name).toBe(name);
    expect(info.private).toBe(false);
    // Anonymous reads of a public repo work; new repos start with the Hub's default .gitattributes.
    expect(await repoExists({repo: name, hubUrl: sb.current.url})).toBe(true);
    const files: string[] = [];
    for await (const f of listFiles({repo: name, hubUrl: sb.current.url})) files.push(f.path);
    expect(files).toEqual(['.gitattributes']);
    await deleteRepo({...hub(), repo: name});
    expect(await repoExists({repo: name, hubUrl: sb.current.url})).toBe(false);
    const gone = await failure(deleteRepo({...hub(), repo: name}));
    expect(gone.statusCode).toBe(404);
  });

  it('creates, lists and deletes branches', async () => {
    const name = fresh();
    await createRepo({...hub(), repo: name, files: [{path: 'a.txt', content: new Blob(['a'])}]});
    await createBranch({...hub(), repo: name, branch: 'dev'});
    await createBranch({...hub(), repo: name, branch: 'blank', empty: true});
    expect(await (await downloadFile({...hub(), repo: name, path: 'a.txt', revision: 'dev'}))?.text()).toBe('a');
    expect(await downloadFile({...hub(), repo: name, path: 'a.txt', revision: 'blank'})).toBeNull();
    const dup = await failure(createBranch({...hub(), repo: name, branch: 'dev'}));
    expect(dup.statusCode).toBe(409);
    const refs = (await (
      await fetch(`${sb.current.url}/api/models/${name}/refs`, {
        headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
      })
    ).json()) as {branches: {name: string}[]};
    expect(refs.branches.map((b) => b.name).sort()).toEqual(['blank', 'dev', 'main']);
    await deleteBranch({...hub(), repo: name, branch: 'dev'});
    const gone = await failure(downloadFile({...hub(), repo: name, path: 'a.txt', revision: 'dev'}));
    expect(gone.statusCode).toBe(404);
  });

  it('refuses to delete main or a bad branch name, overwrites a branch only when asked, and changes visibility', async () => {
    const name = fresh();
    await createRepo({...hub(), repo: name, files: [{path: 'a.txt', content: new Blob(['a'])}]});
    const call = (method: string, path: string, body?: unknown) =>
      fetch(`${sb.current.url}/api/models/${name}/${path}`, {
        method,
        headers: {Authorization: `Bearer ${sb.current.tokens.write}`, 'content-type': 'application/json'},
        ...(body === undefined ? {} : {body: JSON.stringify(body)}),
      });
    const main = await call('DELETE', 'branch/main');
    expect(main.status).toBe(403);
    expect(await main.text()).toContain('You cannot delete the default branch');
    expect((await call('POST', 'branch/..bad')).status).toBe(400);
    expect((await call('DELETE', 'branch/nope')).status).toBe(404);
    expect((await call('POST', 'branch/dev')).status).toBe(200);
    expect((await call('POST', 'branch/dev', {emptyBranch: true})).status).toBe(409);
    expect((await call('POST', 'branch/dev', {emptyBranch: true, overwrite: true})).status).toBe(200);
    expect(await downloadFile({...hub(), repo: name, path: 'a.txt', revision: 'dev'})).toBeNull();
    expect((await call('PUT', 'settings', {visibility: 'private'})).status).toBe(200);
    expect(await repoExists({repo: name, hubUrl: sb.current.url})).toBe(false);
    expect((await modelInfo({...hub(), name})).private).toBe(true);
    expect((await call('PUT', 'settings', {private: false})).status).toBe(200);
    expect(await repoExists({repo: name, hubUrl: sb.current.url})).toBe(true);
  });

  it('tolerates ?expand[]= on repo info', async () => {
    const res = await fetch(
      `${sb.current.url}/api/datasets/practice-user/hello-dataset?expand[]=likes&expand[]=downloads`,
    );
    expect(res.status).toBe(200);
    const body = (await res.json()) as {id: string; private: boolean; sha: string};
    expect(body.id).toBe('practice-user/hello-dataset');
    expect(body.private).toBe(false);
    expect(body.sha).toMatch(/^[0-9a-f]{40}$/);
  });

  it('answers 409 "You already created this model repo" for a duplicate', async () => {
    const name = fresh();
    await createRepo({...hub(), repo: name});
    const error = await failure(createRepo({...hub(), repo: name}));
    expect(error.statusCode).toBe(409);
    expect(error.message).toContain('You already created this model repo');
    expect(error.requestId).toBeTruthy();
  });

  it('creates datasets and spaces too', async () => {
    const ds = fresh();
    await createRepo({...hub(), repo: `datasets/${ds}`});
    expect((await datasetInfo({...hub(), name: ds})).name).toBe(ds);
    const sp = fresh();
    const created = await createRepo({...hub(), repo: `spaces/${sp}`});
    expect(created.repoUrl).toBe(`${sb.current.url}/spaces/${sp}`);
  });

  it('commits createRepo({files}) and writes a license README', async () => {
    const name = fresh();
    await createRepo({
      ...hub(),
      repo: name,
      license: 'apache-2.0',
      files: [{path: 'notes/hello.txt', content: new Blob(['hi there'])}],
    });
    expect(await (await downloadFile({...hub(), repo: name, path: 'notes/hello.txt'}))?.text()).toBe('hi there');
    expect(await (await downloadFile({...hub(), repo: name, path: 'README.md'}))?.text()).toBe(
      '---\nlicense: apache-2.0\n---\n',
    );
  });

  it('refuses invalid repo names with 400', async () => {
    for (const bad of ['..', 'a--b', '-x', 'x.', 'a/b/c', '../etc']) {
      const res = await fetch(`${sb.current.url}/api/repos/create`, {
        method: 'POST',
        headers: {Authorization: `Bearer ${sb.current.tokens.write}`, 'Content-Type': 'application/json'},
        body: JSON.stringify({name: bad, organization: 'practice-user', type: 'model'}),
      });
      expect(res.status, bad).toBe(400);
      expect(((await res.json()) as {error: string}).error).toBeTruthy();
    }
  });

  it('answers malformed JSON with 400 and an anonymous create with 401', async () => {
    const bad = await fetch(`${sb.current.url}/api/repos/create`, {
      method: 'POST',
      headers: {Authorization: `Bearer ${sb.current.tokens.write}`, 'Content-Type': 'application/json'},
      body: '{"name":',
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('x-request-id')).toBeTruthy();
    const anon = await fetch(`${sb.current.url}/api/repos/create`, {method: 'POST', body: '{}'});
    expect(anon.status).toBe(401);
  });

  describe('namespace permissions', () => {
    it('a read token may create nowhere: 403 in the Hub words', async () => {
      const error = await failure(
        createRepo({hubUrl: sb.current.url, accessToken: sb.current.tokens.read, repo: `datasets/${fresh()}`}),
      );
      expect(error.statusCode).toBe(403);
      expect(error.message).toContain("You don't have the rights to create a dataset under this namespace");
    });

    it('a read token may not upload or delete', async () => {
      const upload = await failure(
        uploadFile({
          hubUrl: sb.current.url,
          accessToken: sb.current.tokens.read,
          repo: 'datasets/practice-user/hello-dataset',
          file: {path: 'x.txt', content: new Blob(['x'])},
        }),
      );
      expect(upload.statusCode).toBe(403);
      const del = await failure(
        deleteRepo({
          hubUrl: sb.current.url,
          accessToken: sb.current.tokens.read,
          repo: 'datasets/practice-user/hello-dataset',
        }),
      );
      expect(del.statusCode).toBe(403);
    });

    it('a write token may create in an org where the role allows it, not in a foreign namespace', async () => {
      const inOrg = fresh('practice-org');
      await createRepo({...hub(), repo: inOrg});
      const foreign = await failure(createRepo({...hub(), repo: fresh('practice-friend')}));
      expect(foreign.statusCode).toBe(403);
      expect(foreign.message).toContain("You don't have the rights to create a model under this namespace");
    });

    it('a fine-grained token writes only where it is scoped', async () => {
      const token = sb.current.tokens['fine-grained'];
      await createRepo({hubUrl: sb.current.url, accessToken: token, repo: fresh()});
      const outside = await failure(
        createRepo({hubUrl: sb.current.url, accessToken: token, repo: fresh('practice-org')}),
      );
      expect(outside.statusCode).toBe(403);
    });

    it('an expired token gets 401 even on public repos', async () => {
      const error = await failure(
        checkRepoAccess({
          hubUrl: sb.current.url,
          accessToken: sb.current.tokens.expired,
          repo: 'datasets/practice-user/hello-dataset',
        }),
      );
      expect(error.statusCode).toBe(401);
      expect(error.message).toContain('Invalid credentials in Authorization header');
    });
  });

  describe('private repos and practice data', () => {
    it('hello-dataset is public and readable anonymously', async () => {
      const blob = await downloadFile({
        hubUrl: sb.current.url,
        repo: 'datasets/practice-user/hello-dataset',
        path: 'data/greetings.csv',
      });
      expect(await blob?.text()).toContain('Bonjour');
    });

    it('private-dataset is readable by every practice-user token, 401 anonymously', async () => {
      for (const label of ['write', 'read', 'fine-grained'] as const) {
        const blob = await downloadFile({
          hubUrl: sb.current.url,
          accessToken: sb.current.tokens[label],
          repo: 'datasets/practice-user/private-dataset',
          path: 'data/secrets.csv',
        });
        expect(await blob?.text(), label).toContain('codename');
      }
      const anon = await failure(
        checkRepoAccess({hubUrl: sb.current.url, repo: 'datasets/practice-user/private-dataset'}),
      );
      expect(anon.statusCode).toBe(401);
      const res = await fetch(`${sb.current.url}/datasets/practice-user/private-dataset/resolve/main/data/secrets.csv`);
      expect(res.status).toBe(401);
      expect(res.headers.get('x-error-code')).toBe('RepoNotFound');
    });

    it('practice-friend/secret-model answers 404 RepoNotFound to practice-user, like a missing repo', async () => {
      const res = await fetch(`${sb.current.url}/api/models/practice-friend/secret-model`, {
        headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
      });
      expect(res.status).toBe(404);
      expect(res.headers.get('x-error-code')).toBe('RepoNotFound');
      expect(await res.json()).toEqual({error: 'Repository not found'});
      const missing = await fetch(`${sb.current.url}/api/models/practice-friend/no-such-model`, {
        headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
      });
      expect(missing.status).toBe(404);
      const anonMissing = await fetch(`${sb.current.url}/api/models/practice-friend/no-such-model`);
      expect(anonMissing.status).toBe(401);
      const dl = await fetch(`${sb.current.url}/practice-friend/secret-model/resolve/main/config.json`, {
        headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
      });
      expect(dl.status).toBe(404);
      expect(dl.headers.get('x-error-code')).toBe('RepoNotFound');
      expect(
        await repoExists({
          hubUrl: sb.current.url,
          accessToken: sb.current.tokens.write,
          repo: 'practice-friend/secret-model',
        }),
      ).toBe(false);
    });

    it('a private repo created with visibility "private" needs the token', async () => {
      const name = fresh();
      await createRepo({
        ...hub(),
        repo: `datasets/${name}`,
        visibility: 'private',
        files: [{path: 'a.txt', content: new Blob(['secret'])}],
      });
      expect(await (await downloadFile({...hub(), repo: `datasets/${name}`, path: 'a.txt'}))?.text()).toBe('secret');
      const anon = await failure(downloadFile({hubUrl: sb.current.url, repo: `datasets/${name}`, path: 'a.txt'}));
      expect(anon.statusCode).toBe(401);
    });

    it('lists datasets by author, hiding what the caller may not see', async () => {
      const seen: string[] = [];
      for await (const d of listDatasets({hubUrl: sb.current.url, search: {owner: 'practice-user'}})) seen.push(d.name);
      expect(seen).toContain('practice-user/hello-dataset');
      expect(seen).not.toContain('practice-user/private-dataset');
      const res = await fetch(`${sb.current.url}/api/datasets?author=practice-user`, {
        headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
      });
      const mine = ((await res.json()) as {id: string}[]).map((d) => d.id);
      expect(mine).toEqual(expect.arrayContaining(['practice-user/hello-dataset', 'practice-user/private-dataset']));
    });
  });
});

describe('sandbox --data persistence', () => {
  it('keeps repos, files and tokens across restarts', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hf-sandbox-persist-'));
    try {
      const first = await startSandbox({dataDir: dir});
      const name = fresh();
      await createRepo({
        hubUrl: first.url,
        accessToken: first.tokens.write,
        repo: name,
        files: [{path: 'keep.txt', content: new Blob(['kept'])}],
      });
      await deleteRepo({
        hubUrl: first.url,
        accessToken: first.tokens.write,
        repo: 'datasets/practice-user/hello-dataset',
      });
      const token = first.tokens.write;
      await first.close();

      const second = await startSandbox({dataDir: dir});
      try {
        expect(second.tokens.write).toBe(token);
        expect(
          await (await downloadFile({hubUrl: second.url, accessToken: token, repo: name, path: 'keep.txt'}))?.text(),
        ).toBe('kept');
        // Practice repos are seeded once: a deleted one stays deleted.
        expect(await repoExists({hubUrl: second.url, repo: 'datasets/practice-user/hello-dataset'})).toBe(false);
      } finally {
        await second.close();
      }
    } finally {
      await rm(dir, {recursive: true, force: true});
    }
  });
});
