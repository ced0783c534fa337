// The app's I/O port: what a command, a screen or an example may touch of the outside world (streams, env, cwd),
// the exit codes every command shares, and the one error shape (message, fix, exit code) that main reports once.
// Commands, ui, plain and examples depend on this file, never on src/commands/.
import type {Readable, Writable} from 'node:stream';
import {maskSecrets, redactSecrets} from './core/tokens/mask.js';

export interface CommandIo {
  stdout: Writable & {isTTY?: boolean; columns?: number};
  stderr: Writable & {isTTY?: boolean};
  stdin: Readable & {isTTY?: boolean};
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export function processIo(): CommandIo {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    // Made when first read: process.stdin builds a TTY or pipe stream (and loads their modules) that `check`,
    // `status` and most commands never read.
    get stdin() {
      return process.stdin;
    },
    env: process.env,
    cwd: process.cwd(),
  };
}

/** Exit codes shared by every command (architecture.md): 0 ok, 1 a check or job failed, 2 usage error, 130 interrupted. */
export const EXIT = {ok: 0, failed: 1, usage: 2, interrupted: 130} as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export function writeLine(stream: Writable, line = ''): void {
  stream.write(line + '\n');
}

type WriteCallback = (error?: Error | null) => void;

/**
 * Characters the app never prints itself and a terminal obeys without showing: C1 controls (0x9b is a one-byte CSI
 * on some terminals), bidi overrides and isolates, zero-width characters. Text from outside has them made visible at
 * its source (core/text/sanitize.ts); what still carries one (a file name inside `--json` output: JSON.stringify
 * leaves them raw) gets the JSON escape `\u202e`, which reads the same in text and keeps JSON valid and equal.
 */
// eslint-disable-next-line no-control-regex
const INVISIBLE_OUTPUT = /[\x80-\x9f\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;

export function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE_OUTPUT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * The same stream, except that every write is masked (token shapes and registered secrets) before it leaves: the
 * last line of defence (main and cli run every command with it). Masks, and escapes what escapeInvisible names; the
 * app's colours and Ink's frames pass.
 * A Proxy keeps everything else (isTTY, columns, on('resize')...) so Ink and prompts see the real stream.
 */
export function guardStream<T extends Writable>(
  stream: T,
  transform: (text: string) => string = (t) => escapeInvisible(maskSecrets(t)),
): T {
  const write = (chunk: unknown, encoding?: BufferEncoding | WriteCallback, callback?: WriteCallback): boolean => {
    const cb = typeof encoding === 'function' ? encoding : callback;
    const enc = typeof encoding === 'string' ? encoding : undefined;
    const text =
      typeof chunk === 'string'
        ? chunk
        : Buffer.isBuffer(chunk) || chunk instanceof Uint8Array
          ? Buffer.from(chunk).toString('utf8')
          : undefined;
    if (text === undefined) return cb ? stream.write(chunk, enc ?? 'utf8', cb) : stream.write(chunk);
    const safe = transform(text);
    return cb ? stream.write(safe, 'utf8', cb) : stream.write(safe);
  };
  return new Proxy(stream, {
    get(target, prop) {
      if (prop === 'write') return write;
      const value = Reflect.get(target, prop, target) as unknown;
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/** `io` with guarded stdout and stderr. Guarding twice is harmless (masking is idempotent). */
export function guardIo(io: CommandIo): CommandIo {
  // Not a spread: it would read stdin (see processIo).
  return {
    stdout: guardStream(io.stdout),
    stderr: guardStream(io.stderr),
    get stdin() {
      return io.stdin;
    },
    env: io.env,
    cwd: io.cwd,
  };
}

/**
 * The one error a command throws when it cannot go on: what happened, what to do, and the exit code.
 * `main` reports it once (message, then the fix on its own line); nothing else prints it.
 */
export class AppError extends Error {
  readonly fix: string | undefined;
  readonly exitCode: ExitCode;
  constructor(message: string, options: {fix?: string; exitCode?: ExitCode; cause?: unknown} = {}) {
    super(message, options.cause === undefined ? undefined : {cause: options.cause});
    this.name = 'AppError';
    this.fix = options.fix;
    this.exitCode = options.exitCode ?? EXIT.failed;
  }
}

/** First line of an error's message (never a stack), or the value as text. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.message.split('\n')[0] ?? String(error);
  return String(error);
}

/** True for the error @inquirer/prompts throws on Ctrl+C. */
export function isInterrupt(error: unknown): boolean {
  return error instanceof Error && error.name === 'ExitPromptError';
}

/**
 * Reports an error that escaped a command, once, masked and sanitised, and returns the exit code to end with:
 * 130 for an interrupt (nothing printed), the AppError's own code, else 1.
 */
export function reportError(io: CommandIo, error: unknown, prefix = 'hf-jobs-wizard'): ExitCode {
  if (isInterrupt(error)) return EXIT.interrupted;
  io.stderr.write(`${prefix}: ${redactSecrets(describeError(error))}\n`);
  if (error instanceof AppError) {
    if (error.fix) io.stderr.write(`  ${redactSecrets(error.fix)}\n`);
    return error.exitCode;
  }
  return EXIT.failed;
}
