// Runs an example job's Node twin inside a sandbox job. (Being built.)
import {EXIT, type CommandIo} from '../commands/io.js';

export async function run(_args: string[], io: CommandIo): Promise<number> {
  io.stderr.write('job-script: not built yet\n');
  return EXIT.failed;
}
