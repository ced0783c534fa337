// Progress: which lessons were read, which exercises passed, and the jobs run for live exercises.
// Kept in `${XDG_CONFIG_HOME:-~/.config}/hf-jobs-wizard/progress.json`, written atomically (temp file + rename).
import {readFile, rename} from 'node:fs/promises';
import {join} from 'node:path';
import {writeFileAtomic} from '../store/atomic.js';
import type {PracticeToken} from './model.js';
import {homeDir} from '../store/paths.js';

export interface ExerciseProgress {
  done: boolean;
  completedAt?: string;
  /** How many hints were revealed. */
  hints?: number;
}

export interface LessonProgress {
  read?: boolean;
  exercises: Record<string, ExerciseProgress>;
}

/** One job a learner ran for a live exercise, as the Hub answered it. */
export interface RunRecord {
  lesson: string;
  exercise: string;
  token: PracticeToken;
  at: string;
  /** Which sandbox the job ran on (its data folder, or its URL): runs on another sandbox do not count. */
  sandbox: string;
  namespace: string;
  /** Set when the Hub created the job. */
  jobId?: string;
  /** When the Hub refused to create it: the HTTP status and its one-line message. */
  refused?: {status?: number; message: string};
}

export interface Progress {
  version: 1;
  current?: {lesson: string; exercise?: string};
  /** Where exercise files are copied; remembered so a later session in another folder finds them. */
  workspace?: string;
  lessons: Record<string, LessonProgress>;
  runs: RunRecord[];
}

export function emptyProgress(): Progress {
  return {version: 1, lessons: {}, runs: []};
}

export function configDir(env: NodeJS.ProcessEnv): string {
  const base = env.XDG_CONFIG_HOME || join(homeDir(env), '.config');
  return join(base, 'hf-jobs-wizard');
}

export function progressPath(env: NodeJS.ProcessEnv): string {
  return join(configDir(env), 'progress.json');
}

function isProgress(v: unknown): v is Progress {
  const p = v as Progress;
  return (
    typeof p === 'object' &&
    p !== null &&
    p.version === 1 &&
    typeof p.lessons === 'object' &&
    p.lessons !== null &&
    Array.isArray(p.runs)
  );
}

export interface LoadedProgress {
  progress: Progress;
  /** Set when an unreadable file was moved aside: say so to the learner. */
  notice?: string;
}

export async function loadProgress(path: string): Promise<LoadedProgress> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {progress: emptyProgress()};
    throw new Error(`Cannot read ${path}: ${(error as Error).message}`);
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (isProgress(parsed)) return {progress: parsed};
  } catch {
    // fall through: move it aside
  }
  const aside = `${path}.broken-${new Date().toISOString().replace(/[:.]/g, '-')}`;
  await rename(path, aside).catch(() => undefined);
  return {
    progress: emptyProgress(),
    notice: `${path} was unreadable; it was moved to ${aside} and progress starts fresh.`,
  };
}

/** Loads once, applies changes in order and saves each one atomically. */
export class ProgressStore {
  private chain: Promise<void> = Promise.resolve();
  private constructor(
    readonly path: string,
    private data: Progress,
    readonly notice?: string,
  ) {}

  static async open(path: string): Promise<ProgressStore> {
    const {progress, notice} = await loadProgress(path);
    return new ProgressStore(path, progress, notice);
  }

  get(): Progress {
    return this.data;
  }

  lesson(id: string): LessonProgress {
    return this.data.lessons[id] ?? {exercises: {}};
  }

  exercise(lesson: string, exercise: string): ExerciseProgress {
    return this.lesson(lesson).exercises[exercise] ?? {done: false};
  }

  /** Applies `change` to a copy, then writes it; resolves once it is on disk. */
  update(change: (p: Progress) => void): Promise<void> {
    const next = structuredClone(this.data);
    change(next);
    this.data = next;
    const text = JSON.stringify(next, null, 2) + '\n';
    this.chain = this.chain.then(() => writeFileAtomic(this.path, text));
    return this.chain;
  }

  markRead(lesson: string): Promise<void> {
    return this.update((p) => {
      const l = (p.lessons[lesson] ??= {exercises: {}});
      l.read = true;
      p.current = {lesson};
    });
  }

  setCurrent(lesson: string, exercise?: string): Promise<void> {
    return this.update((p) => {
      p.current = exercise ? {lesson, exercise} : {lesson};
    });
  }

  markDone(lesson: string, exercise: string, now = new Date()): Promise<void> {
    return this.update((p) => {
      const l = (p.lessons[lesson] ??= {exercises: {}});
      const e = (l.exercises[exercise] ??= {done: false});
      if (!e.done) e.completedAt = now.toISOString();
      e.done = true;
    });
  }

  countHint(lesson: string, exercise: string, shown: number): Promise<void> {
    return this.update((p) => {
      const l = (p.lessons[lesson] ??= {exercises: {}});
      const e = (l.exercises[exercise] ??= {done: false});
      e.hints = Math.max(e.hints ?? 0, shown);
    });
  }

  /** Forgets an exercise's result and its runs (reset). */
  resetExercise(lesson: string, exercise: string): Promise<void> {
    return this.update((p) => {
      delete p.lessons[lesson]?.exercises[exercise];
      p.runs = p.runs.filter((r) => !(r.lesson === lesson && r.exercise === exercise));
    });
  }

  addRun(run: RunRecord): Promise<void> {
    return this.update((p) => {
      p.runs.push(run);
      if (p.runs.length > 200) p.runs = p.runs.slice(-200);
    });
  }

  setWorkspace(dir: string): Promise<void> {
    return this.update((p) => {
      p.workspace = dir;
    });
  }

  runsFor(lesson: string, exercise: string, sandbox: string): RunRecord[] {
    return this.data.runs.filter((r) => r.lesson === lesson && r.exercise === exercise && r.sandbox === sandbox);
  }
}
