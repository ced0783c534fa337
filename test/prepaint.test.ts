import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {clearPrepaint, prepaintWizard} from '../src/prepaint.js';

function terminal(env: NodeJS.ProcessEnv, tty = true) {
  const stdout = Object.assign(new PassThrough(), {isTTY: tty, columns: 80});
  let raw = false;
  const stdin = Object.assign(new PassThrough(), {isTTY: tty, setRawMode: (m: boolean) => (raw = m)});
  let written = '';
  stdout.on('data', (d: Buffer) => (written += d.toString()));
  return {term: {stdout, stdin, env}, output: () => written, raw: () => raw};
}

describe('prepaintWizard', () => {
  it('paints the first line on a terminal, turns raw mode on, and clears it before Ink draws', () => {
    const t = terminal({TERM: 'xterm-256color', NO_COLOR: '1'});
    prepaintWizard(['--sandbox'], t.term);
    expect(t.output()).toBe('hf-jobs-wizard · starting…');
    expect(t.raw()).toBe(true);
    clearPrepaint(t.term.stdout);
    expect(t.output()).toBe('hf-jobs-wizard · starting…\r\x1b[2K');
    clearPrepaint(t.term.stdout);
    expect(t.output()).toBe('hf-jobs-wizard · starting…\r\x1b[2K');
  });

  it.each([
    ['no terminal', {TERM: 'xterm'}, [], false],
    ['CI', {TERM: 'xterm', CI: 'true'}, [], true],
    ['TERM=dumb (plain mode)', {TERM: 'dumb'}, [], true],
    ['--plain', {TERM: 'xterm'}, ['--plain'], true],
    ['--help', {TERM: 'xterm'}, ['--help'], true],
    ['a screen reader', {TERM: 'xterm', INK_SCREEN_READER: 'true'}, [], true],
  ] as const)('paints nothing with %s', (_name, env, argv, tty) => {
    const t = terminal({...env}, tty);
    prepaintWizard([...argv], t.term);
    clearPrepaint(t.term.stdout);
    expect(t.output()).toBe('');
    expect(t.raw()).toBe(false);
  });
});
