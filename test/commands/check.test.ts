// `check` in-process: exit codes, --json shape, the readable report, usage errors.
import {cp, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {run as check} from '../../src/commands/check.js';
import {useSandbox} from '../helpers/sandbox.js';
import {makeIo} from './helpers-auth.js';

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
    await writeFile(join(dir, 'hf-job.json'), JSON.stringify({script: 'https://e.x/s.py', flavor: 'cpu-basic', timeout: '30m', secrets: {HF_TOKEN: '$HF_TOKEN'}}));
    const i = io({HF_TOKEN: sb.current.tokens.write});
    expect(await check(['--json', '--endpoint', sb.current.url], i)).toBe(0);
    const report = JSON.parse(i.out());
    expect(report.ok).toBe(true);
    expect(Object.keys(report).sort()).toEqual(['checks', 'ok']);
    expect(report.checks.map((c: {id: string}) => c.id)).toEqual(expect.arrayContaining(['hardcoded-token', 'token-valid', 'token-permission', 'repo-access', 'env-token-override']));
    expect(i.out()).not.toContain(sb.current.tokens.write);
  });

  it('the fixture project fails (exit 1) and the report shows ✗ lines with fix and file:line, no colour without a TTY', async () => {
    await cp(FIXTURE, dir, {recursive: true});
    const i = io({HF_TOKEN: sb.current.tokens.write});
    expect(await check(['--endpoint', sb.current.url], i)).toBe(1);
    const out = i.out();
    expect(out).toContain('[✗] No literal "$HF_TOKEN" outside the MCP tool  (run.sh:3)');
    expect(out).toContain('Fix: Use the bare form `--secrets HF_TOKEN`');
    expect(out).toContain('[!] Job scripts check HF_TOKEN early  (train.py:6)');
    expect(out).toContain('[✓] Token is valid');
    expect(out).not.toContain('\x1b[');
    expect(out).toMatch(/\d+ failed, \d+ warnings?, \d+ passed, \d+ skipped\./);
  });

  it('warnings alone exit 0; --offline does not touch the network', async () => {
    await writeFile(join(dir, 'call.json'), JSON.stringify({operation: 'uv', args: {script: 'import os\nprint(1)\n', env: {HF_TOKEN: '$HF_TOKEN'}}}));
    const i = io({HF_TOKEN: sb.current.tokens.write});
    expect(await check(['call.json', '--offline', '--endpoint', 'http://127.0.0.1:9', '--json'], i)).toBe(0);
    const report = JSON.parse(i.out());
    expect(report.checks.find((c: {id: string}) => c.id === 'token-in-env').status).toBe('warn');
    expect(report.checks.find((c: {id: string}) => c.id === 'token-valid').status).toBe('skip');
  });
});
