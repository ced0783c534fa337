// `hf-jobs-wizard learn`: the tutorial. Interactive (Ink, or --plain line prompts) on a TTY; without one it lists
// the lessons and the flags, and `learn LESSON --verify EXERCISE [--json]` checks an exercise non-interactively.
import {parseArgs} from 'node:util';
import {resolve} from 'node:path';
import {Course} from '../core/lessons/course.js';
import {lessonExamples} from '../core/lessons/example-files.js';
import {EXAMPLES} from '../examples/catalog.js';
import {
  exerciseLines,
  faceWords,
  hintLine,
  lessonListJson,
  lessonListLines,
  runEndLine,
  solutionLines,
  verifyLines,
} from '../core/lessons/format.js';
import {linesToPlain, renderMarkdown} from '../core/lessons/markdown.js';
import {PRACTICE_TOKENS, type Exercise, type Lesson, type PracticeToken} from '../core/lessons/model.js';
import {defaultSandboxData, openTarget, sandboxMovedNotice, type TargetOptions} from '../core/lessons/target.js';
import {parseAnswers, type QuizAnswers, type VerifyResult} from '../core/lessons/verify.js';
import type {FileExercise} from '../core/lessons/workspace.js';
import {AppError, describeError, EXIT, writeLine, type CommandIo} from '../io.js';
import {APP_COMMAND} from '../core/invocation.js';
import {rememberOwnSandbox} from '../core/practice.js';
import {sandboxInfo} from '../core/hub/sandbox-info.js';

const HELP = `Usage: hf-jobs-wizard learn [LESSON] [options]

The tutorial: seven short lessons on Hugging Face tokens and Jobs, with exercises checked by this app
against an offline sandbox Hub. Progress is saved and resumes where you stopped.

Interactive (needs a terminal):
  learn                     the lesson list, then reading and exercise mode
  learn LESSON              open a lesson (its id, e.g. job-token, or its number)
  --plain                   line prompts instead of the full-screen view

Without a terminal (scripts, CI, instructors):
  --list                    the lessons and your progress (with --json: as JSON)
  LESSON                    print the lesson as text
  LESSON --start EX         copy the exercise's files into the workspace and print the task
  LESSON --verify EX        check an exercise: exit 0 pass, 1 not yet (with --json: the result as JSON)
     --answers a,c,b        a quiz's answers, one per question
  LESSON --hint EX          the next hint
  LESSON --run EX           live exercises: run the job in hf-job.json on the sandbox
     --token NAME           with this practice token: read, write, fine-grained or expired
  LESSON --reset EX --yes   put the starting files back and forget the result
  --json                    with --list or --verify: print JSON instead of text
  -y, --yes                 with --reset: do not ask (needed without a terminal)

Where:
  --workspace DIR           where exercise files are copied (default ./hf-jobs-lessons, then remembered)
  --sandbox-data DIR        keep the sandbox's state in DIR (default: the wizard's, ~/.cache/hf-jobs-wizard/sandbox-data)
  --endpoint URL            use a sandbox already serving at URL (a workshop's \`sandbox --data DIR\`); its
                            practice tokens are read from the folder it names (or --sandbox-data DIR)
  -h, --help                show this help

Exit codes: 0 ok (or the exercise passes), 1 not yet or failed, 2 usage error, 130 interrupted.`;

interface Flags {
  plain?: boolean;
  list?: boolean;
  json?: boolean;
  start?: string;
  verify?: string;
  answers?: string;
  hint?: string;
  run?: string;
  token?: string;
  reset?: string;
  yes?: boolean;
  workspace?: string;
  'sandbox-data'?: string;
  endpoint?: string;
  help?: boolean;
}

/** Every flag `learn` accepts (the help lists each one; a test holds it to that). */
export const LEARN_OPTIONS = {
  plain: {type: 'boolean'},
  list: {type: 'boolean'},
  json: {type: 'boolean'},
  start: {type: 'string'},
  verify: {type: 'string'},
  answers: {type: 'string'},
  hint: {type: 'string'},
  run: {type: 'string'},
  token: {type: 'string'},
  reset: {type: 'string'},
  yes: {type: 'boolean', short: 'y'},
  workspace: {type: 'string'},
  'sandbox-data': {type: 'string'},
  endpoint: {type: 'string'},
  help: {type: 'boolean', short: 'h'},
} as const;

