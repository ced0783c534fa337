// Repo routes huggingface_hub calls beyond the basics, on a real sandbox: auth_check, tags (create, list, use as a
// revision, delete) and move_repo.
import {createRepo, downloadFile, uploadFile} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../helpers/sandbox.js';

const NS = 'practice-user';
let counter = 0;
const fresh = () => `refs-${Date.now().toString(36)}-${counter++}`;

describe('auth-check, tags and move', () => {
  const sb = useSandbox();
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
  const call = (method: string, path: string, body?: unknown, token: string | null = sb.current.tokens.write) =>
    fetch(`${sb.current.url}${path}`, {
      method,
      headers: {...(token ? {Authorization: `Bearer ${token}`} : {}), 'Content-Type': 'application/json'},
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('answers auth-check 200 for a readable repo, 403 for writing with a read token, 404 for a missing one', async () => {
    const name = fresh();
    await createRepo({...hub(), repo: {type: 'model', name: `${NS}/${name}`}, private: true});
    expect((await call('GET', `/api/models/${NS}/${name}/auth-check`)).status).toBe(200);
    expect((await call('GET', `/api/models/${NS}/${name}/auth-check`, undefined, sb.current.tokens.read)).status).toBe(
      200,
    );
    expect((await call('GET', `/api/models/${NS}/${name}/auth-check/write`)).status).toBe(200);
    expect(
      (await call('GET', `/api/models/${NS}/${name}/auth-check/write`, undefined, sb.current.tokens.read)).status,
    ).toBe(403);
    expect((await call('GET', `/api/models/${NS}/no-such-repo-x/auth-check`)).status).toBe(404);
    expect((await call('GET', `/api/models/${NS}/${name}/auth-check`, undefined, null)).status).toBe(401);
  });

  it('creates a tag at a revision, lists it, resolves files through it, refuses a second one and deletes it', async () => {
    const name = fresh();
    const repo = {type: 'model' as const, name: `${NS}/${name}`};
    await createRepo({...hub(), repo});
    await uploadFile({...hub(), repo, file: {path: 'a.txt', content: new Blob(['first'])}});
    const created = await call('POST', `/api/models/${NS}/${name}/tag/main`, {tag: 'v1', message: 'first release'});
    expect(created.status).toBe(200);
    await uploadFile({...hub(), repo, file: {path: 'a.txt', content: new Blob(['second'])}});
    const refs = (await (await call('GET', `/api/models/${NS}/${name}/refs`)).json()) as {
      tags: {name: string; ref: string; targetCommit: string}[];
    };
    expect(refs.tags).toEqual([expect.objectContaining({name: 'v1', ref: 'refs/tags/v1'})]);
    expect(await (await downloadFile({...hub(), repo, path: 'a.txt', revision: 'v1'}))!.text()).toBe('first');
    expect((await call('POST', `/api/models/${NS}/${name}/tag/main`, {tag: 'v1'})).status).toBe(409);
    expect((await call('POST', `/api/models/${NS}/${name}/tag/main`, {tag: '../x'})).status).toBe(400);
    expect((await call('POST', `/api/models/${NS}/${name}/tag/main`, {tag: 'v2'}, sb.current.tokens.read)).status).toBe(
      403,
    );
    expect((await call('DELETE', `/api/models/${NS}/${name}/tag/v1`)).status).toBe(200);
    expect((await call('DELETE', `/api/models/${NS}/${name}/tag/v1`)).status).toBe(404);
  });

  it('moves a repo to a new name with its files, and refuses a taken name or another namespace', async () => {
    const from = fresh();
    const to = fresh();
    const repo = {type: 'dataset' as const, name: `${NS}/${from}`};
    await createRepo({...hub(), repo});
    await uploadFile({...hub(), repo, file: {path: 'd.csv', content: new Blob(['x,y\n'])}});
    expect(
      (await call('POST', '/api/repos/move', {fromRepo: `${NS}/${from}`, toRepo: `${NS}/${to}`, type: 'dataset'}))
        .status,
    ).toBe(200);
    expect(
      await (await downloadFile({...hub(), repo: {type: 'dataset', name: `${NS}/${to}`}, path: 'd.csv'}))!.text(),
    ).toBe('x,y\n');
    expect((await call('GET', `/api/datasets/${NS}/${from}`)).status).toBe(404);
    const info = (await (await call('GET', `/api/datasets/${NS}/${to}`)).json()) as {id: string};
    expect(info.id).toBe(`${NS}/${to}`);

    const other = fresh();
    await createRepo({...hub(), repo: {type: 'dataset', name: `${NS}/${other}`}});
    expect(
      (await call('POST', '/api/repos/move', {fromRepo: `${NS}/${to}`, toRepo: `${NS}/${other}`, type: 'dataset'}))
        .status,
    ).toBe(409);
    expect(
      (
        await call('POST', '/api/repos/move', {
          fromRepo: `${NS}/${to}`,
          toRepo: `practice-friend/${to}`,
          type: 'dataset',
        })
      ).status,
    ).toBe(403);
    expect((await call('POST', '/api/repos/move', {fromRepo: 'not-a-repo-id', toRepo: `${NS}/x`})).status).toBe(400);
  });
});
