// A named pipe where a login file should be (or HF_TOKEN_PATH naming one): reading it waited for a writer forever, so
// `status`, `check` and `logout` hung with no word (fresh attack, session 7). Now it is refused at once with the
// store's one line; a file far larger than any login file is refused the same way instead of being read whole.
import {execFileSync} from 'node:child_process';
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {gatherStatus} from '../../../src/core/auth/status.js';
import {MAX_LOGIN_FILE_BYTES} from '../../../src/core/store/read.js';
import {resolveToken} from '../../../src/core/store/resolve.js';
import {logout} from '../../../src/core/store/session.js';
import {readStoredTokens} from '../../../src/core/store/stored-tokens.js';

let dir: string;
let env: Record<string, string>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-store-fifo-'));
  env = {HOME: dir, HF_HOME: join(dir, 'hf')};
  await mkdir(join(dir, 'hf'));
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

/** Resolves with the promise's outcome, or 'hung' after `ms`. */
function within<T>(p: Promise<T>, ms = 3000): Promise<T | 'hung'> {
  return Promise.race([p, new Promise<'hung'>((r) => setTimeout(() => r('hung'), ms).unref())]);
}

describe.skipIf(process.platform === 'win32')('a named pipe in place of a login file', () => {
  it('the token file: resolveToken and status say so at once, logout refuses with one line', async () => {
    execFileSync('mkfifo', [join(dir, 'hf/token')]);
    const r = await within(resolveToken(env));
    expect(r).not.toBe('hung');
    if (r === 'hung') return;
    expect(r.token).toBeUndefined();
    expect(r.tokenFileProblem).toBe(
      `Could not read ${join(dir, 'hf/token')} (a named pipe, a device or a socket, not a regular file): move it away (or fix it), then try again.`,
    );
    const report = await within(gatherStatus(env, 'http://127.0.0.1:9', {offline: true}));
    expect(report).not.toBe('hung');
    await expect(within(logout(env))).rejects.toThrow(/not a regular file/);
  });

  it('stored_tokens: unreadable, at once', async () => {
    execFileSync('mkfifo', [join(dir, 'st')]);
    const read = await within(readStoredTokens(join(dir, 'st')));
    expect(read).toMatchObject({status: 'unreadable', tokens: []});
  });
});

describe('a login file far larger than one', () => {
  it('is refused, not read whole', async () => {
    await writeFile(join(dir, 'hf/token'), 'x'.repeat(MAX_LOGIN_FILE_BYTES + 1));
    expect((await resolveToken(env)).tokenFileProblem).toContain('it is too large to be a login file');
  });
});
