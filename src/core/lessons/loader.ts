// Loads lessons from the `lessons/` folder beside the app: `lessons/NN-slug/lesson.md` (front matter + Markdown)
// and `lessons/NN-slug/exercises.json`. Works from source (src/core/lessons -> ../../../lessons) and from the
// bundle (dist/cli.mjs -> ../lessons) by walking up from this module to the first folder holding lessons/.
import {existsSync, statSync} from 'node:fs';
import {readdir, readFile} from 'node:fs/promises';
import {dirname, join, resolve} from 'node:path';
import {fileURLToPath} from 'node:url';
import {FrontMatterError, parseFrontMatter, type FrontValue} from './frontmatter.js';
import {LessonDataError, parseExercises, type Exercise, type Lesson} from './model.js';
import type {LessonExamples} from './example-files.js';
import {explainJsonError} from '../text/json-error.js';

function isLessonsDir(dir: string): boolean {
  try {
    return statSync(dir).isDirectory() && existsSync(join(dir, 'README.md'));
  } catch {
    return false;
  }
}

/** The lessons folder: `HF_JOBS_WIZARD_LESSONS` if set, else the nearest `lessons/` above this module. */
export function findLessonsDir(
  env: NodeJS.ProcessEnv = process.env,
  from: string = dirname(fileURLToPath(import.meta.url)),
): string {
  const override = env.HF_JOBS_WIZARD_LESSONS;
  if (override) {
    if (!isLessonsDir(resolve(override)))
      throw new LessonDataError(`HF_JOBS_WIZARD_LESSONS=${override} is not a lessons folder (no README.md in it).`);
    return resolve(override);
  }
  let dir = from;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'lessons');
    if (isLessonsDir(candidate)) return candidate;
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  throw new LessonDataError(
    `The lessons folder was not found next to the app (looked above ${from}). Reinstall hf-jobs-wizard.`,
  );
}

function asString(v: FrontValue | undefined, key: string, where: string): string {
  if (typeof v !== 'string' || v.trim() === '')
    throw new LessonDataError(`${where}: front matter "${key}" must be a string`);
  return v;
}
function asNumber(v: FrontValue | undefined, key: string, where: string): number {
  if (typeof v !== 'number' || v <= 0)
    throw new LessonDataError(`${where}: front matter "${key}" must be a positive whole number`);
  return v;
}

export async function loadLesson(dir: string, dirName: string, examples: LessonExamples): Promise<Lesson> {
  const mdPath = join(dir, 'lesson.md');
  let parsed;
  try {
    parsed = parseFrontMatter(await readFile(mdPath, 'utf8'));
  } catch (error) {
    if (error instanceof FrontMatterError) throw new LessonDataError(`${mdPath}: ${error.message}`);
    throw new LessonDataError(`${mdPath}: cannot read it (${(error as Error).message})`);
  }
  const d = parsed.data;
  const prerequisites = d.prerequisites ?? [];
  if (!Array.isArray(prerequisites))
    throw new LessonDataError(`${mdPath}: front matter "prerequisites" must be a list like [tokens]`);
  const exPath = join(dir, 'exercises.json');
  let raw: unknown = [];
  if (existsSync(exPath)) {
    const text = await readFile(exPath, 'utf8');
    try {
      raw = JSON.parse(text);
    } catch (error) {
      throw new LessonDataError(explainJsonError(text, error, exPath).message);
    }
  }
  const exercises: Exercise[] = parseExercises(raw, exPath);
  for (const ex of exercises) {
    if (ex.kind === 'quiz') continue;
    for (const f of ex.files) {
      const start = join(dir, 'exercises', ex.id, 'start', f);
      if (!existsSync(start) && examples.scriptFile(f) === undefined)
        throw new LessonDataError(`${exPath} "${ex.id}": the starting file ${start} is missing`);
    }
  }
  return {
    id: asString(d.id, 'id', mdPath),
    title: asString(d.title, 'title', mdPath),
    order: asNumber(d.order, 'order', mdPath),
    minutes: asNumber(d.minutes, 'minutes', mdPath),
    prerequisites,
    dirName,
    dir,
    body: parsed.body.replace(/^\n+/, ''),
    exercises,
  };
}

/**
 * Every lesson, in `order`. Throws LessonDataError naming the file and the problem. `examples`: the catalog whose
 * scripts stand in for the starting files an exercise does not ship.
 */
export async function loadLessons(examples: LessonExamples, root: string = findLessonsDir()): Promise<Lesson[]> {
  const entries = await readdir(root, {withFileTypes: true});
  const dirs = entries
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'lesson.md')))
    .map((e) => e.name)
    .sort();
  const lessons = await Promise.all(dirs.map((name) => loadLesson(join(root, name), name, examples)));
  lessons.sort((a, b) => a.order - b.order);
  const ids = new Set<string>();
  for (const l of lessons) {
    if (ids.has(l.id)) throw new LessonDataError(`Two lessons have the id "${l.id}".`);
    ids.add(l.id);
  }
  for (const l of lessons) {
    for (const p of l.prerequisites)
      if (!ids.has(p)) throw new LessonDataError(`Lesson "${l.id}" lists an unknown prerequisite "${p}".`);
  }
  return lessons;
}

/** By id (`tokens`), order number (`1`), or folder name (`01-tokens`). */
export function findLesson(lessons: Lesson[], key: string): Lesson | undefined {
  const k = key.trim().toLowerCase();
  return lessons.find((l) => l.id === k || l.dirName === k || String(l.order) === k.replace(/^0+(?=\d)/, ''));
}

export function findExercise(lesson: Lesson, key: string): Exercise | undefined {
  const k = key.trim().toLowerCase();
  const n = /^\d+$/.test(k) ? Number(k) : NaN;
  return lesson.exercises.find((e, i) => e.id === k || i + 1 === n);
}

export function exerciseDir(lesson: Lesson, exercise: Exercise, which: 'start' | 'solution'): string {
  return join(lesson.dir, 'exercises', exercise.id, which);
}
