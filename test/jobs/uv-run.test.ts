// `hf jobs uv run script.py`'s request sequence (huggingface_hub 1.13+), replayed with @huggingface/hub against the
// sandbox: private bucket jobs-artifacts (409 when it exists), Xet upload into {YYYYMMDDTHHMMSS}-{hex6}/, then a job
// running `uv run /data/script.py` with that folder mounted read-write at /data.
import {spawnSync} from 'node:child_process';
import {downloadFile, getJob, listFiles, runJob} from '@huggingface/hub';
import {describe, expect, it} from 'vitest';
import {artifactsFolder, submitLikeUvRun} from '../../src/core/hub/uv-run.js';
import {findInterpreters} from '../../src/sandbox/jobs/images.js';
import {useSandbox} from '../helpers/sandbox.js';
import {NS, collectLogs, ownLines, waitForStage} from './helpers.js';

const hasUv = spawnSync('uv', ['--version'], {stdio: 'ignore'}).status === 0;
const hasPython = spawnSync('python3', ['--version'], {stdio: 'ignore'}).status === 0;

const SCRIPT = [
  '# /// script',
  '# dependencies = []',
  '# ///',
  'import os, sys',
  'out = sys.argv[1]',
  'open(out, "w").write("token present: " + str("HF_TOKEN" in os.environ))',
  'print("saved", os.path.basename(out))',
  '',
].join('\n');

describe('hf jobs uv run, replayed', () => {
  const sb = useSandbox();

  it('names the per-job folder as huggingface_hub does', () => {
    expect(artifactsFolder(new Date('2026-02-06T17:37:57.123Z'), 'a1b2c3')).toBe('20260206T173757-a1b2c3');
    expect(artifactsFolder()).toMatch(/^\d{8}T\d{6}-[0-9a-f]{6}$/);
  });

  it('sends bucket, Xet upload and job requests that all succeed, and the job sees its script at /data', async () => {
    const requests: string[] = [];
    const recording: typeof fetch = async (input, init) => {
      const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
      const res = await fetch(input, init);
      requests.push(`${init?.method ?? 'GET'} ${url.pathname.replace(/[0-9a-f]{64}/, '<hash>')} ${res.status}`);
      return res;
    };
    const hub = {hubUrl: sb.current.url, accessToken: sb.current.tokens.write};
    const first = await submitLikeUvRun({
      ...hub,
      namespace: NS,
      script: {name: 'train job.py', content: new Blob([SCRIPT])},
      scriptArgs: ['/data/result.txt'],
      secrets: {HF_TOKEN: sb.current.tokens.write},
      fetch: recording,
    });
    expect(first.createdBucket).toBe(true);
    expect(first.command).toEqual(['uv', 'run', '/data/train_job.py', '/data/result.txt']);
    const bucketRoute = `/api/buckets/${NS}/jobs-artifacts`;
    expect(requests).toEqual([
      `POST ${bucketRoute} 200`,
      `GET ${bucketRoute}/xet-write-token 200`,
      // The client asks whether the first chunk is known anywhere (global dedup); the sandbox keeps no such index.
      'GET /_xet/v1/chunks/default/<hash> 404',
      'POST /_xet/v1/xorbs/default/<hash> 200',
      'POST /_xet/v1/shards 200',
      `POST ${bucketRoute}/batch 200`,
      `POST /api/jobs/${NS} 200`,
    ]);
    const bucketInfo = await (
      await fetch(`${sb.current.url}${bucketRoute}`, {headers: {Authorization: `Bearer ${hub.accessToken}`}})
    ).json();
    expect(bucketInfo.private).toBe(true);
    const job = await getJob({...hub, namespace: NS, jobId: first.job.id});
    expect(job.volumes).toEqual([
      {type: 'bucket', source: `${NS}/jobs-artifacts`, mountPath: '/data', path: first.folder, readOnly: false},
    ]);

    // Again: the bucket exists (409, ignored as create_bucket(exist_ok=True) does) and a new folder is used.
    requests.length = 0;
    const second = await submitLikeUvRun({
      ...hub,
      namespace: NS,
      script: {name: 'train job.py', content: new Blob([SCRIPT])},
      fetch: recording,
    });
    expect(second.createdBucket).toBe(false);
    expect(requests[0]).toBe(`POST ${bucketRoute} 409`);
    expect(second.folder).not.toBe(first.folder);
    const paths: string[] = [];
    for await (const f of listFiles({...hub, repo: `buckets/${NS}/jobs-artifacts`, recursive: true}))
      if (f.type === 'file') paths.push(f.path);
    expect(paths).toEqual(expect.arrayContaining([`${first.folder}/train_job.py`, `${second.folder}/train_job.py`]));

    const done = await waitForStage(hub, first.job.id, undefined, 60_000);
    const logs = await collectLogs(hub, first.job.id);
    if (hasUv || hasPython) {
      // With uv, or without it through the sandbox's `uv run` stand-in (python3: the script needs no dependencies).
      expect(
        logs.some((l) =>
          l.startsWith(`[sandbox] volume bucket ${NS}/jobs-artifacts (folder ${first.folder}) -> /data: 1 file copied`),
        ),
      ).toBe(true);
      expect(done.status.stage, logs.join('\n')).toBe('COMPLETED');
      expect(ownLines(logs)).toContain('saved result.txt');
      if (!hasUv)
        expect(logs).toContain(
          `[sandbox] uv is not installed on this machine: \`uv run\` runs with python3 (${(await findInterpreters()).python3}).`,
        );
    } else {
      expect(done.status.stage).toBe('ERROR');
      expect(done.status.message).toMatch(/needs uv/);
    }
  }, 120_000);

  it.skipIf(!hasPython)(
    'runs the uploaded script from /data with python3 and its output lands in the bucket folder',
    async () => {
      const hub = {hubUrl: sb.current.url, accessToken: sb.current.tokens.write};
      const {folder, job: uvJob} = await submitLikeUvRun({
        ...hub,
        namespace: NS,
        script: {name: 'job.py', content: new Blob([SCRIPT])},
        scriptArgs: ['/data/result.txt'],
      });
      // That job (no secrets) writes the same file when it runs (with uv or the sandbox's stand-in): let it end first.
      await waitForStage(hub, uvJob.id, undefined, 60_000);
      // The same volume and script, run by python3 (the uv image needs uv, absent on some machines).
      const job = await runJob({
        ...hub,
        namespace: NS,
        dockerImage: 'python:3.12',
        command: ['python3', '/data/job.py', '/data/result.txt'],
        flavor: 'cpu-basic',
        secrets: {HF_TOKEN: hub.accessToken},
        volumes: [{source: `buckets/${NS}/jobs-artifacts`, mountPath: '/data', path: folder, readOnly: false}],
      } as Parameters<typeof runJob>[0]);
      const done = await waitForStage(hub, job.id, undefined, 60_000);
      const logs = await collectLogs(hub, job.id);
      expect(done.status.stage, logs.join('\n')).toBe('COMPLETED');
      expect(ownLines(logs)).toEqual(['saved result.txt']);
      const result = await downloadFile({...hub, repo: `buckets/${NS}/jobs-artifacts`, path: `${folder}/result.txt`});
      expect(await result!.text()).toBe('token present: True');
    },
    120_000,
  );
});
