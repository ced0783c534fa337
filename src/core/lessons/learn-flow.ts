// The `learn` flow as a pure reducer: (state, event, context) -> (state, effects). No I/O here: effects are
// intents (start an exercise, verify, run a job, ...) that the face performs with Course; their results come
// back as events. The Ink view maps keys to these events; plain mode sends the same navigation events.
import {hintLine, runEndLine, solutionLines, verifyLines} from './format.js';
import type {RunOutcome, WhoamiReport} from './live.js';
import {
  PRACTICE_TOKENS,
  type Exercise,
  type Lesson,
  type LiveExercise,
  type PracticeToken,
  type QuizExercise,
} from './model.js';
import {keepRightAnswers, questionsToAsk, type QuizAnswers, type VerifyResult} from './verify.js';

export type LearnScreen =
  | {name: 'list'; index: number}
  | {name: 'lesson'; lesson: Lesson; scroll: number}
  | {name: 'exercise'; lesson: Lesson; exercise: Exercise}
  | {
      name: 'quiz';
      lesson: Lesson;
      exercise: QuizExercise;
      /** The question on screen (its index in the exercise) and the questions still to ask after it. */
      question: number;
      rest: number[];
      choice: number;
      /** One per question: the right answers kept from the last try, then the ones given now. */
      answers: QuizAnswers;
      /** True when this try asks again only the questions the last one got wrong. */
      retry: boolean;
    }
  | {name: 'token'; lesson: Lesson; exercise: Exercise; purpose: 'run' | 'whoami'; index: number}
  | {name: 'confirm-reset'; lesson: Lesson; exercise: Exercise};

export interface LearnOutput {
  tone: 'info' | 'pass' | 'fail';
  lines: string[];
}

export interface LearnState {
  screen: LearnScreen;
  output?: LearnOutput;
  /** Work under way (its label); the learner's events wait until it is done. */
  busy?: string;
  /** The running job's log, the last 200 lines. */
  log: string[];
  /** Hints shown so far, by `lesson/exercise`. */
  hints: Record<string, number>;
  /** A quiz's right answers from its last failed try, by `lesson/exercise`: the next try asks only the rest. */
  quizKept?: Record<string, QuizAnswers>;
}

/** What the reducer asks of the course (Course has all of it) and of the view. */
export interface LearnContext {
  course: {
    readonly lessons: readonly Lesson[];
    isDone(lesson: Lesson, exercise: Exercise): boolean;
    next(lesson: Lesson, exercise?: Exercise): {lesson: Lesson; exercise?: Exercise} | undefined;
  };
  /** Rows of lesson text on one page (the Ink view); scrolling is clamped to it. */
  pageRows?: number;
  /** How many rendered lines a lesson has (the Ink view); without it a lesson does not scroll. */
  lessonLineCount?: (lesson: Lesson) => number;
}

/** The learner's intents. The Ink view maps keys to them per screen (see LEARN_FOOTERS). */
export type LearnUserEvent =
  | {type: 'up'}
  | {type: 'down'}
  | {type: 'page-up'}
  | {type: 'page-down'}
  /** Enter on a list: open the lesson, answer the question, pick the token. */
  | {type: 'select'}
  /** From a lesson: its first open exercise. */
  | {type: 'exercises'}
  | {type: 'open-lesson'; lesson: Lesson}
  | {type: 'open-exercise'; lesson: Lesson; exercise: Exercise}
  | {type: 'verify'}
  | {type: 'hint'}
  | {type: 'run'}
  | {type: 'whoami'}
  | {type: 'reset'}
  | {type: 'yes'}
  | {type: 'no'}
  | {type: 'next'}
  | {type: 'back'}
  | {type: 'quit'};

/** Results of effects. */
export type LearnResultEvent =
  | {type: 'started'}
  | {type: 'hinted'; exercise: Exercise; n: number; hint: string | undefined}
  | {type: 'verified'; lesson: Lesson; exercise: Exercise; result: VerifyResult; answers?: QuizAnswers}
  | {type: 'whoami-done'; token: PracticeToken; report: WhoamiReport}
  | {type: 'log'; line: string}
  | {type: 'ran'; outcome: RunOutcome}
  | {type: 'reset-done'}
  | {type: 'failed'; message: string};

export type LearnEvent = LearnUserEvent | LearnResultEvent | {type: 'interrupt'};