export async function run(args: string[], io: CommandIo): Promise<number> {
  let values: Flags;
  let positionals: string[];
  try {
    ({values, positionals} = parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: LEARN_OPTIONS,
    }));
  } catch (error) {
    throw new AppError(`${describeError(error)}. Run \`${APP_COMMAND} learn --help\`.`, {exitCode: EXIT.usage});
  }
  if (values.help) {
    writeLine(io.stdout, HELP);
    return EXIT.ok;
  }
  if (positionals.length > 1) {
    throw new AppError(`one lesson at a time (got ${positionals.join(', ')}).`, {exitCode: EXIT.usage});
  }
  return runLearn(values, positionals[0], io);
}

const ACTIONS = ['start', 'verify', 'hint', 'run', 'reset'] as const;

async function runLearn(flags: Flags, lessonKey: string | undefined, io: CommandIo): Promise<number> {
  const actions = ACTIONS.filter((a) => flags[a] !== undefined);
  if (actions.length > 1) {
    throw new AppError(`use one of --${actions.join(', --')} at a time.`, {exitCode: EXIT.usage});
  }
  const action = actions[0];
  if (action && !lessonKey) {
    throw new AppError(
      `--${action} needs a lesson first, e.g. \`${APP_COMMAND} learn job-token --${action} ${action === 'run' ? 'EXERCISE --token write' : 'EXERCISE'}\`.`,
      {exitCode: EXIT.usage},
    );
  }
  if (flags.answers !== undefined && action !== 'verify') {
    throw new AppError('--answers goes with --verify.', {exitCode: EXIT.usage});
  }
  if (flags.token !== undefined && action !== 'run') {
    throw new AppError('--token goes with --run.', {exitCode: EXIT.usage});
  }
  // A sandbox at --endpoint names its folder (GET /_sandbox/info); the target then reads the tokens there and sends them
  // only once that server proves it serves the folder (core/lessons/target.ts).
  let namedData: string | undefined;
  if (flags.endpoint && !flags['sandbox-data']) {
    namedData = (await sandboxInfo(flags.endpoint))?.dataDir;
    if (!namedData)
      throw new AppError(
        `${flags.endpoint} does not answer as this app's sandbox: give --sandbox-data DIR too (the folder that sandbox was started with), so learn can read its practice tokens.`,
        {exitCode: EXIT.usage},
      );
  }

  const course = await Course.open({
    env: io.env,
    cwd: io.cwd,
    // The lessons run the app's example jobs: core/lessons takes the catalog from here (it does not import examples).
    examples: lessonExamples(EXAMPLES),
    ...(flags.workspace ? {workspace: flags.workspace} : {}),
  });
  if (course.progress.notice) io.stderr.write(`${course.progress.notice}\n`);
  const lesson = lessonKey ? course.lesson(lessonKey) : undefined;
  if (lessonKey && !lesson) {
    throw new AppError(
      `no lesson "${lessonKey}". Lessons: ${course.lessons.map((l) => `${l.order} ${l.id}`).join(', ')}.`,
      {exitCode: EXIT.usage},
    );
  }
  const targetOptions: TargetOptions = {
    ...(flags.endpoint ? {endpoint: flags.endpoint} : {}),
    // A sandbox at --endpoint gets the folder's practice tokens only when it proves it serves that folder.
    servesDataDir: async (url, dir) => (await import('../sandbox/owner.js')).servesDataDir(url, dir),
    // The sandbox is loaded only when a live exercise needs it (off the start-up path).
    startSandbox: async (options) => {
      const sandbox = await (await import('../sandbox/index.js')).startSandbox(options);
      // The folder --sandbox uses (learn's default): the app's own sandbox, which fixes name --sandbox.
      if (!flags['sandbox-data']) rememberOwnSandbox(sandbox.url);
      return sandbox;
    },
    sandboxData: flags['sandbox-data']
      ? resolve(io.cwd, flags['sandbox-data'])
      : (namedData ?? defaultSandboxData(io.env)),
  };
  if (!flags['sandbox-data'] && !namedData && !flags.list) {
    const moved = await sandboxMovedNotice(io.env);
    if (moved) io.stderr.write(`${moved}\n`);
  }

  if (flags.list) {
    if (flags.json) writeLine(io.stdout, JSON.stringify(lessonListJson(course)));
    else for (const line of lessonListLines(course)) writeLine(io.stdout, line);
    return EXIT.ok;
  }

  if (action && lesson) {
    const key = flags[action]!;
    const exercise = course.exercise(lesson, key);
    if (!exercise) {
      throw new AppError(
        `lesson "${lesson.id}" has no exercise "${key}". Its exercises: ${lesson.exercises.map((e) => e.id).join(', ')}.`,
        {exitCode: EXIT.usage},
      );
    }
    return runAction(action, {course, lesson, exercise, flags, targetOptions}, io);
  }

  const interactive = Boolean(io.stdin.isTTY && io.stdout.isTTY);
  if (!interactive) {
    if (lesson) {
      writeLine(io.stdout, linesToPlain(renderMarkdown(lesson.body, {width: Math.min(io.stdout.columns ?? 80, 100)})));
      writeLine(io.stdout);
      writeLine(io.stdout, 'Exercises:');
      for (const e of lesson.exercises)
        writeLine(io.stdout, `  ${course.isDone(lesson, e) ? '✓' : ' '} ${e.id}  ${e.title} (${e.kind})`);
      writeLine(io.stdout, `Start one with: ${APP_COMMAND} learn ${lesson.id} --start EXERCISE`);
      await course.progress.markRead(lesson.id);
      return EXIT.ok;
    }
    io.stderr.write(`${APP_COMMAND} learn is interactive and needs a terminal. The lessons:\n`);
    for (const line of lessonListLines(course)) io.stderr.write(`  ${line}\n`);
    io.stderr.write(
      [
        '',
        'Without a terminal use the flags:',
        `  ${APP_COMMAND} learn LESSON                      print a lesson`,
        `  ${APP_COMMAND} learn LESSON --start EXERCISE     copy its files and print the task`,
        `  ${APP_COMMAND} learn LESSON --verify EXERCISE    check it (--json for JSON; --answers a,b for quizzes)`,
        `  ${APP_COMMAND} learn --list --json               progress as JSON`,
        '',
      ].join('\n'),
    );
    return EXIT.usage;
  }

  const target = await openTarget(targetOptions);
  try {
    if (flags.plain) {
      const {runPlainLearn} = await import('../plain/learn.js');
      return await runPlainLearn({course, target, io, ...(lesson ? {lesson} : {})});
    }
    const {runInkLearn} = await import('../ui/learn/run.js');
    return await runInkLearn({course, target, io, ...(lesson ? {lesson} : {})});
  } finally {
    await target.close();
  }
}

