// The `token` file: the active token, raw, no newline. Readers strip CR/LF and spaces; empty means none (_clean_token).
import {rm} from 'node:fs/promises';
import {writeFileAtomic} from './atomic.js';
import {storeError} from './errors.js';
import {readLoginFile} from './read.js';

export function cleanToken(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const cleaned = value.replace(/[\r\n]/g, '').trim();
  return cleaned === '' ? undefined : cleaned;
}

/** The saved token, or undefined when there is no file; throws StoreError when it exists but cannot be read. */
export async function readTokenFile(tokenPath: string): Promise<string | undefined> {
  try {
    return cleanToken(await readLoginFile(tokenPath));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw storeError(error, 'read', tokenPath);
  }
}

export async function writeTokenFile(tokenPath: string, token: string): Promise<void> {
  await writeFileAtomic(tokenPath, token);
}

/** Resolves to true when a file was removed. */
export async function removeFile(path: string): Promise<boolean> {
  try {
    await rm(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw storeError(error, 'remove', path);
  }
}