export type LearnEffect =
  | {kind: 'mark-read'; lesson: Lesson}
  | {kind: 'start'; lesson: Lesson; exercise: Exercise}
  | {kind: 'hint'; lesson: Lesson; exercise: Exercise; n: number}
  | {kind: 'verify'; lesson: Lesson; exercise: Exercise; answers?: QuizAnswers}
  | {kind: 'whoami'; token: PracticeToken}
  | {kind: 'run'; lesson: Lesson; exercise: LiveExercise; token: PracticeToken}
  | {kind: 'reset'; lesson: Lesson; exercise: Exercise}
  | {kind: 'exit'; code: number};

export interface LearnTransition {
  state: LearnState;
  effects: LearnEffect[];
}

export const LEARN_FOOTERS: Record<LearnScreen['name'], string> = {
  list: '↑↓ choose · enter open · q quit',
  lesson: '↑↓ scroll · space/b page · e exercises · n next lesson · esc lessons · q quit',
  exercise: 'v verify · h hint · x reset · n next · esc lesson · q quit',
  quiz: '↑↓ choose · enter answer · esc stop',
  token: '↑↓ choose · enter pick · esc cancel',
  'confirm-reset': 'y reset · n keep',
};

/** The exercise screen's keys (a live exercise also runs a job and asks whoami). */
export function exerciseFooter(exercise: Exercise): string {
  return exercise.kind === 'live'
    ? 'v verify · r run job · w whoami · h hint · x reset · n next · esc lesson · q quit'
    : LEARN_FOOTERS.exercise;
}

const LOG_LINES = 200;

const t = (state: LearnState, effects: LearnEffect[] = []): LearnTransition => ({state, effects});

export const hintKey = (lesson: Lesson, exercise: Exercise): string => `${lesson.id}/${exercise.id}`;

/** Where `learn` opens: the given lesson, else the lesson list on the resume point. */
export function initialLearn(lessons: readonly Lesson[], start: {lesson?: Lesson; resume?: Lesson}): LearnTransition {
  if (start.lesson)
    return t({screen: {name: 'lesson', lesson: start.lesson, scroll: 0}, log: [], hints: {}}, [
      {kind: 'mark-read', lesson: start.lesson},
    ]);
  const index = start.resume ? lessons.indexOf(start.resume) : 0;
  return t({screen: {name: 'list', index: Math.max(0, index)}, log: [], hints: {}});
}

function withoutOutput(state: LearnState): LearnState {
  const next = {...state};
  delete next.output;
  return next;
}

function notBusy(state: LearnState): LearnState {
  const next = {...state};
  delete next.busy;
  return next;
}

function toLesson(state: LearnState, lesson: Lesson): LearnTransition {
  const effects: LearnEffect[] =
    state.screen.name === 'lesson' && state.screen.lesson === lesson ? [] : [{kind: 'mark-read', lesson}];
  return t({...state, screen: {name: 'lesson', lesson, scroll: 0}}, effects);
}

function openExercise(state: LearnState, lesson: Lesson, exercise: Exercise): LearnTransition {
  return t({...withoutOutput(state), log: [], screen: {name: 'exercise', lesson, exercise}}, [
    {kind: 'start', lesson, exercise},
  ]);
}

function goNext(state: LearnState, ctx: LearnContext, lesson: Lesson, exercise?: Exercise): LearnTransition {
  const next = ctx.course.next(lesson, exercise);
  if (!next)
    return t({
      ...state,
      output: {tone: 'pass', lines: ['That was the last exercise. Well done!']},
      screen: {name: 'list', index: ctx.course.lessons.length - 1},
    });
  if (next.exercise) return openExercise(state, next.lesson, next.exercise);
  return toLesson(state, next.lesson);
}

/** A quiz try: every question, or after a failed try only the ones it got wrong (the right answers are kept). */
function startQuiz(state: LearnState, lesson: Lesson, exercise: QuizExercise): LearnTransition {
  const kept = state.quizKept?.[hintKey(lesson, exercise)];
  const [question, ...rest] = questionsToAsk(exercise, kept);
  const answers = kept && rest.length + 1 < exercise.questions.length ? [...kept] : [];
  return t({
    ...withoutOutput(state),
    screen: {name: 'quiz', lesson, exercise, question: question!, rest, choice: 0, answers, retry: answers.length > 0},
  });
}

