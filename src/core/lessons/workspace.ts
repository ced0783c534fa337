// The learner's copies of an exercise's files: `<workspace>/<lesson folder>/<exercise id>/`.
// Starting files are copied once (never over the learner's edits); reset and "copy the solution" overwrite.
import {existsSync} from 'node:fs';
import {copyFile, writeFile} from 'node:fs/promises';
import {join, resolve} from 'node:path';
import {storeError} from '../store/errors.js';
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
  // One level at a time: `mkdir -p` under /proc never returns (`learn --workspace /proc/x` hung); a sentence instead.
  await makeDirs(dir).catch((error: unknown) => {
    throw storeError(error, 'create the folder', dir);
  });
  const copied: string[] = [];
  for (const f of exercise.files) {
    const target = join(dir, f);
    if (!overwrite && existsSync(target)) continue;
    const source = join(exerciseDir(lesson, exercise, which), f);
    // A solution may leave a starting file unchanged and not ship it.
    const from = which === 'solution' && !existsSync(source) ? join(exerciseDir(lesson, exercise, 'start'), f) : source;
    // Not shipped at all: an example job's own script, taken from the examples catalog.
    const script = existsSync(from) ? undefined : examples.scriptFile(f);
    if (script !== undefined) await writeFile(target, script);
    else await copyFile(from, target);
    copied.push(target);
  }
  return copied;
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
