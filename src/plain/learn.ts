// `learn --plain`: the tutorial as line prompts (@inquirer/prompts): a lesson list, the lesson printed as text,
// then an exercise menu (verify, hint, run, whoami, reset, solution, next). Same Course actions as the Ink view.
import {confirm, select} from '@inquirer/prompts';
import type {CommandIo} from '../commands/io.js';
import {EXIT} from '../commands/io.js';
import type {Course} from '../core/lessons/course.js';
import {exerciseLines, hintLine, progressMark, runEndLine, solutionLines, verifyLines} from '../core/lessons/format.js';
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

type Where = {screen: 'list'} | {screen: 'lesson'; lesson: Lesson} | {screen: 'exercise'; lesson: Lesson; exercise: Exercise} | {screen: 'quit'};

export async function runPlainLearn(input: PlainLearnInput): Promise<number> {
  const {course, target, io} = input;
  const context: Context = input.context ?? {input: io.stdin, output: io.stdout, clearPromptOnDone: false};
  const print = (line = '') => io.stdout.write(line + '\n');
  const color = supportsColor(io.env, io.stdout.isTTY);
  const ansi = {color, hyperlinks: color && supportsHyperlinks(io.env, io.stdout.isTTY)};
  const width = Math.min(io.stdout.columns ?? 80, 100);
  let where: Where = input.lesson ? {screen: 'lesson', lesson: input.lesson} : {screen: 'list'};
  const hintsShown = new Map<string, number>();

  const ask = <T>(message: string, choices: {name: string; value: T}[], def?: T) => select<T>({message, choices, pageSize: 12, ...(def !== undefined ? {default: def} : {})}, context);

  try {
    print(`hf-jobs-wizard learn: lessons on the ${target.label}. Progress: ${course.progress.path}`);
    if (course.progress.notice) print(course.progress.notice);
    while (where.screen !== 'quit') {
      if (where.screen === 'list') {
        const resume = course.resumePoint().lesson;
        const choice: Lesson | 'quit' = await ask<Lesson | 'quit'>(
          'Pick a lesson',
          [...course.lessons.map((l) => {
            const s = course.status(l);
            return {name: `${progressMark(s.done, s.total)}${l.order}. ${l.title} (${l.minutes} min)`, value: l as Lesson | 'quit'};
          }), {name: 'Quit', value: 'quit'}],
          resume,
        );
        where = choice === 'quit' ? {screen: 'quit'} : {screen: 'lesson', lesson: choice};
        continue;
      }
      if (where.screen === 'lesson') {
        const lesson: Lesson = where.lesson;
        print();
        print(linesToAnsi(renderMarkdown(lesson.body, {width}), ansi));
        print();
        await course.progress.markRead(lesson.id);
        const missing = course.missingPrerequisites(lesson);
        if (missing.length) print(`(Builds on: ${missing.map((l) => l.title).join(', ')}.)`);
        const firstOpen = lesson.exercises.find((e) => !course.isDone(lesson, e));
        const choice: Exercise | 'back' | 'quit' = await ask<Exercise | 'back' | 'quit'>(
          `${lesson.title}: exercises`,
          [
            ...lesson.exercises.map((e) => ({name: `${course.isDone(lesson, e) ? '✓' : ' '} ${e.title} (${e.kind})`, value: e as Exercise | 'back' | 'quit'})),
            {name: 'Back to the lessons', value: 'back'},
            {name: 'Quit', value: 'quit'},
          ],
          firstOpen,
        );
        where = choice === 'back' ? {screen: 'list'} : choice === 'quit' ? {screen: 'quit'} : {screen: 'exercise', lesson, exercise: choice};
        continue;
      }
      const lesson: Lesson = where.lesson;
      const exercise: Exercise = where.exercise;
      const dir = await course.start(lesson, exercise);
      print();
      for (const line of exerciseLines(course, lesson, exercise, io.cwd, 'menu')) print(line);
      if (dir) print(`(Full path: ${dir})`);
      type Action = 'verify' | 'hint' | 'run' | 'whoami' | 'reset' | 'next' | 'back' | 'quit';
      const actions: {name: string; value: Action}[] = [
        {name: exercise.kind === 'quiz' ? 'Answer the questions' : 'Verify', value: 'verify'},
        {name: 'Hint', value: 'hint'},
        ...(exercise.kind === 'live' ? [{name: 'Run the job in hf-job.json', value: 'run' as Action}, {name: 'whoami: what may a practice token do?', value: 'whoami' as Action}] : []),
        {name: 'Reset this exercise', value: 'reset'},
        {name: 'Next', value: 'next'},
        {name: 'Back to the lesson', value: 'back'},
        {name: 'Quit', value: 'quit'},
      ];
      let stay = true;
      while (stay) {
        const action = await ask<Action>('What now?', actions);
        switch (action) {
          case 'verify': {
            let answers: QuizAnswers | undefined;
            if (exercise.kind === 'quiz') {
              answers = [];
              for (const [i, q] of exercise.questions.entries()) {
                answers.push(await ask<number>(`${i + 1}/${exercise.questions.length} ${q.prompt}`, q.choices.map((c, j) => ({name: c.text, value: j}))));
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
          case 'hint': {
            const key = `${lesson.id}/${exercise.id}`;
            const n = Math.min((hintsShown.get(key) ?? 0) + 1, exercise.hints.length);
            hintsShown.set(key, n);
            print(hintLine(exercise, n, await course.hint(lesson, exercise, n)));
            break;
          }
          case 'run': {
            if (exercise.kind !== 'live') break;
            const token = await ask<PracticeToken>('Run it with which practice token?', PRACTICE_TOKENS.map((t) => ({name: t, value: t})));
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
            const token = await ask<PracticeToken>('whoami with which practice token?', PRACTICE_TOKENS.map((t) => ({name: t, value: t})));
            const report = await course.whoami(target, token);
            print(`${token} (${report.masked}):`);
            for (const line of report.lines) print(`  ${line}`);
            break;
          }
          case 'reset': {
            const sure = await confirm({message: exercise.kind === 'quiz' ? 'Forget this quiz result?' : `Put the starting files back in ${dir} (your edits are lost)?`, default: false}, context);
            if (sure) {
              await course.reset(lesson, exercise);
              hintsShown.delete(`${lesson.id}/${exercise.id}`);
              print('Reset.');
            }
            break;
          }
          case 'next': {
            const next = course.next(lesson, exercise);
            where = next ? (next.exercise ? {screen: 'exercise', lesson: next.lesson, exercise: next.exercise} : {screen: 'lesson', lesson: next.lesson}) : {screen: 'list'};
            if (!next) print('That was the last exercise. Well done!');
            stay = false;
            break;
          }
          case 'back':
            where = {screen: 'lesson', lesson};
            stay = false;
            break;
          case 'quit':
            where = {screen: 'quit'};
            stay = false;
            break;
        }
      }
    }
    print('Progress saved. Resume any time with `hf-jobs-wizard learn`.');
    return EXIT.ok;
  } catch (error) {
    if ((error as Error).name === 'ExitPromptError' || (error as Error).name === 'AbortPromptError') {
      print('\nProgress saved.');
      return EXIT.interrupted;
    }
    throw error;
  }
}
