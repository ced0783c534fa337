// `learn --plain`: the tutorial as line prompts (asked through the prompt facade, src/prompt.ts): a lesson list, the
// lesson printed as text, then an exercise menu (verify, hint, run, whoami, reset, solution, next). Same Course
// actions as the Ink view, and the same flow (core/lessons/learn-flow.ts) for where each pick leads: lessons,
// exercises, next, back, hints, reset.
import {appCommand} from '../core/invocation.js';
import type {CommandIo} from '../io.js';
import {EXIT} from '../io.js';
import {createAsk} from './ask.js';
import {createLineReader, type LineReader} from './line-reader.js';
import type {Course} from '../core/lessons/course.js';
import {
  exerciseLines,
  faceWords,
  progressMark,
  runEndLine,
  solutionLines,
  verifyLines,
} from '../core/lessons/format.js';
import {hintKey, initialLearn, type LearnEvent, type LearnScreen} from '../core/lessons/learn-flow.js';
import {LearnController} from '../core/lessons/learn-controller.js';
import {linesToAnsi, renderMarkdown, supportsColor, supportsHyperlinks} from '../core/lessons/markdown.js';
import {PRACTICE_TOKENS, type Exercise, type Lesson, type PracticeToken} from '../core/lessons/model.js';
import type {LearnTarget} from '../core/lessons/target.js';
import {keepRightAnswers, questionsToAsk, type QuizAnswers} from '../core/lessons/verify.js';
import {wrappingPrint} from './wrap.js';

export interface PlainLearnInput {
  course: Course;
  target: LearnTarget;
  io: CommandIo;
  lesson?: Lesson;
}

/** One run of `learn --plain`: the course, the controller that holds where the learner is, and the line I/O. */
interface Session {
  course: Course;
  target: LearnTarget;
  io: CommandIo;
  controller: LearnController;
  /** Plain mode's own line reader: nothing is redrawn (a numbered list, then a line), as in the wizard's plain mode. */
  reader: LineReader;
  print(line?: string): void;
  ask<T extends string>(message: string, choices: {name: string; value: T}[], def?: T): Promise<T>;
  confirm(message: string): Promise<boolean>;
  send(event: LearnEvent): Promise<void>;
  quit: boolean;
  /** A quiz's right answers from its last failed try, by `lesson/exercise`: the next try asks only the rest. */
  quizKept: Map<string, QuizAnswers>;
}

function openSession(input: PlainLearnInput): Session {
  const {course, target, io} = input;
  const wrapped = wrappingPrint(io.stdout);
  const print = (line = '') => void wrapped(line);
  // Ctrl-C ends the question being asked (ExitPromptError): progress is saved, exit 130.
  const reader: LineReader = createLineReader(io, () => reader.interrupt());
  const ask = createAsk(io, reader, print);
  // Where the learner is, and what each menu pick does, is the learn flow shared with the Ink view, run by the same
  // controller (core/lessons/learn-controller.ts: it performs the effects); this face prints each new output.
  const session: Session = {
    course,
    target,
    io,
    controller: new LearnController({
      course,
      target,
      start: initialLearn(
        course.lessons,
        input.lesson ? {lesson: input.lesson} : {resume: course.resumePoint().lesson},
      ),
      onExit: () => (session.quit = true),
    }),
    reader,
    print,
    ask,
    confirm: (message) =>
      ask(
        message,
        [
          {name: 'Yes', value: true},
          {name: 'No', value: false},
        ],
        false,
      ),
    send: (event) => session.controller.send(event),
    quit: false,
    quizKept: new Map(),
  };
  let shown = session.controller.getState().output;
  session.controller.subscribe((s) => {
    // The flow's lines name the Ink view's keys ("Press v"); here they are menu entries.
    if (s.output && s.output !== shown) for (const line of s.output.lines) session.print(faceWords(line, 'menu'));
    shown = s.output;
  });
  return session;
}

