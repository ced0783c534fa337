// `learn --plain`: the tutorial as line prompts (@inquirer/prompts): a lesson list, the lesson printed as text,
// then an exercise menu (verify, hint, run, whoami, reset, solution, next). Same Course actions as the Ink view, and
// the same flow (core/lessons/learn-flow.ts) for where each pick leads: lessons, exercises, next, back, hints, reset.
import {appCommand} from '../core/invocation.js';
import {confirm, select} from '@inquirer/prompts';
import type {CommandIo} from '../io.js';
import {EXIT} from '../io.js';
import type {Course} from '../core/lessons/course.js';
import {exerciseLines, progressMark, runEndLine, solutionLines, verifyLines} from '../core/lessons/format.js';
import {initialLearn, type LearnEvent, type LearnScreen} from '../core/lessons/learn-flow.js';
import {LearnController} from '../core/lessons/learn-controller.js';
import {linesToAnsi, renderMarkdown, supportsColor, supportsHyperlinks} from '../core/lessons/markdown.js';
import {PRACTICE_TOKENS, type Exercise, type Lesson, type PracticeToken} from '../core/lessons/model.js';
import type {LearnTarget} from '../core/lessons/target.js';
import type {QuizAnswers} from '../core/lessons/verify.js';

type Context = NonNullable<Parameters<typeof select>[1]>;

export interface PlainLearnInput {
  course: Course;
  target: LearnTarget;
  io: CommandIo;
  lesson?: Lesson;
  /** Tests pass their own prompt context. */
  context?: Context;
}

