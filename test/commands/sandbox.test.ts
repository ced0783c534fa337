// `sandbox` command failures: each is one line naming what to change, with exit 2 (usage) or 1 (cannot start).
import {mkdtemp, rm, writeFile} from 'node:fs/promises';
import {createServer} from 'node:net';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {SWITCH_ORGS} from '../../src/sandbox/practice-switches.js';
import {viaMain} from '../helpers/command.js';
import {makeIo} from './helpers-auth.js';

const sandbox = viaMain('sandbox');

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-sandbox-cmd-'));
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe('sandbox command', () => {
  it('rejects a --port that is not a whole number from 0 to 65535, including an empty one', async () => {
    for (const port of ['', 'abc', '1.5', '70000', ' 80', '0x50']) {
      const io = makeIo({});
      expect(await sandbox(['--port', port], io)).toBe(2);
      expect(io.err()).toBe(`hf-jobs-wizard sandbox: --port takes a number from 0 to 65535, not "${port}".\n`);
    }
  });

  it('--help names every practice org that fails on purpose, so an instructor can find them', async () => {
    const io = makeIo({});
    expect(await sandbox(['--help'], io)).toBe(0);
    const help = io.out();
    const orgs = Object.keys(SWITCH_ORGS);
    expect(orgs.length).toBeGreaterThan(0);
    for (const org of orgs) expect(help).toMatch(new RegExp(`^  ${org} +\\S`, 'm'));
    expect(help).toContain('Job timeout');
    expect(help).toContain('ModuleNotFoundError');
    for (const line of help.split('\n')) expect(line.length, line).toBeLessThanOrEqual(110);
  });

  it('names the port in use', async () => {
    const blocker = createServer();
    await new Promise<void>((r) => blocker.listen(0, '127.0.0.1', () => r()));
    const port = (blocker.address() as {port: number}).port;
    try {
      const io = makeIo({});
      expect(await sandbox(['--port', String(port), '--data', join(dir, 'data')], io)).toBe(1);
      expect(io.err()).toBe(
        `hf-jobs-wizard sandbox: could not start: port ${port} is already in use; pick another with --port or omit it\n`,
      );
    } finally {
      await new Promise<void>((r) => blocker.close(() => r()));
    }
  });

  it('says why a --data folder cannot be used instead of an errno dump', async () => {
    const file = join(dir, 'a-file');
    await writeFile(file, 'x');
    for (const [data, why] of [
      [file, 'it is a file, not a folder'],
      [join(file, 'sub'), 'a part of the path is a file, not a folder'],
    ] as const) {
      const io = makeIo({});
      expect(await sandbox(['--data', data], io)).toBe(1);
      expect(io.err()).toBe(
        `hf-jobs-wizard sandbox: could not start: cannot use --data ${data} (${why}); pick a folder you can write to\n`,
      );
    }
  });
});
