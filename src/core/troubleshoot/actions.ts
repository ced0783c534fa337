// What a troubleshooting answer can offer to do, as data: the catalog's causes say what is wrong; these tables say
// which action repairs it (log in, rewrite hf-job.json, open the token or billing page, run the job again, re-run
// the checks). The diagnosed cause's action comes first, as the suggestion. Shared by the report model
// (report.ts), the wizard (which runs the actions) and the `troubleshoot` command (which prints them).
import type {ProblemId} from './catalog.js';

export type FixAction =
  're-login' | 'rewrite-config' | 'rename-secret' | 'open-token-page' | 'open-billing' | 'retry' | 'rerun-checks';

export const FIX_LABELS: Record<FixAction, string> = {
  're-login': 'Log in (again, with another token)',
  'rewrite-config': 'Rewrite hf-job.json to pass HF_TOKEN as a secret (diff first)',
  'rename-secret': 'Rename the secret in hf-job.json to HF_TOKEN (diff first)',
  'open-token-page': 'Open the token page in your browser',
  'open-billing': 'Open the billing page (add credits) in your browser',
  retry: 'Run the job again',
  'rerun-checks': 'Re-run the checklist',
};

/** Cause id (catalog.ts) -> the action that does its fix. Causes without one are explained only. */
export const CAUSE_ACTIONS: Readonly<Record<string, FixAction>> = {
  'no-token-in-job': 'rewrite-config',
  'literal-placeholder': 'rewrite-config',
  anonymous: 'rewrite-config',
  'anonymous-limits': 'rewrite-config',
  'wrong-secret-key': 'rename-secret',
  'invalid-token': 're-login',
  'not-logged-in': 're-login',
  'private-no-access': 're-login',
  placeholder: 're-login',
  'pasted-badly': 're-login',
  'org-token': 'open-token-page',
  'read-token': 'open-token-page',
  'missing-scope': 'open-token-page',
  'org-policy': 'open-token-page',
  'fine-grained-no-gated': 'open-token-page',
  'too-many-requests': 'retry',
  unreachable: 'retry',
  'wrong-endpoint': 'retry',
  other: 'rerun-checks',
  'revoked-by-admin': 'open-token-page',
  'classic-refused': 'open-token-page',
  transient: 'retry',
  'no-credits': 'open-billing',
  'wrong-namespace-billing': 'open-billing',
};

/** What each problem's screen offers besides the diagnosed cause's action. */
export const PROBLEM_ACTIONS: Readonly<Record<ProblemId, FixAction[]>> = {
  'unauthorized-401': ['re-login', 'rewrite-config', 'open-token-page'],
  'forbidden-403': ['open-token-page', 're-login'],
  'token-missing': ['rewrite-config', 'rename-secret', 're-login'],
  'repo-access-denied': ['re-login', 'rewrite-config'],
  'gated-repo': ['open-token-page', 're-login'],
  'invalid-token-format': ['re-login', 'open-token-page'],
  'rate-limited': [],
  'network-error': [],
  'payment-required': ['open-billing'],
  'job-timeout': [],
  'job-not-found': [],
  'server-error': [],
  'org-token-policy': ['open-token-page'],
  'job-script-failed': [],
  unknown: [],
};

export interface FixContext {
  /** A Hub was chosen (checks and jobs need one). */
  hasTarget: boolean;
  /** Logged in: a job can be submitted. */
  loggedIn: boolean;
  /** A job of this app's is behind the failure (false for a pasted text: no job ran here, so none is "run again"). */
  hasJob?: boolean;
  /** The Hub has a billing page (the sandbox has none: its practice-user can pay). */
  hasBilling?: boolean;
  /** The sandbox: a new token is a practice token picked in the wizard, so "Log in again" is the fix that works there. */
  sandbox?: boolean;
}

/** The actions that fit: a pasted text never offers "Run the job again", the sandbox never a billing page. */
export function fixesFor(
  problem: ProblemId,
  actualCause: string | undefined,
  ctx: FixContext,
): {actions: FixAction[]; suggested?: FixAction} {
  const suggested = actualCause ? CAUSE_ACTIONS[actualCause] : undefined;
  const all: FixAction[] = [...(suggested ? [suggested] : []), ...PROBLEM_ACTIONS[problem]];
  if (ctx.hasTarget && ctx.loggedIn) all.push('retry');
  if (ctx.hasTarget) all.push('rerun-checks');
  // Config edits and job retries need a Hub and a login; re-login and the Hub's pages work from anywhere.
  const usable = all.filter(
    (a, i) =>
      all.indexOf(a) === i &&
      (a === 're-login' || a === 'open-token-page' || a === 'open-billing' || ctx.hasTarget) &&
      (a !== 'retry' || (ctx.loggedIn && ctx.hasJob !== false)) &&
      (a !== 'open-billing' || ctx.hasBilling !== false),
  );
  // On the sandbox the org whose policy refuses tokens refuses every one: another token or the token page cannot help.
  const fits =
    ctx.sandbox && problem === 'org-token-policy'
      ? usable.filter((a) => a !== 're-login' && a !== 'open-token-page')
      : usable;
  const out: {actions: FixAction[]; suggested?: FixAction} = {actions: fits};
  if (suggested && fits.includes(suggested)) out.suggested = suggested;
  if (ctx.sandbox && fits.includes('open-token-page')) {
    // On the sandbox the practice picker is the token page: log in again comes first and is the one suggested.
    out.actions = ['re-login', ...fits.filter((a) => a !== 're-login')];
    if (out.suggested === 'open-token-page') out.suggested = 're-login';
  }
  return out;
}
