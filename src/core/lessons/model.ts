// Lessons and exercises as data: what a lesson folder holds and the three kinds of exercise.
// `parseExercises` validates exercises.json and names the first problem precisely.
import {PRACTICE_TOKENS, type PracticeToken} from '../practice.js';

/** The one list of practice tokens lives in core/practice.ts; lessons name it from here too. */
export {PRACTICE_TOKENS, type PracticeToken};

export interface QuizChoice {
  text: string;
  correct?: boolean;
  /** Why this choice is wrong (required on wrong choices). */
  explanation?: string;
}

export interface QuizQuestion {
  prompt: string;
  choices: QuizChoice[];
}

interface ExerciseBase {
  id: string;
  title: string;
  hints: string[];
  /** The reference solution, shown after passing. */
  solution: string;
}

export interface QuizExercise extends ExerciseBase {
  kind: 'quiz';
  questions: QuizQuestion[];
}

/** Which checklist ids must pass on the workspace (never string matching). */
export interface CheckExpectation {
  pass: string[];
}

export interface FixFileExercise extends ExerciseBase {
  kind: 'fix-file';
  task: string;
  /** Files copied from `exercises/<id>/start/` into the workspace; the learner edits them. */
  files: string[];
  checks: CheckExpectation;
}

export type LiveVerify =
  /** A run of this exercise with `token` ended COMPLETED. */
  | {type: 'job-completed'; token: PracticeToken}
  /** A run with `token` met a 403 (at submission or in its log), and a later run ended COMPLETED. */
  | {type: 'forbidden-then-fixed'; token: PracticeToken}
  /** A run was refused at submission with `status` (402 under the sandbox's practice-no-credits org), and a later
   * run ended COMPLETED. */
  | {type: 'refused-then-fixed'; status: number}
  /** A run ended COMPLETED and the dataset `<user>/<repo>` has files. */
  | {type: 'dataset-pushed'; repo: string}
  /** A job submitted from outside the tutorial (the real `hf` CLI, Python, MCP) with HF_TOKEN as a secret, not env,
   * ended COMPLETED, and the dataset `<user>/<repo>` has files. */
  | {type: 'cli-job'; repo: string};

/** `submitOutside`: the reference solution submits the job as `hf jobs uv run --secrets HF_TOKEN` would (no tutorial label). */
export type SolutionStep = {run: PracticeToken} | {copySolution: true} | {submitOutside: PracticeToken};

export interface LiveExercise extends ExerciseBase {
  kind: 'live';
  task: string;
  files: string[];
  /** The example job the workspace's hf-job.json runs (src/examples). */
  example: string;
  verify: LiveVerify;
  /** Optional static checks on the workspace, as for fix-file. */
  checks?: CheckExpectation;
  /** What the reference solution does, step by step (the tests replay it). */
  solutionSteps: SolutionStep[];
}

export type Exercise = QuizExercise | FixFileExercise | LiveExercise;

export interface Lesson {
  id: string;
  title: string;
  order: number;
  minutes: number;
  prerequisites: string[];
  /** Folder name under lessons/, e.g. `01-tokens`. */
  dirName: string;
  dir: string;
  /** Markdown without the front matter. */
  body: string;
  exercises: Exercise[];
}

export class LessonDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LessonDataError';
  }
}

type Json = unknown;

function obj(v: Json, where: string): Record<string, Json> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new LessonDataError(`${where} must be an object`);
  return v as Record<string, Json>;
}
function str(o: Record<string, Json>, key: string, where: string): string {
  const v = o[key];
  if (typeof v !== 'string' || v.trim() === '')
    throw new LessonDataError(`${where}: "${key}" must be a non-empty string`);
  return v;
}
function strList(o: Record<string, Json>, key: string, where: string, {required = true} = {}): string[] {
  const v = o[key];
  if (v === undefined && !required) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || x.trim() === ''))
    throw new LessonDataError(`${where}: "${key}" must be a list of strings`);
  return v as string[];
}
function token(v: Json, where: string): PracticeToken {
  if (typeof v !== 'string' || !PRACTICE_TOKENS.includes(v as PracticeToken)) {
    throw new LessonDataError(`${where}: token must be one of ${PRACTICE_TOKENS.join(', ')}`);
  }
  return v as PracticeToken;
}
function checks(v: Json, where: string): CheckExpectation {
  const o = obj(v, `${where}.checks`);
  const pass = strList(o, 'pass', `${where}.checks`);
  if (pass.length === 0) throw new LessonDataError(`${where}.checks.pass must name at least one check id`);
  return {pass};
}
function files(o: Record<string, Json>, where: string): string[] {
  const list = strList(o, 'files', where);
  for (const f of list) {
    if (f.includes('..') || f.startsWith('/') || f.includes('\\'))
      throw new LessonDataError(`${where}: file "${f}" must be a plain relative name`);
  }
  if (list.length === 0) throw new LessonDataError(`${where}: "files" is empty`);
  return list;
}

