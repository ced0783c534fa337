// Atomic file writes: temp file in the same folder, fsync, rename. By default private (file 0600, folder 0700, like
// huggingface_hub ≥ 1.16) for the token store; `{mode: 0o644, privateDir: false}` for a normal project file, whose
// folder is created 0755 when missing and never chmodded when it exists.
// A write that fails, or a Ctrl-C / SIGTERM in the middle of one, leaves the old file whole and no temp file behind.
import {randomBytes} from 'node:crypto';
import {rmSync} from 'node:fs';
import {chmod, mkdir, open, rename, rm} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {storeError} from './errors.js';

export async function ensurePrivateDir(dir: string): Promise<void> {
  try {
    await mkdir(dir, {recursive: true, mode: 0o700});
  } catch (error) {
    throw storeError(error, 'create the folder', dir);
  }
  await chmod(dir, 0o700).catch(() => undefined); // ignored on Windows and foreign-owned folders, like Python
}

/** Temp files being written right now: removed synchronously if the process is interrupted. */
const pendingTemps = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function onSignal(signal: NodeJS.Signals): void {
  for (const tmp of pendingTemps) rmSync(tmp, {force: true});
  pendingTemps.clear();
  for (const s of SIGNALS) process.off(s, onSignal);
  // Nobody else handles it: re-raise, so the process ends the way it would have without us.
  if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
}

function track(tmp: string): void {
  if (pendingTemps.size === 0) for (const s of SIGNALS) process.on(s, onSignal);
  pendingTemps.add(tmp);
}

function untrack(tmp: string): void {
  pendingTemps.delete(tmp);
  if (pendingTemps.size === 0) for (const s of SIGNALS) process.off(s, onSignal);
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
      await mkdir(dir, {recursive: true, mode: 0o755});
    } catch (error) {
      throw storeError(error, 'create the folder', dir);
    }
  }
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  track(tmp);
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