/** The quiz answers kept for a retry after this result (none once it passes or is reset). */
function keptAfter(state: LearnState, key: string, kept: QuizAnswers | undefined): Record<string, QuizAnswers> {
  const all = {...state.quizKept};
  if (kept) all[key] = kept;
  else delete all[key];
  return all;
}

const cycle = (i: number, by: number, n: number) => (i + by + n) % n;

function user(state: LearnState, event: LearnUserEvent, ctx: LearnContext): LearnTransition {
  // Navigation events that any screen takes (plain mode picks from menus instead of keys).
  if (event.type === 'open-lesson') return toLesson(withoutOutput(state), event.lesson);
  if (event.type === 'open-exercise') return openExercise(state, event.lesson, event.exercise);
  const s = state.screen;
  const exit = (): LearnTransition => t(state, [{kind: 'exit', code: 0}]);
  switch (s.name) {
    case 'list': {
      const n = ctx.course.lessons.length;
      if (event.type === 'up') return t({...state, screen: {...s, index: cycle(s.index, -1, n)}});
      if (event.type === 'down') return t({...state, screen: {...s, index: cycle(s.index, 1, n)}});
      if (event.type === 'select') return toLesson(withoutOutput(state), ctx.course.lessons[s.index]!);
      if (event.type === 'quit' || event.type === 'back') return exit();
      return t(state);
    }
    case 'lesson': {
      const rows = ctx.pageRows ?? 1;
      const max = Math.max(0, (ctx.lessonLineCount?.(s.lesson) ?? 0) - rows);
      const scroll = (to: number) => t({...state, screen: {...s, scroll: Math.max(0, Math.min(max, to))}});
      switch (event.type) {
        case 'up':
          return t({...state, screen: {...s, scroll: Math.max(0, s.scroll - 1)}});
        case 'down':
          return scroll(s.scroll + 1);
        case 'page-down':
          return scroll(s.scroll + rows - 1);
        case 'page-up':
          return t({...state, screen: {...s, scroll: Math.max(0, s.scroll - rows + 1)}});
        case 'exercises':
        case 'select': {
          const ex = s.lesson.exercises.find((e) => !ctx.course.isDone(s.lesson, e)) ?? s.lesson.exercises[0];
          return ex ? openExercise(state, s.lesson, ex) : t(state);
        }
        case 'next':
          return goNext(state, ctx, s.lesson, s.lesson.exercises[s.lesson.exercises.length - 1]);
        case 'back':
          return t({...state, screen: {name: 'list', index: ctx.course.lessons.indexOf(s.lesson)}});
        case 'quit':
          return exit();
        default:
          return t(state);
      }
    }
    case 'exercise': {
      const {lesson, exercise} = s;
      switch (event.type) {
        case 'verify':
          if (exercise.kind === 'quiz') return startQuiz(state, lesson, exercise);
          return t({...state, busy: 'Checking…'}, [{kind: 'verify', lesson, exercise}]);
        case 'hint': {
          const key = hintKey(lesson, exercise);
          const n = Math.min((state.hints[key] ?? 0) + 1, exercise.hints.length);
          return t({...state, hints: {...state.hints, [key]: n}}, [{kind: 'hint', lesson, exercise, n}]);
        }
        case 'run':
        case 'whoami':
          if (exercise.kind !== 'live') return t(state);
          return t({...state, screen: {name: 'token', lesson, exercise, purpose: event.type, index: 0}});
        case 'reset':
          return t({...state, screen: {name: 'confirm-reset', lesson, exercise}});
        case 'next':
          return goNext(state, ctx, lesson, exercise);
        case 'back':
          return toLesson(state, lesson);
        case 'quit':
          return exit();
        default:
          return t(state);
      }
    }
    case 'quiz': {
      const n = s.exercise.questions[s.question]!.choices.length;
      const back = {name: 'exercise' as const, lesson: s.lesson, exercise: s.exercise};
      if (event.type === 'up') return t({...state, screen: {...s, choice: cycle(s.choice, -1, n)}});
      if (event.type === 'down') return t({...state, screen: {...s, choice: cycle(s.choice, 1, n)}});
      if (event.type === 'select') {
        const answers = [...s.answers];
        answers[s.question] = s.choice;
        const [next, ...rest] = s.rest;
        if (next !== undefined) return t({...state, screen: {...s, question: next, rest, choice: 0, answers}});
        return t({...state, screen: back, busy: 'Checking…'}, [
          {kind: 'verify', lesson: s.lesson, exercise: s.exercise, answers},
        ]);
      }
      if (event.type === 'back') return t({...state, screen: back});
      return t(state);
    }
    case 'token': {
      const n = PRACTICE_TOKENS.length;
      const back = {name: 'exercise' as const, lesson: s.lesson, exercise: s.exercise};
      if (event.type === 'up') return t({...state, screen: {...s, index: cycle(s.index, -1, n)}});
      if (event.type === 'down') return t({...state, screen: {...s, index: cycle(s.index, 1, n)}});
      if (event.type === 'back') return t({...state, screen: back});
      if (event.type !== 'select') return t(state);
      const token = PRACTICE_TOKENS[s.index]!;
      if (s.purpose === 'whoami')
        return t({...state, screen: back, busy: `whoami with the ${token} token…`}, [{kind: 'whoami', token}]);
      if (s.exercise.kind !== 'live') return t({...state, screen: back});
      return t({...withoutOutput(state), screen: back, log: [], busy: `Running the job with the ${token} token…`}, [
        {kind: 'run', lesson: s.lesson, exercise: s.exercise, token},
      ]);
    }
    case 'confirm-reset': {
      const back = {name: 'exercise' as const, lesson: s.lesson, exercise: s.exercise};
      if (event.type === 'yes') {
        const hints = {...state.hints};
        delete hints[hintKey(s.lesson, s.exercise)];
        const quizKept = keptAfter(state, hintKey(s.lesson, s.exercise), undefined);
        return t({...state, screen: back, hints, quizKept, busy: 'Resetting…'}, [
          {kind: 'reset', lesson: s.lesson, exercise: s.exercise},
        ]);
      }
      if (event.type === 'no' || event.type === 'back') return t({...state, screen: back});
      return t(state);
    }
  }
}

