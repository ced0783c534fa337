// A question in plain mode (the wizard's and learn's): the choices numbered once, then one line read with plain mode's
// line reader (a number, the first letters of a choice, or Enter for the default). Nothing is redrawn, so a screen
// reader or a dumb terminal reads it as it comes, and answers can be piped in, one a line.
import type {CommandIo} from '../io.js';
import {redactSecrets} from '../core/tokens/mask.js';
import {InputEndedError, type LineReader} from './line-reader.js';

export interface Choice<T> {
  name: string;
  value: T;
  description?: string;
}

export type Ask = <T>(message: string, choices: Choice<T>[], def?: T) => Promise<T>;

/** From a pipe, a question still waiting this long says so (the pipe may be held open by something idle). */
const PIPE_WAIT_NOTE_MS = 10_000;

/** An answer from outside, shown on one line: tokens masked, control characters made visible. */
const shownAnswer = (answer: string) => redactSecrets(answer.trim()).replace(/\n/g, ' ');

/**
 * The question, its choices numbered once, then a line: a number, or Enter for the default. From a pipe the answer
 * taken is echoed (nothing else shows it), and the pipe ending first throws InputEndedError naming the question.
 * `status`: a word that, typed at any question, shows something (the wizard's token dashboard) and asks again.
 */
export function createAsk(
  io: Pick<CommandIo, 'stdout'>,
  reader: LineReader,
  print: (line?: string) => void,
  status?: {answer: string; show: () => Promise<void>},
): Ask {
  const readAnswer = async (message: string): Promise<string> => {
    const waiting = reader.tty
      ? undefined
      : setTimeout(
          () => print(`\n(still waiting for an answer on stdin: plain mode reads one answer per line)`),
          PIPE_WAIT_NOTE_MS,
        );
    try {
      const answer = await reader.read();
      if (answer === null) throw new InputEndedError(message);
      if (!reader.tty) print(shownAnswer(answer));
      return answer;
    } finally {
      clearTimeout(waiting);
    }
  };
  return async <T>(message: string, choices: Choice<T>[], def?: T): Promise<T> => {
    const at = Math.max(
      0,
      choices.findIndex((c) => c.value === def),
    );
    print(`? ${message}`);
    choices.forEach((c, i) => print(`  ${i + 1}) ${c.name}${c.description ? ` — ${c.description}` : ''}`));
    for (;;) {
      io.stdout.write(`Type a number and press Enter (Enter alone: ${at + 1}): `);
      const answer = await readAnswer(message);
      const typed = answer.trim();
      if (status && typed.toLowerCase() === status.answer) {
        await status.show();
        continue;
      }
      const n = typed === '' ? at + 1 : Number(typed);
      // A number, or the start of one choice's words ("n" for "No, keep watching").
      const byName = choices.filter((c) => typed !== '' && c.name.toLowerCase().startsWith(typed.toLowerCase()));
      const choice = Number.isInteger(n) ? choices[n - 1] : byName.length === 1 ? byName[0] : undefined;
      if (choice) {
        print(`→ ${choice.name}`);
        return choice.value;
      }
      print(`"${shownAnswer(answer)}" is not one of the numbers 1 to ${choices.length}.`);
    }
  };
}

/** The input was a pipe and it ended before this question was answered: what to give it. */
export function pipeEndedMessage(question: string): string {
  return [
    `hf-jobs-wizard: the input ended before the question "${question}" was answered.`,
    'Plain mode reads its answers from stdin, one line each: a number, the first letters of a choice, or an empty line for the default.',
    '',
  ].join('\n');
}
