// A learner's course: the lessons, their progress and their workspace, and every action the `learn` faces
// (Ink view, plain mode, the non-interactive flags) share: start, hint, verify, reset, run, whoami.
import {dirname, join} from 'node:path';
import {maskToken} from '../tokens/mask.js';
import {STATIC_CHECK_IDS} from '../checks/types.js';
import {realToolsStep} from '../preflight/real-tools.js';
import {writeFileAtomic} from '../store/atomic.js';
import {runChecks} from '../checks/runner.js';
import {findExercise, findLesson, loadLessons} from './loader.js';
import type {LessonExamples} from './example-files.js';
import {
  exampleFor,
  followLog,
  runExerciseJob,
  submitLikeHfCli,
  whoamiPractice,
  type RunOutcome,
  type WhoamiReport,
} from './live.js';
import type {Exercise, Lesson, LiveExercise, PracticeToken, SolutionStep} from './model.js';
import {progressPath, ProgressStore} from './progress.js';
import {TargetError, type LearnTarget} from './target.js';
import {verifyFiles, verifyLive, verifyQuiz, type CheckRunner, type QuizAnswers, type VerifyResult} from './verify.js';
import {
  copySolution,
  exerciseWorkspace,
  prepareWorkspace,
  resetWorkspace,
  resolveWorkspaceRoot,
  workspaceFiles,
  type FileExercise,
} from './workspace.js';

/** The checklist, offline and static only: exercises judge files, not the learner's own login. */
export const staticCheckRunner: CheckRunner = ({paths, cwd}) =>
  runChecks({paths, cwd, env: {}, offline: true, only: [...STATIC_CHECK_IDS]});

export interface CourseOptions {
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** --workspace DIR */
  workspace?: string;
  lessonsDir?: string;
  runChecks?: CheckRunner;
  /** The example jobs exercises run and copy scripts from: the `learn` command passes lessonExamples(EXAMPLES). */
  examples: LessonExamples;
}

export interface LessonStatus {
  lesson: Lesson;
  done: number;
  total: number;
  read: boolean;
}

export class Course {
  private constructor(
    readonly lessons: Lesson[],
    readonly progress: ProgressStore,
    readonly workspaceRoot: string,
    readonly runChecks: CheckRunner,
    readonly examples: LessonExamples,
  ) {}

  static async open(options: CourseOptions): Promise<Course> {
    const lessons = await loadLessons(options.examples, options.lessonsDir);
    const progress = await ProgressStore.open(progressPath(options.env));
    // Only decided here, not saved: a listing or a lesson read must not pin the workspace to wherever it ran.
    // It is remembered when files are first put there (start, verify, run, reset, solution).
    const root = resolveWorkspaceRoot(options.workspace, progress.get().workspace, options.cwd);
    return new Course(lessons, progress, root, options.runChecks ?? staticCheckRunner, options.examples);
  }

  /** Copies the exercise's starting files (once) and remembers the workspace for later sessions in other folders. */
  private async prepare(lesson: Lesson, exercise: FileExercise): Promise<void> {
    if (this.progress.get().workspace !== this.workspaceRoot) await this.progress.setWorkspace(this.workspaceRoot);
    await prepareWorkspace(this.workspaceRoot, lesson, exercise, this.examples);
  }

  lesson(key: string): Lesson | undefined {
    return findLesson(this.lessons, key);
  }

  exercise(lesson: Lesson, key: string): Exercise | undefined {
    return findExercise(lesson, key);
  }

  status(lesson: Lesson): LessonStatus {
    const p = this.progress.lesson(lesson.id);
    const done = lesson.exercises.filter((e) => p.exercises[e.id]?.done).length;
    return {lesson, done, total: lesson.exercises.length, read: p.read === true};
  }

  isDone(lesson: Lesson, exercise: Exercise): boolean {
    return this.progress.exercise(lesson.id, exercise.id).done;
  }

  /** Prerequisites not completed yet (advice only: nothing is locked). */
  missingPrerequisites(lesson: Lesson): Lesson[] {
    return lesson.prerequisites
      .map((id) => this.lessons.find((l) => l.id === id)!)
      .filter((l) => {
        const s = this.status(l);
        return s.done < s.total;
      });
  }

  /** Where to resume: the saved position, else the first lesson with unfinished exercises. */
  resumePoint(): {lesson: Lesson; exercise?: Exercise} {
    const cur = this.progress.get().current;
    const saved = cur ? this.lesson(cur.lesson) : undefined;
    if (saved) {
      const ex = cur?.exercise ? this.exercise(saved, cur.exercise) : undefined;
      return ex ? {lesson: saved, exercise: ex} : {lesson: saved};
    }
    const next = this.lessons.find((l) => this.status(l).done < l.exercises.length) ?? this.lessons[0]!;
    return {lesson: next};
  }

  /** The exercise after this one (next lesson's first when this was the last). */
  next(lesson: Lesson, exercise?: Exercise): {lesson: Lesson; exercise?: Exercise} | undefined {
    const i = exercise ? lesson.exercises.indexOf(exercise) : -1;
    const after = lesson.exercises[i + 1];
    if (after) return {lesson, exercise: after};
    const li = this.lessons.indexOf(lesson);
    const nextLesson = this.lessons[li + 1];
    return nextLesson ? {lesson: nextLesson} : undefined;
  }

  workspaceDir(lesson: Lesson, exercise: FileExercise): string {
    return exerciseWorkspace(this.workspaceRoot, lesson, exercise);
  }

