// `check` in-process: exit codes, --json shape, the readable report, usage errors.
import {cp, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {viaMain} from '../helpers/command.js';
import {useSandbox} from '../helpers/sandbox.js';
import {makeIo} from './helpers-auth.js';

const check = viaMain('check');

const FIXTURE = join(import.meta.dirname, '../fixtures/checks/project');
const sb = useSandbox();
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-check-'));
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

function io(env: Record<string, string> = {}) {
  const i = makeIo({HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), ...env});
  i.cwd = dir;
  return i;
}

describe('check command', () => {
  it('--help exits 0; unknown flags and missing paths exit 2 with one line', async () => {
    const h = io();
    expect(await check(['--help'], h)).toBe(0);
    expect(h.out()).toContain('Usage: hf-jobs-wizard check');
    const bad = io();
    expect(await check(['--nope'], bad)).toBe(2);
    expect(bad.err().trim().split('\n')).toHaveLength(1);
    const missing = io();
    expect(await check(['no-such-dir'], missing)).toBe(2);
    expect(missing.err()).toContain('no such file or folder: no-such-dir');
  });

  it('a clean job with a valid sandbox token: exit 0, JSON shape exact', async () => {
    await writeFile(
      join(dir, 'hf-job.json'),
      JSON.stringify({
        script: 'https://e.x/s.py',
        flavor: 'cpu-basic',
        timeout: '30m',
        secrets: {HF_TOKEN: '$HF_TOKEN'},
      }),
    );
    const i = io({HF_TOKEN: sb.current.tokens.write});
    expect(await check(['--json', '--endpoint', sb.current.url], i)).toBe(0);
    const report = JSON.parse(i.out());
    expect(report.ok).toBe(true);
    expect(Object.keys(report).sort()).toEqual(['checks', 'ok', 'preflight']);
    // The job found gets a pre-flight: allowed, paid for, its price for its 30-minute timeout.
    expect(report.preflight).toHaveLength(1);
    expect(report.preflight[0]).toMatchObject({
      file: 'hf-job.json',
      report: {verdict: expect.stringMatching(/^(pass|warn)$/)},
    });
    expect(report.preflight[0].report.lines.find((l: {id: string}) => l.id === 'cost').message).toMatch(
      /^At most \$[\d.]+ for 30 min on cpu-basic/,
    );
    expect(report.checks.map((c: {id: string}) => c.id)).toEqual(
      expect.arrayContaining([
        'hardcoded-token',
        'token-valid',
        'token-permission',
        'repo-access',
        'env-token-override',
      ]),
    );
    expect(i.out()).not.toContain(sb.current.tokens.write);
  });

  it('every check passes but pre-flight fails (a namespace that cannot pay): the summary points at pre-flight, exit 1', async () => {
    await writeFile(
      join(dir, 'hf-job.json'),
      JSON.stringify({
        script: 'https://e.x/s.py',
        flavor: 'cpu-basic',
        timeout: '30m',
        namespace: 'practice-no-credits',
        secrets: {HF_TOKEN: '$HF_TOKEN'},
      }),
    );
    const i = io({HF_TOKEN: sb.current.tokens.write});
    expect(await check(['--endpoint', sb.current.url], i)).toBe(1);
    const out = i.out();
    expect(out).toMatch(
      /\n0 failed, \d+ warnings?, \d+ passed, \d+ skipped\. Pre-flight \(below\) says the Hub would refuse/,
    );
    expect(out).not.toContain('Fix the ✗ lines');
    expect(out).toContain('practice-no-credits cannot pay for Jobs');
  });

  it('the fixture project fails (exit 1) and the report shows ✗ lines with fix and file:line, no colour without a TTY', async () => {
    await cp(FIXTURE, dir, {recursive: true});
    const i = io({HF_TOKEN: sb.current.tokens.write});
    expect(await check(['--endpoint', sb.current.url], i)).toBe(1);
    const out = i.out();
    expect(out).toContain('[✗] No literal "$HF_TOKEN" outside the MCP tool  (run.sh:3)');
    expect(out).toContain('Fix: Use the bare form `--secrets HF_TOKEN`');
    expect(out).toContain('[!] Job scripts that write to the Hub read HF_TOKEN  (train.py:6)');
    expect(out).toContain('[✓] Token is valid');
    expect(out).not.toContain('\x1b[');
    expect(out).toMatch(/\d+ failed, \d+ warnings?, \d+ passed, \d+ skipped\./);
    expect(out).toMatch(/pre-flight before submitting:\n {2}Pre-flight: /);
  });

  it('pre-flight fails the check when the token may not run the job: a read token, exit 1, the ✗ line says why', async () => {
    await writeFile(
      join(dir, 'hf-job.json'),
      JSON.stringify({
        script: 'https://e.x/s.py',
        flavor: 'cpu-basic',
        timeout: '10m',
        secrets: {HF_TOKEN: '$HF_TOKEN'},
      }),
    );
    const i = io({HF_TOKEN: sb.current.tokens.read});
    expect(await check(['--endpoint', sb.current.url], i)).toBe(1);
    expect(i.out()).toMatch(/hf-job\.json:\d+ \(hf-job\.json\), pre-flight before submitting:/);
    expect(i.out()).toMatch(/✗ .*read token/);
    expect(i.out()).not.toContain(sb.current.tokens.read);
  });

  it('warnings alone exit 0; --offline does not touch the network', async () => {
    await writeFile(
      join(dir, 'call.json'),
      JSON.stringify({operation: 'uv', args: {script: 'import os\nprint(1)\n', env: {HF_TOKEN: '$HF_TOKEN'}}}),
    );
    const i = io({HF_TOKEN: sb.current.tokens.write});
    expect(await check(['call.json', '--offline', '--endpoint', 'http://127.0.0.1:9', '--json'], i)).toBe(0);
    const report = JSON.parse(i.out());
    expect(report.checks.find((c: {id: string}) => c.id === 'token-in-env').status).toBe('warn');
    expect(report.checks.find((c: {id: string}) => c.id === 'token-valid').status).toBe('skip');
  });
});

