// Which fix actions a troubleshooting screen offers, as data: the catalog's causes (core/troubleshoot) say what is
// wrong; this says which wizard action repairs it. The diagnosed cause's action comes first, as the suggestion.
import type {ProblemId} from '../troubleshoot/catalog.js';
import type {FixAction} from './types.js';

/** Cause id (core/troubleshoot/catalog.ts) -> the action that does its fix. Causes without one are explained only. */
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
  'payment-required': [],
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
}

export function fixesFor(problem: ProblemId, actualCause: string | undefined, ctx: FixContext): {actions: FixAction[]; suggested?: FixAction} {
  const suggested = actualCause ? CAUSE_ACTIONS[actualCause] : undefined;
  const all: FixAction[] = [...(suggested ? [suggested] : []), ...PROBLEM_ACTIONS[problem]];
  if (ctx.hasTarget && ctx.loggedIn) all.push('retry');
  if (ctx.hasTarget) all.push('rerun-checks');
  // Config edits and job retries need a Hub and a login; re-login and the token page work from anywhere.
  const usable = all.filter((a, i) => all.indexOf(a) === i && (a === 're-login' || a === 'open-token-page' || ctx.hasTarget) && (a !== 'retry' || ctx.loggedIn));
  const out: {actions: FixAction[]; suggested?: FixAction} = {actions: usable};
  if (suggested && usable.includes(suggested)) out.suggested = suggested;
  return out;
}
