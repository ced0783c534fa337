// The learn command without a terminal: listing, usage errors, verify/run/hint/reset flags, progress on disk.
import {mkdtempSync} from 'node:fs';
import {mkdir, mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {afterAll, afterEach, beforeEach, describe, expect, it} from 'vitest';
import {LEARN_OPTIONS} from '../../src/commands/learn.js';
import {defaultSandboxDataDir} from '../../src/core/auth/sandbox-session.js';
import {defaultSandboxData} from '../../src/core/lessons/target.js';
import {viaMain} from '../helpers/command.js';
import {recordingStranger} from '../helpers/local-server.js';
import type {CommandIo} from '../../src/io.js';
import {useSandbox} from '../helpers/sandbox.js';

const run = viaMain('learn');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'learn-cmd-'));
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

async function learn(args: string[]): Promise<{code: number; stdout: string; stderr: string}> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c: Buffer) => (out += c.toString()));
  stderr.on('data', (c: Buffer) => (err += c.toString()));
  const stdin = new PassThrough();
  const io: CommandIo = {
    stdout,
    stderr,
    stdin,
    env: {XDG_CONFIG_HOME: join(dir, 'config'), XDG_STATE_HOME: join(dir, 'state'), HOME: dir},
    cwd: dir,
  };
  const code = await run(args, io);
  return {code, stdout: out, stderr: err};
}

