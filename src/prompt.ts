// The single prompts a command asks (select, confirm, password, input), behind one facade that owns the non-TTY rule:
// a prompt needs stdin and stderr to be terminals; without one it never waits on stdin, it stops at once with an
// AppError (exit 2) that says what to pass instead. @inquirer/prompts loads only when a prompt is really shown.
// Ctrl+C inside a prompt rejects with its ExitPromptError: main reports that as an interrupt (exit 130, no line).
import {AppError, EXIT, type CommandIo} from './io.js';

type PromptIo = Pick<CommandIo, 'stdin' | 'stderr'>;

/** Whether a prompt can be shown: stdin to read the answer and stderr to draw it on are both terminals. */
export function canPrompt(io: PromptIo): boolean {
  return Boolean(io.stdin.isTTY && io.stderr.isTTY);
}

/** What to say when there is no terminal: the flag or pipe that replaces the prompt. */
export interface NoTerminal {
  withoutTerminal: string;
}

function requireTerminal(io: PromptIo, o: NoTerminal): void {
  if (!canPrompt(io)) throw new AppError(o.withoutTerminal, {exitCode: EXIT.usage});
}

const context = (io: PromptIo) => ({input: io.stdin, output: io.stderr});

export async function promptSelect<T extends string>(
  io: PromptIo,
  config: {message: string; choices: {name: string; value: T}[]; default?: T; pageSize?: number},
  o: NoTerminal,
): Promise<T> {
  requireTerminal(io, o);
  const {select} = await import('@inquirer/prompts');
  return select<T>(config, context(io));
}

export async function promptConfirm(
  io: PromptIo,
  config: {message: string; default?: boolean},
  o: NoTerminal,
): Promise<boolean> {
  requireTerminal(io, o);
  const {confirm} = await import('@inquirer/prompts');
  return confirm(config, context(io));
}

/** Hidden input (a token): echoed as `mask` characters, never as typed. */
export async function promptPassword(
  io: PromptIo,
  config: {message: string; mask?: string},
  o: NoTerminal,
): Promise<string> {
  requireTerminal(io, o);
  const {password} = await import('@inquirer/prompts');
  return password({mask: '*', ...config}, context(io));
}

export async function promptInput(
  io: PromptIo,
  config: {message: string; default?: string},
  o: NoTerminal,
): Promise<string> {
  requireTerminal(io, o);
  const {input} = await import('@inquirer/prompts');
  return input(config, context(io));
}
