// Placeholder until this command is built: says so plainly instead of pretending.
import {EXIT, type CommandIo} from './io.js';

export async function run(_args: string[], io: CommandIo): Promise<number> {
  io.stderr.write('hf-jobs-wizard: "logout" is not built yet.\n');
  return EXIT.failed;
}
