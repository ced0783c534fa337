// The login files when the disk misbehaves: a folder where a file should be, an interrupt mid-write.
// Every failure is one clear line naming the file; nothing is half-written and no temp file is left behind.
import {spawnSync} from 'node:child_process';
import {mkdir, mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join, resolve} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {gatherStatus} from '../../../src/core/auth/status.js';
import {StoreError} from '../../../src/core/store/errors.js';
import {resolveToken} from '../../../src/core/store/resolve.js';
import {logout, saveLogin} from '../../../src/core/store/session.js';
import {readStoredTokens} from '../../../src/core/store/stored-tokens.js';

const FAKE_A = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfakeAA';

let dir: string;
let env: Record<string, string>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-store-fail-'));
  env = {HOME: dir, HF_HOME: join(dir, 'hf')};
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe('a folder where the token file should be', () => {
  beforeEach(async () => {
    await mkdir(join(dir, 'hf/token'), {recursive: true});
  });

  it('is reported by resolveToken and status, not silently treated as "not logged in"', async () => {
    const r = await resolveToken(env);
    expect(r.token).toBeUndefined();
    expect(r.tokenFileProblem).toBe(
      `Could not read ${join(dir, 'hf/token')} (it is a folder, not a file): move it away (or fix it), then try again.`,
    );
    const report = await gatherStatus(env, 'http://127.0.0.1:9', {offline: true});
    expect(report.loggedIn).toBe(false);
    expect(report.tokenFileProblem).toContain('it is a folder, not a file');
  });

  it('makes login fail with a StoreError naming the file, without the token or an errno dump', async () => {
    const error = await saveLogin(env, {name: 'a', token: FAKE_A}).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoreError);
    const message = (error as StoreError).message;
    expect(message).toBe(
      `Could not write ${join(dir, 'hf/token')} (it is a folder, not a file): move it away (or fix it), then try again.`,
    );
    expect(message).not.toContain(FAKE_A);
    expect((await readdir(join(dir, 'hf'))).filter((f) => f.includes('.tmp-'))).toEqual([]);
  });
});

describe('a folder where stored_tokens should be', () => {
  it('reads as "unreadable" with a clear reason, and logout of a name says so', async () => {
    await mkdir(join(dir, 'hf/stored_tokens'), {recursive: true});
    const read = await readStoredTokens(join(dir, 'hf/stored_tokens'));
    expect(read).toMatchObject({status: 'unreadable', tokens: []});
    expect((await resolveToken(env)).stored.status).toBe('unreadable');
    const report = await gatherStatus(env, 'http://127.0.0.1:9', {offline: true});
    expect(report.storedTokensStatus).toBe('unreadable');
    expect(report.storedTokensProblem).toContain('it is a folder, not a file');
    await expect(logout(env, 'a')).rejects.toThrow(/Could not read .*stored_tokens \(it is a folder, not a file\)/);
  });
});

describe('logout of a name when stored_tokens is corrupt', () => {
  it('says the file could not be read instead of only "no such name"', async () => {
    await mkdir(join(dir, 'hf'), {recursive: true});
    await writeFile(join(dir, 'hf/stored_tokens'), 'not ini\n');
    const r = await logout(env, 'a');
    expect(r).toMatchObject({status: 'not-found', available: []});
    expect(r.status === 'not-found' && r.problem).toContain('could not be read (line 1');
    expect(await readFile(join(dir, 'hf/stored_tokens'), 'utf8')).toBe('not ini\n');
  });
});

describe('an interrupt in the middle of an atomic write', () => {
  it('leaves the old file whole and removes the temp file before the process dies', async () => {
    const hf = join(dir, 'hf');
    await mkdir(hf, {recursive: true});
    await writeFile(join(hf, 'stored_tokens'), 'old\n');
    const atomic = resolve('src/core/store/atomic.ts');
    // The child starts a large write and sends itself SIGINT as soon as the temp file exists.
    const script = `
      import {readdirSync} from 'node:fs';
      import {writeFileAtomic} from ${JSON.stringify(atomic)};
      const dir = ${JSON.stringify(hf)};
      const timer = setInterval(() => {
        if (readdirSync(dir).some((f) => f.includes('.tmp-'))) {
          clearInterval(timer);
          process.stdout.write('tmp-seen\\n');
          process.kill(process.pid, 'SIGINT');
        }
      }, 1);
      await writeFileAtomic(dir + '/stored_tokens', 'x'.repeat(64 * 1024 * 1024));
      clearInterval(timer);
      process.stdout.write('write-finished\\n');
    `;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
      cwd: process.cwd(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(child.stdout).toContain('tmp-seen');
    expect(child.stdout).not.toContain('write-finished');
    expect(child.signal).toBe('SIGINT');
    expect(await readdir(hf)).toEqual(['stored_tokens']);
    expect(await readFile(join(hf, 'stored_tokens'), 'utf8')).toBe('old\n');
  }, 60_000);
});
