// Saving hf-job.json: atomic (temp file + rename in the same folder), the folder created when missing, and never
// with a real token in it (not in a value, not in a key).
import {writeFileAtomic} from '../store/atomic.js';
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
  if (found.length)
    throw new JobSpecError(
      `Refusing to write a token into a file (${found.join(', ')}): use "$HF_TOKEN" instead; it is filled in from your login when the job is submitted.`,
      found[0],
    );
  return JSON.stringify(config, null, 2) + '\n';
}

/** Writes the config atomically as a normal project file (0644; its folder created 0755 when missing, never
 * made private: a job config is not a secret). Refuses real-looking tokens. */
export async function writeJobConfig(path: string, config: JobConfig): Promise<void> {
  const data = serializeJobConfig(config);
  try {
    await writeFileAtomic(path, data, {mode: 0o644, privateDir: false});
  } catch (error) {
    throw new JobSpecError(redactSecrets((error as Error).message));
  }
}
