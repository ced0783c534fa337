// Atomic, private file writes: temp file in the same folder (0600), fsync, rename; folder 0700 (like huggingface_hub ≥ 1.16).
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

export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const dir = dirname(path);
  await ensurePrivateDir(dir);
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  track(tmp);
  try {
    const handle = await open(tmp, 'wx', 0o600);
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
  await chmod(path, 0o600).catch(() => undefined);
}