export function learnTransition(state: LearnState, event: LearnEvent, ctx: LearnContext): LearnTransition {
  switch (event.type) {
    case 'interrupt':
      return t(state, [{kind: 'exit', code: 130}]);
    case 'started':
      // The exercise's files are in place now: the same screen, drawn again (its "done" mark may differ).
      return t({...state});
    case 'hinted':
      return t({...state, output: {tone: 'info', lines: [hintLine(event.exercise, event.n, event.hint)]}});
    case 'verified': {
      const {result, lesson, exercise} = event;
      const lines = verifyLines(result);
      if (result.passed) lines.push('', ...solutionLines(lesson, exercise), '', 'Press n for the next exercise.');
      const next = {...notBusy(state), output: {tone: result.passed ? ('pass' as const) : ('fail' as const), lines}};
      if (exercise.kind !== 'quiz' || !event.answers) return t(next);
      const kept = keepRightAnswers(event.answers, result);
      if (kept) lines.push('', 'Press v to answer again: only the questions marked ✗ are asked.');
      return t({...next, quizKept: keptAfter(state, hintKey(lesson, exercise), kept)});
    }
    case 'whoami-done': {
      const r = event.report;
      return t({
        ...notBusy(state),
        output: {
          tone: r.ok ? 'info' : 'fail',
          lines: [`whoami, ${event.token} token (${r.masked}):`, ...r.lines.map((l) => `  ${l}`)],
        },
      });
    }
    case 'log':
      return t({...state, log: [...state.log, event.line].slice(-LOG_LINES)});
    case 'ran': {
      const o = event.outcome;
      return t({
        ...notBusy(state),
        output: {
          tone: o.stage === 'COMPLETED' ? 'pass' : 'fail',
          lines: [runEndLine(o), 'Press v to verify the exercise.'],
        },
      });
    }
    case 'reset-done':
      return t({...notBusy(state), log: [], output: {tone: 'info', lines: ['Reset: the starting files are back.']}});
    case 'failed':
      return t({...notBusy(state), output: {tone: 'fail', lines: [`✗ ${event.message}`]}});
    default:
      // While work is under way the learner's events wait (Ctrl-C still quits).
      if (state.busy) return t(state);
      return user(state, event, ctx);
  }
}
