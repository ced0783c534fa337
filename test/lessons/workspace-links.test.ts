// The tutorial's workspace writes regular files only, in folders of its own (src/core/lessons/workspace.ts). A
// workspace inside a cloned repository (`<cwd>/hf-jobs-lessons`) may hold what the repository's author put there: a
// starting file that is a symlink (even one to a file that does not exist yet) was written through, so preparing,
// resetting or copying a solution wrote the exercise's text to wherever the link pointed (a shell profile, a key file).
import {lstat, mkdir, mkdtemp, readFile, rm, symlink, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {loadLessons} from '../../src/core/lessons/loader.js';
import type {FileExercise} from '../../src/core/lessons/workspace.js';
import {copySolution, exerciseWorkspace, prepareWorkspace, resetWorkspace} from '../../src/core/lessons/workspace.js';
import {CATALOG} from '../helpers/lessons.js';

const lessons = await loadLessons(CATALOG);
const found = lessons.flatMap((lesson) =>
  lesson.exercises
    .filter((e): e is FileExercise => 'files' in e && Array.isArray(e.files) && e.files.length > 0)
    .map((exercise) => ({lesson, exercise})),
)[0]!;

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hfjw-ws-links-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

describe('a workspace file planted as a symlink is never written through', () => {
  for (const [name, write] of [
    ['prepare', prepareWorkspace],
    ['reset', resetWorkspace],
    ['copy the solution', copySolution],
  ] as const) {
    it(`${name}: a link to a file that does not exist yet, and to one that does`, async () => {
      const root = join(dir, name.replace(/ /g, '-'));
      const ws = exerciseWorkspace(root, found.lesson, found.exercise);
      await mkdir(ws, {recursive: true});
      const file = found.exercise.files[0]!;
      const missing = join(dir, `${name}-victim-new`);
      await symlink(missing, join(ws, file));
      await expect(write(root, found.lesson, found.exercise, CATALOG)).rejects.toThrow(/symbolic link/);
      await expect(lstat(missing)).rejects.toThrow();

      const existing = join(dir, `${name}-victim`);
      await writeFile(existing, 'mine\n');
      await rm(join(ws, file));
      await symlink(existing, join(ws, file));
      await expect(write(root, found.lesson, found.exercise, CATALOG)).rejects.toThrow(/symbolic link/);
      expect(await readFile(existing, 'utf8')).toBe('mine\n');
    });
  }

  it('a lesson folder planted as a symlink to elsewhere is refused too', async () => {
    const root = join(dir, 'folder-link');
    const ws = exerciseWorkspace(root, found.lesson, found.exercise);
    const elsewhere = join(dir, 'elsewhere');
    await mkdir(elsewhere);
    await mkdir(root, {recursive: true});
    await symlink(elsewhere, join(root, found.lesson.dirName));
    await expect(copySolution(root, found.lesson, found.exercise, CATALOG)).rejects.toThrow(/symbolic link/);
    expect(ws.startsWith(root)).toBe(true);
  });

  it('an ordinary workspace is still prepared, reset and given the solution', async () => {
    const root = join(dir, 'plain');
    expect((await prepareWorkspace(root, found.lesson, found.exercise, CATALOG)).length).toBeGreaterThan(0);
    expect((await resetWorkspace(root, found.lesson, found.exercise, CATALOG)).length).toBeGreaterThan(0);
    expect((await copySolution(root, found.lesson, found.exercise, CATALOG)).length).toBeGreaterThan(0);
  });
});
