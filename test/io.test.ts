// The I/O port's error reporting: one line, masked and sanitised, the fix on its own line, the right exit code.
import {describe, expect, it} from 'vitest';
import {AppError, EXIT, reportError} from '../src/io.js';
import {main} from '../src/main.js';
import {makeIo} from './commands/helpers-auth.js';

const FAKE = 'hf_FAKEioPortToken0123456789abcdWXYZ';

describe('reportError', () => {
  it('prints an AppError once with its fix and returns its own exit code', () => {
    const io = makeIo({});
    const code = reportError(
      io,
      new AppError('The job could not be submitted.', {fix: 'Try again in a minute.', exitCode: EXIT.usage}),
    );
    expect(code).toBe(2);
    expect(io.err()).toBe('hf-jobs-wizard: The job could not be submitted.\n  Try again in a minute.\n');
  });

  it('masks a token and neutralises escape sequences in any error message', () => {
    const io = makeIo({});
    const code = reportError(io, new Error(`bad token TOKEN_${FAKE} \x1b]52;c;ZXZpbA==\x07 here\nsecond line`));
    expect(code).toBe(EXIT.failed);
    expect(io.err()).not.toContain(FAKE);
    expect(io.err()).toContain('hf_…WXYZ');
    expect(io.err()).not.toContain('\x1b');
    expect(io.err()).not.toContain('second line');
  });

  it('says nothing for a Ctrl+C at a prompt and returns 130', () => {
    const io = makeIo({});
    const interrupt = Object.assign(new Error('User force closed the prompt'), {name: 'ExitPromptError'});
    expect(reportError(io, interrupt)).toBe(EXIT.interrupted);
    expect(io.err()).toBe('');
  });

  it('reports a plain value that is not an Error as text', () => {
    const io = makeIo({});
    expect(reportError(io, 'boom', 'hf-jobs-wizard example')).toBe(1);
    expect(io.err()).toBe('hf-jobs-wizard example: boom\n');
  });
});

describe('main', () => {
  it('answers an unknown command with a usage error and exit code 2', async () => {
    const io = makeIo({});
    expect(await main(['no-such-command'], io)).toBe(EXIT.usage);
    expect(io.err()).toContain('Unknown command');
    expect(io.err()).toContain('Run `npx hf-jobs-wizard --help` for the list.');
  });

  it("--help lists each command's usage on its line and what it does under it (no 140-column rows)", async () => {
    const io = makeIo({});
    expect(await main(['--help'], io)).toBe(EXIT.ok);
    const lines = io.out().split('\n');
    const logout = lines.indexOf('  logout [NAME] [--sandbox | --endpoint URL]');
    expect(logout).toBeGreaterThan(0);
    expect(lines[logout + 1]).toBe('      remove a saved token');
    const listed = lines.slice(lines.indexOf('Commands:') + 1, lines.indexOf('', lines.indexOf('Commands:')));
    expect(Math.max(...listed.map((l) => l.length))).toBeLessThanOrEqual(110);
  });
});
