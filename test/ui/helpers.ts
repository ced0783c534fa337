// Typing into ink-testing-library as a user would: a 10 ms timer between keys (stack.md §3).
import {expect, vi} from 'vitest';

export const KEYS = {
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  enter: '\r',
  esc: '\u001B',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

export const delay = (ms = 10) => new Promise((r) => setTimeout(r, ms));

export async function press(stdin: {write: (s: string) => void}, ...keys: string[]): Promise<void> {
  for (const k of keys) {
    stdin.write(k);
    await delay(k === KEYS.esc ? 60 : 10);
  }
}

export async function waitForText(
  lastFrame: () => string | undefined,
  text: string | RegExp,
  timeout = 15_000,
): Promise<string> {
  let frame = '';
  await vi.waitFor(
    () => {
      frame = lastFrame() ?? '';
      if (typeof text === 'string') expect(frame).toContain(text);
      else expect(frame).toMatch(text);
    },
    {timeout, interval: 20},
  );
  await delay(20);
  return frame;
}

/** Moves the cursor with `key` until the highlighted line matches `target` (keys sent before Ink listens are not lost). */
export async function moveTo(
  lastFrame: () => string | undefined,
  stdin: {write: (s: string) => void},
  key: string,
  target: RegExp,
  maxPresses = 40,
): Promise<void> {
  const on = () => (lastFrame() ?? '').split('\n').some((l) => l.startsWith('❯') && target.test(l));
  for (let i = 0; i < maxPresses && !on(); i++) {
    await press(stdin, key);
    await delay(20);
  }
  expect(on(), `no highlighted line matches ${target}`).toBe(true);
}
