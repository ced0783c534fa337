import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {loginWithToken} from '../../../src/core/auth/login-flow.js';
import {gatherStatus} from '../../../src/core/auth/status.js';
import {useSandbox} from '../../helpers/sandbox.js';
import {tempHome} from '../../commands/helpers-auth.js';

const sb = useSandbox();
let home: Awaited<ReturnType<typeof tempHome>>;
beforeEach(async () => {
  home = await tempHome();
});
afterEach(async () => {
  await home.cleanup();
});

describe('loginWithToken', () => {
  it('normalises, verifies and saves; gatherStatus then sees it', async () => {
    const r = await loginWithToken({
      env: home.env,
      endpoint: sb.current.url,
      rawToken: `"${sb.current.tokens.write}"\n`,
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r).toMatchObject({name: 'practice write token', info: {kind: 'write', user: 'practice-user'}});
    expect(await readFile(join(home.dir, 'cache/huggingface/token'), 'utf8')).toBe(sb.current.tokens.write);
    const st = await gatherStatus(home.env, sb.current.url);
    expect(st).toMatchObject({
      loggedIn: true,
      online: 'ok',
      activeName: 'practice write token',
      token: {kind: 'write'},
    });
  });
  it('stops at the format stage or the verify stage, saving nothing', async () => {
    expect(await loginWithToken({env: home.env, endpoint: sb.current.url, rawToken: 'hf_xxx'})).toMatchObject({
      ok: false,
      stage: 'format',
      problem: 'placeholder',
    });
    expect(
      await loginWithToken({env: home.env, endpoint: sb.current.url, rawToken: sb.current.tokens.expired}),
    ).toMatchObject({ok: false, stage: 'verify', kind: 'unauthorized', status: 401});
    await expect(readFile(join(home.dir, 'cache/huggingface/token'), 'utf8')).rejects.toThrow();
  });
  it('save: false only validates', async () => {
    const r = await loginWithToken({
      env: home.env,
      endpoint: sb.current.url,
      rawToken: sb.current.tokens.read,
      save: false,
    });
    expect(r).toMatchObject({ok: true, info: {kind: 'read'}});
    expect(r.ok && r.saved).toBeUndefined();
  });
});
