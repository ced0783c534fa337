// `check --offline` compiles its build with V8's code cache (src/check-loader.ts): the first run writes it (0600, in a
// 0700 folder under XDG_CACHE_HOME), later runs use it, and the report is the same either way. A cache file anyone
// else could have written (another owner, group- or world-writable, a symbolic link) is never used, one V8 refuses is
// written again, and HF_WIZARD_CODE_CACHE=0 turns it all off.
import {spawnSync} from 'node:child_process';
import {
  chmodSync,
  chownSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openCodeCache, sealCodeCache} from '../../src/core/store/code-cache-file.js';

const CLI = join(process.cwd(), 'dist/cli.mjs');
let dir = '';
let tree = '';

function check(cacheHome: string, env: Record<string, string> = {}, where = tree) {
  const res = spawnSync(process.execPath, [CLI, 'check', where, '--offline', '--json'], {
    encoding: 'utf8',
    env: {...process.env, HF_TOKEN: '', HOME: dir, XDG_CACHE_HOME: cacheHome, HF_WIZARD_SCAN_DEBUG: '1', ...env},
  });
  return {
    status: res.status,
    stdout: res.stdout,
    cache: /; code cache (\w+)$/m.exec(res.stderr)?.[1],
    stderr: res.stderr,
  };
}

const cacheDir = (home: string) => join(home, 'hf-jobs-wizard', 'code-cache');
const cacheFiles = (home: string) => (existsSync(cacheDir(home)) ? readdirSync(cacheDir(home)) : []);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'hfjw-code-cache-'));
  tree = join(dir, 'tree');
  mkdirSync(tree);
  writeFileSync(join(tree, 'submit.sh'), 'hf jobs uv run --flavor a10g-smal train.py\n');
  writeFileSync(
    join(tree, 'train.py'),
    'from datasets import Dataset\nDataset.from_dict({"a": [1]}).push_to_hub("u/d")\n',
  );
});
afterAll(() => {
  if (dir) rmSync(dir, {recursive: true, force: true});
});

