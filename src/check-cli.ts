// Entry of dist/check/main.cjs (dist/check/cli.cjs runs it, src/check-loader.ts): `hf-jobs-wizard check … --offline`
// with the check command and all it needs in one module (scripts/build.mjs builds it on its own; src/cli.tsx hands it
// the offline checks without --sandbox), so a
// check loads 2 modules instead of the app's ~30 chunks: Node 20 spends ~1.7 ms of CPU on each module it loads (30
// tiny modules vs one: 197-214 vs 142-155 ms, perf stat -r 10). What main() does for `check`, through the same
// functions: network bounds, the guarded streams, one error report.
import * as check from './commands/check.js';
import {runCli} from './cli-shell.js';
import {guardIo} from './io.js';
import {applyNetworkEnv, runLoaded} from './run-command.js';

runCli(async ([, ...args], rawIo) => {
  await applyNetworkEnv(rawIo.env);
  return runLoaded(() => Promise.resolve(check), args, guardIo(rawIo), 'hf-jobs-wizard check');
});
