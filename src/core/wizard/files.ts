// The config step's files: what will be written where, a diff against what exists, and atomic writes
// (temp file + rename, so quitting mid-write never leaves a partial file).
import {randomBytes} from 'node:crypto';
import {mkdir, open, readFile, rename, rm} from 'node:fs/promises';
import {basename, dirname, join} from 'node:path';
import {resolveHfPaths, type Env} from '../store/paths.js';
import {readTokenFile} from '../store/token-file.js';
import {redactSecrets} from '../tokens/mask.js';
import type {WizardExample} from './examples.js';
import type {Account, ConfigPlan, PlannedFile} from './types.js';

export async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** A small line diff (LCS): "  " same, "- " removed, "+ " added. Files here are a few dozen lines. */
export function lineDiff(before: string, after: string): string[] {
  const a = before.replace(/\n$/, '').split('\n');
  const b = after.replace(/\n$/, '').split('\n');
  const n = a.length;
  const m = b.length;
  const lcs: number[][] = Array.from({length: n + 1}, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      out.push(`  ${a[i]}`);
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i]![j + 1]! >= lcs[i + 1]![j]!)) out.push(`+ ${b[j++]}`);
    else out.push(`- ${a[i++]}`);
  }
  return out;
}

async function plan(path: string, role: PlannedFile['role'], content: string): Promise<PlannedFile> {
  const existing = await readIfExists(path);
  const preview = content.replace(/\n$/, '').split('\n');
  const file: PlannedFile = {path, role, exists: existing !== undefined, unchanged: existing === content, preview};
  if (existing !== undefined && existing !== content) file.diff = lineDiff(redactSecrets(existing), content).map((l) => redactSecrets(l));
  return file;
}

export async function planFiles(input: {dir: string; example: WizardExample; account: Account | undefined; env: Env}): Promise<ConfigPlan> {
  const files: PlannedFile[] = [];
  if (input.account) {
    const paths = resolveHfPaths(input.env);
    const current = await readTokenFile(paths.tokenPath);
    const envSource = input.account.source === 'HF_TOKEN' || input.account.source === 'HUGGING_FACE_HUB_TOKEN';
    files.push({
      path: paths.tokenPath,
      role: 'token store',
      exists: current !== undefined,
      unchanged: envSource || current === input.account.token,
      preview: [
        envSource ? `(not written: your token comes from ${input.account.sourceLabel})` : `${input.account.masked}  (saved as "${input.account.storageName}", also in ${paths.storedTokensPath})`,
      ],
    });
  }
  files.push(await plan(join(input.dir, 'hf-job.json'), 'job config', input.example.config));
  files.push(await plan(join(input.dir, input.example.scriptName), 'script', input.example.script));
  return {dir: input.dir, files};
}

/** Writes `data` to `path` through a temp file in the same folder and a rename. */
export async function writeAtomic(path: string, data: string): Promise<void> {
  await mkdir(dirname(path), {recursive: true});
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

/** Writes the job config and script (the token store is written by the services through core/store). */
export async function writePlannedFiles(plan: ConfigPlan, example: WizardExample): Promise<string[]> {
  const written: string[] = [];
  for (const file of plan.files) {
    if (file.unchanged || file.role === 'token store') continue;
    await writeAtomic(file.path, file.role === 'job config' ? example.config : example.script);
    written.push(file.path);
  }
  return written;
}
