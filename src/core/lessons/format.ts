// Wording shared by the learn command, plain mode and the Ink view: pure functions returning lines of text.
import {relative} from 'node:path';
import type {Course} from './course.js';
import type {RunOutcome} from './live.js';
import {exerciseDir} from './loader.js';
import type {Exercise, Lesson} from './model.js';
import type {VerifyResult} from './verify.js';

export const KIND_LABEL: Record<Exercise['kind'], string> = {
  quiz: 'quiz',
  'fix-file': 'fix the file',
  live: 'live, on the sandbox',
};

export function progressMark(done: number, total: number): string {
  if (total === 0) return '    ';
  return done === total ? '✓   ' : `${done}/${total} `;
}

export function lessonListLines(course: Course): string[] {
  return course.lessons.map((l) => {
    const s = course.status(l);
    return `${progressMark(s.done, s.total)} ${l.order}. ${l.title}  (${l.id}, ${l.minutes} min, ${s.total} exercise${s.total === 1 ? '' : 's'})`;
  });
}

export function lessonListJson(course: Course): unknown {
  return {
    lessons: course.lessons.map((l) => {
      const s = course.status(l);
      return {
        id: l.id,
        order: l.order,
        title: l.title,
        minutes: l.minutes,
        prerequisites: l.prerequisites,
        read: s.read,
        exercises: l.exercises.map((e) => ({id: e.id, kind: e.kind, title: e.title, done: course.isDone(l, e)})),
      };
    }),
    workspace: course.workspaceRoot,
    progress: course.progress.path,
  };
}

/** Where the learner acts: the Ink view's keys, plain mode's menu entries, or the command's flags. */
export type LearnFace = 'key' | 'menu' | 'command';
/** How each face starts a quiz: the Ink screen's key, the plain menu's entry, or the command line. */
export type QuizStart = LearnFace;

/** What a key of the exercise screen is called in the other faces (the plain menu's entries, learn's flags). */
const KEY_WORDS: Record<string, Record<Exclude<LearnFace, 'key'>, string>> = {
  r: {menu: 'choose "Run the job in hf-job.json"', command: 'use --run EX --token NAME'},
  v: {menu: 'choose "Verify"', command: 'use --verify EX'},
  n: {menu: 'choose "Next"', command: 'use --start with the next exercise'},
};

/**
 * Lesson data and the learn flow name the Ink view's keys ("Press r", "run the job (r)"); plain mode and the command
 * have no such keys. For them "press X" becomes the menu entry or the flag, and a key in parentheses is dropped.
 */
export function faceWords(text: string, face: LearnFace): string {
  if (face === 'key') return text;
  const named =
    face === 'command'
      ? text.replace(
          /\b([Pp])ress r and pick the ([\w-]+) token\b/g,
          (_, p: string, token: string) => `${p === 'P' ? 'R' : 'r'}un it with --run EX --token ${token}`,
        )
      : text;
  return named
    .replace(/ \([rvwn]\)(?=[\s:.,;]|$)/g, '')
    .replace(/\b([Pp])ress ([rvn])\b/g, (_, p: string, key: string) => {
      const words = KEY_WORDS[key]![face];
      return p === 'P' ? words[0]!.toUpperCase() + words.slice(1) : words;
    });
}

/** The task of an exercise, with where its files are. */

const QUIZ_START: Record<QuizStart, string> = {
  key: 'Press v to start answering them, one at a time.',
  menu: 'Choose "Answer the questions" to start, one at a time.',
  command: 'Answer them all at once with --verify and --answers (below).',
};

export function exerciseLines(
  course: Course,
  lesson: Lesson,
  exercise: Exercise,
  cwd: string,
  quizStart: QuizStart = 'key',
): string[] {
  const lines = [
    `${exercise.title}  (${KIND_LABEL[exercise.kind]}${course.isDone(lesson, exercise) ? ', done ✓' : ''})`,
  ];
  if (exercise.kind !== 'quiz') {
    lines.push('', faceWords(exercise.task, quizStart), '');
    const dir = course.workspaceDir(lesson, exercise);
    const rel = relative(cwd, dir);
    const shown = rel && !rel.startsWith('..') ? rel : dir;
    lines.push(`Files to edit, in ${shown}:`);
    for (const f of exercise.files) lines.push(`  ${f}`);
  } else {
    lines.push(
      '',
      `${exercise.questions.length} question${exercise.questions.length === 1 ? '' : 's'}. ${QUIZ_START[quizStart]}`,
    );
  }
  return lines;
}

export function verifyLines(result: VerifyResult, face: LearnFace = 'key'): string[] {
  return [
    `${result.passed ? '✓ PASS' : '✗ Not yet'}: ${faceWords(result.summary, face)}`,
    ...result.items.map((i) => `  ${i.ok ? '✓' : '✗'} ${faceWords(i.text, face)}`),
  ];
}

/** After a pass: the reference solution (a quiz's right answers, else where the solution files are). */
export function solutionLines(lesson: Lesson, exercise: Exercise): string[] {
  const lines = ['Reference solution:', `  ${exercise.solution}`];
  if (exercise.kind === 'quiz') {
    exercise.questions.forEach((q, i) => {
      const right = q.choices.find((c) => c.correct)!;
      lines.push(`  ${i + 1}. ${right.text}`);
    });
  } else lines.push(`  Solution files: ${exerciseDir(lesson, exercise, 'solution')}`);
  return lines;
}

/** The n-th hint (Course.hint gives undefined when the exercise has none). */
export function hintLine(exercise: Exercise, n: number, hint: string | undefined, face: LearnFace = 'key'): string {
  return hint === undefined
    ? 'This exercise has no hints.'
    : `Hint ${n} of ${exercise.hints.length}: ${faceWords(hint, face)}`;
}

/** How a practice job run ended (or that the Hub refused to create it). */
export function runEndLine(outcome: RunOutcome): string {
  if (!outcome.record.jobId) return 'No job was created.';
  const end = `Job ${outcome.record.jobId} ended ${outcome.stage ?? 'in an unknown stage'}`;
  // The sandbox stopped answering (closed mid-run, or the instructor's stopped): say so, and what to do.
  return outcome.unanswered
    ? `${end}${outcome.stage ? ' (as its log says)' : ''}: the sandbox at ${outcome.unanswered} stopped answering. Start it again (or ask whoever runs it), then run the job again.`
    : `${end}.`;
}
