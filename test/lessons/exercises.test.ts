// Every exercise: its starting state fails verification and its reference solution passes, on a real sandbox.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Course} from '../../src/core/lessons/course.js';
import {loadLessons} from '../../src/core/lessons/loader.js';
import type {LearnTarget} from '../../src/core/lessons/target.js';
import {learnTargetOn, useSandbox} from '../helpers/sandbox.js';
import {CATALOG} from '../helpers/lessons.js';

const lessons = await loadLessons(CATALOG);
const sandbox = useSandbox();
let home: string;

const target = (): LearnTarget => learnTargetOn(sandbox.current);

async function freshCourse(name: string): Promise<Course> {
  const dir = join(home, name);
  return Course.open({
    examples: CATALOG,
    env: {XDG_CONFIG_HOME: join(dir, 'config')},
    cwd: dir,
    workspace: join(dir, 'ws'),
  });
}

beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'lessons-ex-'));
});
afterAll(async () => {
  await rm(home, {recursive: true, force: true});
});

describe('every exercise: start fails, solution passes', () => {
  const all = lessons.flatMap((lesson) => lesson.exercises.map((exercise) => ({lesson, exercise})));
  it('there are exercises of all three kinds, at least one per lesson', () => {
    expect(lessons).toHaveLength(7);
    for (const l of lessons) expect(l.exercises.length, l.id).toBeGreaterThan(0);
    expect(new Set(all.map((a) => a.exercise.kind))).toEqual(new Set(['quiz', 'fix-file', 'live']));
  });

  for (const {lesson, exercise} of all) {
    it(`${lesson.id}/${exercise.id} (${exercise.kind})`, async () => {
      const course = await freshCourse(`${lesson.id}-${exercise.id}`);
      const t = target();
      await course.start(lesson, exercise);
      const before = await course.verify(lesson, exercise, {answers: [], target: t});
      expect(before.passed, before.items.map((i) => i.text).join('\n')).toBe(false);
      expect(course.isDone(lesson, exercise)).toBe(false);

      const answers = await course.applySolution(lesson, exercise, t);
      const after = await course.verify(lesson, exercise, {...(answers ? {answers} : {}), target: t});
      expect(after.passed, after.items.map((i) => `${i.ok ? 'ok' : 'FAIL'} ${i.text}`).join('\n')).toBe(true);
      expect(course.isDone(lesson, exercise)).toBe(true);
    });
  }
});