interface ActionInput {
  course: Course;
  lesson: Lesson;
  exercise: Exercise;
  flags: Flags;
  targetOptions: TargetOptions;
}

async function runAction(action: (typeof ACTIONS)[number], input: ActionInput, io: CommandIo): Promise<number> {
  const {course, lesson, exercise, flags} = input;
  const out = (line = '') => writeLine(io.stdout, line);
  switch (action) {
    case 'start': {
      const firstWorkspace = course.progress.get().workspace === undefined && exercise.kind !== 'quiz';
      await course.start(lesson, exercise);
      for (const line of exerciseLines(course, lesson, exercise, io.cwd, 'command')) out(line);
      if (firstWorkspace)
        out(
          `(Exercise files go under ${course.workspaceRoot}, remembered for later sessions; choose another with --workspace DIR.)`,
        );
      if (exercise.kind === 'quiz') {
        exercise.questions.forEach((q, i) => {
          out();
          out(`${i + 1}. ${q.prompt}`);
          q.choices.forEach((c, j) => out(`   ${String.fromCharCode(97 + j)}) ${c.text}`));
        });
        out();
        out(
          `Answer with: ${APP_COMMAND} learn ${lesson.id} --verify ${exercise.id} --answers ${exercise.questions.map(() => 'a').join(',')}`,
        );
      } else {
        out();
        if (exercise.kind === 'live')
          out(
            `Run the job with: ${APP_COMMAND} learn ${lesson.id} --run ${exercise.id} --token write|read|fine-grained|expired`,
          );
        out(`Check it with:  ${APP_COMMAND} learn ${lesson.id} --verify ${exercise.id}`);
      }
      return EXIT.ok;
    }
    case 'hint': {
      const shown = course.progress.exercise(lesson.id, exercise.id).hints ?? 0;
      const n = Math.min(shown + 1, exercise.hints.length);
      const hint = await course.hint(lesson, exercise, n);
      out(hintLine(exercise, n, hint, 'command'));
      return EXIT.ok;
    }
    case 'reset': {
      if (!flags.yes) {
        throw new AppError(
          `reset replaces your edits in ${exercise.kind === 'quiz' ? 'this quiz' : course.workspaceDir(lesson, exercise as FileExercise)} and forgets the result; add --yes to confirm.`,
          {exitCode: EXIT.usage},
        );
      }
      await course.reset(lesson, exercise);
      out(`Reset ${lesson.id}/${exercise.id}.`);
      return EXIT.ok;
    }
    case 'run': {
      if (exercise.kind !== 'live') {
        throw new AppError(`"${exercise.id}" is not a live exercise; there is no job to run.`, {exitCode: EXIT.usage});
      }
      const token = flags.token;
      if (!token || !PRACTICE_TOKENS.includes(token as PracticeToken)) {
        throw new AppError(`--run needs --token ${PRACTICE_TOKENS.join('|')} (the practice token the job uses).`, {
          exitCode: EXIT.usage,
        });
      }
      const target = await openTarget(input.targetOptions);
      try {
        out(`Running the job in hf-job.json on the ${target.label} with the ${token} token…`);
        const outcome = await course.run(lesson, exercise, token as PracticeToken, target, (line) => out(`  ${line}`));
        out(runEndLine(outcome));
        out(`Check the exercise with: ${APP_COMMAND} learn ${lesson.id} --verify ${exercise.id}`);
        return outcome.stage === 'COMPLETED' ? EXIT.ok : EXIT.failed;
      } finally {
        await target.close();
      }
    }
    case 'verify': {
      let answers: QuizAnswers | undefined;
      if (exercise.kind === 'quiz') {
        if (flags.answers === undefined) {
          throw new AppError(
            `a quiz needs --answers, one per question (${exercise.questions.length}), e.g. --answers ${exercise.questions.map(() => 'a').join(',')}. See the questions with --start ${exercise.id}.`,
            {exitCode: EXIT.usage},
          );
        }
        const parsed = parseAnswers(flags.answers);
        if ('error' in parsed) {
          throw new AppError(parsed.error, {exitCode: EXIT.usage});
        }
        answers = parsed;
      }
      const target = exercise.kind === 'live' ? await openTarget(input.targetOptions) : undefined;
      let result: VerifyResult;
      try {
        result = await course.verify(lesson, exercise, {...(answers ? {answers} : {}), ...(target ? {target} : {})});
      } finally {
        await target?.close();
      }
      if (flags.json) {
        out(
          JSON.stringify({
            lesson: lesson.id,
            exercise: exercise.id,
            kind: exercise.kind,
            passed: result.passed,
            summary: result.summary,
            items: result.items.map((i) => ({...i, text: faceWords(i.text, 'command')})),
            ...(result.checks ? {checks: result.checks} : {}),
            ...(result.passed ? {solution: exercise.solution} : {}),
          }),
        );
      } else {
        for (const line of verifyLines(result, 'command')) out(line);
        if (result.passed) {
          out();
          for (const line of solutionLines(lesson, exercise)) out(line);
          const next = course.next(lesson, exercise);
          if (next)
            out(`Next: ${APP_COMMAND} learn ${next.lesson.id}${next.exercise ? ` --start ${next.exercise.id}` : ''}`);
        } else if (exercise.hints.length) {
          out(`Stuck? ${APP_COMMAND} learn ${lesson.id} --hint ${exercise.id}`);
        }
      }
      return result.passed ? EXIT.ok : EXIT.failed;
    }
  }
}
