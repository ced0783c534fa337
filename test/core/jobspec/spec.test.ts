import {mkdtemp, readFile, readdir, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {inspect} from 'node:util';
import {afterEach, describe, expect, it} from 'vitest';
import {JobSpecError, scriptKind, toJobSpec} from '../../../src/core/jobspec/spec.js';
import {writeJobConfig} from '../../../src/core/jobspec/write.js';

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';

describe('toJobSpec', () => {
  it('builds a uv job for a URL script with deps, python, timeout and a resolved secret', () => {
    const spec = toJobSpec(
      {
        script: 'https://example.com/s.py',
        dependencies: ['datasets', 'trl'],
        python: '3.11',
        flavor: 'a10g-small',
        timeout: '1.5h',
        secrets: {HF_TOKEN: '$HF_TOKEN'},
        namespace: 'org',
      },
      {token: FAKE},
    );
    const body = spec.body();
    expect(body).toMatchObject({
      dockerImage: 'ghcr.io/astral-sh/uv:python3.12-bookworm',
      command: ['uv', 'run', '--with', 'datasets', '--with', 'trl', '-p', '3.11', 'https://example.com/s.py'],
      arguments: [],
      flavor: 'a10g-small',
      timeoutSeconds: 5400,
      secrets: {HF_TOKEN: FAKE},
    });
    expect(spec.namespace).toBe('org');
    expect(spec.resolved).toEqual(['secrets.HF_TOKEN']);
  });

  it('never shows the resolved token: JSON, inspect and redacted() mask it', () => {
    const spec = toJobSpec(
      {script: 'https://e.x/s.py', secrets: {HF_TOKEN: '${HF_TOKEN}'}, env: {HF_TOKEN: '$HF_TOKEN'}},
      {token: FAKE},
    );
    const shown = JSON.stringify(spec) + inspect(spec) + JSON.stringify(spec.redacted());
    expect(shown).not.toContain(FAKE);
    expect(shown).toContain('hf_…ke12');
    expect(spec.body().environment.HF_TOKEN).toBe(FAKE);
    expect(spec.notes.join(' ')).toContain('env.HF_TOKEN');
  });

  it('delivers inline multi-line scripts as the MCP tool does (base64 piped to uv run -)', () => {
    const source = 'import os\nprint("hi")\n';
    const body = toJobSpec({script: source, dependencies: ['x']}).body();
    expect(body.command[0]).toBe('/bin/sh');
    expect(body.command[1]).toBe('-lc');
    const b64 = Buffer.from(source).toString('base64');
    expect(body.command[2]).toBe(`echo "${b64}" | base64 -d | uv run --with x -`);
  });

  it('inlines a local file from scriptSource, and refuses a local path without it', () => {
    expect(() => toJobSpec({script: 'train.py'})).toThrow(JobSpecError);
    const body = toJobSpec({script: 'train.py'}, {scriptSource: 'print(1)\n'}).body();
    expect(body.command[2]).toContain(Buffer.from('print(1)\n').toString('base64'));
  });

  it('builds Docker jobs from command strings or arrays, Spaces as spaceId', () => {
    expect(toJobSpec({command: "python -c 'print(1)'"}).body()).toMatchObject({
      dockerImage: 'python:3.12',
      command: ['python', '-c', 'print(1)'],
    });
    expect(toJobSpec({command: ['ls'], image: 'hf.co/spaces/lhoestq/duckdb'}).body()).toMatchObject({
      spaceId: 'lhoestq/duckdb',
      command: ['ls'],
    });
  });

  it('a placeholder with no login is an error; "Bearer $HF_TOKEN" is left alone and flagged', () => {
    expect(() => toJobSpec({script: 'https://e.x/s.py', secrets: {HF_TOKEN: '$HF_TOKEN'}})).toThrow(
      /no token is logged in/,
    );
    const spec = toJobSpec({script: 'https://e.x/s.py', env: {AUTH: 'Bearer $HF_TOKEN'}}, {token: FAKE});
    expect(spec.body().environment.AUTH).toBe('Bearer $HF_TOKEN');
    expect(spec.notes.join(' ')).toContain('only a whole "$HF_TOKEN" is replaced');
  });

  it('classifies scripts', () => {
    expect([scriptKind('https://x/y.py'), scriptKind('a\nb'), scriptKind('train.py'), scriptKind('python')]).toEqual([
      'url',
      'inline',
      'path',
      'command',
    ]);
  });
});

describe('writeJobConfig', () => {
  let dir: string;
  afterEach(async () => {
    if (dir) await rm(dir, {recursive: true, force: true});
  });

  it('writes atomically (no temp file left) and refuses real-looking tokens', async () => {
    dir = await mkdtemp(join(tmpdir(), 'hfjw-spec-'));
    const path = join(dir, 'hf-job.json');
    await writeJobConfig(path, {script: 'train.py', secrets: {HF_TOKEN: '$HF_TOKEN'}});
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual({script: 'train.py', secrets: {HF_TOKEN: '$HF_TOKEN'}});
    await expect(writeJobConfig(path, {script: 'train.py', secrets: {HF_TOKEN: FAKE}})).rejects.toThrow(
      /Refusing to write a token/,
    );
    expect(await readdir(dir)).toEqual(['hf-job.json']);
    expect(JSON.parse(await readFile(path, 'utf8')).secrets.HF_TOKEN).toBe('$HF_TOKEN');
  });
});
