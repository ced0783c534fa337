#!/usr/bin/env node
// The executable: runs main() and turns any escaped error into one calm line (no stack trace).
import {EXIT, processIo} from './commands/io.js';
import {describeError, main} from './main.js';
import {clearPrepaint} from './prepaint.js';

// `hf-jobs-wizard check | head`: the reader went away; stop quietly instead of dying with an EPIPE stack trace.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const io = processIo();
main(process.argv.slice(2), io).then(
  (code) => {
    clearPrepaint(process.stdout);
    process.exitCode = code;
  },
  (error: unknown) => {
    clearPrepaint(process.stdout);
    if (error instanceof Error && error.name === 'ExitPromptError') {
      process.exitCode = EXIT.interrupted;
      return;
    }
    io.stderr.write(`hf-jobs-wizard: ${describeError(error)}\n`);
    if (process.env.HF_WIZARD_DEBUG) io.stderr.write(`${error instanceof Error ? error.stack : ''}\n`);
    process.exitCode = EXIT.failed;
  },
);
