// The example step's pre-flight, as the screens offer it: which catalog problem a failed verdict points to, whether
// another token is the fix, and the choices shown instead of Run after a fail (Ink and plain list the same ones). Pure.
import {ORG_POLICY_WORDS, type PreflightLine, type PreflightReport} from '../preflight/preflight.js';
import type {ProblemId, WizardEvent, WizardState} from './types.js';

const TOKEN_LINES: readonly PreflightLine['id'][] = ['token-namespace', 'token-repo', 'auth-check', 'token-expiry'];

/** Pre-flight failed on the token itself (scopes, the Hub's Jobs check, expiry): logging in with another token is the fix. */
export function preflightTokenProblem(state: Pick<WizardState, 'example'>): boolean {
  // An org's token policy holds any token back until an admin approves it: another token is not the fix.
  return Boolean(
    state.example.preflight?.report?.lines.some(
      (l) => l.status === 'fail' && TOKEN_LINES.includes(l.id) && !ORG_POLICY_WORDS.test(l.message),
    ),
  );
}

/** The troubleshooting screen that explains the first failed line (the same problems a refused submit opens). */
export function preflightProblem(report: PreflightReport): {problem: ProblemId; evidence: string} | undefined {
  const line = report.lines.find((l) => l.status === 'fail');
  if (!line) return undefined;
  const byLine: Record<PreflightLine['id'], ProblemId> = {
    'token-namespace': 'forbidden-403',
    'token-repo': 'forbidden-403',
    'auth-check': /\(401\)/.test(line.message)
      ? 'unauthorized-401'
      : ORG_POLICY_WORDS.test(line.message)
        ? 'org-token-policy'
        : 'forbidden-403',
    'token-expiry': 'unauthorized-401',
    billing: 'payment-required',
    'org-policy': 'org-token-policy',
    cost: 'unknown',
    timeout: 'job-timeout',
  };
  return {problem: byLine[line.id], evidence: line.message};
}

export interface RunChoice {
  label: string;
  value: 'run' | 'relogin' | 'why' | 'recheck';
  event: WizardEvent;
}

/** Run; or, after a failed pre-flight, its ways out: another token (when the token is the problem), why, check again. */
export function runChoices(state: Pick<WizardState, 'example'>): RunChoice[] {
  const report = state.example.preflight?.report;
  if (report?.verdict !== 'fail') return [{label: 'Run this job', value: 'run', event: {type: 'run-example'}}];
  const out: RunChoice[] = [];
  if (preflightTokenProblem(state))
    out.push({label: 'Log in with another token', value: 'relogin', event: {type: 'fix', action: 're-login'}});
  const why = preflightProblem(report);
  if (why && why.problem !== 'unknown')
    out.push({label: 'Why it would be refused (troubleshoot)', value: 'why', event: {type: 'open-problem', ...why}});
  out.push({label: 'Check again (pre-flight)', value: 'recheck', event: {type: 'rerun-preflight'}});
  return out;
}
