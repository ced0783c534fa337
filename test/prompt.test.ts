// The prompt facade (src/prompt.ts): a prompt is shown only when stdin and stderr are both terminals; otherwise it
// stops at once with a usage AppError that names what to pass instead, and never waits on stdin.
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {AppError} from '../src/io.js';
import {canPrompt, promptConfirm, promptPassword, promptSelect} from '../src/prompt.js';

function streams(tty: {stdin?: boolean; stderr?: boolean}) {
  const stdin = new PassThrough() as PassThrough & {isTTY?: boolean};
  const stderr = new PassThrough() as PassThrough & {isTTY?: boolean};
  if (tty.stdin) stdin.isTTY = true;
  if (tty.stderr) stderr.isTTY = true;
  let shown = '';
  stderr.on('data', (c: Buffer) => (shown += c.toString()));
  return {io: {stdin, stderr}, shown: () => shown};
}

/** Waits (bounded) until the prompt is drawn: the first prompt loads @inquirer/prompts. */
async function shownOnce(shown: () => string, text: string): Promise<void> {
  for (let i = 0; i < 250 && !shown().includes(text); i++) await new Promise((r) => setTimeout(r, 20));
  expect(shown()).toContain(text);
}

describe('the prompt facade', () => {
  it('needs both a terminal to read from and one to draw on', () => {
    expect(canPrompt(streams({stdin: true, stderr: true}).io)).toBe(true);
    expect(canPrompt(streams({stdin: true}).io)).toBe(false);
    expect(canPrompt(streams({stderr: true}).io)).toBe(false);
  });

  it('without a terminal: a usage error with the given words, at once, nothing drawn and stdin left unread', async () => {
    const {io, shown} = streams({stdin: true});
    const started = performance.now();
    const error = await promptConfirm(io, {message: 'Sure?'}, {withoutTerminal: 'pass --yes to confirm.'}).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).exitCode).toBe(2);
    expect((error as AppError).message).toBe('pass --yes to confirm.');
    expect(performance.now() - started).toBeLessThan(500);
    expect(shown()).toBe('');
    for (const ask of [
      () => promptPassword(io, {message: 'Token'}, {withoutTerminal: 'pipe it'}),
      () => promptSelect(io, {message: 'Which?', choices: [{name: 'a', value: 'a'}]}, {withoutTerminal: 'name one'}),
    ]) {
      await expect(ask()).rejects.toBeInstanceOf(AppError);
    }
  });

  it('on a terminal: asks on stderr and returns the answer; a password is never echoed', async () => {
    const yes = streams({stdin: true, stderr: true});
    const answer = promptConfirm(yes.io, {message: 'Run it?', default: false}, {withoutTerminal: 'x'});
    await shownOnce(yes.shown, 'Run it?');
    yes.io.stdin.write('y');
    await new Promise((r) => setTimeout(r, 20));
    yes.io.stdin.write('\r');
    expect(await answer).toBe(true);
    expect(yes.shown()).toContain('Run it?');

    const secret = streams({stdin: true, stderr: true});
    const typed = promptPassword(secret.io, {message: 'Paste it'}, {withoutTerminal: 'x'});
    await shownOnce(secret.shown, 'Paste it');
    secret.io.stdin.write('hf_FAKEpromptFAKEpromptFAKEprompt12');
    await new Promise((r) => setTimeout(r, 20));
    secret.io.stdin.write('\r');
    expect(await typed).toBe('hf_FAKEpromptFAKEpromptFAKEprompt12');
    expect(secret.shown()).not.toContain('hf_FAKEprompt');
  });
});
