// Entry of dist/check/cli.cjs (src/cli.tsx requires it for `check --offline`): runs check's own build
// (dist/check/main.cjs, src/check-cli.ts) with V8's code cache, as Node 22's module compile
// cache does for modules (Node 20 has none, and none for ES modules): the first run keeps the bytecode V8 compiled for
// it (every function check ran, not only the top level) in `${XDG_CACHE_HOME:-~/.cache}/hf-jobs-wizard/code-cache`,
// and later runs start from it instead of parsing and compiling again. On the bench tree this is ~20 ms of the main
// thread's CPU.
// The cache is keyed by the build (dist/check/build-id: a hash of main.cjs the build writes), the app's version and
// V8's: V8 itself checks only the source's length and its flags. A cache file is used only when it is a regular file
// of this user's, writable by nobody else (bytecode in it runs as code); it is written to a temporary name (0600) and
// renamed, so a run that stops halfway leaves no half file. It is sealed with a SHA-256 of its bytes, checked before
// V8 sees them (core/store/code-cache-file.ts), and kept only in a folder of this user's that nobody else can write.
// HF_WIZARD_CODE_CACHE=0 turns it off.
// It is itself CommonJS (dist/check/cli.cjs): these imports are require() calls, no ES module facade is built.
import * as fs from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {Script} from 'node:vm';
import {cacheHome} from './core/store/paths.js';
import {isOwnCacheDir, openCodeCache, sealCodeCache} from './core/store/code-cache-file.js';
import {tuneForOneScan} from './core/checks/v8-tuning.js';

/**
 * The code cache on this run (HF_WIZARD_SCAN_DEBUG prints it): off (turned off, or a build without an id), none (not
 * made yet: written as the process exits), used, or rejected by V8 (written again as the process exits).
 */
export type CacheUse = 'off' | 'none' | 'used' | 'rejected';

/**
 * Compiles and starts check's build (main.cjs next to this file); false when it cannot be loaded (missing or
 * unreadable: the app then runs check). Throws nothing before the build's own code runs; what the run throws is the
 * run's.
 */
export function run(env: NodeJS.ProcessEnv = process.env): boolean {
  return runCheckBuild(new URL('./main.cjs', import.meta.url), env);
}

function runCheckBuild(url: URL, env: NodeJS.ProcessEnv): boolean {
  const file = fileURLToPath(url);
  let source: string;
  let script: Script;
  let use: CacheUse = 'off';
  const cacheFile = cachePath(dirname(file), env);
  // A cache is used only from a folder of this user's that nobody else can write (isOwnCacheDir), and only when its
  // SHA-256 holds (openCodeCache): V8 checks a cache's header, not its bytecode, and an accepted cache is never written
  // again, so a changed one would crash check at every run after. One that fails is written again at exit.
  const ownDir = cacheFile !== undefined && isOwnCacheDir(dirname(cacheFile));
  const sealed = cacheFile && ownDir ? readOwnFile(cacheFile) : undefined;
  let cached = sealed ? openCodeCache(sealed) : undefined;
  // A run that gives the cache to V8 marks it in use until it exits (see markInUse): bytecode that passes the seal but
  // crashes V8 (written so on purpose: the seal is no secret) then crashes one run, not every run after.
  const inUse = cached && cacheFile ? markInUse(cacheFile) : undefined;
  if (!inUse) cached = undefined;
  try {
    source = fs.readFileSync(file, 'utf8');
    // The flags check sets anyway, set before compiling: a cache is accepted only under the flags it was made with.
    tuneForOneScan();
    script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
      filename: file,
      cachedData: cached,
    });
  } catch {
    return false;
  }
  if (cacheFile && ownDir) use = !cached ? 'none' : script.cachedDataRejected ? 'rejected' : 'used';
  if (inUse) process.once('exit', () => fs.rmSync(inUse, {force: true}));
  if (cacheFile && ownDir && use !== 'used')
    process.once('exit', () => {
      try {
        // Made under the flags it was compiled with (a worker thread's start resets one: v8-tuning.ts).
        tuneForOneScan();
        writeCache(dirname(cacheFile), cacheFile, sealCodeCache(script.createCachedData()));
      } catch {
        // no cache this time: the next run compiles again
      }
    });
  // The debug line goes out when check reports its phases (commands/check.ts reads this).
  (globalThis as {__hfjwCodeCache?: () => CacheUse}).__hfjwCodeCache = () => use;
  const module = {exports: {}};
  (script.runInThisContext() as (...a: unknown[]) => void)(
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
  );
  return true;
}