describe("check's code cache", () => {
  it.skipIf(!existsSync(CLI))('is written by the first run (0600 in a 0700 folder) and used by the next', () => {
    const home = join(dir, 'c1');
    const first = check(home);
    expect(first.status).toBe(1);
    expect(first.cache).toBe('none');
    const files = cacheFiles(home);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^check-[0-9a-f]{32}-v8-[\w.-]+-\w+\.bin$/);
    expect(statSync(join(cacheDir(home), files[0]!)).mode & 0o777).toBe(0o600);
    expect(statSync(cacheDir(home)).mode & 0o777).toBe(0o700);
    const second = check(home);
    expect(second.cache).toBe('used');
    expect(second.stdout).toBe(first.stdout);
    expect(check(home, {HF_WIZARD_CODE_CACHE: '0'}).stdout).toBe(first.stdout);
  });

  it.skipIf(!existsSync(CLI))(
    'is off with HF_WIZARD_CODE_CACHE=0, and a cache folder that cannot be made stops nothing',
    () => {
      const home = join(dir, 'c2');
      const off = check(home, {HF_WIZARD_CODE_CACHE: '0'});
      expect(off.cache).toBe('off');
      expect(cacheFiles(home)).toEqual([]);
      // XDG_CACHE_HOME is a file: no cache can be written; check runs and says so in nothing but its debug line.
      writeFileSync(join(dir, 'not-a-folder'), 'x');
      const blocked = check(join(dir, 'not-a-folder'));
      expect(blocked.status).toBe(1);
      expect(blocked.cache).toBe('off');
      expect(blocked.stdout).toBe(check(join(dir, 'not-a-folder'), {HF_WIZARD_CODE_CACHE: '0'}).stdout);
      expect(blocked.stderr).not.toMatch(/Error|at .*\.c?js/);
    },
  );

  // A worker thread's start puts one of check's V8 flags back (v8-tuning.ts): a cache written after it was made under
  // other flags than the next run compiles with, refused at every run after and written again at every exit.
  it.skipIf(!existsSync(CLI))('written by a run with a reading thread or scan workers, is used by the next', () => {
    // Scan workers start only on a tree of 1,500 files or more (scan.ts).
    const big = join(dir, 'big');
    mkdirSync(big);
    for (let i = 0; i < 1600; i++) writeFileSync(join(big, `s${i}.sh`), `hf jobs run python:3.12 python -c ${i}\n`);
    for (const [name, env, where] of [
      ['c-reader', {HF_WIZARD_SCAN_READER: '1'}, tree],
      ['c-workers', {HF_WIZARD_SCAN_THREADS: '2'}, big],
    ] as const) {
      const home = join(dir, name);
      const first = check(home, env, where);
      expect(first.cache).toBe('none');
      // The thread was there (the debug line says who scanned).
      expect(first.stderr).toMatch(/scanned by the main thread, \d+ by (the reader|1 worker)/);
      const second = check(home, env, where);
      expect([name, second.cache]).toEqual([name, 'used']);
      expect(second.stdout).toBe(first.stdout);
    }
  });

  it.skipIf(!existsSync(CLI))(
    'is not used when others could have written it, is written again when V8 refuses it, and drops other builds',
    () => {
      const home = join(dir, 'c3');
      const first = check(home);
      const [name] = cacheFiles(home);
      const file = join(cacheDir(home), name!);
      // World-writable: not used (written again, 0600, as the run ends).
      chmodSync(file, 0o666);
      expect(check(home).cache).toBe('none');
      expect(statSync(file).mode & 0o777).toBe(0o600);
      expect(check(home).cache).toBe('used');
      // Bytes without the app's seal (not a cache it wrote): not given to V8, and written again.
      writeFileSync(file, Buffer.alloc(4096, 7), {mode: 0o600});
      const unsealed = check(home);
      expect(unsealed.cache).toBe('none');
      expect(unsealed.stdout).toBe(first.stdout);
      expect(check(home).cache).toBe('used');
      // A sealed cache whose bytecode changed on disk (V8 checks only its header, and then crashed at every run):
      // its SHA-256 fails, so it is not used, and it is written again.
      const good = readFileSync(file);
      const changed = Buffer.from(good);
      for (const at of [0.3, 0.5, 0.7, 0.9]) {
        const i = Math.floor(changed.length * at);
        changed[i] = changed[i]! ^ 0xff;
      }
      writeFileSync(file, changed, {mode: 0o600});
      const tampered = check(home);
      expect([tampered.status, tampered.cache, tampered.stdout]).toEqual([1, 'none', first.stdout]);
      expect(openCodeCache(readFileSync(file))).toBeDefined();
      expect(check(home).cache).toBe('used');
      // Sealed bytes V8 refuses (not a code cache): refused, then written again.
      writeFileSync(file, sealCodeCache(Buffer.alloc(4096, 7)), {mode: 0o600});
      const refused = check(home);
      expect(refused.cache).toBe('rejected');
      expect(refused.stdout).toBe(first.stdout);
      expect(check(home).cache).toBe('used');
      // A symbolic link in its place is not followed.
      rmSync(file);
      writeFileSync(join(dir, 'elsewhere.bin'), Buffer.alloc(16, 1));
      symlinkSync(join(dir, 'elsewhere.bin'), file);
      expect(check(home).cache).toBe('none');
      // A cache of another build is removed when this build's is written.
      writeFileSync(join(cacheDir(home), 'check-00000000000000000000000000000000-v8-1.2.3-x64.bin'), 'old', {
        mode: 0o600,
      });
      rmSync(file, {force: true});
      check(home);
      expect(cacheFiles(home)).toEqual([name]);
    },
  );

  // The seal is no secret: bytecode written to crash V8 and sealed again would crash check at every run. A run that
  // uses the cache marks it until it exits; the mark of a run that never exited drops the cache.
  it.skipIf(!existsSync(CLI))('is dropped after a run that used it never exited, and kept while one still runs', () => {
    const home = join(dir, 'c6');
    const first = check(home);
    const [name] = cacheFiles(home);
    const file = join(cacheDir(home), name!);
    const used = check(home);
    expect(used.cache).toBe('used');
    // No mark is left by a run that ended.
    expect(cacheFiles(home)).toEqual([name]);
    // The mark of a process that is gone (as a crash leaves it): the cache is not given to V8, and is made anew.
    const gone = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(`${file}.running`, String(gone), {mode: 0o600});
    const after = check(home);
    expect([after.status, after.cache, after.stdout]).toEqual([1, 'none', first.stdout]);
    // The cache was removed and written again as that run exited (a fresh seal, no mark left).
    expect(cacheFiles(home)).toEqual([name]);
    expect(openCodeCache(readFileSync(file))).toBeDefined();
    expect(check(home).cache).toBe('used');
    // The mark of a run still going on (this test's own process): this run compiles, and neither file is removed.
    writeFileSync(`${file}.running`, String(process.pid), {mode: 0o600});
    const busy = check(home);
    expect([busy.cache, busy.stdout]).toEqual(['none', first.stdout]);
    expect(cacheFiles(home).sort()).toEqual([name, `${name}.running`]);
    rmSync(`${file}.running`);
    expect(check(home).cache).toBe('used');
  });

  it.skipIf(!existsSync(CLI))('is neither read nor written in a folder others can write', () => {
    const home = join(dir, 'c5');
    check(home);
    expect(check(home).cache).toBe('used');
    chmodSync(cacheDir(home), 0o777);
    const open = check(home);
    expect([open.status, open.cache]).toEqual([1, 'off']);
    chmodSync(cacheDir(home), 0o700);
    expect(check(home).cache).toBe('used');
  });

  it.skipIf(!existsSync(CLI) || process.getuid?.() !== 0)('is not used when another user owns it', () => {
    const home = join(dir, 'c4');
    check(home);
    const [name] = cacheFiles(home);
    chownSync(join(cacheDir(home), name!), 12345, 12345);
    expect(check(home).cache).toBe('none');
  });
});
