// check's code cache file: a payload changed on disk is refused before V8 runs it, and a cache folder that is not
// the user's own (a link, another user's, writable by others) is not used (src/core/store/code-cache-file.ts).
import {chmodSync, chownSync, mkdirSync, mkdtempSync, rmSync, symlinkSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, describe, expect, it} from 'vitest';
import {isOwnCacheDir, openCodeCache, sealCodeCache} from '../../../src/core/store/code-cache-file.js';

describe('sealed code cache', () => {
  const payload = Buffer.from(Array.from({length: 200_000}, (_, i) => (i * 7919) % 251));

  it('gives back the payload it sealed', () => {
    expect(openCodeCache(sealCodeCache(payload))?.equals(payload)).toBe(true);
  });

  it('refuses a payload with any block changed, cut, grown, an unsealed (older) cache, and nothing', () => {
    const sealed = sealCodeCache(payload);
    for (let at = 0; at < sealed.length; at += 4099) {
      const bad = Buffer.from(sealed);
      bad[at] = bad[at]! ^ 0x5a;
      expect(openCodeCache(bad), `byte ${at}`).toBeUndefined();
    }
    expect(openCodeCache(sealed.subarray(0, sealed.length - 1))).toBeUndefined();
    expect(openCodeCache(Buffer.concat([sealed, Buffer.from([0])]))).toBeUndefined();
    expect(openCodeCache(payload)).toBeUndefined();
    expect(openCodeCache(Buffer.alloc(0))).toBeUndefined();
    expect(openCodeCache(sealed.subarray(0, 40))).toBeUndefined();
  });
});

describe('isOwnCacheDir', () => {
  let root: string;
  afterEach(() => rmSync(root, {recursive: true, force: true}));
  const uid = process.getuid?.();

  it.skipIf(uid === undefined)("takes this user's own folders, made or still to be made", () => {
    root = mkdtempSync(join(tmpdir(), 'hfjw-cc-'));
    chmodSync(root, 0o700);
    expect(isOwnCacheDir(join(root, 'hf-jobs-wizard', 'code-cache'))).toBe(true);
    mkdirSync(join(root, 'hf-jobs-wizard', 'code-cache'), {recursive: true, mode: 0o700});
    expect(isOwnCacheDir(join(root, 'hf-jobs-wizard', 'code-cache'))).toBe(true);
  });

  it.skipIf(uid === undefined)('refuses a link, a folder others can write, at any of its three levels', () => {
    root = mkdtempSync(join(tmpdir(), 'hfjw-cc-'));
    chmodSync(root, 0o700);
    const elsewhere = join(root, 'elsewhere');
    mkdirSync(elsewhere, {mode: 0o700});
    mkdirSync(join(root, 'home', 'hf-jobs-wizard'), {recursive: true, mode: 0o700});
    symlinkSync(elsewhere, join(root, 'home', 'hf-jobs-wizard', 'code-cache'));
    expect(isOwnCacheDir(join(root, 'home', 'hf-jobs-wizard', 'code-cache'))).toBe(false);
    rmSync(join(root, 'home', 'hf-jobs-wizard', 'code-cache'));
    chmodSync(join(root, 'home', 'hf-jobs-wizard'), 0o777);
    expect(isOwnCacheDir(join(root, 'home', 'hf-jobs-wizard', 'code-cache'))).toBe(false);
    chmodSync(join(root, 'home', 'hf-jobs-wizard'), 0o700);
    chmodSync(join(root, 'home'), 0o775);
    expect(isOwnCacheDir(join(root, 'home', 'hf-jobs-wizard', 'code-cache'))).toBe(false);
    chmodSync(join(root, 'home'), 0o700);
    expect(isOwnCacheDir(join(root, 'home', 'hf-jobs-wizard', 'code-cache'))).toBe(true);
  });

  it('refuses a relative cache home (XDG_CACHE_HOME=cache: the folder check runs in, a cloned repository)', () => {
    root = mkdtempSync(join(tmpdir(), 'hfjw-cc-'));
    expect(isOwnCacheDir(join('cache', 'hf-jobs-wizard', 'code-cache'))).toBe(false);
  });

  it.skipIf(uid !== 0)("refuses another user's folder (run as root: a HOME that sudo kept)", () => {
    root = mkdtempSync(join(tmpdir(), 'hfjw-cc-'));
    const home = join(root, 'alice-cache');
    mkdirSync(home, {mode: 0o700});
    chownSync(home, 1000, 1000);
    expect(isOwnCacheDir(join(home, 'hf-jobs-wizard', 'code-cache'))).toBe(false);
    expect(isOwnCacheDir(join(home, 'hf-jobs-wizard', 'code-cache'), 1000)).toBe(true);
  });
});
