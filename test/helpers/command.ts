// A command run the way the app runs it: through main (src/main.ts), so an error the command throws is reported
// once by src/io.ts reportError (one line, its fix, its exit code) exactly as a person sees it.
import type {CommandIo} from '../../src/io.js';
import {main} from '../../src/main.js';

export function viaMain(name: string): (args: string[], io: CommandIo) => Promise<number> {
  return (args, io) => main([name, ...args], io);
}