/** Where this build's cache is, or undefined when there is to be none (turned off, or a build without an id). */
function cachePath(buildDir: string, env: NodeJS.ProcessEnv): string | undefined {
  if (env.HF_WIZARD_CODE_CACHE === '0') return undefined;
  let id: string;
  try {
    id = fs.readFileSync(join(buildDir, 'build-id'), 'utf8').trim();
  } catch {
    return undefined;
  }
  if (!/^[0-9a-f]{16,64}$/.test(id)) return undefined;
  const v8 = process.versions.v8.replace(/[^\w.-]/g, '_');
  return join(cacheHome(env), 'hf-jobs-wizard', 'code-cache', `check-${id}-v8-${v8}-${process.arch}.bin`);
}

/**
 * Marks the cache in use by this process (`<cache>.running`, holding its pid; removed as it exits) and returns the
 * mark's path; undefined when the cache is not to be used. A mark left by a process that is gone means a run that
 * used this cache never reached its exit, a crash perhaps in the cache's own bytecode: the cache and the mark are
 * removed, and this run compiles from source (and writes a new cache as it exits). A mark of a process still running
 * (another check at the same time) leaves both alone: this run compiles from source.
 */
function markInUse(cacheFile: string): string | undefined {
  const mark = `${cacheFile}.running`;
  try {
    const fd = fs.openSync(mark, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o600);
    try {
      fs.writeSync(fd, String(process.pid));
    } finally {
      fs.closeSync(fd);
    }
    return mark;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') return undefined;
  }
  let pid = NaN;
  try {
    const fd = fs.openSync(mark, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    try {
      pid = Number(fs.readFileSync(fd, 'utf8').slice(0, 20));
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // unreadable (a folder, a link): treated as a mark whose process is gone
  }
  if (Number.isSafeInteger(pid) && pid > 0 && pid !== process.pid && isRunning(pid)) return undefined;
  try {
    fs.rmSync(cacheFile, {force: true});
    fs.rmSync(mark, {force: true, recursive: true});
  } catch {
    // left as it is: not used this time
  }
  return undefined;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it runs, as another user
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The file's bytes when it is a regular file of this user's that nobody else can write; else undefined. */
function readOwnFile(path: string): Buffer | undefined {
  let fd: number;
  try {
    fd = fs.openSync(path, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
  } catch {
    return undefined;
  }
  try {
    const st = fs.fstatSync(fd);
    const uid = process.getuid?.();
    if (!st.isFile() || (uid !== undefined && st.uid !== uid) || st.mode & 0o022 || st.size > 64 * 1024 * 1024)
      return undefined;
    return fs.readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    fs.closeSync(fd);
  }
}

/** Writes the cache (0600, a temporary name then renamed) and removes the caches of other builds; false on failure. */
function writeCache(dir: string, path: string, data: Buffer): boolean {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(dir, {recursive: true, mode: 0o700});
    fs.writeFileSync(tmp, data, {mode: 0o600, flag: 'wx'});
    fs.renameSync(tmp, path);
    const mine = path.slice(dir.length + 1);
    for (const name of fs.readdirSync(dir))
      if (name !== mine && /^check-.*\.bin$/.test(name)) fs.rmSync(join(dir, name), {force: true});
    return true;
  } catch {
    try {
      fs.rmSync(tmp, {force: true});
    } catch {
      // the folder is not there (or not a folder): nothing was written
    }
    return false;
  }
}
