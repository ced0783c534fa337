// One owner per sandbox data folder (issue 10): a second process that opens the same folder talks to the running
// sandbox instead of serving it too, so it neither marks the owner's running jobs ERROR nor loses its commits; a lock
// left by a dead process is taken over; an unusable folder (/proc/x) fails at once with a clear message.
import {execFileSync, spawn, type ChildProcess} from 'node:child_process';
import {existsSync} from 'node:fs';
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {createRepo, getJob, listFiles, runJob, uploadFile} from '@huggingface/hub';
import {afterAll, afterEach, beforeAll, describe, expect, it} from 'vitest';
import {viaMain} from '../helpers/command.js';
import {SandboxDataError, startSandbox, type SandboxHandle} from '../../src/sandbox/index.js';
import {ensureDataDir} from '../../src/sandbox/owner.js';
import {makeIo} from '../commands/helpers-auth.js';
import {NS, nodeJob, waitForStage} from '../jobs/helpers.js';

const sandboxCommand = viaMain('sandbox');

const CLI = join(process.cwd(), 'dist/cli.mjs');
const dirs: string[] = [];
const children: ChildProcess[] = [];
const handles: SandboxHandle[] = [];

async function freshDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'hf-sandbox-owner-'));
  dirs.push(dir);
  return join(dir, 'data');
}

async function open(dataDir: string, extra: Parameters<typeof startSandbox>[0] = {}): Promise<SandboxHandle> {
  const h = await startSandbox({dataDir, ...extra});
  handles.push(h);
  return h;
}

/** `hf-jobs-wizard sandbox --data DIR --json` in its own process: the folder's owner. */
async function ownerProcess(
  dataDir: string,
): Promise<{child: ChildProcess; info: {url: string; tokens: Record<string, string>}}> {
  const child = spawn(process.execPath, [CLI, 'sandbox', '--data', dataDir, '--json'], {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {...process.env, NO_COLOR: '1'},
  });
  children.push(child);
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => reject(new Error(`sandbox process printed nothing in 20 s: ${err}`)), 20_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.split('\n')[0]!);
      }
    });
    child.stderr!.on('data', (d: Buffer) => (err += d.toString()));
    child.on('exit', (code) => reject(new Error(`sandbox process exited ${code}: ${err}`)));
  });
  return {child, info: JSON.parse(line) as {url: string; tokens: Record<string, string>}};
}

beforeAll(() => {
  if (!existsSync(CLI)) execFileSync(process.execPath, ['scripts/build.mjs']);
}, 60_000);

afterEach(async () => {
  for (const h of handles.splice(0)) await h.close();
  for (const c of children.splice(0)) {
    if (c.exitCode === null && c.signalCode === null) {
      const gone = new Promise((r) => c.once('exit', r));
      c.kill('SIGINT');
      await gone;
    }
  }
});

afterAll(async () => {
  for (const d of dirs) await rm(d, {recursive: true, force: true});
});