function parseQuestion(v: Json, where: string): QuizQuestion {
  const o = obj(v, where);
  const prompt = str(o, 'prompt', where);
  if (!Array.isArray(o.choices) || o.choices.length < 2)
    throw new LessonDataError(`${where}: "choices" needs at least two entries`);
  const choices = o.choices.map((c, i): QuizChoice => {
    const co = obj(c, `${where}.choices[${i}]`);
    const text = str(co, 'text', `${where}.choices[${i}]`);
    const correct = co.correct === true;
    if (!correct && (typeof co.explanation !== 'string' || co.explanation.trim() === '')) {
      throw new LessonDataError(`${where}.choices[${i}]: a wrong choice needs an "explanation"`);
    }
    return {
      text,
      ...(correct ? {correct: true} : {}),
      ...(typeof co.explanation === 'string' ? {explanation: co.explanation} : {}),
    };
  });
  if (choices.filter((c) => c.correct).length !== 1)
    throw new LessonDataError(`${where}: exactly one choice must be "correct": true`);
  return {prompt, choices};
}

function parseVerify(v: Json, where: string): LiveVerify {
  const o = obj(v, `${where}.verify`);
  switch (o.type) {
    case 'job-completed':
      return {type: 'job-completed', token: token(o.token, `${where}.verify`)};
    case 'forbidden-then-fixed':
      return {type: 'forbidden-then-fixed', token: token(o.token, `${where}.verify`)};
    case 'refused-then-fixed': {
      const status = o.status;
      if (typeof status !== 'number' || !Number.isInteger(status) || status < 400 || status > 599)
        throw new LessonDataError(`${where}.verify.status must be an HTTP error status (400-599)`);
      return {type: 'refused-then-fixed', status};
    }
    case 'dataset-pushed':
      return {type: 'dataset-pushed', repo: str(o, 'repo', `${where}.verify`)};
    case 'cli-job':
      return {type: 'cli-job', repo: str(o, 'repo', `${where}.verify`)};
    default:
      throw new LessonDataError(
        `${where}.verify.type must be job-completed, forbidden-then-fixed, refused-then-fixed, dataset-pushed or cli-job`,
      );
  }
}

function parseSteps(v: Json, where: string): SolutionStep[] {
  if (!Array.isArray(v) || v.length === 0)
    throw new LessonDataError(`${where}: "solutionSteps" must be a non-empty list`);
  return v.map((s, i) => {
    const o = obj(s, `${where}.solutionSteps[${i}]`);
    if (o.copySolution === true) return {copySolution: true};
    if (o.submitOutside !== undefined) return {submitOutside: token(o.submitOutside, `${where}.solutionSteps[${i}]`)};
    return {run: token(o.run, `${where}.solutionSteps[${i}]`)};
  });
}

export function parseExercises(raw: Json, where: string): Exercise[] {
  if (!Array.isArray(raw)) throw new LessonDataError(`${where} must hold a list of exercises`);
  const seen = new Set<string>();
  return raw.map((item, index) => {
    const w = `${where}[${index}]`;
    const o = obj(item, w);
    const id = str(o, 'id', w);
    if (!/^[a-z0-9][a-z0-9-]*$/.test(id))
      throw new LessonDataError(`${w}: id "${id}" must be lower-case letters, digits and dashes`);
    if (seen.has(id)) throw new LessonDataError(`${w}: id "${id}" is used twice`);
    seen.add(id);
    const at = `${where} "${id}"`;
    const base = {id, title: str(o, 'title', at), hints: strList(o, 'hints', at), solution: str(o, 'solution', at)};
    if (base.hints.length === 0) throw new LessonDataError(`${at}: give at least one hint`);
    switch (o.kind) {
      case 'quiz': {
        if (!Array.isArray(o.questions) || o.questions.length === 0)
          throw new LessonDataError(`${at}: "questions" must be a non-empty list`);
        return {
          ...base,
          kind: 'quiz',
          questions: o.questions.map((q, i) => parseQuestion(q, `${at} question ${i + 1}`)),
        };
      }
      case 'fix-file':
        return {...base, kind: 'fix-file', task: str(o, 'task', at), files: files(o, at), checks: checks(o.checks, at)};
      case 'live':
        return {
          ...base,
          kind: 'live',
          task: str(o, 'task', at),
          files: files(o, at),
          example: str(o, 'example', at),
          verify: parseVerify(o.verify, at),
          ...(o.checks !== undefined ? {checks: checks(o.checks, at)} : {}),
          solutionSteps: parseSteps(o.solutionSteps, at),
        };
      default:
        throw new LessonDataError(`${at}: "kind" must be quiz, fix-file or live`);
    }
  });
}