export async function runPlainLearn(input: PlainLearnInput): Promise<number> {
  const s = openSession(input);
  try {
    s.print(`hf-jobs-wizard learn: lessons on the ${s.target.label}. Progress: ${s.course.progress.path}`);
    if (s.course.progress.notice) s.print(s.course.progress.notice);
    await s.controller.begin();
    while (!s.quit) {
      const screen = s.controller.getState().screen;
      if (screen.name === 'list') await pickLesson(s);
      else if (screen.name === 'lesson') await readLesson(s, screen.lesson);
      else if (screen.name === 'exercise') await exerciseMenu(s, screen.lesson, screen.exercise);
      else throw new Error(`learn --plain has no ${screen.name} screen`);
    }
    s.print(`Progress saved. Resume any time with \`${appCommand('learn')}\`.`);
    return EXIT.ok;
  } catch (error) {
    if ((error as Error).name === 'ExitPromptError' || (error as Error).name === 'AbortPromptError') {
      s.print('\nProgress saved.');
      return EXIT.interrupted;
    }
    throw error;
  } finally {
    s.reader.close();
  }
}

async function pickLesson(s: Session): Promise<void> {
  const {course} = s;
  const choice = await s.ask(
    'Pick a lesson',
    [
      ...course.lessons.map((l) => {
        const st = course.status(l);
        return {name: `${progressMark(st.done, st.total)}${l.order}. ${l.title} (${l.minutes} min)`, value: l.id};
      }),
      {name: 'Quit', value: ' quit'},
    ],
    course.resumePoint().lesson?.id,
  );
  const lesson = course.lessons.find((l) => l.id === choice);
  await s.send(lesson ? {type: 'open-lesson', lesson} : {type: 'quit'});
}

async function readLesson(s: Session, lesson: Lesson): Promise<void> {
  const {course, io} = s;
  const color = supportsColor(io.env, io.stdout.isTTY);
  const ansi = {color, hyperlinks: color && supportsHyperlinks(io.env, io.stdout.isTTY)};
  s.print();
  s.print(linesToAnsi(renderMarkdown(lesson.body, {width: Math.min(io.stdout.columns ?? 80, 100)}), ansi));
  s.print();
  const missing = course.missingPrerequisites(lesson);
  if (missing.length) s.print(`(Builds on: ${missing.map((l) => l.title).join(', ')}.)`);
  const firstOpen = lesson.exercises.find((e) => !course.isDone(lesson, e));
  // Exercise ids are a lesson's own names; ' back' and ' quit' (with a space) cannot be one.
  const choice = await s.ask(
    `${lesson.title}: exercises`,
    [
      ...lesson.exercises.map((e) => ({
        // No padding for the undone ones: a numbered list aligns itself, and the name is what a typed prefix matches.
        name: `${course.isDone(lesson, e) ? '✓ ' : ''}${e.title} (${e.kind})`,
        value: e.id,
      })),
      {name: 'Back to the lessons', value: ' back'},
      {name: 'Quit', value: ' quit'},
    ],
    firstOpen?.id,
  );
  const exercise = lesson.exercises.find((e) => e.id === choice);
  await s.send(
    exercise ? {type: 'open-exercise', lesson, exercise} : choice === ' back' ? {type: 'back'} : {type: 'quit'},
  );
}

type Action = 'verify' | 'hint' | 'run' | 'whoami' | 'reset' | 'next' | 'back' | 'quit';

async function exerciseMenu(s: Session, lesson: Lesson, exercise: Exercise): Promise<void> {
  s.print();
  for (const line of exerciseLines(s.course, lesson, exercise, s.io.cwd, 'menu')) s.print(line);
  if (s.controller.startedDir) s.print(`(Full path: ${s.controller.startedDir})`);
  const actions: {name: string; value: Action}[] = [
    {name: exercise.kind === 'quiz' ? 'Answer the questions' : 'Verify', value: 'verify'},
    {name: 'Hint', value: 'hint'},
    ...(exercise.kind === 'live'
      ? [
          {name: 'Run the job in hf-job.json', value: 'run' as Action},
          {name: 'whoami: what may a practice token do?', value: 'whoami' as Action},
        ]
      : []),
    {name: 'Reset this exercise', value: 'reset'},
    {name: 'Next', value: 'next'},
    {name: 'Back to the lesson', value: 'back'},
    {name: 'Quit', value: 'quit'},
  ];
  const here = (screen: LearnScreen) =>
    screen.name === 'exercise' && screen.lesson === lesson && screen.exercise === exercise;
  while (!s.quit && here(s.controller.getState().screen)) {
    await act(s, lesson, exercise, await s.ask<Action>('What now?', actions));
  }
}

