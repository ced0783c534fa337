// The app as the executable runs it (every command but a `check` that has its own build, see src/cli.tsx).
import {runCli} from './cli-shell.js';
import {main} from './main.js';

runCli(main);
