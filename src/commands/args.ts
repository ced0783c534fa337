// The argument handling every command shares: strict parsing, `-h/--help`, and a one-line usage error that
// names the command and its --help (an AppError, exit 2, that main reports). A command gets its values, or the exit
// code to return after --help.
import {parseArgs} from 'node:util';
import {appCommand} from '../core/invocation.js';
import {AppError, EXIT, writeLine, type CommandIo} from '../io.js';

type OptionSpec = {type: 'string' | 'boolean'; short?: string};

export interface ParsedArgs<O extends Record<string, OptionSpec>> {
  values: {[K in keyof O]?: O[K]['type'] extends 'string' ? string : boolean};
  positionals: string[];
}

export function parseCommandArgs<const O extends Record<string, OptionSpec>>(
  name: string,
  args: string[],
  options: O,
  io: CommandIo,
  help: string,
): ParsedArgs<O> | {exit: number} {
  let parsed: {values: Record<string, string | boolean | undefined>; positionals: string[]};
  try {
    parsed = parseArgs({
      args,
      options: {...options, help: {type: 'boolean', short: 'h'}},
      allowPositionals: true,
      strict: true,
    });
  } catch (error) {
    throw new AppError(`${(error as Error).message.split('\n')[0]}. Run \`${appCommand(`${name} --help`)}\`.`, {
      exitCode: EXIT.usage,
    });
  }
  if (parsed.values.help) {
    writeLine(io.stdout, help);
    return {exit: EXIT.ok};
  }
  return parsed as ParsedArgs<O>;
}