describe('one owner per sandbox data folder', () => {
  it("a second process on the folder talks to the running sandbox: same URL, the owner's running job stays RUNNING, 40 concurrent commits from two handles all land", async () => {
    const dataDir = await freshDir();
    const {child, info} = await ownerProcess(dataDir);
    const a = await open(dataDir);
    const b = await open(dataDir);
    expect(a.url).toBe(info.url);
    expect(b.url).toBe(info.url);
    expect(a.ownerPid).toBe(child.pid);
    expect(a.tokens.write).toBe(info.tokens.write);
    expect(a.formKey).toMatch(/^[0-9a-f]{48}$/);

    const hub = {hubUrl: a.url, accessToken: a.tokens.write};
    const job = await runJob({...hub, namespace: NS, ...nodeJob('setTimeout(() => console.log("done"), 2500)')});
    await waitForStage(hub, job.id, ['RUNNING']);
    // A third process-like open while the job runs: before, it loaded the jobs and marked this one ERROR on disk.
    const c = await open(dataDir);
    expect(c.url).toBe(info.url);
    expect((await getJob({...hub, namespace: NS, jobId: job.id})).status.stage).toBe('RUNNING');
    const onDisk = JSON.parse(await readFile(join(dataDir, 'jobs', job.id, 'job.json'), 'utf8').catch(() => '{}')) as {
      status?: {stage?: string};
    };
    expect(onDisk.status?.stage ?? 'RUNNING').not.toBe('ERROR');

    const repo = {type: 'dataset' as const, name: `${NS}/owner-commits`};
    await createRepo({...hub, repo});
    const n = 20;
    const uploads = [a, b].flatMap((h, which) =>
      Array.from({length: n}, (_, i) =>
        uploadFile({
          hubUrl: h.url,
          accessToken: h.tokens.write,
          repo,
          file: {path: `from-${which}/${i}.txt`, content: new Blob([`${which}-${i}`])},
        }),
      ),
    );
    await Promise.all(uploads);
    const paths: string[] = [];
    for await (const f of listFiles({...hub, repo, recursive: true})) if (f.type === 'file') paths.push(f.path);
    const landed = paths.filter((p) => /^from-[01]\/\d+\.txt$/.test(p));
    expect(landed).toHaveLength(2 * n);
    expect((await waitForStage(hub, job.id)).status.stage).toBe('COMPLETED');
  }, 60_000);

  it('`sandbox --data DIR` while another process serves DIR says where it runs instead of starting a second server', async () => {
    const dataDir = await freshDir();
    const owner = await open(dataDir);
    const io = makeIo({});
    expect(await sandboxCommand(['--data', dataDir], io)).toBe(1);
    expect(io.err()).toContain(`is already served by process ${process.pid} at ${owner.url}`);
    expect(io.err().split('\n').filter(Boolean)).toHaveLength(1);
  });

  it('a handle on the owner leaves it running when closed; once the owner closes, the next open serves the folder itself', async () => {
    const dataDir = await freshDir();
    const owner = await open(dataDir);
    const guest = await open(dataDir);
    expect(guest.url).toBe(owner.url);
    await guest.close();
    expect(
      (await fetch(`${owner.url}/api/whoami-v2`, {headers: {authorization: `Bearer ${owner.tokens.write}`}})).status,
    ).toBe(200);
    await owner.close();
    expect(existsSync(join(dataDir, 'owner.lock'))).toBe(false);
    const next = await open(dataDir);
    expect(next.ownerPid).toBeUndefined();
    expect(next.tokens.write).toBe(owner.tokens.write);
  });

  it('when the owner process is killed (SIGKILL), a process talking to it takes the folder over on the same URL within seconds', async () => {
    const dataDir = await freshDir();
    const {child, info} = await ownerProcess(dataDir);
    const guest = await open(dataDir);
    expect(guest.ownerPid).toBe(child.pid);
    const gone = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await gone;
    const t0 = Date.now();
    let status = 0;
    while (Date.now() - t0 < 8000) {
      status = await fetch(`${guest.url}/api/whoami-v2`, {
        headers: {authorization: `Bearer ${info.tokens.write}`},
        signal: AbortSignal.timeout(1000),
      }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect(guest.url).toBe(info.url);
    expect(guest.ownerPid).toBeUndefined();
    expect(JSON.parse(await readFile(join(dataDir, 'owner.json'), 'utf8'))).toMatchObject({
      pid: process.pid,
      url: info.url,
    });
    const repo = {type: 'dataset' as const, name: `${NS}/after-takeover`};
    await createRepo({hubUrl: guest.url, accessToken: guest.tokens.write, repo});
  }, 30_000);

  it('when the owner closes its sandbox, a handle on it takes over on the same URL', async () => {
    const dataDir = await freshDir();
    const owner = await startSandbox({dataDir});
    const guest = await open(dataDir);
    await owner.close();
    const t0 = Date.now();
    let status = 0;
    while (Date.now() - t0 < 8000) {
      status = await fetch(`${guest.url}/api/whoami-v2`, {
        headers: {authorization: `Bearer ${guest.tokens.write}`},
        signal: AbortSignal.timeout(1000),
      }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(status).toBe(200);
    expect(guest.url).toBe(owner.url);
    await guest.close();
    expect(existsSync(join(dataDir, 'owner.lock'))).toBe(false);
  }, 30_000);

  it('a lock left by a process that died (SIGKILL) is taken over', async () => {
    const dataDir = await freshDir();
    const first = await open(dataDir);
    const token = first.tokens.write;
    await first.close();
    const dead = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((r) => dead.on('exit', () => r(dead.pid!)));
    await writeFile(join(dataDir, 'owner.lock'), JSON.stringify({pid: deadPid, instance: 'gone'}));
    await writeFile(
      join(dataDir, 'owner.json'),
      JSON.stringify({pid: deadPid, instance: 'gone', url: 'http://127.0.0.1:9', formKey: 'x', startedAt: ''}),
    );
    const t0 = Date.now();
    const next = await open(dataDir);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(next.ownerPid).toBeUndefined();
    expect(next.tokens.write).toBe(token);
    expect(JSON.parse(await readFile(join(dataDir, 'owner.json'), 'utf8'))).toMatchObject({
      pid: process.pid,
      url: next.url,
    });
  });

  it('an owner that holds the lock but never answers: a bounded wait, then a clear error', async () => {
    const dataDir = await freshDir();
    await ensureDataDir(dataDir);
    await writeFile(join(dataDir, 'owner.lock'), JSON.stringify({pid: process.pid, instance: 'stuck'}));
    const t0 = Date.now();
    const error = await startSandbox({dataDir, ownerWaitMs: 600}).catch((e: unknown) => e);
    expect(Date.now() - t0).toBeLessThan(5000);
    expect(error).toBeInstanceOf(SandboxDataError);
    expect((error as Error).message).toContain(`held by process ${process.pid}, which does not answer`);
  });

  it.skipIf(process.platform !== 'linux' || !existsSync('/proc/self'))(
    '`sandbox --data /proc/x` fails at once with a clear message instead of hanging',
    async () => {
      const t0 = Date.now();
      const io = makeIo({});
      expect(await sandboxCommand(['--data', '/proc/x'], io)).toBe(1);
      expect(Date.now() - t0).toBeLessThan(5000);
      expect(io.err()).toBe(
        'hf-jobs-wizard sandbox: could not start: cannot use --data /proc/x (a part of the path cannot hold folders); pick a folder you can write to\n',
      );
    },
  );
});