  /** Copies starting files that are not there yet and remembers the position; returns the workspace folder. */
  async start(lesson: Lesson, exercise: Exercise): Promise<string | undefined> {
    await this.progress.setCurrent(lesson.id, exercise.id);
    if (exercise.kind === 'quiz') return undefined;
    await this.prepare(lesson, exercise);
    return this.workspaceDir(lesson, exercise);
  }

  /** Hint number `n` (1-based), counted in progress. */
  async hint(lesson: Lesson, exercise: Exercise, n: number): Promise<string | undefined> {
    const hint = exercise.hints[n - 1];
    if (hint) await this.progress.countHint(lesson.id, exercise.id, n);
    return hint;
  }

  async verify(
    lesson: Lesson,
    exercise: Exercise,
    input: {answers?: QuizAnswers; target?: LearnTarget} = {},
  ): Promise<VerifyResult> {
    let result: VerifyResult;
    if (exercise.kind === 'quiz') {
      result = verifyQuiz(exercise, input.answers ?? []);
    } else {
      await this.prepare(lesson, exercise);
      const dir = this.workspaceDir(lesson, exercise);
      const paths = workspaceFiles(this.workspaceRoot, lesson, exercise);
      if (exercise.kind === 'fix-file') {
        result = await verifyFiles(exercise.checks, paths, dir, this.runChecks);
      } else {
        if (!input.target) throw new Error('A live exercise needs the sandbox.');
        const notServed = await unproved(input.target);
        if (notServed) return {passed: false, summary: notServed, items: [{ok: false, text: notServed}]};
        result = await verifyLive(
          exercise,
          this.progress.runsFor(lesson.id, exercise.id, input.target.key),
          input.target,
          {paths, cwd: dir, runChecks: this.runChecks},
        );
        if (!result.passed && exercise.verify.type === 'cli-job')
          result = {...result, items: [...result.items, ...(await this.realToolsHelp(exercise, input.target, dir))]};
      }
    }
    if (result.passed) await this.progress.markDone(lesson.id, exercise.id);
    return result;
  }

  /** Starting files back and the exercise's result and runs forgotten. */
  async reset(lesson: Lesson, exercise: Exercise): Promise<void> {
    if (exercise.kind !== 'quiz') {
      await this.prepare(lesson, exercise);
      await resetWorkspace(this.workspaceRoot, lesson, exercise, this.examples);
    }
    await this.progress.resetExercise(lesson.id, exercise.id);
  }

  async run(
    lesson: Lesson,
    exercise: LiveExercise,
    token: PracticeToken,
    target: LearnTarget,
    onLine?: (line: string) => void,
  ): Promise<RunOutcome> {
    await this.prepare(lesson, exercise);
    await target.prove?.();
    const outcome = await runExerciseJob({
      target,
      lesson,
      exercise,
      workspaceDir: this.workspaceDir(lesson, exercise),
      token,
      examples: this.examples,
      ...(onLine ? {onLine} : {}),
    });
    await this.progress.addRun(outcome.record);
    return outcome;
  }

  async whoami(target: LearnTarget, token: PracticeToken): Promise<WhoamiReport> {
    const notServed = await unproved(target);
    if (notServed) return {token, masked: maskToken(target.tokens[token]), ok: false, lines: [notServed]};
    return whoamiPractice(target, token);
  }

  /**
   * The real-tools exercise: the sandbox's URL and practice token written whole only to a 0600 env file next to the
   * progress file (outside the exercise folder), and what to type, with the token masked.
   */
  private async realToolsHelp(
    exercise: LiveExercise,
    target: LearnTarget,
    dir: string,
  ): Promise<{ok: boolean; text: string}[]> {
    const envFilePath = join(dirname(this.progress.path), 'sandbox-hf.env');
    const step = realToolsStep({
      endpoint: target.hubUrl,
      token: target.tokens['fine-grained'],
      envFilePath,
      scriptName: exercise.files.find((f) => f.endsWith('.py')) ?? 'push_dataset.py',
    });
    await writeFileAtomic(envFilePath, step.envFileContent);
    return [
      {
        ok: false,
        text: `In another terminal, in ${dir}: \`${step.sandboxCommands.join(' && ')}\` (${envFilePath}, mode 0600, holds: ${step.exportLines.join('; ')}).`,
      },
    ];
  }

  /** Replays the reference solution (tests; and the instructor's `--solve`). */
  async applySolution(lesson: Lesson, exercise: Exercise, target?: LearnTarget): Promise<QuizAnswers | undefined> {
    if (exercise.kind === 'quiz') return exercise.questions.map((q) => q.choices.findIndex((c) => c.correct));
    if (exercise.kind === 'fix-file') {
      await this.prepare(lesson, exercise);
      await copySolution(this.workspaceRoot, lesson, exercise, this.examples);
      return undefined;
    }
    for (const step of exercise.solutionSteps as SolutionStep[]) {
      if ('copySolution' in step) {
        await this.prepare(lesson, exercise);
        await copySolution(this.workspaceRoot, lesson, exercise, this.examples);
      } else if ('submitOutside' in step) {
        if (!target) throw new Error('A live exercise needs the sandbox.');
        await target.prove?.();
        const example = exampleFor(this.examples, exercise.example);
        await followLog(target, (await submitLikeHfCli(target, example, step.submitOutside)).id, 60_000);
      } else {
        if (!target) throw new Error('A live exercise needs the sandbox.');
        await this.run(lesson, exercise, step.run, target);
      }
    }
    return undefined;
  }
}

/** Why the sandbox at --endpoint may not be sent a practice token now (it stopped since), or undefined. */
async function unproved(target: LearnTarget): Promise<string | undefined> {
  try {
    await target.prove?.();
    return undefined;
  } catch (error) {
    if (error instanceof TargetError) return error.message;
    throw error;
  }
}
