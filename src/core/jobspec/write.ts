// Saving hf-job.json: atomic (temp file + rename in the same folder), and never with a real token in it.
import {randomBytes} from 'node:crypto';
import {open, rename, rm} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import type {JobConfig} from './config.js';
import {looksLikeRealToken} from './placeholder.js';
import {JobSpecError} from './spec.js';

/** Paths (like `secrets.HF_TOKEN`) of every string value that looks like a real token. */
export function findTokensInConfig(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return looksLikeRealToken(value) ? [path || '(value)'] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => findTokensInConfig(v, `${path}[${i}]`));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => findTokensInConfig(v, path ? `${path}.${k}` : k));
  return [];
}

export function serializeJobConfig(config: JobConfig): string {
  const found = findTokensInConfig(config);
  if (found.length) throw new JobSpecError(`Refusing to write a token into a file (${found.join(', ')}): use "$HF_TOKEN" instead; it is filled in from your login when the job is submitted.`, found[0]);
  return JSON.stringify(config, null, 2) + '\n';
}

export async function writeJobConfig(path: string, config: JobConfig): Promise<void> {
  const data = serializeJobConfig(config);
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  const handle = await open(tmp, 'wx', 0o644);
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
}
