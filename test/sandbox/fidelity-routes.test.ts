// Routes the real clients (huggingface_hub, hf, hfjs, the MCP hf_jobs tool) use beyond the basics, on a real sandbox:
// validate-yaml, the 409 with url, the commits list, paths-info, job labels/count/duplicate, the Jobs auth checks, 501s.
import {
  HubApiError,
  createRepo,
  duplicateJob,
  getJob,
  listCommits,
  listJobs,
  pathsInfo,
  runJob,
  uploadFile,
} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {jobsAuthCheck} from '../../src/core/hub/extra-routes.js';
import {useSandbox} from '../helpers/sandbox.js';
import {NS, collectLogs, nodeJob, ownLines, waitForStage} from '../jobs/helpers.js';

let counter = 0;
const fresh = () => `${NS}/fidelity-${Date.now().toString(36)}-${counter++}`;

describe('sandbox routes the real clients use', () => {
  const sb = useSandbox();
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
  const auth = (token = sb.current.tokens.write) => ({
    Authorization: `Bearer ${token}`,
    'Content-Type': 'application/json',
  });

  describe('POST /api/validate-yaml (huggingface_hub asks before every README.md commit)', () => {
    const validate = (content: string) =>
      fetch(`${sb.current.url}/api/validate-yaml`, {
        method: 'POST',
        headers: auth(),
        body: JSON.stringify({content, repoType: 'dataset'}),
      });

    it('answers 200 with no errors for a card with valid metadata', async () => {
      const card =
        '---\nlicense: mit\nlanguage:\n- en\ntags:\n  - jobs\ndataset_info:\n  features:\n  - name: text\n    dtype: string\n---\n# My dataset\n';
      const res = await validate(card);
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({errors: [], warnings: []});
    });

    it('warns, as the Hub does, when the card has no metadata', async () => {
      const res = await validate('# Just a title\n');
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        errors: [],
        warnings: [{message: 'empty or missing yaml metadata in repo card'}],
      });
    });

    it.each([
      ['an unterminated quote', '---\nlicense: "mit\n---\n', /unterminated quoted string/],
      ['a duplicated key', '---\nlicense: mit\nlicense: apache-2.0\n---\n', /duplicated mapping key "license"/],
      ['a line without a colon', '---\nlicense mit\n---\n', /could not find expected ':'/],
      ['tab indentation', '---\ntags:\n\t- a\n---\n', /tabs are not allowed/],
    ])('answers 400 with errors for %s', async (_what, card, message) => {
      const res = await validate(card);
      expect(res.status).toBe(400);
      const body = (await res.json()) as {error: string; errors: {message: string}[]};
      expect(body.errors[0]!.message).toMatch(message);
      expect(body.error).toMatch(/^Invalid metadata in README.md/);
    });

    it('refuses a body without content with 400', async () => {
      const res = await fetch(`${sb.current.url}/api/validate-yaml`, {
        method: 'POST',
        headers: auth(),
        body: JSON.stringify({repoType: 'model'}),
      });
      expect(res.status).toBe(400);
    });
  });

  it('answers a second create of the same repo with 409 and its url, as create_repo(exist_ok=True) expects', async () => {
    const name = fresh();
    const first = await createRepo({...hub(), repo: {type: 'dataset', name}});
    const res = await fetch(`${sb.current.url}/api/repos/create`, {
      method: 'POST',
      headers: auth(),
      body: JSON.stringify({name: name.split('/')[1], type: 'dataset'}),
    });
    expect(res.status).toBe(409);
    const body = (await res.json()) as {error: string; url: string};
    expect(body).toEqual({error: 'You already created this dataset repo', url: first.repoUrl});
  });

  it('lists commits newest first, paginated with a Link header that hfjs follows', async () => {
    const name = fresh();
    await createRepo({...hub(), repo: name});
    for (let i = 0; i < 5; i++)
      await uploadFile({
        ...hub(),
        repo: name,
        file: {path: `f${i}.txt`, content: new Blob([`${i}`])},
        commitTitle: `add f${i}`,
      });
    const first = await fetch(`${sb.current.url}/api/models/${name}/commits/main?limit=2`, {headers: auth()});
    expect(first.headers.get('link')).toMatch(
      /^<http:\/\/127\.0\.0\.1:\d+\/api\/models\/.+\/commits\/main\?limit=2&cursor=[^>]+>; rel="next"$/,
    );
    const page = (await first.json()) as {id: string; title: string; authors: {user: string}[]; date: string}[];
    expect(page.map((c) => c.title)).toEqual(['add f4', 'add f3']);
    expect(page[0]!.authors[0]!.user).toBe(NS);

    const titles: string[] = [];
    for await (const c of listCommits({...hub(), repo: name, batchSize: 2})) titles.push(c.title);
    expect(titles).toEqual(['add f4', 'add f3', 'add f2', 'add f1', 'add f0', 'initial commit']);
    const missing = await fetch(`${sb.current.url}/api/models/${name}/commits/no-such-branch`, {headers: auth()});
    expect(missing.status).toBe(404);
  });

  it('answers paths-info for files and folders (JSON from hfjs, a form from huggingface_hub), leaving out missing paths', async () => {
    const name = fresh();
    await createRepo({...hub(), repo: name});
    await uploadFile({...hub(), repo: name, file: {path: 'data/train.csv', content: new Blob(['a,b\n1,2\n'])}});
    const info = await pathsInfo({...hub(), repo: name, paths: ['data/train.csv', 'data', 'nope.txt'], expand: true});
    expect(info.map((p) => [p.path, p.type])).toEqual([
      ['data/train.csv', 'file'],
      ['data', 'directory'],
    ]);
    expect(info[0]).toMatchObject({size: 8});
    expect(info[0]!.lastCommit?.title).toBeTruthy();

    const form = await fetch(`${sb.current.url}/api/models/${name}/paths-info/main`, {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${sb.current.tokens.write}`,
        'Content-Type': 'application/x-www-form-urlencoded',
      },
      body: 'paths=data%2Ftrain.csv&paths=data&expand=False',
    });
    expect(form.status).toBe(200);
    const items = (await form.json()) as {path: string; type: string; oid: string}[];
    expect(items.map((i) => i.path)).toEqual(['data/train.csv', 'data']);
    expect(items[1]!.oid).toBe(info[1]!.oid);
  });

  describe('jobs: auth checks, count, labels, duplicate', () => {
    it('answers auth-check/write and auth-check/read with {namespace, user}, and 403 when not allowed', async () => {
      const write = (await jobsAuthCheck(
        {hubUrl: sb.current.url, accessToken: sb.current.tokens.write},
        NS,
        'write',
      )) as {namespace: {name: string; id: string}; user: {name: string}};
      expect(write.namespace.name).toBe(NS);
      expect(write.namespace.id).toMatch(/^[0-9a-f]{24}$/);
      expect(write.user.name).toBe(NS);
      const read = await jobsAuthCheck({hubUrl: sb.current.url, accessToken: sb.current.tokens.read}, NS, 'read');
      expect(read).toMatchObject({namespace: {name: NS}, user: {name: NS}});
      const refused = (await jobsAuthCheck(
        {hubUrl: sb.current.url, accessToken: sb.current.tokens.read},
        NS,
        'write',
      ).catch((e: unknown) => e)) as HubApiError;
      expect(refused).toBeInstanceOf(HubApiError);
      expect(refused.statusCode).toBe(403);
      const stranger = (await jobsAuthCheck(
        {hubUrl: sb.current.url, accessToken: sb.current.tokens.write},
        'practice-friend',
        'read',
      ).catch((e: unknown) => e)) as HubApiError;
      expect(stranger.statusCode).toBe(403);
    });

    it('lets a read token list and inspect jobs but not relabel them; counts the jobs', async () => {
      const job = await runJob({...hub(), namespace: NS, ...nodeJob('console.log("counted")')});
      await waitForStage(hub(), job.id);
      const asReader = {hubUrl: sb.current.url, accessToken: sb.current.tokens.read};
      const listed = await listJobs({...asReader, namespace: NS});
      expect(listed.map((j) => j.id)).toContain(job.id);
      expect((await getJob({...asReader, namespace: NS, jobId: job.id})).id).toBe(job.id);
      const count = (await (
        await fetch(`${sb.current.url}/api/jobs/${NS}/count`, {headers: auth(sb.current.tokens.read)})
      ).json()) as {count: number};
      expect(count.count).toBe(listed.length);
      const relabel = await fetch(`${sb.current.url}/api/jobs/${NS}/${job.id}/labels`, {
        method: 'PUT',
        headers: auth(sb.current.tokens.read),
        body: JSON.stringify({labels: {a: 'b'}}),
      });
      expect(relabel.status).toBe(403);
    });

    it('replaces labels with PUT …/labels and validates them like the Hub', async () => {
      const job = await runJob({...hub(), namespace: NS, ...nodeJob('1'), labels: {name: 'before', keep: 'no'}});
      const res = await fetch(`${sb.current.url}/api/jobs/${NS}/${job.id}/labels`, {
        method: 'PUT',
        headers: auth(),
        body: JSON.stringify({labels: {name: 'after', team: ''}}),
      });
      expect(res.status).toBe(200);
      expect(((await res.json()) as {labels: unknown}).labels).toEqual({name: 'after', team: ''});
      expect((await getJob({...hub(), namespace: NS, jobId: job.id})).labels).toEqual({name: 'after', team: ''});
      const withLabel = await listJobs({...hub(), namespace: NS, labels: {name: 'after'}} as Parameters<
        typeof listJobs
      >[0]);
      expect(withLabel.map((j) => j.id)).toContain(job.id);
      const bad = await fetch(`${sb.current.url}/api/jobs/${NS}/${job.id}/labels`, {
        method: 'PUT',
        headers: auth(),
        body: JSON.stringify({labels: {'bad key': 'x'}}),
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as {error: string}).error).toContain('Invalid label name "bad key"');
      const unknown = await fetch(`${sb.current.url}/api/jobs/${NS}/0123456789abcdef01234567/labels`, {
        method: 'PUT',
        headers: auth(),
        body: JSON.stringify({labels: {}}),
      });
      expect(unknown.status).toBe(404);
    });

    it('duplicates a job with hfjs: same spec, its secrets still given to the copy', async () => {
      const job = await runJob({
        ...hub(),
        namespace: NS,
        ...nodeJob(
          'const t = process.env.HF_TOKEN ?? ""; console.log("token " + (t ? t.slice(0, 3) + "…" + t.slice(-4) : "missing"))',
        ),
        secrets: {HF_TOKEN: sb.current.tokens.write},
        labels: {name: 'original'},
      });
      await waitForStage(hub(), job.id);
      const copy = await duplicateJob({...hub(), namespace: NS, jobId: job.id});
      expect(copy.id).not.toBe(job.id);
      expect(copy).toMatchObject({command: job.command, dockerImage: 'node:20-slim', labels: {name: 'original'}});
      const lines = ownLines(await collectLogs(hub(), copy.id));
      expect(lines).toEqual([`token hf_…${sb.current.tokens.write.slice(-4)}`]);
      expect((await waitForStage(hub(), copy.id)).status.stage).toBe('COMPLETED');
    });
  });

  it('answers a route it does not emulate with 501, a JSON error and X-Error-Message', async () => {
    const res = await fetch(`${sb.current.url}/api/spaces/${NS}/x/hardware`, {
      method: 'POST',
      headers: auth(),
      body: '{}',
    });
    expect(res.status).toBe(501);
    expect(res.headers.get('x-error-message')).toBe(
      `The sandbox Hub does not emulate POST /api/spaces/${NS}/x/hardware`,
    );
    expect(((await res.json()) as {error: string}).error).toContain('does not emulate');
  });
});
