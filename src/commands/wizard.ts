// The interactive wizard: `hf-jobs-wizard [--sandbox | --endpoint URL] [--plain]`.
// Checks the terminal first; Ink (or inquirer for --plain / TERM=dumb) is imported only once we know we need it.
import {resolveEndpoint} from '../core/endpoint.js';
import {appCommand} from '../core/invocation.js';
import {wrapAtSpaces} from '../core/text/wrap.js';
import {quitLine, wizardCommand} from '../core/wizard/content.js';
import {clearPrepaint} from '../prepaint.js';
import {AppError, EXIT, writeLine, type CommandIo} from '../io.js';
import {openSandboxSession, rememberRecordedSandbox} from './hub-target.js';

export const WIZARD_HELP = `Usage: hf-jobs-wizard [--sandbox | --endpoint URL] [--plain]

The interactive wizard: log in, learn which token type you need, write a job config, check it,
and run an example Hugging Face Job, with troubleshooting when something fails.

Options:
  --sandbox        practise on the built-in offline sandbox Hub (free; its own HF_HOME, your real login is untouched)
  --endpoint URL   use this Hub instead of huggingface.co (default: HF_ENDPOINT, else https://huggingface.co)
  --plain          line-by-line prompts without redraws (screen readers, simple terminals; automatic with TERM=dumb);
                   from a pipe it reads one answer per line: printf '1\\n\\n' | ${appCommand('--plain --sandbox')}
  -h, --help       this help

Got an error message instead? Run ${appCommand('troubleshoot')}: paste it, get the cause and the fix.

Keys: ↑/↓ or j/k move, Enter select, Esc back, s your saved tokens, q quit, ? help.
Plain mode: type a choice's number (Enter alone: the default), or "status" for your saved tokens.
Exit codes: 0 the job completed, or you quit (q, Quit, Finish: one line says how to resume); 1 the job failed;
2 usage error, no terminal, or a pipe that ended before --plain's next answer; 130 Ctrl-C.
Without a terminal, use: ${appCommand('check')}, ${appCommand('login --token-stdin')}, ${appCommand('example --yes')},
or --plain with the answers piped in.`;

export interface WizardArgs {
  sandbox: boolean;
  endpoint?: string;
  plain: boolean;
  help: boolean;
}

export function parseWizardArgs(args: string[]): WizardArgs | {error: string} {
  const out: WizardArgs = {sandbox: false, plain: false, help: false};
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--sandbox') out.sandbox = true;
    else if (a === '--plain') out.plain = true;
    else if (a === '--help' || a === '-h') out.help = true;
    else if (a === '--endpoint' || a.startsWith('--endpoint=')) {
      const value = a.includes('=') ? a.slice(a.indexOf('=') + 1) : args[++i];
      if (!value || value.startsWith('-'))
        return {error: '--endpoint needs a URL, e.g. --endpoint https://huggingface.co'};
      if (!/^https?:\/\/\S+$/.test(value)) return {error: `--endpoint must be an http(s) URL, got "${value}".`};
      out.endpoint = value;
    } else return {error: `Unknown option "${a}". Run \`${appCommand('--help')}\`.`};
  }
  if (out.sandbox && out.endpoint) return {error: 'Use either --sandbox or --endpoint, not both.'};
  return out;
}

/** What to run without a terminal, on the Hub the wizard was asked for (--sandbox / --endpoint carried over). */
export function nonTtyMessage(target: {sandbox?: boolean; endpoint?: string} = {}): string {
  const on = target.sandbox ? ' --sandbox' : target.endpoint ? ` --endpoint ${target.endpoint}` : '';
  const rows: [string, string][] = [
    [
      target.sandbox ? 'login --sandbox --practice write' : `login --token-stdin${on} < token.txt`,
      target.sandbox ? 'log in with the write practice token' : 'validate and save a token',
    ],
    [`check${on}`, 'the checklist (exit 1 on a failure)'],
    [`example push-dataset --yes${on}`, 'submit an example job and stream its logs'],
    [`--plain${on}`, 'the wizard, its answers read from the pipe, one per line'],
  ];
  const width = Math.max(...rows.map(([c]) => appCommand(c).length));
  return [
    'hf-jobs-wizard: the wizard is interactive and needs a terminal (stdin and stdout are not both a TTY).',
    'Without a terminal, use the non-interactive commands:',
    ...rows.map(([c, what]) => `  ${appCommand(c).padEnd(width)}   ${what}`),
  ].join('\n');
}

export async function run(args: string[], io: CommandIo): Promise<number> {
  const parsed = parseWizardArgs(args);
  if ('error' in parsed) {
    clearPrepaint(io.stdout);
    throw new AppError(parsed.error, {exitCode: EXIT.usage});
  }
  if (parsed.help) {
    writeLine(io.stdout, WIZARD_HELP);
    return EXIT.ok;
  }
  // --plain reads its answers line by line, from a terminal or a pipe (scripted); Ink needs a terminal.
  if (!parsed.plain && (!io.stdin.isTTY || !io.stdout.isTTY)) {
    writeLine(io.stderr, nonTtyMessage(parsed));
    return EXIT.usage;
  }
  return runInteractive(parsed, io);
}

