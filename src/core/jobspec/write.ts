// Saving hf-job.json: atomic (temp file + rename in the same folder), the folder created when missing, and never
// with a real token in it (not in a value, not in a key).
//
// Why not store/atomic.ts's writeFileAtomic: it is for secrets. It makes the file 0600 and chmods the folder to
// 0700 (ensurePrivateDir), which would lock other users out of a project folder. A job config is not a secret:
// 0644 in a normal 0755 folder. When writeFileAtomic takes a mode, this should become a call to it.
import {randomBytes} from 'node:crypto';
import {mkdir, open, rename, rm} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {redactSecrets} from '../tokens/mask.js';
import type {JobConfig} from './config.js';
import {findTokenLike} from './placeholder.js';
import {JobSpecError} from './spec.js';

/** Paths (like `secrets.HF_TOKEN`) of every key or string value that looks like a real token; tokens in a path are masked. */
export function findTokensInConfig(value: unknown, path = ''): string[] {
  const show = (p: string) => redactSecrets(p) || '(value)';
  if (typeof value === 'string') return findTokenLike(value).length ? [show(path)] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findTokensInConfig(v, `${path}[${i}]`));
  if (value && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => {
      const here = path ? `${path}.${k}` : k;
      return [...(findTokenLike(k).length ? [`${show(here)} (the name)`] : []), ...findTokensInConfig(v, here)];
    });
  }
  return [];
}

export function serializeJobConfig(config: JobConfig): string {
  const found = findTokensInConfig(config);
  if (found.length) throw new JobSpecError(`Refusing to write a token into a file (${found.join(', ')}): use "$HF_TOKEN" instead; it is filled in from your login when the job is submitted.`, found[0]);
  return JSON.stringify(config, null, 2) + '\n';
}

const FILE_MODE = 0o644;
const DIR_MODE = 0o755;

function writeError(error: unknown, what: string, path: string): JobSpecError {
  const code = (error as NodeJS.ErrnoException).code;
  return new JobSpecError(`Could not ${what} ${redactSecrets(path)}${code ? ` (${code})` : ''}.`);
}

/** Writes the config atomically (0644), creating its folder (0755) when missing. Refuses real-looking tokens. */
export async function writeJobConfig(path: string, config: JobConfig): Promise<void> {
  const data = serializeJobConfig(config);
  const dir = dirname(path);
  try {
    await mkdir(dir, {recursive: true, mode: DIR_MODE});
  } catch (error) {
    throw writeError(error, 'create the folder', dir);
  }
  const tmp = join(dir, `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    const handle = await open(tmp, 'wx', FILE_MODE);
    try {
      await handle.writeFile(data, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, {force: true}).catch(() => undefined);
    throw writeError(error, 'write', path);
  }
}
