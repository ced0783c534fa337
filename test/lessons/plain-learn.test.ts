// learn --plain driven by keys on a stream: the lesson list, a lesson, the exercise menu (hints count up, reset
// asks first and forgets them, next goes on), quit; the moves are the learn flow's (core/lessons/learn-flow.ts).
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {PassThrough, Writable} from 'node:stream';
import {afterAll, beforeAll, describe, expect, it, vi} from 'vitest';
import {Course} from '../../src/core/lessons/course.js';
import type {LearnTarget} from '../../src/core/lessons/target.js';
import {runPlainLearn} from '../../src/plain/learn.js';
import {CATALOG} from '../helpers/lessons.js';

const ENTER = '\r';
const delay = (ms = 15) => new Promise((r) => setTimeout(r, ms));

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'learn-plain-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

// No job runs here: the target is never reached.
const target: LearnTarget = {
  hubUrl: 'http://127.0.0.1:9',
  key: 'none',
  tokens: {} as LearnTarget['tokens'],
  user: 'learner',
  label: 'test target',
  close: async () => undefined,
};

/** learn --plain on a fake terminal (stdin keys, stdout text) with its own progress file and workspace. */
async function startLearn(config: string, workspace: string, lessonId?: string) {
  const course = await Course.open({
    examples: CATALOG,
    env: {XDG_CONFIG_HOME: join(dir, config)},
    cwd: dir,
    workspace: join(dir, workspace),
  });
  // learn --plain asks as the wizard's plain mode does (src/plain/ask.ts): a numbered list, then a line.
  const stdin = Object.assign(new PassThrough(), {isTTY: true});
  let text = '';
  const stdout = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      text += chunk.toString();
      callback();
    },
  });
  stdout.end = () => stdout;
  const terminal = Object.assign(stdout, {isTTY: true});
  const io = {stdin, stdout: terminal, stderr: terminal, env: {NO_COLOR: '1'}, cwd: dir} as unknown as Parameters<
    typeof runPlainLearn
  >[0]['io'];
  const lesson = lessonId ? course.lesson(lessonId) : undefined;
  const done = runPlainLearn({course, target, io, ...(lesson ? {lesson} : {})});
  const until = async (want: string, from = 0) =>
    vi.waitFor(() => expect(text.slice(from)).toContain(want), {timeout: 5000});
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      stdin.write(k);
      await delay();
    }
  };
  return {course, done, until, press, out: () => text};
}

describe('learn --plain', () => {
  it('list -> lesson -> exercise menu: hints, reset (asks, forgets hints), next, quit', async () => {
    const {course, done, until, press, out} = await startLearn('config', 'ws');
    await until('Pick a lesson');
    await press(ENTER); // the resume point: lesson 1
    await until('What a token is: exercises');
    expect(course.status(course.lessons[0]!).read).toBe(true);
    // Numbered, with no padding before an exercise not done yet (a typed prefix matches its name).
    expect(out()).toContain('  1) Pick the right kind of token (quiz)');
    await press(ENTER); // its first open exercise
    await until('What now?');
    await press('2', ENTER); // Hint
    await until('Hint 1 of 2');
    let mark = out().length;
    await press('2', ENTER); // the numbers stay the same: no menu position to remember
    await until('Hint 2 of 2', mark);
    mark = out().length;
    await press('3', ENTER); // Reset this exercise
    await until('Forget this quiz result?', mark);
    await press('y', ENTER);
    await until('Reset: the starting files are back.', mark);
    mark = out().length;
    await press('2', ENTER); // Hint: counted from 1 again
    await until('Hint 1 of 2', mark);
    mark = out().length;
    await press('4', ENTER); // Next: lesson 2 (lesson 1 has one exercise)
    await until('Giving a job its token: exercises', mark);
    mark = out().length;
    await press('quit', ENTER); // Quit (the last entry)
    expect(await done).toBe(0);
    // The command as it runs from a clone or npm (npx …), as everywhere else: not a bare name that is not on PATH.
    expect(out().slice(mark)).toContain('Progress saved. Resume any time with `npx hf-jobs-wizard learn`.');
    // Line mode as the wizard's plain mode is: numbered choices, one line each, nothing redrawn (no cursor movement).
    expect(out()).toContain('Type a number and press Enter');
    // eslint-disable-next-line no-control-regex
    expect(out()).not.toMatch(/\x1b\[[0-9;?]*[ABCDEFGHJKlh]/);
  }, 20_000);

  it('a live exercise names the menu entries, not the keys only the full-screen view has ("press r", "(r)")', async () => {
    const {done, until, press, out} = await startLearn('config-keys', 'ws-keys', 'errors');
    await until('exercises');
    await press(ENTER); // the first exercise: a 403 on purpose
    await until('What now?');
    let mark = out().length;
    await press(ENTER); // Verify, before any run
    await until('No job run yet', mark);
    await until('What now?', mark);
    await press('2', ENTER); // Hint
    await until('Hint 1 of 2', mark);
    await until('What now?', out().length - 600);
    expect(out()).toContain('Run the push-dataset job with the read token');
    expect(out()).toContain('choose "Run the job in hf-job.json" to run one');
    expect(out()).toContain('Hint 1 of 2: Choose "Run the job in hf-job.json" and pick the read token.');
    expect(out()).not.toMatch(/\b[Pp]ress [a-z]\b|\([rvwn]\)/);
    mark = out().length;
    await press('quit', ENTER); // Quit (the last entry)
    expect(await done).toBe(0);
  }, 20_000);

  it('a wrong quiz answer: the next try asks only the question it got wrong, then passes', async () => {
    const {course, done, until, press, out} = await startLearn('config-quiz', 'ws-quiz');
    await until('Pick a lesson');
    await press(ENTER); // lesson 1
    await until('What a token is: exercises');
    await press(ENTER); // its quiz
    await until('What now?');
    await press(ENTER); // Answer the questions
    await until('1/3');
    await press('2', ENTER); // wrong on purpose: a write token
    await until('2/3');
    await press('2', ENTER);
    await until('3/3');
    await press('2', ENTER);
    await until('✗ Not yet: 2 of 3 right.');
    await until('only the questions marked ✗ are asked');
    const mark = out().length;
    await press(ENTER); // Answer the questions, again
    await until('Asking again the question you missed; your right answers are kept.', mark);
    await until('1/3', mark);
    await press(ENTER); // the right answer this time
    await until('✓ PASS: All 3 answers are right.', mark);
    expect(out().slice(mark)).not.toContain('2/3');
    expect(out().slice(mark)).not.toContain('3/3');
    const lesson = course.lesson('tokens')!;
    expect(course.isDone(lesson, lesson.exercises[0]!)).toBe(true);
    await press('quit', ENTER); // Quit
    expect(await done).toBe(0);
  }, 20_000);
});
