// `troubleshoot` in-process: file, stdin, TTY hint, --json, and --job against a sandbox job.
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {viaMain} from '../helpers/command.js';
import {createHubClient} from '../../src/core/hub/client.js';
import {useSandbox} from '../helpers/sandbox.js';
import {makeIo} from './helpers-auth.js';
import {shellSplit} from '../../src/core/jobspec/shell.js';

const troubleshoot = viaMain('troubleshoot');

const sb = useSandbox();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-ts-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

async function finalStage(client: ReturnType<typeof createHubClient>, id: string): Promise<string> {
  for (let n = 0; n < 200; n++) {
    const j = (await client.getJob('practice-user', id)) as unknown as {status: {stage: string}};
    if (j.status.stage !== 'RUNNING' && j.status.stage !== 'SCHEDULING') return j.status.stage;
    await new Promise((r) => setTimeout(r, 100));
  }
  return 'RUNNING';
}

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
    // The second tier's answer is in --json as "guess"; the help names it and says it is only a best guess.
    expect(h.out()).toContain('"guess"');
    expect(h.out()).toMatch(/best guess/);
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
    await writeFile(
      join(dir, 'err.txt'),
      'requests.exceptions.HTTPError: 403 Client Error: Forbidden for url: https://huggingface.co/api/repos/create\n',
    );
    const i = io({tty: true});
    expect(await troubleshoot(['err.txt', '--json'], i)).toBe(0);
    const out = JSON.parse(i.out());
    expect(out).toMatchObject({problem: 'forbidden-403'});
    for (const k of ['problem', 'title', 'evidence', 'causes', 'solutions', 'checks']) expect(out).toHaveProperty(k);
  });

  it("--json's top-level causes are the report's: the sandbox's own cause of a failed script only on the sandbox", async () => {
    await writeFile(
      join(dir, 'module.txt'),
      "Traceback (most recent call last):\nModuleNotFoundError: No module named 'pandas'\n===== Job finished: status=ERROR =====\n",
    );
    const hub = io({tty: true});
    expect(await troubleshoot(['module.txt', '--json', '--offline'], hub)).toBe(0);
    const out = JSON.parse(hub.out());
    expect(out.problem).toBe('job-script-failed');
    expect(out.causes.join('\n')).not.toMatch(/sandbox Hub only/);
    expect(out.causes).toEqual(out.report.causes.map((c: {text: string}) => c.text));
    const onSandbox = io({tty: true});
    expect(await troubleshoot(['module.txt', '--json', '--offline', '--endpoint', sb.current.url], onSandbox)).toBe(0);
    expect(JSON.parse(onSandbox.out()).causes.join('\n')).toMatch(/sandbox Hub only/);
  });

  it('a pasted script failure is answered from its own words: the missing module and the dependency to add', async () => {
    await writeFile(
      join(dir, 'cv2.txt'),
      "Traceback (most recent call last):\nModuleNotFoundError: No module named 'cv2'\n",
    );
    for (const args of [
      ['cv2.txt', '--json'],
      ['cv2.txt', '--json', '--offline'],
    ]) {
      const i = io({tty: true});
      expect(await troubleshoot(args, i)).toBe(0);
      const report = JSON.parse(i.out()).report;
      expect(report.actual?.id).toBe('missing-dependency');
      expect(report.findings.map((f: {text: string}) => f.text).join('\n')).toContain('Add "opencv-python"');
      expect(report.findings.map((f: {text: string}) => f.text).join('\n')).not.toContain('No token');
    }
  });

  it('text and --json render one report: the text is the lines of the report, and a pasted text offers no "run the job again"', async () => {
    await writeFile(
      join(dir, 'err500.txt'),
      "httpx.HTTPStatusError: Server error '500 Internal Server Error' for url 'https://huggingface.co/api/jobs/alice'\n",
    );
    const j = io({tty: true});
    expect(await troubleshoot(['err500.txt', '--json'], j)).toBe(0);
    const report = JSON.parse(j.out()).report;
    expect(report).toMatchObject({problem: 'server-error', origin: 'pasted'});
    expect(report.actions.map((a: {id: string}) => a.id)).not.toContain('retry');
    const t = io({tty: true});
    expect(await troubleshoot(['err500.txt'], t)).toBe(0);
    const {reportLines} = await import('../../src/core/troubleshoot/report.js');
    expect(t.out().trimEnd()).toBe(reportLines(report).join('\n'));
  });

  it("a text no rule knows gets the second tier's best guess, said so in --json and in text", async () => {
    await writeFile(join(dir, 'guess.txt'), 'ConnectionResetError while reading the dataset shards from the mirror\n');
    const j = io({tty: true});
    expect(await troubleshoot(['guess.txt', '--json', '--offline'], j)).toBe(0);
    const out = JSON.parse(j.out());
    expect(out).toMatchObject({problem: 'network-error', guess: {}, report: {confidence: 'guess'}});
    const t = io({tty: true});
    expect(await troubleshoot(['guess.txt', '--offline'], t)).toBe(0);
    expect(t.out()).toContain('? Best guess: ');
    expect(t.out()).toContain('No rule recognised this text');
  });

  it('--job with no token names the login for the Hub it asks (--endpoint), not a login to huggingface.co', async () => {
    const t = io({tty: true});
    expect(
      await troubleshoot(['--job', 'practice-user/6650f0c2a1b2c3d4e5f60718', '--endpoint', sb.current.url], t),
    ).toBe(1);
    expect(t.err()).toContain(
      `log in first (\`npx hf-jobs-wizard login --endpoint ${sb.current.url}\`) or set HF_TOKEN`,
    );
  });

  it('a file that is not there is said in words, not as an errno code', async () => {
    const t = io({tty: true});
    expect(await troubleshoot(['no-such-error.txt'], t)).toBe(2);
    expect(t.err()).toContain('cannot read no-such-error.txt: no such file.');
    expect(t.err()).not.toContain('ENOENT');
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
    const job = await client.runJob('practice-user', {
      dockerImage: 'python:3.12',
      command: ['python3', '-c', 'import os; os.environ["HF_TOKEN"]'],
      flavor: 'cpu-basic',
      environment: {},
    } as never);
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
    expect(out.report).toMatchObject({
      origin: 'job',
      actual: {id: 'no-token-in-job'},
      job: {namespace: 'practice-user', id: job.id, stage: 'ERROR'},
    });
    // "Run the job again" gives the command that does it: the same image, flavor and command, with the fix the
    // diagnosis names (HF_TOKEN as a secret), against this Hub.
    const retry = out.report.actions.find((a: {id: string}) => a.id === 'retry');
    expect(retry.label).toBe('Run the job again, with HF_TOKEN passed as a secret (the hf CLI)');
    expect(retry.command).toBe(
      `HF_ENDPOINT=${sb.current.url} hf jobs run --flavor cpu-basic --timeout 30m --secrets HF_TOKEN -- python:3.12 python3 -c 'import os; os.environ["HF_TOKEN"]'`,
    );
    // Run as the hf CLI would submit it (its words after `--` are the image and the command; --secrets HF_TOKEN is
    // the login's token), the job now completes: the command is the fix, not the same failure again.
    const words = shellSplit(retry.command.replace(/^HF_ENDPOINT=\S+ /, ''));
    const again = await client.runJob('practice-user', {
      dockerImage: words[words.indexOf('--') + 1]!,
      command: words.slice(words.indexOf('--') + 2),
      flavor: words[words.indexOf('--flavor') + 1]!,
      secrets: {[words[words.indexOf('--secrets') + 1]!]: sb.current.tokens.write},
    } as never);
    expect(await finalStage(client, again.id)).toBe('COMPLETED');
    const text = io({tty: true}, {HF_TOKEN: sb.current.tokens.write});
    expect(await troubleshoot(['--job', `practice-user/${job.id}`, '--endpoint', sb.current.url], text)).toBe(0);
    expect(text.out()).toContain(
      `Run the job again, with HF_TOKEN passed as a secret (the hf CLI): \`${retry.command}\``,
    );
    expect(i.out()).not.toContain(sb.current.tokens.write);
  });

  it('--job on a job in an org: the command to run it again names its namespace; a token in its env becomes a secret', async () => {
    const client = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    const job = await client.runJob('practice-user', {
      dockerImage: 'python:3.12',
      command: ['python3', '-c', 'import sys; sys.exit(3)'],
      flavor: 'cpu-basic',
      environment: {MODE: 'fast run', HF_TOKEN: sb.current.tokens.write},
    } as never);
    await finalStage(client, job.id);
    const i = io({tty: true}, {HF_TOKEN: sb.current.tokens.read});
    expect(await troubleshoot(['--job', `practice-user/${job.id}`, '--endpoint', sb.current.url, '--json'], i)).toBe(0);
    const retry = JSON.parse(i.out()).report.actions.find((a: {id: string}) => a.id === 'retry');
    // The read token's user is someone else (or the same user: then no --namespace); either way no token in the command.
    expect(retry.command).toContain(`-e 'MODE=fast run' --secrets HF_TOKEN`);
    expect(retry.command).toMatch(/python:3\.12 python3 -c 'import sys; sys\.exit\(3\)'$/);
    expect(i.out()).not.toContain(sb.current.tokens.write);
    expect(i.out()).not.toContain(sb.current.tokens.read);
  });

  it('--job on an org job canceled for credits: run again under the user, who can pay, not the same namespace', async () => {
    const client = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    const job = await client.runJob('practice-credits-run-out', {
      dockerImage: 'python:3.12',
      command: ['python3', '-c', 'import time; time.sleep(60)'],
      flavor: 'cpu-basic',
    } as never);
    for (let n = 0; n < 200; n++) {
      const j = (await client.getJob('practice-credits-run-out', job.id)) as unknown as {status: {stage: string}};
      if (j.status.stage !== 'RUNNING' && j.status.stage !== 'SCHEDULING') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const i = io({tty: true}, {HF_TOKEN: sb.current.tokens.write});
    const ref = `practice-credits-run-out/${job.id}`;
    expect(await troubleshoot(['--job', ref, '--endpoint', sb.current.url, '--json'], i)).toBe(0);
    const out = JSON.parse(i.out());
    expect(out.problem).toBe('payment-required');
    const retry = out.report.actions.find((a: {id: string}) => a.id === 'retry');
    expect(retry.label).toBe(
      'Run the job again, under your own namespace practice-user, which can pay (practice-credits-run-out could not) (the hf CLI)',
    );
    expect(retry.command).not.toContain('--namespace');
  }, 30_000);

  it('--job on a job that completed says there is nothing to fix', async () => {
    const client = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
    const job = await client.runJob('practice-user', {
      dockerImage: 'python:3.12',
      command: ['python3', '-c', 'print("all good")'],
      flavor: 'cpu-basic',
      environment: {},
    } as never);
    for (let n = 0; n < 100; n++) {
      const j = (await client.getJob('practice-user', job.id)) as unknown as {status: {stage: string}};
      if (j.status.stage !== 'RUNNING' && j.status.stage !== 'SCHEDULING') break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const i = io({tty: true}, {HF_TOKEN: sb.current.tokens.write});
    expect(await troubleshoot(['--job', `practice-user/${job.id}`, '--endpoint', sb.current.url], i)).toBe(0);
    expect(i.out()).toContain('COMPLETED');
    expect(i.out()).toContain('nothing to fix');
    expect(i.out()).not.toContain('probably in the script');
  });

  it('with a sandbox endpoint, the fixes name the practice tokens instead of huggingface.co settings', async () => {
    await writeFile(
      join(dir, 'err403.txt'),
      "403 Forbidden: You don't have the rights to create a model under this namespace\n",
    );
    const onHub = io({tty: true});
    expect(await troubleshoot(['err403.txt', '--json'], onHub)).toBe(0);
    expect(JSON.parse(onHub.out()).solutions.join('\n')).toContain('https://huggingface.co/settings/tokens');
    const onSandbox = io({tty: true});
    expect(await troubleshoot(['err403.txt', '--endpoint', sb.current.url], onSandbox)).toBe(0);
    // A sandbox reached by --endpoint is named by its URL (newcomer s10 A).
    expect(onSandbox.out()).toContain(`hf-jobs-wizard login --endpoint ${sb.current.url} --practice write`);
    expect(onSandbox.out()).not.toContain('--sandbox');
    expect(onSandbox.out()).not.toContain('huggingface.co/settings');
  });
});

