// What the executable does around a command, whichever build runs it (the app's dist/cli.mjs or the one-module
// dist/check/main.cjs): the compile cache, a quiet end when the reader of stdout goes away, the exit code, and one
// calm line (no stack trace) for anything that escaped.
import * as nodeModule from 'node:module';
import {guardIo, processIo, reportError, type CommandIo} from './io.js';
import {clearPrepaint} from './prepaint.js';

export function runCli(start: (argv: string[], io: CommandIo) => Promise<number>): void {
  // V8's compile cache (Node >= 22.1; a no-op before): the second launch reuses the compiled code of every chunk
  // loaded after this line (each command is a dynamic import), in the OS temp dir. NODE_DISABLE_COMPILE_CACHE=1 turns
  // it off.
  (nodeModule as {enableCompileCache?: () => unknown}).enableCompileCache?.();

  // `hf-jobs-wizard check | head`: the reader went away; stop quietly instead of dying with an EPIPE stack trace.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }

  // main guards the streams itself (all commands but `sandbox`); what escapes main is reported through a guard, so
  // even a stack printed for HF_WIZARD_DEBUG is masked.
  const io = guardIo(processIo());
  start(process.argv.slice(2), processIo()).then(
    (code) => {
      clearPrepaint(process.stdout);
      process.exitCode = code;
    },
    (error: unknown) => {
      clearPrepaint(process.stdout);
      // main reports a command's errors itself; this catches only what escaped main (e.g. loading failed).
      if (process.env.HF_WIZARD_DEBUG) io.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
      process.exitCode = reportError(io, error);
    },
  );
}
