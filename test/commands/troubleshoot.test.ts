// `troubleshoot` in-process: file, stdin, TTY hint, --json, and --job against a sandbox job.
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {run as troubleshoot} from '../../src/commands/troubleshoot.js';
import {createHubClient} from '../../src/core/hub/client.js';
import {useSandbox} from '../helpers/sandbox.js';
import {makeIo} from './helpers-auth.js';

const sb = useSandbox();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-ts-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

function io(opts: {stdinText?: string; tty?: boolean} = {}, env: Record<string, string> = {}) {
  const i = makeIo({HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), ...env}, opts);
  i.cwd = dir;
  return i;
}

describe('troubleshoot command', () => {
  it('--help exits 0; two files is a usage error', async () => {
    const h = io({tty: true});
    expect(await troubleshoot(['--help'], h)).toBe(0);
    expect(h.out()).toContain('Usage: hf-jobs-wizard troubleshoot');
    const two = io({tty: true});
    expect(await troubleshoot(['a', 'b'], two)).toBe(2);
  });

  it('reads piped stdin and prints the problem, evidence, causes and fixes', async () => {
    const i = io({stdinText: "KeyError: 'HF_TOKEN'\n"});
    expect(await troubleshoot([], i)).toBe(0);
    expect(i.out()).toContain('[token-missing]');
    expect(i.out()).toContain("KeyError: 'HF_TOKEN'");
    expect(i.out()).toContain('--secrets HF_TOKEN');
  });

  it('reads a file; --json has the contract fields', async () => {
    await writeFile(join(dir, 'err.txt'), 'requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://huggingface.co/api/repos/create\n');
    const i = io({tty: true});
    expect(await troubleshoot(['err.txt', '--json'], i)).toBe(0);
    const out = JSON.parse(i.out());
    expect(out).toMatchObject({problem: 'forbidden-403'});
    for (const k of ['problem', 'title', 'evidence', 'causes', 'solutions', 'checks']) expect(out).toHaveProperty(k);
  });

  it('a TTY with nothing piped says how to paste instead of hanging; empty stdin too', async () => {
    const t = io({tty: true});
    expect(await troubleshoot([], t)).toBe(2);
    expect(t.err()).toContain('pipe the error in');
    const empty = io({stdinText: ''});
    expect(await troubleshoot([], empty)).toBe(2);
  });

  it('--job fetches a failed sandbox job, classifies its log and names the actual cause', async () => {
    const client = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    const job = await client.runJob('practice-user', {dockerImage: 'python:3.12', command: ['python3', '-c', 'import os; os.environ["HF_TOKEN"]'], flavor: 'cpu-basic', environment: {}} as never);
    for (let n = 0; n < 100; n++) {
      const j = (await client.getJob('practice-user', job.id)) as unknown as {status: {stage: string}};
      if (j.status.stage !== 'RUNNING' && j.status.stage !== 'SCHEDULING') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const i = io({tty: true}, {HF_TOKEN: sb.current.tokens.write});
    expect(await troubleshoot(['--job', `practice-user/${job.id}`, '--endpoint', sb.current.url, '--json'], i)).toBe(0);
    const out = JSON.parse(i.out());
    expect(out.problem).toBe('token-missing');
    expect(out.diagnosis.actual.id).toBe('no-token-in-job');
    expect(i.out()).not.toContain(sb.current.tokens.write);
  });

  it('with a sandbox endpoint, the fixes name the practice tokens instead of huggingface.co settings', async () => {
    await writeFile(join(dir, 'err403.txt'), "403 Forbidden: You don't have the rights to create a model under this namespace\n");
    const onHub = io({tty: true});
    expect(await troubleshoot(['err403.txt', '--json'], onHub)).toBe(0);
    expect(JSON.parse(onHub.out()).solutions.join('\n')).toContain('https://huggingface.co/settings/tokens');
    const onSandbox = io({tty: true});
    expect(await troubleshoot(['err403.txt', '--endpoint', sb.current.url], onSandbox)).toBe(0);
    expect(onSandbox.out()).toContain('hf-jobs-wizard login --sandbox --practice write');
    expect(onSandbox.out()).not.toContain('huggingface.co/settings');
  });
});
