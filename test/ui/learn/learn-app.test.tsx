// The Ink learn view driven by keys: list -> lesson -> quiz exercise -> pass; a live exercise run with the
// read token (403) and then fine-grained, verified against a real sandbox; reset asks first.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {cleanup, render} from 'ink-testing-library';
import {afterAll, afterEach, beforeAll, describe, expect, it, vi} from 'vitest';
import {Course} from '../../../src/core/lessons/course.js';
import type {LearnTarget} from '../../../src/core/lessons/target.js';
import {LearnApp} from '../../../src/ui/learn/LearnApp.js';
import {StyledLines} from '../../../src/ui/learn/Markdown.js';
import {renderMarkdown} from '../../../src/core/lessons/markdown.js';
import {Box} from 'ink';
import {learnTargetOn, useSandbox} from '../../helpers/sandbox.js';
import {CATALOG} from '../../helpers/lessons.js';

const DOWN = '\u001B[B';
const ENTER = '\r';
const ESC = '\u001B';
const delay = (ms = 15) => new Promise((r) => setTimeout(r, ms));
async function press(stdin: {write: (s: string) => void}, ...keys: string[]) {
  for (const k of keys) {
    stdin.write(k);
    await delay();
  }
}

const sandbox = useSandbox();
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'learn-ui-'));
});
afterAll(async () => {
  // Retried: a lesson's progress file can still be written as the last test ends (ENOTEMPTY once under load).
  await rm(dir, {recursive: true, force: true, maxRetries: 5, retryDelay: 100});
});
afterEach(() => cleanup());

const target = (): LearnTarget => learnTargetOn(sandbox.current);

async function mount(name: string) {
  const course = await Course.open({
    examples: CATALOG,
    env: {XDG_CONFIG_HOME: join(dir, name, 'config')},
    cwd: join(dir, name),
    workspace: join(dir, name, 'ws'),
  });
  const onExit = vi.fn();
  const app = render(
    <LearnApp course={course} target={target()} cwd={join(dir, name)} width={100} height={30} onExit={onExit} />,
  );
  await delay(30);
  return {...app, course, onExit};
}

describe('learn view', () => {
  it('list -> lesson -> quiz -> pass, progress saved, q quits', async () => {
    const {stdin, lastFrame, course, onExit} = await mount('quiz');
    expect(lastFrame()).toContain('❯ 0/1 1. What a token is');
    await press(stdin, ENTER);
    await vi.waitFor(() => expect(lastFrame()).toContain('A User Access Token is a password for programs'));
    expect(lastFrame()).toContain('e exercises');
    await press(stdin, 'e');
    await vi.waitFor(() => expect(lastFrame()).toContain('Pick the right kind of token'));
    await press(stdin, 'v');
    await vi.waitFor(() => expect(lastFrame()).toContain('question 1 of 3'));
    await press(stdin, DOWN, ENTER); // wrong on purpose: a write token
    await vi.waitFor(() => expect(lastFrame()).toContain('question 2 of 3'));
    await press(stdin, DOWN, ENTER, DOWN, ENTER);
    await vi.waitFor(() => expect(lastFrame()).toContain('Not yet'));
    expect(lastFrame()).toContain('could also delete');
    await press(stdin, 'h');
    await vi.waitFor(() => expect(lastFrame()).toContain('Hint 1 of 2'));
    // The retry asks only the question the first try got wrong (the right answers are kept).
    await press(stdin, 'v');
    await vi.waitFor(() => expect(lastFrame()).toContain('Asking again only what the last try got wrong.'));
    expect(lastFrame()).toContain('question 1 of 3');
    await press(stdin, ENTER);
    await vi.waitFor(() => expect(lastFrame()).toContain('PASS'));
    expect(lastFrame()).toContain('Reference solution');
    const lesson = course.lesson('tokens')!;
    expect(course.isDone(lesson, lesson.exercises[0]!)).toBe(true);
    await press(stdin, 'q');
    expect(onExit).toHaveBeenCalledWith(0);
  });

  it('a live exercise: whoami, run with read (403), run with fine-grained, verify; reset asks first', async () => {
    const {stdin, lastFrame, course} = await mount('live');
    // Lesson 5 is the fifth in the list.
    await press(stdin, DOWN, DOWN, DOWN, DOWN, ENTER);
    await vi.waitFor(() => expect(lastFrame()).toContain('The four token errors and other job failures'));
    await press(stdin, 'e');
    await vi.waitFor(() => expect(lastFrame()).toContain('Cause a 403 on purpose'));
    expect(lastFrame()).toContain('r run job');
    await press(stdin, 'w', DOWN, ENTER);
    await vi.waitFor(() => expect(lastFrame()).toContain('whoami, read token'));
    expect(lastFrame()).toContain('cannot push, create repos or run Jobs');
    expect(lastFrame()).not.toContain(sandbox.current.tokens.read);
    await press(stdin, 'r', DOWN, ENTER);
    await vi.waitFor(() => expect(lastFrame()).toContain('No job was created'), {timeout: 10_000});
    expect(lastFrame()).toContain('403');
    // The Hub's refusal is longer than the screen is wide: it is wrapped, not cut, so its words can be read.
    expect(lastFrame()).toContain('The Hub said');
    expect(lastFrame()).not.toMatch(/The Hub refused to start the job[^\n]*…/);
    await press(stdin, 'v');
    await vi.waitFor(() => expect(lastFrame()).toContain('Now run it with a token that is allowed'));
    await press(stdin, 'r', DOWN, DOWN, ENTER);
    await vi.waitFor(() => expect(lastFrame()).toContain('ended COMPLETED'), {timeout: 15_000});
    await press(stdin, 'v');
    await vi.waitFor(() => expect(lastFrame()).toContain('PASS'), {timeout: 10_000});
    const lesson = course.lesson('errors')!;
    expect(course.isDone(lesson, lesson.exercises[0]!)).toBe(true);
    await press(stdin, 'x');
    await vi.waitFor(() => expect(lastFrame()).toContain('(y/n)'));
    await press(stdin, 'n');
    expect(course.isDone(lesson, lesson.exercises[0]!)).toBe(true);
    await press(stdin, 'x', 'y');
    await vi.waitFor(() => expect(lastFrame()).toContain('Reset: the starting files are back'));
    expect(course.isDone(lesson, lesson.exercises[0]!)).toBe(false);
    await press(stdin, ESC);
    await vi.waitFor(() => expect(lastFrame()).toContain('e exercises'));
  });
});

describe('links in the Ink view', () => {
  // Ink 6.8 lays out an OSC 8 sequence correctly inside one <Text>, but its output grid counts the escape's
  // characters as columns, so anything drawn to the right of it (a border, a sibling) is lost. Until it does,
  // the Ink view writes links as "text (url)", which every terminal shows and Ink measures exactly.
  it('are "text (url)" with no OSC 8, and a bordered box keeps its right edge', () => {
    const lines = renderMarkdown('Create one at [the tokens page](https://huggingface.co/settings/tokens).', {
      width: 70,
    });
    const {lastFrame} = render(
      <Box width={76} borderStyle="single">
        <StyledLines lines={lines} />
      </Box>,
    );
    const frame = lastFrame() ?? '';
    expect(frame).not.toContain('\u001B]8');
    expect(frame).toContain('the tokens page (https://huggingface.co/settings/tokens)');
    const rows = frame.split('\n');
    for (const row of rows) expect(row.endsWith('│') || row.endsWith('┐') || row.endsWith('┘'), row).toBe(true);
  });
});