describe('learn without a terminal', () => {
  it('--help lists every flag the command accepts, with its short form', async () => {
    const r = await learn(['--help']);
    expect(r.code).toBe(0);
    for (const [name, spec] of Object.entries(LEARN_OPTIONS)) {
      expect(r.stdout, name).toMatch(
        new RegExp(`^\\s+(?:LESSON )?${'short' in spec ? `-${spec.short}, ` : ''}--${name}\\b`, 'm'),
      );
    }
    expect(r.stdout).toContain('Exit codes:');
  });
  it('lists the lessons, names the flags and exits 2', async () => {
    const r = await learn([]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('needs a terminal');
    expect(r.stderr).toContain('1. What a token is');
    expect(r.stderr).toContain('learn LESSON --verify EXERCISE');
  });

  it("uses the wizard's sandbox folder; an earlier learn sandbox is kept, and said so once", async () => {
    const env = {HOME: dir, XDG_STATE_HOME: join(dir, 'state')};
    expect(defaultSandboxData(env)).toBe(defaultSandboxDataDir(env));
    expect(defaultSandboxData(env)).toBe(join(dir, '.cache', 'hf-jobs-wizard', 'sandbox-data'));
    const earlier = join(dir, 'state', 'hf-jobs-wizard', 'learn-sandbox');
    await mkdir(earlier, {recursive: true});
    await writeFile(join(earlier, 'accounts.json'), '{"tokens": []}');
    const first = await learn(['tokens']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`learn now uses the same sandbox as the wizard (${defaultSandboxData(env)})`);
    expect(first.stderr).toContain(`npx hf-jobs-wizard learn --sandbox-data ${earlier}`);
    expect(await readFile(join(earlier, 'accounts.json'), 'utf8')).toBe('{"tokens": []}');
    const second = await learn(['tokens']);
    expect(second.code).toBe(0);
    expect(second.stderr).not.toContain('learn now uses');
  });

  it('prints a lesson as text and its exercises', async () => {
    const r = await learn(['2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Giving a job its token');
    expect(r.stdout).toContain('move-token-to-secrets');
    expect(r.stdout).not.toContain('\x1b[');
  });

  it('rejects bad input with one clear line and exit 2', async () => {
    expect((await learn(['--bogus'])).code).toBe(2);
    const unknown = await learn(['nope']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no lesson "nope"');
    const ex = await learn(['tokens', '--verify', 'nope']);
    expect(ex.stderr).toContain('has no exercise "nope"');
    expect((await learn(['tokens', '--verify', 'token-kinds'])).stderr).toContain('needs --answers');
    expect((await learn(['tokens', '--verify', 'token-kinds', '--answers', 'z9'])).stderr).toContain(
      'is not an answer',
    );
    expect((await learn(['--endpoint', 'http://127.0.0.1:1'])).stderr).toContain('give --sandbox-data DIR too');
    expect((await learn(['job-token', '--reset', 'move-token-to-secrets'])).stderr).toContain('--yes');
  });

  it('verifies a quiz from --answers and saves progress atomically', async () => {
    const wrong = await learn(['tokens', '--verify', 'token-kinds', '--answers', 'b,b,b', '--json']);
    expect(wrong.code).toBe(1);
    const w = JSON.parse(wrong.stdout) as {passed: boolean; items: {ok: boolean; text: string}[]};
    expect(w.passed).toBe(false);
    expect(w.items[0]!.text).toContain('could also delete');
    const right = await learn(['tokens', '--verify', 'token-kinds', '--answers', 'a,b,b']);
    expect(right.code).toBe(0);
    expect(right.stdout).toContain('Reference solution');
    const progress = JSON.parse(await readFile(join(dir, 'config', 'hf-jobs-wizard', 'progress.json'), 'utf8')) as {
      lessons: Record<string, {exercises: Record<string, {done: boolean}>}>;
    };
    expect(progress.lessons.tokens!.exercises['token-kinds']!.done).toBe(true);
    expect((await learn(['--list', '--json'])).stdout).toContain('"done":true');
  });

  it('fix-the-file: start copies the files, verify fails, the learner edits, verify passes; reset brings it back', async () => {
    const start = await learn(['job-token', '--start', 'move-token-to-secrets']);
    expect(start.code).toBe(0);
    const file = join(dir, 'hf-jobs-lessons', '02-giving-a-job-its-token', 'move-token-to-secrets', 'hf-job.json');
    expect(start.stdout).toContain('hf-job.json');
    const before = await learn(['job-token', '--verify', 'move-token-to-secrets', '--json']);
    expect(before.code).toBe(1);
    expect(JSON.parse(before.stdout).checks.find((c: {id: string}) => c.id === 'token-in-env').status).not.toBe('pass');
    // The learner's edit: by hand, not by copying the solution.
    const config = JSON.parse(await readFile(file, 'utf8')) as {
      env: Record<string, string>;
      secrets: Record<string, string>;
    };
    config.secrets.HF_TOKEN = config.env.HF_TOKEN!;
    delete config.env.HF_TOKEN;
    await writeFile(file, JSON.stringify(config));
    const after = await learn(['job-token', '--verify', 'move-token-to-secrets']);
    expect(after.stdout).toContain('PASS');
    expect(after.code).toBe(0);
    expect((await learn(['job-token', '--hint', 'move-token-to-secrets'])).stdout).toContain('Hint 1 of 2');
    expect((await learn(['job-token', '--reset', 'move-token-to-secrets', '--yes'])).code).toBe(0);
    expect(await readFile(file, 'utf8')).toContain('"env": {\n    "HF_TOKEN"');
    expect((await learn(['job-token', '--verify', 'move-token-to-secrets'])).code).toBe(1);
  });

  it('a broken JSON edit is reported, not a crash', async () => {
    await learn(['job-token', '--start', 'move-token-to-secrets']);
    await writeFile(
      join(dir, 'hf-jobs-lessons', '02-giving-a-job-its-token', 'move-token-to-secrets', 'hf-job.json'),
      '{"secrets": {"HF_TOKEN": "$HF_TOKEN",}}',
    );
    const r = await learn(['job-token', '--verify', 'move-token-to-secrets']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('Not yet');
  });
});

describe('live exercises through the flags, on a workshop sandbox (--endpoint + --sandbox-data)', () => {
  // As a workshop runs it: `sandbox --data DIR`, a folder kept across restarts (its owner.json proves who serves it).
  const workshop = mkdtempSync(join(tmpdir(), 'learn-workshop-'));
  const sandbox = useSandbox({dataDir: join(workshop, 'data')});
  afterAll(async () => {
    await rm(workshop, {recursive: true, force: true});
  });
  it('run with the read token (403), then with fine-grained; verify passes; runs on another sandbox do not count', async () => {
    const endpoint = ['--endpoint', sandbox.current.url, '--sandbox-data', sandbox.current.dataDir];
    const first = await learn(['errors', '--run', 'forbidden-then-fixed', '--token', 'read', ...endpoint]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('403');
    expect(first.stdout).not.toContain(sandbox.current.tokens.read);
    expect((await learn(['errors', '--verify', 'forbidden-then-fixed', ...endpoint])).code).toBe(1);
    const second = await learn(['errors', '--run', 'forbidden-then-fixed', '--token', 'fine-grained', ...endpoint]);
    expect(second.stdout).toContain('COMPLETED');
    const ok = await learn(['errors', '--verify', 'forbidden-then-fixed', '--json', ...endpoint]);
    expect(JSON.parse(ok.stdout).passed).toBe(true);
    // Without --sandbox-data: the sandbox names its folder, proves it serves it, and the same run counts.
    const byUrl = await learn([
      'errors',
      '--verify',
      'forbidden-then-fixed',
      '--json',
      '--endpoint',
      sandbox.current.url,
    ]);
    expect(JSON.parse(byUrl.stdout).passed).toBe(true);
    // The learner's own default sandbox has none of these jobs: runs count only on the sandbox they ran on.
    expect((await learn(['errors', '--verify', 'forbidden-then-fixed'])).stdout).toContain('No job run yet');
  });

  it('the workflow exercise as a learner does it: run as is (token missing), fix the config, run again', async () => {
    const endpoint = ['--endpoint', sandbox.current.url, '--sandbox-data', sandbox.current.dataDir];
    await learn(['workflow', '--start', 'push-dataset']);
    const missing = await learn(['workflow', '--run', 'push-dataset', '--token', 'write', ...endpoint]);
    expect(missing.stdout).toContain('HF_TOKEN is missing');
    expect(missing.stdout).toContain('ERROR');
    const file = join(dir, 'hf-jobs-lessons', '07-full-workflow', 'push-dataset', 'hf-job.json');
    const config = JSON.parse(await readFile(file, 'utf8')) as {secrets: Record<string, string>};
    config.secrets = {HF_TOKEN: '$HF_TOKEN'};
    await writeFile(file, JSON.stringify(config, null, 2));
    expect((await learn(['workflow', '--run', 'push-dataset', '--token', 'fine-grained', ...endpoint])).code).toBe(0);
    const verified = await learn(['workflow', '--verify', 'push-dataset', ...endpoint]);
    expect(verified.stdout).toContain('README.md, data/train.csv');
    expect(verified.code).toBe(0);
  });
});

describe('learn --endpoint sends the practice tokens only to the sandbox serving --sandbox-data', () => {
  const workshop = mkdtempSync(join(tmpdir(), 'learn-stopped-'));
  const sandbox = useSandbox({dataDir: join(workshop, 'data')});
  afterAll(async () => {
    await rm(workshop, {recursive: true, force: true});
  });

  it('the sandbox stopped and another program holds an address: refused before any token is sent', async () => {
    // Another local program listening where learn is pointed (the port of a sandbox that stopped, reused; or a typo):
    // before, `learn --run` posted the job to it with the folder's write token (which works again when the sandbox
    // is started on the same folder, and runs jobs as this user).
    const other = await recordingStranger();
    const {url, seen} = other;
    try {
      const endpoint = ['--endpoint', url, '--sandbox-data', sandbox.current.dataDir];
      await learn(['verify', '--start', 'least-privilege']);
      for (const args of [
        ['verify', '--run', 'least-privilege', '--token', 'write'],
        ['verify', '--verify', 'least-privilege'],
      ]) {
        const r = await learn([...args, ...endpoint]);
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`No sandbox serving ${sandbox.current.dataDir} answers at ${url}`);
        expect(r.stderr).toContain('were not sent');
      }
      expect(seen.length).toBeGreaterThan(0);
      expect(seen.filter((h) => h.authorization)).toEqual([]);
      // The sandbox that serves the folder proves it, and the same run goes through.
      const ok = await learn([
        'verify',
        '--run',
        'least-privilege',
        '--token',
        'write',
        '--endpoint',
        sandbox.current.url,
        '--sandbox-data',
        sandbox.current.dataDir,
      ]);
      expect(ok.stdout).toContain('COMPLETED');
    } finally {
      await other.close();
    }
  });
});

describe('read-only learn commands do not pin the workspace (newcomer #9)', () => {
  it('--list writes no workspace; starting an exercise decides it, says so, and remembers it', async () => {
    const progressFile = join(dir, 'config', 'hf-jobs-wizard', 'progress.json');
    const readWorkspace = async () => {
      try {
        return (JSON.parse(await readFile(progressFile, 'utf8')) as {workspace?: string}).workspace;
      } catch {
        return undefined;
      }
    };
    expect((await learn(['--list'])).code).toBe(0);
    expect((await learn(['--list', '--json'])).code).toBe(0);
    expect(await readWorkspace()).toBeUndefined();
    const start = await learn(['job-token', '--start', 'move-token-to-secrets']);
    expect(start.code).toBe(0);
    expect(start.stdout).toContain(
      `(Exercise files go under ${join(dir, 'hf-jobs-lessons')}, remembered for later sessions`,
    );
    expect(await readWorkspace()).toBe(join(dir, 'hf-jobs-lessons'));
    const again = await learn(['job-token', '--start', 'move-token-to-secrets']);
    expect(again.stdout).not.toContain('Exercise files go under');
  });

  it('a quiz says how to start it', async () => {
    const r = await learn(['1', '--start', '1']);
    expect(r.stdout).toMatch(/\d+ questions\. Answer them all at once with --verify and --answers/);
  });
});