export async function runPlainLearn(input: PlainLearnInput): Promise<number> {
  const {course, target, io} = input;
  const context: Context = input.context ?? {input: io.stdin, output: io.stdout, clearPromptOnDone: false};
  const print = (line = '') => io.stdout.write(line + '\n');
  const color = supportsColor(io.env, io.stdout.isTTY);
  const ansi = {color, hyperlinks: color && supportsHyperlinks(io.env, io.stdout.isTTY)};
  const width = Math.min(io.stdout.columns ?? 80, 100);

  // Where the learner is, and what each menu pick does, is the learn flow shared with the Ink view, run by the same
  // controller (core/lessons/learn-controller.ts: it performs the effects); this face prints each new output.
  let quit = false;
  const controller = new LearnController({
    course,
    target,
    start: initialLearn(course.lessons, input.lesson ? {lesson: input.lesson} : {resume: course.resumePoint().lesson}),
    onExit: () => (quit = true),
  });
  let shown = controller.getState().output;
  controller.subscribe((s) => {
    if (s.output && s.output !== shown) for (const line of s.output.lines) print(line);
    shown = s.output;
  });
  const send = (event: LearnEvent): Promise<void> => controller.send(event);

  const ask = <T>(message: string, choices: {name: string; value: T}[], def?: T) =>
    select<T>({message, choices, pageSize: 12, ...(def !== undefined ? {default: def} : {})}, context);

  try {
    print(`hf-jobs-wizard learn: lessons on the ${target.label}. Progress: ${course.progress.path}`);
    if (course.progress.notice) print(course.progress.notice);
    await controller.begin();
    while (!quit) {
      const screen = controller.getState().screen;
      if (screen.name === 'list') {
        const resume = course.resumePoint().lesson;
        const choice: Lesson | 'quit' = await ask<Lesson | 'quit'>(
          'Pick a lesson',
          [
            ...course.lessons.map((l) => {
              const s = course.status(l);
              return {
                name: `${progressMark(s.done, s.total)}${l.order}. ${l.title} (${l.minutes} min)`,
                value: l as Lesson | 'quit',
              };
            }),
            {name: 'Quit', value: 'quit'},
          ],
          resume,
        );
        await send(choice === 'quit' ? {type: 'quit'} : {type: 'open-lesson', lesson: choice});
        continue;
      }
      if (screen.name === 'lesson') {
        const lesson: Lesson = screen.lesson;
        print();
        print(linesToAnsi(renderMarkdown(lesson.body, {width}), ansi));
        print();
        const missing = course.missingPrerequisites(lesson);
        if (missing.length) print(`(Builds on: ${missing.map((l) => l.title).join(', ')}.)`);
        const firstOpen = lesson.exercises.find((e) => !course.isDone(lesson, e));
        const choice: Exercise | 'back' | 'quit' = await ask<Exercise | 'back' | 'quit'>(
          `${lesson.title}: exercises`,
          [
            ...lesson.exercises.map((e) => ({
              name: `${course.isDone(lesson, e) ? '✓' : ' '} ${e.title} (${e.kind})`,
              value: e as Exercise | 'back' | 'quit',
            })),
            {name: 'Back to the lessons', value: 'back'},
            {name: 'Quit', value: 'quit'},
          ],
          firstOpen,
        );
        await send(
          choice === 'back'
            ? {type: 'back'}
            : choice === 'quit'
              ? {type: 'quit'}
              : {type: 'open-exercise', lesson, exercise: choice},
        );
        continue;
      }
      if (screen.name !== 'exercise') throw new Error(`learn --plain has no ${screen.name} screen`);
      const lesson: Lesson = screen.lesson;
      const exercise: Exercise = screen.exercise;
      print();
      for (const line of exerciseLines(course, lesson, exercise, io.cwd, 'menu')) print(line);
      if (controller.startedDir) print(`(Full path: ${controller.startedDir})`);
      type Action = 'verify' | 'hint' | 'run' | 'whoami' | 'reset' | 'next' | 'back' | 'quit';
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
      const here = (s: LearnScreen) => s.name === 'exercise' && s.lesson === lesson && s.exercise === exercise;
      while (!quit && here(controller.getState().screen)) {
        const action = await ask<Action>('What now?', actions);
        switch (action) {
          case 'verify': {
            let answers: QuizAnswers | undefined;
            if (exercise.kind === 'quiz') {
              answers = [];
              for (const [i, q] of exercise.questions.entries()) {
                answers.push(
                  await ask<number>(
                    `${i + 1}/${exercise.questions.length} ${q.prompt}`,
                    q.choices.map((c, j) => ({name: c.text, value: j})),
                  ),
                );
              }
            }
            print('Checking…');
            const result = await course.verify(lesson, exercise, {...(answers ? {answers} : {}), target});
            for (const line of verifyLines(result)) print(line);
            if (result.passed) {
              for (const line of solutionLines(lesson, exercise)) print(line);
            }
            break;
          }
          case 'hint':
            await send({type: 'hint'});
            break;
          case 'run': {
            if (exercise.kind !== 'live') break;
            const token = await ask<PracticeToken>(
              'Run it with which practice token?',
              PRACTICE_TOKENS.map((t) => ({name: t, value: t})),
            );
            print(`Running on the ${target.label} with the ${token} token…`);
            try {
              const outcome = await course.run(lesson, exercise, token, target, (line) => print(`  | ${line}`));
              print(outcome.record.jobId ? `${runEndLine(outcome)} Verify when you are ready.` : runEndLine(outcome));
            } catch (error) {
              print(`✗ ${(error as Error).message}`);
            }
            break;
          }
          case 'whoami': {
            const token = await ask<PracticeToken>(
              'whoami with which practice token?',
              PRACTICE_TOKENS.map((t) => ({name: t, value: t})),
            );
            const report = await course.whoami(target, token);
            print(`${token} (${report.masked}):`);
            for (const line of report.lines) print(`  ${line}`);
            break;
          }
          case 'reset': {
            await send({type: 'reset'});
            const sure = await confirm(
              {
                message:
                  exercise.kind === 'quiz'
                    ? 'Forget this quiz result?'
                    : `Put the starting files back in ${controller.startedDir} (your edits are lost)?`,
                default: false,
              },
              context,
            );
            await send(sure ? {type: 'yes'} : {type: 'no'});
            break;
          }
          case 'next':
          case 'back':
          case 'quit':
            await send({type: action});
            break;
        }
      }
    }
    print(`Progress saved. Resume any time with \`${appCommand('learn')}\`.`);
    return EXIT.ok;
  } catch (error) {
    if ((error as Error).name === 'ExitPromptError' || (error as Error).name === 'AbortPromptError') {
      print('\nProgress saved.');
      return EXIT.interrupted;
    }
    throw error;
  }
}
