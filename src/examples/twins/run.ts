// Entry point for running a twin from TypeScript source (tests, `tsx`): node --import tsx run.ts NAME.
// The bundled app uses the hidden `job-script NAME` command instead.
import {processIo} from '../../io.js';
import {run} from '../twin-runner.js';

process.exitCode = await run(process.argv.slice(2), processIo());
