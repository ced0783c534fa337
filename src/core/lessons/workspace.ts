// The learner's copies of an exercise's files: `<workspace>/<lesson folder>/<exercise id>/`.
// Starting files are copied once (never over the learner's edits); reset and "copy the solution" overwrite.
// Only regular files are written, in folders that are no symbolic links below the workspace: the default workspace
// (`<cwd>/hf-jobs-lessons`) may sit in a cloned repository whose author planted `train.py -> ~/.bashrc` there.
import {constants, existsSync} from 'node:fs';
import {lstat, open, readFile, readlink} from 'node:fs/promises';
import {join, relative, resolve, sep} from 'node:path';
import {StoreError, storeError} from '../store/errors.js';
import {makeDirs} from '../store/mkdirs.js';
import type {LessonExamples} from './example-files.js';
import {exerciseDir} from './loader.js';
import type {FixFileExercise, Lesson, LiveExercise} from './model.js';

export type FileExercise = FixFileExercise | LiveExercise;

/** `--workspace`, else the one remembered in progress, else `<cwd>/hf-jobs-lessons`. */
export function resolveWorkspaceRoot(flag: string | undefined, remembered: string | undefined, cwd: string): string {
  if (flag) return resolve(cwd, flag);
  if (remembered) return remembered;
  return resolve(cwd, 'hf-jobs-lessons');
}

export function exerciseWorkspace(root: string, lesson: Lesson, exercise: FileExercise): string {
  return join(root, lesson.dirName, exercise.id);
}

export function workspaceFiles(root: string, lesson: Lesson, exercise: FileExercise): string[] {
  const dir = exerciseWorkspace(root, lesson, exercise);
  return exercise.files.map((f) => join(dir, f));
}

async function copyFrom(
  which: 'start' | 'solution',
  root: string,
  lesson: Lesson,
  exercise: FileExercise,
  overwrite: boolean,
  examples: LessonExamples,
): Promise<string[]> {
  const dir = exerciseWorkspace(root, lesson, exercise);
  // Before a folder is made through a planted link, and again after (what was made since).
  await refuseLinkedFolders(root, dir);
  // One level at a time: `mkdir -p` under /proc never returns (`learn --workspace /proc/x` hung); a sentence instead.
  await makeDirs(dir).catch((error: unknown) => {
    throw storeError(error, 'create the folder', dir);
  });
  await refuseLinkedFolders(root, dir);
  const copied: string[] = [];
  for (const f of exercise.files) {
    const target = join(dir, f);
    const planted = await linkAt(target);
    if (planted !== undefined) throw linkError(target, planted);
    if (!overwrite && existsSync(target)) continue;
    const source = join(exerciseDir(lesson, exercise, which), f);
    // A solution may leave a starting file unchanged and not ship it.
    const from = which === 'solution' && !existsSync(source) ? join(exerciseDir(lesson, exercise, 'start'), f) : source;
    // Not shipped at all: an example job's own script, taken from the examples catalog.
    const script = existsSync(from) ? undefined : examples.scriptFile(f);
    await writeRegular(target, script ?? (await readFile(from)));
    copied.push(target);
  }
  return copied;
}

/** Where the symbolic link at `path` points; undefined when `path` is no link (or is not there). */
async function linkAt(path: string): Promise<string | undefined> {
  try {
    if (!(await lstat(path)).isSymbolicLink()) return undefined;
  } catch {
    return undefined;
  }
  return readlink(path).catch(() => '?');
}

function linkError(path: string, to: string): StoreError {
  return new StoreError(
    `Could not write ${path}: it is a symbolic link (to ${to}), and the tutorial writes only regular files in its workspace; remove the link, or pick another folder with --workspace.`,
    path,
    'ELINK',
  );
}

/** Every folder from below `root` down to `dir` must be a real folder, not a link to somewhere else. */
async function refuseLinkedFolders(root: string, dir: string): Promise<void> {
  const below = relative(resolve(root), resolve(dir));
  if (!below || below.startsWith('..')) return;
  let at = resolve(root);
  for (const part of below.split(sep)) {
    at = join(at, part);
    const to = await linkAt(at);
    if (to !== undefined) throw linkError(at, to);
  }
}

/** Creates or truncates `target` without following a link there (O_NOFOLLOW: a link made since the check fails). */
async function writeRegular(target: string, data: string | Buffer): Promise<void> {
  let handle;
  try {
    handle = await open(
      target,
      constants.O_WRONLY | constants.O_CREAT | constants.O_TRUNC | (constants.O_NOFOLLOW ?? 0),
      0o644,
    );
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ELOOP') throw linkError(target, (await linkAt(target)) ?? '?');
    throw storeError(error, 'write', target);
  }
  try {
    await handle.writeFile(data);
  } finally {
    await handle.close();
  }
}

/** Copies files into an exercise's workspace folder; returns the files it wrote. */
export type WorkspaceCopy = (
  root: string,
  lesson: Lesson,
  exercise: FileExercise,
  examples: LessonExamples,
) => Promise<string[]>;

/** Copies the starting files that are not there yet; returns the files it created. */
export const prepareWorkspace: WorkspaceCopy = (root, lesson, exercise, examples) =>
  copyFrom('start', root, lesson, exercise, false, examples);

/** Puts the starting files back, overwriting edits. */
export const resetWorkspace: WorkspaceCopy = (root, lesson, exercise, examples) =>
  copyFrom('start', root, lesson, exercise, true, examples);

/** Writes the reference solution over the workspace (tests, and "show me" after passing). */
export const copySolution: WorkspaceCopy = (root, lesson, exercise, examples) =>
  copyFrom('solution', root, lesson, exercise, true, examples);
