// Line-by-line input for plain mode (screen readers, TERM=dumb): nothing is ever redrawn. Typed characters are
// echoed as they come, ⌫ as "\b \b"; no cursor-movement escape sequence is written, ever. A hidden read (a token)
// echoes nothing; escape sequences (also split across reads) and C1 controls are never echoed nor kept, bidi and
// zero-width characters are kept but not echoed. A token is never echoed whole, glued or encoded (plain/line-echo.ts:
// a pasted word, or a typed one from where a token may start, is shown when it ends, masked; ⌫ takes a mask back whole).
// Raw mode on a terminal, so Ctrl-C and Ctrl-D arrive as keys rather than ending the stream.
// From a pipe (`printf '1\n\n' | hf-jobs-wizard --plain`) nothing is echoed: the questions show what they took.
import type {Readable, Writable} from 'node:stream';
import {LineEcho} from './line-echo.js';

/** Thrown by a read that Ctrl-C (or `interrupt()`) ended; same name as inquirer's, so callers treat both alike. */
export class ExitPromptError extends Error {
  override name = 'ExitPromptError';
}

/** Thrown by a question whose input (a pipe) ended before it was answered: plain mode then exits 2, saying which. */
export class InputEndedError extends ExitPromptError {
  constructor(readonly question: string) {
    super('End of input');
  }
}

type Result = string | null; // null: Ctrl-D on an empty line (end of input)

/** C1 controls (U+0080-U+009F: U+009B is a one-character CSI some terminals obey): never kept, never echoed. */
const C1 = /[\u0080-\u009f]/;

export interface LineReader {
  /** The next line typed (or pasted); null for Ctrl-D on an empty line or the end of the input. */
  read(options?: {hidden?: boolean}): Promise<Result>;
  /** Whether more input is already waiting (a paste still arriving). */
  pending(): boolean;
  /** Whether the input is a terminal (false: a pipe or a file, answers given ahead, one per line). */
  readonly tty: boolean;
  /** Ends the read in progress with ExitPromptError. */
  interrupt(): void;
  close(): void;
}

export function createLineReader(
  io: {stdin: Readable & {isTTY?: boolean; setRawMode?: (on: boolean) => unknown}; stdout: Writable},
  onCtrlC: () => void,
): LineReader {
  const stdin = io.stdin;
  const tty = Boolean(stdin.isTTY) && typeof stdin.setRawMode === 'function';
  const queue: Result[] = [];
  let hidden = false;
  let inEscape = false;
  let afterCr = false;
  let ended = false;
  let waiter: {resolve: (r: Result) => void; reject: (e: Error) => void} | undefined;
  // What is shown of the line (plain/line-echo.ts): a word pasted or a token typed is shown masked at its end.
  const shown = new LineEcho((text) => {
    if (tty && !hidden) io.stdout.write(text);
  });
  // The line echo writes the line break (after a paste's lines it may hold, plain/line-echo.ts).
  const endLine = (pasted = false) => shown.end(pasted);
  const push = (r: Result) => {
    if (waiter) {
      const w = waiter;
      waiter = undefined;
      w.resolve(r);
    } else queue.push(r);
  };

  const onData = (chunk: Buffer | string) => {
    const text = String(chunk);
    // A read of more than one character is a paste (or typing faster than the reads): its words are held to their end.
    const pasted = text.length > 1 && !(text.length === 2 && /^[\ud800-\udbff]/.test(text));
    for (const ch of text) {
      if (inEscape) {
        // Skip a whole escape sequence (arrow keys and the like): ESC [ params final, or ESC + one character.
        if (ch === '[' || ch === 'O' || /[0-9;?]/.test(ch)) continue;
        inEscape = false;
        continue;
      }
      const cr = afterCr;
      afterCr = false;
      if (ch === '\u001B') inEscape = true;
      else if (ch === '\u0003') onCtrlC();
      else if (ch === '\u0004') {
        const done = endLine();
        push(done === '' ? null : done);
      } else if (ch === '\r' || ch === '\n') {
        if (ch === '\n' && cr) continue; // CRLF is one Enter
        afterCr = ch === '\r';
        // A hidden line is never held for the next (it would be shown with it once the read is no longer hidden).
        push(endLine(pasted && !hidden));
      } else if (ch === '\u007F' || ch === '\b') shown.backspace();
      else if (ch === '\u0015') shown.clear();
      else if (ch >= ' ' && !C1.test(ch)) shown.type(ch, pasted);
    }
    shown.pause();
  };
  const onEnd = () => {
    ended = true;
    push(null);
  };

  if (tty) stdin.setRawMode!(true);
  stdin.setEncoding?.('utf8');
  stdin.on('data', onData);
  stdin.on('end', onEnd);
  stdin.resume();

  return {
    read(options = {}) {
      hidden = Boolean(options.hidden);
      if (queue.length) return Promise.resolve(queue.shift()!);
      if (ended) return Promise.resolve(null);
      return new Promise<Result>((resolve, reject) => (waiter = {resolve, reject})).finally(() => (hidden = false));
    },
    tty,
    pending: () => queue.length > 0 || shown.line !== '',
    interrupt() {
      const w = waiter;
      waiter = undefined;
      shown.reset();
      w?.reject(new ExitPromptError('Interrupted'));
    },
    close() {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      if (tty) stdin.setRawMode!(false);
      stdin.pause();
    },
  };
}
