// Atomic, private file writes: temp file in the same folder (0600), fsync, rename; folder 0700 (like huggingface_hub ≥ 1.16).
import {randomBytes} from 'node:crypto';
import {chmod, mkdir, open, rename, rm} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';

export async function ensurePrivateDir(dir: string): Promise<void> {
  await mkdir(dir, {recursive: true, mode: 0o700});
  await chmod(dir, 0o700).catch(() => undefined); // ignored on Windows and foreign-owned folders, like Python
}

export async function writeFileAtomic(path: string, data: string): Promise<void> {
  const dir = dirname(path);
  await ensurePrivateDir(dir);
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await open(tmp, 'wx', 0o600);
  try {
    await handle.writeFile(data, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, {force: true});
    throw error;
  }
  await chmod(path, 0o600).catch(() => undefined);
}
