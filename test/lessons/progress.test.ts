// The progress store: resumable, atomic, and a broken file is moved aside instead of crashing the app.
import {mkdtemp, readdir, readFile, rm, writeFile, mkdir} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {progressPath, ProgressStore} from '../../src/core/lessons/progress.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'learn-progress-'));
});
afterEach(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe('progress store', () => {
  it('lives in ${XDG_CONFIG_HOME:-~/.config}/hf-jobs-wizard/progress.json', () => {
    expect(progressPath({XDG_CONFIG_HOME: '/x'})).toBe('/x/hf-jobs-wizard/progress.json');
    expect(progressPath({HOME: '/home/u'})).toBe('/home/u/.config/hf-jobs-wizard/progress.json');
  });

  it('saves and resumes: done exercises, hints, position, runs; no temp files left behind', async () => {
    const path = join(dir, 'cfg', 'progress.json');
    const a = await ProgressStore.open(path);
    await Promise.all([
      a.markRead('tokens'),
      a.markDone('tokens', 'token-kinds'),
      a.countHint('errors', 'which-error', 2),
      a.setCurrent('errors', 'which-error'),
    ]);
    await a.addRun({
      lesson: 'errors',
      exercise: 'x',
      token: 'read',
      at: '2026-01-01T00:00:00Z',
      sandbox: '/s',
      namespace: 'practice-user',
      refused: {status: 403, message: 'no'},
    });
    const b = await ProgressStore.open(path);
    expect(b.exercise('tokens', 'token-kinds').done).toBe(true);
    expect(b.lesson('tokens').read).toBe(true);
    expect(b.exercise('errors', 'which-error').hints).toBe(2);
    expect(b.get().current).toEqual({lesson: 'errors', exercise: 'which-error'});
    expect(b.runsFor('errors', 'x', '/s')).toHaveLength(1);
    expect(b.runsFor('errors', 'x', '/other')).toHaveLength(0);
    await b.resetExercise('errors', 'x');
    expect((await ProgressStore.open(path)).runsFor('errors', 'x', '/s')).toHaveLength(0);
    expect((await readdir(join(dir, 'cfg'))).filter((f) => f !== 'progress.json')).toEqual([]);
  });

  it('a broken file is moved aside with a notice, and progress starts fresh', async () => {
    const path = join(dir, 'cfg', 'progress.json');
    await mkdir(join(dir, 'cfg'));
    await writeFile(path, '{"version": 1, "lessons": ');
    const store = await ProgressStore.open(path);
    expect(store.notice).toMatch(/was unreadable; it was moved to .*broken/);
    expect(store.get().lessons).toEqual({});
    await store.markDone('tokens', 'token-kinds');
    expect(JSON.parse(await readFile(path, 'utf8')).lessons.tokens.exercises['token-kinds'].done).toBe(true);
    expect((await readdir(join(dir, 'cfg'))).some((f) => f.includes('broken'))).toBe(true);
  });
});