/** The wizard on a terminal (Ink, or plain prompts). `startAt: 'paste-error'` opens the paste-an-error screen (`troubleshoot` on a TTY). */
export async function runInteractive(
  parsed: Omit<WizardArgs, 'help'> & {startAt?: 'paste-error'},
  io: CommandIo,
): Promise<number> {
  const plain = parsed.plain || io.env.TERM === 'dumb';
  // chalk reads FORCE_COLOR when Ink loads: honour NO_COLOR before that.
  if (io.env.NO_COLOR && process.env.FORCE_COLOR === undefined) process.env.FORCE_COLOR = '0';

  // Load the face (Ink or inquirer) at the same time as the core: the first frame waits on both.
  const [{WizardController}, {createServices}, {resolveToken}, face] = await Promise.all([
    import('../core/wizard/controller.js'),
    import('../wizard/services/index.js'),
    import('../core/store/resolve.js'),
    plain ? import('../plain/wizard.js') : import('../ui/render.js'),
  ]);
  // Fixes name --sandbox for this user's own sandbox (its recorded URL), --endpoint URL for any other.
  rememberRecordedSandbox(io.env);
  const services = createServices({
    env: io.env,
    cwd: io.cwd,
    openSandbox: (options) => openSandboxSession(io.env, options),
    servesSandboxData: async (url, dir) => (await import('../sandbox/owner.js')).servesDataDir(url, dir),
    ...(parsed.endpoint ? {endpointFlag: parsed.endpoint} : {}),
  });
  const presetTarget = parsed.sandbox ? ('sandbox' as const) : parsed.endpoint ? ('hub' as const) : undefined;
  const hasSavedToken = presetTarget ? undefined : Boolean((await resolveToken(io.env).catch(() => undefined))?.token);
  const controller = new WizardController(services, {
    cwd: io.cwd,
    ...(presetTarget ? {presetTarget} : {}),
    ...(hasSavedToken ? {hasSavedToken} : {}),
    ...(parsed.startAt ? {startAt: parsed.startAt} : {}),
    ...(parsed.sandbox ? {} : {hubEndpoint: resolveEndpoint(parsed.endpoint, io.env)}),
  });

  let interrupted = false;
  // The last line goes to stderr after Ink has let go of the screen: wrapped at spaces for the terminal's width (the
  // terminal itself cuts at the last column, mid-command).
  const say = (line: string) => {
    const columns = io.stderr.isTTY ? ((io.stderr as {columns?: number}).columns ?? io.stdout.columns) : undefined;
    writeLine(io.stderr, columns ? wrapAtSpaces(line, columns) : line);
  };
  const resumeCommands = () => {
    const state = controller.getState();
    const troubleshootAgain = appCommand(
      `troubleshoot${parsed.sandbox ? ' --sandbox' : parsed.endpoint ? ` --endpoint ${parsed.endpoint}` : ''}`,
    );
    const wizardAgain = wizardCommand(
      state.target ?? (presetTarget ? {kind: presetTarget, endpoint: ''} : undefined),
      parsed.endpoint ? {endpointFlag: parsed.endpoint} : {},
    );
    return {state, troubleshootAgain, wizardAgain};
  };
  const stoppedLine = () => {
    const {state, troubleshootAgain, wizardAgain} = resumeCommands();
    const resume = parsed.startAt && state.step === 'troubleshoot' ? troubleshootAgain : wizardAgain;
    return state.run.phase === 'running'
      ? 'Stopped watching. The job keeps running on the Hub; cancel it there if needed.'
      : `Stopped. Nothing was left half-written; run ${resume} again to start over.`;
  };
  // SIGTERM (kill, timeout, a service manager) stops the wizard now. A listener replaces Node's own exit, so this one
  // ends the process: it only set a flag before, and the wizard went on (measured: `timeout 40` left a plain wizard
  // polling a job for over 10 minutes; at a question it waited for ever). A job it follows keeps running on the Hub.
  const onSignal = () => {
    if (interrupted) return;
    interrupted = true;
    say(stoppedLine());
    const bound = new Promise((r) => setTimeout(r, 2000).unref());
    void Promise.race([controller.dispose(), bound]).finally(() => process.exit(EXIT.interrupted));
  };
  process.on('SIGTERM', onSignal);
  try {
    const code = 'runPlain' in face ? await face.runPlain(controller, io) : await face.runInk(controller, io);
    const {state, troubleshootAgain, wizardAgain} = resumeCommands();
    if (code === EXIT.interrupted || interrupted) {
      if (!interrupted) say(stoppedLine());
      return EXIT.interrupted;
    }
    // One rule whatever the entry point: quitting by choice is 0 (1 after a job that failed), with one line saying
    // how to resume; `troubleshoot` ending on its diagnosis has answered (no line).
    const line = quitLine(
      {
        step: state.step,
        ...(state.result ? {result: state.result} : {}),
        // `troubleshoot` ending on its diagnosis has answered; the wizard's own troubleshooting screen (a failed job)
        // still says how to resume, whether q came before or after the diagnosis was drawn (it raced before).
        troubleshootDone: Boolean(parsed.startAt && state.troubleshoot.diagnosis),
      },
      {wizard: wizardAgain, ...(parsed.startAt ? {here: troubleshootAgain} : {})},
    );
    if (line) say(line);
    return code;
  } finally {
    process.off('SIGTERM', onSignal);
    await controller.dispose();
  }
}
