// Atomic file writes: temp file in the same folder, fsync, rename. By default private (file 0600, folder 0700, like
// huggingface_hub ≥ 1.16) for the token store; `{mode: 0o644, privateDir: false}` for a normal project file, whose
// folder is created 0755 when missing and never chmodded when it exists.
// A write that fails, or a Ctrl-C / SIGTERM in the middle of one, leaves the old file whole and no temp file behind:
// the interrupt ends the process (exit 130 for Ctrl-C) instead of surfacing as a false "Could not write" later.
// Temp files a killed process left (SIGKILL, power loss: they can hold a whole token) are removed on the next write.
import {randomBytes} from 'node:crypto';
import {rmSync} from 'node:fs';
import {chmod, open, readdir, rename, rm, stat} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {storeError} from './errors.js';
import {makeDirs} from './mkdirs.js';

export async function ensurePrivateDir(dir: string): Promise<void> {
  try {
    await makeDirs(dir, 0o700);
  } catch (error) {
    throw storeError(error, 'create the folder', dir);
  }
  await chmod(dir, 0o700).catch(() => undefined); // ignored on Windows and foreign-owned folders, like Python
}

/** Temp files being written right now (temp -> the file it will become): removed synchronously on an interrupt. */
const pendingTemps = new Map<string, string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function onSignal(signal: NodeJS.Signals): void {
  const targets = [...new Set(pendingTemps.values())];
  for (const tmp of pendingTemps.keys()) rmSync(tmp, {force: true});
  pendingTemps.clear();
  for (const s of SIGNALS) process.off(s, onSignal);
  // Nobody else handles it: re-raise, so the process ends the way it would have without us.
  if (process.listenerCount(signal) === 0) {
    process.kill(process.pid, signal);
    return;
  }
  // Someone else listens (Ink's exit hook, a command's Ctrl-C handler) and would keep the process alive: the write
  // would then fail on its vanished temp file with a false "Could not write … (ENOENT)". Stop here, honestly.
  try {
    process.stderr.write(`\nInterrupted: ${targets.join(', ')} left as it was.\n`);
  } catch {
    // stderr closed: the exit code still says it
  }
  process.exit(signal === 'SIGINT' ? 130 : 143);
}

function track(tmp: string, target: string): void {
  if (pendingTemps.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pendingTemps.set(tmp, target);
}

function untrack(tmp: string): void {
  pendingTemps.delete(tmp);
  if (pendingTemps.size === 0) for (const s of SIGNALS) process.off(s, onSignal);
}

function tempName(path: string): string {
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A temp file older than this is stale even if its pid is alive again (reused by another process). */
const STALE_AFTER_MS = 10 * 60_000;

/**
 * Removes `.<name>.tmp-<pid>-<hex>` files next to `path` that no running write owns: their process is gone, or they
 * are older than 10 minutes. Returns the paths removed. Never throws (a folder we cannot list has nothing to clean).
 */
export async function removeStaleTemps(path: string, now = Date.now()): Promise<string[]> {
  const dir = dirname(path);
  const prefix = `.${basename(path)}.tmp-`;
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const removed: string[] = [];
  for (const name of names) {
    if (!name.startsWith(prefix)) continue;
    const m = /^(\d+)-[0-9a-f]+$/.exec(name.slice(prefix.length));
    if (!m) continue;
    const full = join(dir, name);
    if (pendingTemps.has(full)) continue;
    const pid = Number(m[1]);
    let stale = pid === process.pid || !pidAlive(pid);
    if (!stale) {
      const s = await stat(full).catch(() => undefined);
      stale = s !== undefined && now - s.mtimeMs > STALE_AFTER_MS;
    }
    if (!stale) continue;
    try {
      await rm(full, {force: true});
      removed.push(full);
    } catch {
      // not ours to remove (permissions): leave it
    }
  }
  return removed;
}

export interface WriteFileAtomicOptions {
  /** The file's mode (default 0o600: a secret). */
  mode?: number;
  /** Create the folder 0700 and chmod an existing one to 0700 (default true). false: mkdir 0755 when missing, no chmod. */
  privateDir?: boolean;
}

export async function writeFileAtomic(path: string, data: string, options: WriteFileAtomicOptions = {}): Promise<void> {
  const mode = options.mode ?? 0o600;
  const dir = dirname(path);
  if (options.privateDir ?? true) await ensurePrivateDir(dir);
  else {
    try {
      await makeDirs(dir, 0o755);
    } catch (error) {
      throw storeError(error, 'create the folder', dir);
    }
  }
  await removeStaleTemps(path);
  const tmp = tempName(path);
  track(tmp, path);
  try {
    const handle = await open(tmp, 'wx', mode);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, {force: true}).catch(() => undefined);
    throw storeError(error, 'write', path);
  } finally {
    untrack(tmp);
  }
  await chmod(path, mode).catch(() => undefined);
}