describe('check skips hidden folders and the app own data (newcomer #1)', () => {
  async function project(): Promise<void> {
    const {mkdir} = await import('node:fs/promises');
    const {startSandbox} = await import('../../src/sandbox/index.js');
    // The app's real data, where the newcomer's XDG dirs put it: a sandbox data dir under .cache, and one under a
    // visible cache folder, and a sandbox data dir anywhere (accounts.json + hub/).
    for (const data of [
      join(dir, '.cache', 'hf-jobs-wizard', 'sandbox-data'),
      join(dir, 'cache', 'hf-jobs-wizard', 'sandbox-data'),
      join(dir, 'practice-data'),
    ]) {
      const s = await startSandbox({dataDir: data});
      await s.close();
    }
    await mkdir(join(dir, '.state', 'x'), {recursive: true});
    await writeFile(join(dir, '.state', 'x', 'leak.py'), `t = "hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12"\n`);
    await mkdir(join(dir, '__pycache__'));
    await writeFile(join(dir, '__pycache__', 'leak.txt'), `hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12\n`);
    await mkdir(join(dir, 'my-first-hf-job'));
    await writeFile(
      join(dir, 'my-first-hf-job', 'hf-job.json'),
      JSON.stringify({
        script: 'https://e.x/s.py',
        flavor: 'cpu-basic',
        timeout: '30m',
        secrets: {HF_TOKEN: '$HF_TOKEN'},
      }),
    );
  }

  const LOGIN = {HF_TOKEN: 'hf_FAKEloginFAKEloginFAKEloginFAKEab'};
  it('a folder with the app data inside: no findings from it, and the report says what was scanned', async () => {
    await project();
    const i = io(LOGIN);
    expect(await check(['--offline'], i)).toBe(0);
    const out = i.out();
    expect(out).not.toContain('accounts.json');
    expect(out).not.toContain('createdAt');
    expect(out).toMatch(
      /^Scanned 1 file in the current folder \(skipped 2 hidden folders, 1 dependency folder, 2 folders of this app's own data; name one to check it\)$/m,
    );
    const j = io(LOGIN);
    expect(await check(['--offline', '--json'], j)).toBe(0);
    expect(Object.keys(JSON.parse(j.out())).sort()).toEqual(['checks', 'ok']);
  });

  it('a hidden folder named explicitly is scanned; CI workflows in .github are read', async () => {
    await project();
    const {mkdir} = await import('node:fs/promises');
    await mkdir(join(dir, '.github', 'workflows'), {recursive: true});
    await writeFile(
      join(dir, '.github', 'workflows', 'job.yml'),
      'steps:\n  - run: hf jobs uv run --token hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12 train.py\n',
    );
    const ci = io(LOGIN);
    expect(await check(['--offline', '--json'], ci)).toBe(1);
    expect(
      new Set(
        JSON.parse(ci.out())
          .checks.filter((c: {file?: string; status: string}) => c.status === 'fail')
          .map((c: {file?: string}) => c.file),
      ),
    ).toEqual(new Set([join('.github', 'workflows', 'job.yml')]));
    const named = io(LOGIN);
    expect(await check(['.state', '--offline'], named)).toBe(1);
    expect(named.out()).toContain('Scanned 1 file in .state');
    expect(named.out()).toContain(`[✗] No token written in files  (${join('.state', 'x', 'leak.py')}:1)`);
  });
});
