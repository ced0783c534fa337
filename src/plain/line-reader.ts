// Line-by-line input for plain mode (screen readers, TERM=dumb): nothing is ever redrawn. Typed characters are
// echoed as they come, ⌫ as "\b \b"; no cursor-movement escape sequence is written, ever. A hidden read (a token)
// echoes nothing; escape sequences (also split across reads) and C1 controls are never echoed nor kept, bidi and
// zero-width characters are kept but not echoed. A run that starts like a token (hf_, api_org_) is echoed when it ends,
// masked when it is one (a pasted error with the token in it never shows it whole; ⌫ takes the masked token back whole).
// Raw mode on a terminal, so Ctrl-C and Ctrl-D arrive as keys rather than ending the stream.
// From a pipe (`printf '1\n\n' | hf-jobs-wizard --plain`) nothing is echoed: the questions show what they took.
import type {Readable, Writable} from 'node:stream';
import {maskSecrets} from '../core/tokens/mask.js';

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
/**
 * Bidi overrides and isolates, zero-width characters, line separators: kept in the line (a pasted token with one
 * inside is still found and masked) but not echoed, where they would reorder or hide what the screen shows.
 */
const UNSHOWN = /[\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;

/** Letters, digits and _: a run of them that starts like a token is held back until it ends, then shown masked. */
const RUN_CHAR = /[A-Za-z0-9_]/;
const TOKEN_PREFIXES = ['hf_', 'api_org_'];

/** A run that is, or may still become, a token: the start of a prefix, or a prefix and more. */
function mayBeToken(run: string): boolean {
  return TOKEN_PREFIXES.some((p) => p.startsWith(run) || run.startsWith(p));
}

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
  let line = '';
  /** What the screen shows for the line, as pairs (characters of the line, columns shown): a character (1, 1 or 0
   *  unshown) or a masked token (its length, its mask's). Flat numbers: a long paste makes no object a character. */
  let units: number[] = [];
  /** The end of the line not echoed yet: a run that starts like a token (a pasted token is shown masked, never whole). */
  let held = '';
  /** The line's last character as typed (for where a run starts); '' after an edit or at the start of a line. */
  let last = '';
  let hidden = false;
  let inEscape = false;
  let afterCr = false;
  let ended = false;
  let waiter: {resolve: (r: Result) => void; reject: (e: Error) => void} | undefined;

  const echo = (text: string) => {
    if (tty && !hidden) io.stdout.write(text);
  };
  /** Echoes the held run with every token in it masked (one followed by `_more` too), else as it is. */
  const flush = () => {
    if (!held) return;
    const shown = maskSecrets(held);
    echo(shown);
    if (shown === held) for (let i = 0; i < held.length; i++) units.push(1, 1);
    else units.push(held.length, shown.length);
    held = '';
  };
  const endLine = () => {
    flush();
    echo('\n');
    const done = line;
    line = '';
    last = '';
    units = [];
    return done;
  };
  const push = (r: Result) => {
    if (waiter) {
      const w = waiter;
      waiter = undefined;
      w.resolve(r);
    } else queue.push(r);
  };

  const onData = (chunk: Buffer | string) => {
    for (const ch of String(chunk)) {
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
        push(endLine());
      } else if (ch === '\u007F' || ch === '\b') {
        // ⌫ takes back a held character unseen, else the last thing shown: a masked token goes whole.
        last = '';
        if (held) {
          held = held.slice(0, -1);
          line = line.slice(0, -1);
        } else if (units.length) {
          const shown = units.pop()!;
          const chars = units.pop()!;
          line = [...line].slice(0, -chars).join('');
          echo('\b \b'.repeat(shown));
        }
      } else if (ch === '\u0015') {
        echo('\b \b'.repeat(units.reduce((n, v, i) => (i % 2 ? n + v : n), 0)));
        line = '';
        held = '';
        last = '';
        units = [];
      } else if (ch >= ' ' && !C1.test(ch)) {
        // Not line.slice(-1): the line is built by +=, and reading its end would flatten it on every character.
        const before = last;
        last = ch;
        line += ch;
        // A run that starts like a token (after a non-letter) is held until it ends or cannot be one.
        if (RUN_CHAR.test(ch) && (held || !before || !RUN_CHAR.test(before)) && mayBeToken(held + ch)) {
          held += ch;
          continue;
        }
        if (held && RUN_CHAR.test(ch)) {
          // Not a token after all ("he" of "hello"): shown as it is, and the rest of the run directly.
          held += ch;
          const shownHeld = held;
          held = '';
          echo(shownHeld);
          for (let i = 0; i < shownHeld.length; i++) units.push(1, 1);
          continue;
        }
        flush();
        const shown = UNSHOWN.test(ch) ? 0 : 1;
        if (shown) echo(ch);
        units.push(1, shown);
      }
    }
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
    pending: () => queue.length > 0 || line !== '',
    interrupt() {
      const w = waiter;
      waiter = undefined;
      line = '';
      held = '';
      last = '';
      units = [];
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
