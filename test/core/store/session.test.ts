import {mkdtemp, readFile, readdir, rm, stat, writeFile, mkdir} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {resolveToken} from '../../../src/core/store/resolve.js';
import {logout, saveLogin} from '../../../src/core/store/session.js';
import {readStoredTokens} from '../../../src/core/store/stored-tokens.js';

const FAKE_A = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfakeAA';
const FAKE_B = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfakeBB';
const FAKE_ENV = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfakeEE';

let dir: string;
let env: Record<string, string>;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-store-'));
  env = {HOME: dir, HF_HOME: join(dir, 'hf')};
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe('saveLogin', () => {
  it('writes the token file raw and stored_tokens like huggingface_hub, 0600 in a 0700 folder', async () => {
    const r = await saveLogin(env, {name: 'my token', token: FAKE_A});
    expect(await readFile(join(dir, 'hf/token'), 'utf8')).toBe(FAKE_A);
    expect(await readFile(join(dir, 'hf/stored_tokens'), 'utf8')).toBe(`[my token]\nhf_token = ${FAKE_A}\n\n`);
    if (process.platform !== 'win32') {
      expect((await stat(join(dir, 'hf/token'))).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, 'hf/stored_tokens'))).mode & 0o777).toBe(0o600);
      expect((await stat(join(dir, 'hf'))).mode & 0o777).toBe(0o700);
    }
    expect(r.shadowedBy).toBeUndefined();
    expect(await readdir(join(dir, 'hf'))).toEqual(['stored_tokens', 'token']); // no temp files left
  });

  it('sorts sections, replaces a re-saved name whole, and keeps keys and sections it did not write', async () => {
    await mkdir(join(dir, 'hf'), {recursive: true});
    await writeFile(
      join(dir, 'hf/stored_tokens'),
      `[zz other tool]\nhf_token = ${FAKE_B}\nnote = keep me\n\n[oauth-alice]\nhf_token = x\nrefresh_token = rt\nexpires_at = 1790000000\n\n`,
    );
    await saveLogin(env, {name: 'aa', token: FAKE_A});
    await saveLogin(env, {name: 'oauth-alice', token: FAKE_A, refreshToken: 'rt2', expiresAt: 1800000000.7});
    expect(await readFile(join(dir, 'hf/stored_tokens'), 'utf8')).toBe(
      `[aa]\nhf_token = ${FAKE_A}\n\n[oauth-alice]\nhf_token = ${FAKE_A}\nrefresh_token = rt2\nexpires_at = 1800000000\n\n[zz other tool]\nhf_token = ${FAKE_B}\nnote = keep me\n\n`,
    );
  });

  it('backs up a corrupt stored_tokens instead of silently replacing it', async () => {
    await mkdir(join(dir, 'hf'), {recursive: true});
    await writeFile(join(dir, 'hf/stored_tokens'), 'this is not ini\n');
    expect((await readStoredTokens(join(dir, 'hf/stored_tokens'))).status).toBe('corrupt');
    const r = await saveLogin(env, {name: 'a', token: FAKE_A});
    expect(r.backedUpTo).toMatch(/stored_tokens\.corrupt-/);
    expect(r.corruptReason).toContain('line 1');
    expect(await readFile(r.backedUpTo as string, 'utf8')).toBe('this is not ini\n');
  });

  it('warns when HF_TOKEN will still win', async () => {
    const r = await saveLogin({...env, HF_TOKEN: FAKE_ENV}, {name: 'a', token: FAKE_A});
    expect(r.shadowedBy).toBe('HF_TOKEN');
  });
});

describe('resolveToken', () => {
  it('follows get_token(): HF_TOKEN, then HUGGING_FACE_HUB_TOKEN, then the file', async () => {
    expect((await resolveToken(env)).token).toBeUndefined();
    await saveLogin(env, {name: 'saved', token: FAKE_A});
    expect(await resolveToken(env)).toMatchObject({
      token: FAKE_A,
      source: 'file',
      activeName: 'saved',
      shadowsSavedToken: false,
    });
    expect(await resolveToken({...env, HUGGING_FACE_HUB_TOKEN: FAKE_ENV})).toMatchObject({
      token: FAKE_ENV,
      source: 'HUGGING_FACE_HUB_TOKEN',
      shadowsSavedToken: true,
      shadowedName: 'saved',
    });
    expect(await resolveToken({...env, HF_TOKEN: FAKE_B, HUGGING_FACE_HUB_TOKEN: FAKE_ENV})).toMatchObject({
      token: FAKE_B,
      source: 'HF_TOKEN',
    });
    expect(await resolveToken({...env, HF_TOKEN: ` ${FAKE_A}\n`})).toMatchObject({
      token: FAKE_A,
      source: 'HF_TOKEN',
      shadowsSavedToken: false,
    });
  });
  it('strips whitespace from the token file and treats an empty one as none', async () => {
    await mkdir(join(dir, 'hf'), {recursive: true});
    await writeFile(join(dir, 'hf/token'), `${FAKE_A}\r\n`);
    expect((await resolveToken(env)).token).toBe(FAKE_A);
    await writeFile(join(dir, 'hf/token'), '\n');
    expect((await resolveToken(env)).token).toBeUndefined();
  });
});

describe('logout', () => {
  it('without a name removes both files, and warns about env', async () => {
    await saveLogin(env, {name: 'a', token: FAKE_A});
    const r = await logout({...env, HF_TOKEN: FAKE_ENV});
    expect(r).toMatchObject({status: 'logged-out-all', stillLoggedInVia: 'HF_TOKEN'});
    expect(await readdir(join(dir, 'hf'))).toEqual([]);
    expect((await logout(env)).status).toBe('not-logged-in');
  });
  it('with a name removes that section, and the token file only if it was active', async () => {
    await saveLogin(env, {name: 'a', token: FAKE_A});
    await saveLogin(env, {name: 'b', token: FAKE_B});
    expect(await logout(env, 'a')).toMatchObject({status: 'logged-out-name', wasActive: false});
    expect(await readFile(join(dir, 'hf/token'), 'utf8')).toBe(FAKE_B);
    expect(await logout(env, 'b')).toMatchObject({status: 'logged-out-name', wasActive: true});
    expect(await readdir(join(dir, 'hf'))).toEqual(['stored_tokens']);
    expect(await readFile(join(dir, 'hf/stored_tokens'), 'utf8')).toBe('');
    expect(await logout(env, 'nope')).toMatchObject({status: 'not-found', available: []});
  });
});