describe('check --sandbox and troubleshoot --sandbox see the sandbox login (newcomer #2)', () => {
  it('after `login --sandbox --practice write`, check --sandbox is logged in and troubleshoot --sandbox --job diagnoses with that token', async () => {
    const {run: login} = await import('../../src/commands/login.js');
    const {run: check} = await import('../../src/commands/check.js');
    const {openSandboxSession} = await import('../../src/commands/hub-target.js');
    const home = await mkdtemp(join(tmpdir(), 'hfjw-ts-sb-'));
    try {
      const env = {HOME: home, XDG_CACHE_HOME: join(home, 'cache'), PATH: process.env.PATH ?? ''};
      expect(await login(['--sandbox', '--practice', 'write'], makeIo(env))).toBe(0);
      await writeFile(
        join(home, 'hf-job.json'),
        JSON.stringify({
          script: 'https://e.x/s.py',
          flavor: 'cpu-basic',
          timeout: '30m',
          secrets: {HF_TOKEN: '$HF_TOKEN'},
        }),
      );
      const c = makeIo(env);
      c.cwd = home;
      expect(await check(['hf-job.json', '--sandbox', '--json'], c)).toBe(0);
      const checks = JSON.parse(c.out()).checks as {id: string; status: string}[];
      expect(checks.find((x) => x.id === 'logged-in')?.status).toBe('pass');
      expect(checks.find((x) => x.id === 'token-valid')?.status).toBe('pass');

      // A failed job in the same persistent sandbox, submitted without the secret.
      const session = await openSandboxSession(env);
      let jobId = '';
      try {
        const client = createHubClient({hubUrl: session.endpoint, accessToken: session.tokens.write});
        const job = await client.runJob('practice-user', {
          dockerImage: 'python:3.12',
          command: ['python3', '-c', 'import os; os.environ["HF_TOKEN"]'],
          flavor: 'cpu-basic',
          environment: {},
        } as never);
        jobId = job.id;
        for (let n = 0; n < 100; n++) {
          const j = (await client.getJob('practice-user', job.id)) as unknown as {status: {stage: string}};
          if (j.status.stage !== 'RUNNING' && j.status.stage !== 'SCHEDULING') break;
          await new Promise((r) => setTimeout(r, 100));
        }
      } finally {
        await session.close();
      }
      const t = makeIo(env, {tty: true});
      expect(await troubleshoot(['--sandbox', '--job', `practice-user/${jobId}`, '--json'], t)).toBe(0);
      const out = JSON.parse(t.out());
      expect(out.problem).toBe('token-missing');
      expect(out.diagnosis.actual.id).toBe('no-token-in-job');
      // This sandbox lives only as long as the command: no `hf` command can reach it afterwards, so none is offered.
      expect(out.report.actions.map((a: {id: string}) => a.id)).not.toContain('retry');
      expect(out.diagnosis.findings.map((f: {text: string}) => f.text).join('\n')).not.toContain(
        'No token is in effect',
      );
      expect(t.out()).not.toMatch(/hf_[A-Za-z0-9]{30,}/);

      // Suggested commands can be pasted as printed after `npm start` (npx), and stay on the sandbox.
      await writeFile(join(home, 'err.txt'), "KeyError: 'HF_TOKEN'\n");
      const text = makeIo(env, {tty: true});
      text.cwd = home;
      expect(await troubleshoot(['err.txt', '--sandbox'], text)).toBe(0);
      expect(text.out()).toContain('(run `npx hf-jobs-wizard check --sandbox`)');
      expect(text.out()).not.toMatch(/(?<!npx )hf-jobs-wizard (check|status|login)\b/);

      // Nor a link to its pages: a 403's "Open the token page" pointed at the port that closed with the command.
      const forbidden = makeIo(env, {tty: true});
      await writeFile(
        join(home, '403.txt'),
        '403 Forbidden: You don\'t have the rights to create a model under the namespace "acme-org".\n',
      );
      forbidden.cwd = home;
      expect(await troubleshoot(['403.txt', '--sandbox', '--json'], forbidden)).toBe(0);
      const actions = JSON.parse(forbidden.out()).report.actions as {id: string; url?: string}[];
      expect(actions.map((a) => a.id)).toContain('re-login');
      expect(actions.filter((a) => a.url)).toEqual([]);

      const both = makeIo(env, {tty: true});
      expect(await troubleshoot(['--sandbox', '--endpoint', 'http://127.0.0.1:9', '-'], both)).toBe(2);
      const help = makeIo(env);
      expect(await troubleshoot(['--help'], help)).toBe(0);
      expect(help.out()).toContain('--sandbox');
      expect(help.out()).toContain('npx hf-jobs-wizard troubleshoot error.txt --json');
    } finally {
      await rm(home, {recursive: true, force: true});
    }
  });
});
