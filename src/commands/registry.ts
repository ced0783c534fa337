// The command table. Each command lives in its own module, loaded only when it runs,
// so `hf-jobs-wizard status` never pays for Ink and the wizard never pays for the sandbox.
import type {CommandIo} from '../io.js';

export interface CommandModule {
  /** Runs the command with the arguments after its name; resolves to the exit code. */
  run(args: string[], io: CommandIo): Promise<number>;
}

export interface CommandEntry {
  name: string;
  usage: string;
  summary: string;
  load: () => Promise<CommandModule>;
  /** Internal commands (not listed in --help). */
  hidden?: boolean;
}

export const COMMANDS: CommandEntry[] = [
  {
    name: 'login',
    usage: 'login [--token-stdin | --device] [--endpoint URL | --sandbox [--practice write|read|fine-grained|expired]]',
    summary: 'validate a token against the Hub and save it',
    load: () => import('./login.js'),
  },
  {
    name: 'logout',
    usage: 'logout [NAME] [--sandbox | --endpoint URL]',
    summary: 'remove a saved token',
    load: () => import('./logout.js'),
  },
  {
    name: 'status',
    usage: 'status [--json] [--offline] [--endpoint URL | --sandbox]',
    summary: 'account, token source, type and permissions',
    load: () => import('./status.js'),
  },
  {
    name: 'check',
    usage: 'check [PATH...] [--json] [--offline] [--endpoint URL | --sandbox]',
    summary: 'the token checklist, static and live (exit 1 on a failure)',
    load: () => import('./check.js'),
  },
  {
    name: 'troubleshoot',
    usage: 'troubleshoot [FILE|-] [--job ID] [--json] [--endpoint URL | --sandbox]',
    summary: 'classify an error text or a job log and say how to fix it',
    load: () => import('./troubleshoot.js'),
  },
  {
    name: 'revoke',
    usage: 'revoke [FILE|-] [--yes] [--json] [--endpoint URL | --sandbox]',
    summary: 'revoke leaked tokens found in a file or pasted text, then replace them',
    load: () => import('./revoke.js'),
  },
  {
    name: 'example',
    usage: 'example [NAME] [--yes] [--json] [--sandbox | --endpoint URL]',
    summary: 'submit an example job and stream its logs',
    load: () => import('./example.js'),
  },
  {
    name: 'learn',
    usage: 'learn [LESSON] [--plain] [--verify EX] [--list] [--endpoint URL --sandbox-data DIR]',
    summary: 'the tutorial, with exercises checked against the sandbox',
    load: () => import('./learn.js'),
  },
  {
    name: 'job-script',
    usage: 'job-script NAME',
    summary: "runs an example job's Node twin inside a sandbox job",
    hidden: true,
    load: () => import('../examples/twin-runner.js'),
  },
  {
    name: 'sandbox',
    usage: 'sandbox [--port N] [--data DIR] [--json]',
    summary: 'serve the offline sandbox Hub; prints its URL and practice tokens',
    load: () => import('./sandbox.js'),
  },
];

export function findCommand(name: string): CommandEntry | undefined {
  return COMMANDS.find((c) => c.name === name);
}
