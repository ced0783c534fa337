// The argument handling every command shares: strict parsing, `-h/--help`, and a one-line usage error that
// names the command and its --help (exit 2). A command gets its values, or the exit code to return.
import {parseArgs} from 'node:util';
import {appCommand} from '../core/invocation.js';
import {EXIT, writeLine, type CommandIo} from './io.js';

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
    parsed = parseArgs({args, options: {...options, help: {type: 'boolean', short: 'h'}}, allowPositionals: true, strict: true});
  } catch (error) {
    writeLine(io.stderr, `hf-jobs-wizard ${name}: ${(error as Error).message.split('\n')[0]}. Run \`${appCommand(`${name} --help`)}\`.`);
    return {exit: EXIT.usage};
  }
  if (parsed.values.help) {
    writeLine(io.stdout, help);
    return {exit: EXIT.ok};
  }
  return parsed as ParsedArgs<O>;
}