async function act(s: Session, lesson: Lesson, exercise: Exercise, action: Action): Promise<void> {
  switch (action) {
    case 'verify':
      return verify(s, lesson, exercise);
    case 'run':
      return runJob(s, lesson, exercise);
    case 'whoami': {
      const token = await pickToken(s, 'whoami with which practice token?');
      const report = await s.course.whoami(s.target, token);
      s.print(`${token} (${report.masked}):`);
      for (const line of report.lines) s.print(`  ${line}`);
      return;
    }
    case 'reset': {
      await s.send({type: 'reset'});
      const sure = await s.confirm(
        exercise.kind === 'quiz'
          ? 'Forget this quiz result?'
          : `Put the starting files back in ${s.controller.startedDir} (your edits are lost)?`,
      );
      if (sure) s.quizKept.delete(hintKey(lesson, exercise));
      return s.send(sure ? {type: 'yes'} : {type: 'no'});
    }
    case 'hint':
    case 'next':
    case 'back':
    case 'quit':
      return s.send({type: action});
  }
}

const pickToken = (s: Session, message: string): Promise<PracticeToken> =>
  s.ask<PracticeToken>(
    message,
    PRACTICE_TOKENS.map((t) => ({name: t, value: t})),
  );

async function verify(s: Session, lesson: Lesson, exercise: Exercise): Promise<void> {
  const key = hintKey(lesson, exercise);
  let answers: QuizAnswers | undefined;
  if (exercise.kind === 'quiz') {
    const kept = s.quizKept.get(key);
    const asked = questionsToAsk(exercise, kept);
    const retry = Boolean(kept) && asked.length < exercise.questions.length;
    answers = retry ? [...kept!] : [];
    if (retry)
      s.print(
        asked.length === 1
          ? 'Asking again the question you missed; your right answers are kept.'
          : `Asking again the ${asked.length} questions you missed; your right answers are kept.`,
      );
    for (const i of asked) {
      const q = exercise.questions[i]!;
      const picked = await s.ask(
        `${i + 1}/${exercise.questions.length} ${q.prompt}`,
        q.choices.map((c, j) => ({name: c.text, value: String(j)})),
      );
      answers[i] = Number(picked);
    }
  }
  s.print('Checking…');
  const result = await s.course.verify(lesson, exercise, {...(answers ? {answers} : {}), target: s.target});
  for (const line of verifyLines(result, 'menu')) s.print(line);
  if (result.passed) for (const line of solutionLines(lesson, exercise)) s.print(line);
  if (!answers) return;
  const kept = keepRightAnswers(answers, result);
  if (kept) s.quizKept.set(key, kept);
  else s.quizKept.delete(key);
  if (kept) s.print('Pick "Answer the questions" again: only the questions marked ✗ are asked.');
}

async function runJob(s: Session, lesson: Lesson, exercise: Exercise): Promise<void> {
  if (exercise.kind !== 'live') return;
  const token = await pickToken(s, 'Run it with which practice token?');
  s.print(`Running on the ${s.target.label} with the ${token} token…`);
  try {
    const outcome = await s.course.run(lesson, exercise, token, s.target, (line) => s.print(`  | ${line}`));
    s.print(outcome.record.jobId ? `${runEndLine(outcome)} Verify when you are ready.` : runEndLine(outcome));
  } catch (error) {
    s.print(`✗ ${(error as Error).message}`);
  }
}
