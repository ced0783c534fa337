#!/usr/bin/env node
// The executable: picks the build that runs the command. `check --offline` runs from its own build when there is one
// (dist/check/cli.cjs, src/check-loader.ts, runs check-cli.ts's build with V8's code cache: it loads 2 modules instead of the app's ~30 chunks, and has neither the Hub
// client nor the sandbox); everything else, and a check run from the sources (no such build next to this file), from
// the app (src/cli-app.ts). Nothing else is loaded before that choice.

import {createRequire} from 'node:module';

const checkBuild = new URL('./check/cli.cjs', import.meta.url);
const args = process.argv.slice(2);
let app = true;
if (
  args[0] === 'check' &&
  args.includes('--offline') &&
  !args.includes('--sandbox') &&
  !args.includes('--') &&
  checkBuild.protocol === 'file:'
) {
  // Not built (the sources run by tsx), or a file of it missing or unloadable: the app runs check instead. Loading
  // fails only before check's own code runs (its last statement starts it; what the run throws is reported by the
  // run), so nothing runs twice.
  try {
    app = !(createRequire(import.meta.url)('./check/cli.cjs') as {run(): boolean}).run();
  } catch {
    app = true;
  }
}
if (app) await import('./cli-app.js');
