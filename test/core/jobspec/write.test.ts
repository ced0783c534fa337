// writeJobConfig: creates its folder, writes atomically as a normal (non-secret) project file, refuses tokens.
import {mkdtemp, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {JobSpecError} from '../../../src/core/jobspec/spec.js';
import {writeJobConfig} from '../../../src/core/jobspec/write.js';

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-write-'));
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

const umask = process.umask();

describe('writeJobConfig', () => {
  it('creates missing folders (0755) and writes a 0644 file, leaving no temp file', async () => {
    const path = join(dir, 'jobs', 'first', 'hf-job.json');
    await writeJobConfig(path, {script: 'train.py', secrets: {HF_TOKEN: '$HF_TOKEN'}});
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({script: 'train.py', secrets: {HF_TOKEN: '$HF_TOKEN'}});
    expect((await stat(path)).mode & 0o777).toBe(0o644 & ~umask);
    expect((await stat(join(dir, 'jobs'))).mode & 0o777).toBe(0o755 & ~umask);
    expect(await readdir(join(dir, 'jobs', 'first'))).toEqual(['hf-job.json']);
  });

  it('does not make an existing project folder private', async () => {
    const before = (await stat(dir)).mode & 0o777;
    await writeJobConfig(join(dir, 'hf-job.json'), {command: ['echo', 'hi']});
    expect((await stat(dir)).mode & 0o777).toBe(before);
  });

  it('refuses a real-looking token in a value or a key, without printing it, and writes nothing', async () => {
    const path = join(dir, 'sub', 'hf-job.json');
    for (const config of [
      {script: 'a.py', secrets: {HF_TOKEN: FAKE}},
      {script: 'a.py', env: {[FAKE]: 'x'}},
    ]) {
      const error = await writeJobConfig(path, config).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(JobSpecError);
      expect((error as Error).message).toContain('Refusing to write a token');
      expect((error as Error).message).not.toContain(FAKE);
    }
    await expect(stat(path)).rejects.toThrow();
  });

  it('a folder it cannot create is one clear line', async () => {
    await writeFile(join(dir, 'file'), 'x');
    await expect(writeJobConfig(join(dir, 'file', 'hf-job.json'), {script: 'a.py'})).rejects.toThrow(
      /^Could not create the folder .*\(something else already exists there\)[^\n]*$/,
    );
  });
});
