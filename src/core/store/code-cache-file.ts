// What check's V8 code cache file (src/check-loader.ts) can trust. V8 checks a cache's header (magic, version, flags,
// source length) but, in a release build, not its payload: a cache whose bytes changed on disk (a flipped block, a
// copy cut and patched) is taken as bytecode and run, and `check` then dies in V8 (a segmentation fault, a trace
// trap, "Maximum call stack size exceeded") at every run after, as a cache V8 accepted is never written again. So
// the file carries a SHA-256 of its payload, checked before V8 sees it. And the folder it is written to must be
// this user's own, reached without a symbolic link and writable by nobody else: a cache home inside another user's
// folder (`sudo` keeping HOME, an XDG_CACHE_HOME on a shared disk) would have the cache written, and the other builds'
// caches deleted, wherever that user points the folder; and it must be absolute.
import {createHash} from 'node:crypto';
import * as fs from 'node:fs';
import {dirname, isAbsolute} from 'node:path';

const MAGIC = Buffer.from('hfjw-cc1');
const DIGEST = 32;

/** The cache's bytes as written: a mark, the payload's SHA-256, the payload. */
export function sealCodeCache(payload: Buffer): Buffer {
  return Buffer.concat([MAGIC, createHash('sha256').update(payload).digest(), payload]);
}

/** The payload of a sealed cache whose SHA-256 holds; undefined for anything else (old, cut, changed). */
export function openCodeCache(file: Buffer): Buffer | undefined {
  const head = MAGIC.length + DIGEST;
  if (file.length <= head || !file.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const payload = file.subarray(head);
  const digest = createHash('sha256').update(payload).digest();
  return digest.equals(file.subarray(MAGIC.length, head)) ? payload : undefined;
}

/**
 * Whether `dir` (`<cache home>/hf-jobs-wizard/code-cache`) and the two folders above it are folders of this user's
 * (not links to one) that nobody else can write: then nobody else can swap any of them between this check and the
 * write. A folder missing counts as fine (this user makes it, 0700). The cache is neither read nor written otherwise.
 */
export function isOwnCacheDir(dir: string, uid: number | undefined = process.getuid?.()): boolean {
  // A relative XDG_CACHE_HOME (which the XDG spec says to ignore) would put the cache in the folder check runs in: a
  // cloned repository could then bring its own "cache", files the user owns.
  if (!isAbsolute(dir)) return false;
  if (uid === undefined) return true; // no uids on this platform (Windows): the profile folder is the user's
  for (const folder of [dir, dirname(dir), dirname(dirname(dir))]) {
    let st: fs.Stats;
    try {
      st = fs.lstatSync(folder);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      return false;
    }
    if (!st.isDirectory() || st.uid !== uid || st.mode & 0o022) return false;
  }
  return true;
}
