// Words shared by the Ink screens and the plain mode.
import {appCommand} from '../invocation.js';
import {STEP_TITLES, type CheckItem, type StepId} from './types.js';

/** The four kinds of token from the seed, with the org token marked legacy (hf-jobs-skill-and-mcp.md §1e.7). */
export const TOKEN_KINDS: {name: string; can: string}[] = [
  {name: 'read', can: 'download public and your private repos; cannot push or run Jobs'},
  {name: 'write', can: 'read, push, create repos and run Jobs wherever your account may write (most first jobs)'},
  {
    name: 'fine-grained',
    can: 'only the permissions you tick, per user, org or repo (e.g. repo.write + job.write): safest',
  },
  {
    name: 'org token',
    can: 'legacy (api_org_...): deprecated, rejected at login; use a fine-grained token scoped to the org',
  },
];

/** The first thing a person reads, also when --sandbox skips the welcome step. */
export const WELCOME_LINES = [
  'This wizard takes you from a Hugging Face account to your first Job that ran with the right token.',
  'About 2 minutes, 8 steps: welcome, log in, token type, job config, checklist, example job, run, result.',
];

/** The welcome lines shown on the login screen when --sandbox / --endpoint skipped the welcome step: 7 steps. */
export const WELCOME_LINES_SKIPPED = [
  WELCOME_LINES[0]!,
  'About 2 minutes, 7 steps: log in, token type, job config, checklist, example job, run, result.',
];

/** After a sandbox run: its links are live only while the wizard is open. */
export const SANDBOX_EXIT_NOTE =
  'The sandbox Hub runs inside this wizard: it stops when you finish, and its links (above) stop working then. Your practice data is kept; add --sandbox to a command to use it again.';

/** "It created <url>" or, when the repo was already there, "It updated <url>". */
export function createdLine(outcome: {repoExisted?: boolean}): string {
  return outcome.repoExisted ? 'It added a commit to' : 'It created';
}

/**
 * A cancel the person chose (Esc on the Run step, or on the Hub): not a failure. The Hub's cancel for credits (a cancel
 * reason) and a cancel the job's log reported before the Hub stopped answering (a sandbox closed mid-run) are.
 */
export function canceledByChoice(outcome: {stage: string; cancelReason?: string; hubLost?: string}): boolean {
  return outcome.stage === 'CANCELED' && !outcome.cancelReason && !outcome.hubLost;
}

/**
 * A run that did not complete, in one line (after ✗ or !): the stage, by whom a cancel was (the Hub's cancel reason),
 * and the Hub's message without a second "Canceled:" ("CANCELED: Canceled: …" read twice).
 */
export function endedLine(outcome: {stage: string; message?: string; cancelReason?: string; hubLost?: string}): string {
  if (outcome.hubLost)
    return `${outcome.stage}, as the job's log says; then the Hub stopped answering (${outcome.hubLost})`;
  const canceled = outcome.stage === 'CANCELED';
  const message = canceled ? outcome.message?.replace(/^\s*cancell?ed\s*[:.-]\s*/i, '') : outcome.message;
  const by = canceled && outcome.cancelReason ? ` by the Hub (cancel reason ${outcome.cancelReason})` : '';
  return `${outcome.stage}${by}${message ? `: ${message}` : ''}`;
}

/** The command that starts the wizard again on the same Hub, as the person can paste it. */
export function wizardCommand(
  target: {kind: string; endpoint: string} | undefined,
  options: {endpointFlag?: string} = {},
): string {
  if (target?.kind === 'sandbox') return appCommand('--sandbox');
  if (options.endpointFlag) return appCommand(`--endpoint ${options.endpointFlag}`);
  return appCommand();
}

/** What `q` (or a stop) prints: the step in the words the person saw, and how to start again. */
export function stoppedLine(step: StepId, command: string): string {
  return `Stopped at the ${STEP_TITLES[step]} step. Run ${command} to start again: files already written are kept (shown as unchanged).`;
}

/**
 * The one line printed when the wizard ends short of a completed job, saying how to resume (none after a completed
 * job, or when `troubleshoot` ends on its diagnosis: that was the answer). `wizard` starts the wizard again on the
 * same Hub; `here` is the command of the screen the person left (`troubleshoot` at its paste box or diagnosis).
 */
export function quitLine(
  state: {step: StepId; result?: {stage: string; cancelReason?: string; hubLost?: string}; troubleshootDone?: boolean},
  commands: {wizard: string; here?: string},
): string | undefined {
  const stage = state.result?.stage;
  if (stage === 'COMPLETED') return undefined;
  if (state.step === 'troubleshoot' && state.troubleshootDone) return undefined;
  const kept = 'files already written are kept (shown as unchanged).';
  if (state.result?.hubLost)
    return `The Hub stopped answering while the job ran (its log says ${stage}). Run ${commands.wizard} to try again once it answers: ${kept}`;
  if (stage === 'CANCELED' && state.result?.cancelReason)
    return `The Hub canceled the job (${state.result.cancelReason}): its namespace could not pay. Run ${commands.wizard} to try again under one that can: ${kept}`;
  if (stage === 'CANCELED') return `The job was cancelled. Run ${commands.wizard} to start again: ${kept}`;
  if (stage !== undefined) return `The job ended with ${stage}. Run ${commands.wizard} to try again: ${kept}`;
  return stoppedLine(state.step, state.step === 'troubleshoot' && commands.here ? commands.here : commands.wizard);
}

/** "No issues found." / "1 failed, 2 warnings." */
export function checkSummary(items: CheckItem[]): string {
  const fails = items.filter((i) => i.status === 'fail').length;
  const warns = items.filter((i) => i.status === 'warn').length;
  if (!fails && !warns) return 'No issues found.';
  return (
    [fails ? `${fails} failed` : '', warns ? `${warns} warning${warns === 1 ? '' : 's'}` : '']
      .filter(Boolean)
      .join(', ') + '.'
  );
}
