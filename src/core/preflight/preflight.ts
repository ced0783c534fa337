// Pre-flight: "will this job be allowed, what will it cost, how long may it run", decided before anything is
// submitted, from what the Hub says about the token (whoami-v2), the Jobs auth check, the hardware price list and
// the job itself. Pure: the facts are gathered elsewhere (gather.ts); each line is pass/warn/fail with its fix.
import {classifyWhoAmI, evaluateGoal, type RepoRef, type TokenInfo, type WhoAmIResponse} from '../tokens/classify.js';

export type PreflightStatus = 'pass' | 'warn' | 'fail';

export interface PreflightLine {
  id: 'token-namespace' | 'token-repo' | 'auth-check' | 'billing' | 'org-policy' | 'token-expiry' | 'cost' | 'timeout';
  status: PreflightStatus;
  /** One line: what was checked and what was found. */
  message: string;
  /** What to do, when status is not pass. */
  fix?: string;
}

export interface PreflightReport {
  verdict: PreflightStatus;
  lines: PreflightLine[];
  /** At most this many dollars if the job runs until its timeout; absent when the price is unknown. */
  maxCostUsd?: number;
}

/** The job as planned. `timeoutSeconds` undefined = the Hub's default (30 minutes). */
export interface PlannedJob {
  namespace: string;
  flavor: string;
  timeoutSeconds?: number;
  writes: RepoRef[];
  reads: RepoRef[];
  /** Training, many files, a big model: a job that may outlive the default timeout. */
  looksLong?: boolean;
}

/** The whoami-v2 billing and policy fields pre-flight reads (real-world.md, the Hub's OpenAPI). */
export interface WhoAmIBilling extends WhoAmIResponse {
  billingMode?: string;
  orgs?: (NonNullable<WhoAmIResponse['orgs']>[number] & {
    canPay?: boolean;
    plan?: string;
    billingMode?: string;
    securityRestrictions?: string[];
  })[];
}

/** The Hub's answer to POST /api/jobs/{ns}/auth-check/write: allowed, refused (status + its words), or not asked. */
export type AuthCheckResult = {ok: true} | {ok: false; status?: number; message: string} | {unavailable: string};

export interface HardwarePrice {
  name: string;
  prettyName?: string;
  unitCostUSD: number;
  unitLabel?: string;
}

export interface PreflightInput {
  who: WhoAmIBilling;
  job: PlannedJob;
  authCheck: AuthCheckResult;
  /** GET /api/jobs/hardware, or undefined when it could not be read. */
  hardware?: HardwarePrice[];
  /** The sandbox: no money is involved, say so in the cost line. */
  sandbox?: boolean;
  now?: Date;
}

export const DEFAULT_JOB_TIMEOUT_SECONDS = 30 * 60;

export function usd(amount: number): string {
  return amount < 0.01 && amount > 0 ? `$${amount.toFixed(4)}` : `$${amount.toFixed(2)}`;
}

export function describeDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds >= 3600) return `${(seconds / 3600).toFixed(1)} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}

/** What `--timeout` value to suggest for a long job (the CLI takes s/m/h/d). */
function timeoutFlag(seconds: number): string {
  return seconds % 3600 === 0 ? `${seconds / 3600}h` : `${Math.ceil(seconds / 60)}m`;
}

export function perMinuteUsd(hw: HardwarePrice): number {
  return hw.unitLabel === 'hour' ? hw.unitCostUSD / 60 : hw.unitCostUSD;
}

function tokenLines(info: TokenInfo, job: PlannedJob): PreflightLine[] {
  const lines: PreflightLine[] = [];
  const run = evaluateGoal(info, {kind: 'run-job', namespace: job.namespace});
  lines.push({
    id: 'token-namespace',
    status: run.ok ? (run.uncertain ? 'warn' : 'pass') : 'fail',
    message: run.explanation,
    ...(run.ok
      ? {}
      : {
          fix: `Use a token with job.write on ${job.namespace} (a write token, or a fine-grained token with job.write).`,
        }),
  });
  for (const repo of job.writes) {
    const v = evaluateGoal(info, {kind: 'push', repo});
    lines.push({
      id: 'token-repo',
      status: v.ok ? (v.uncertain ? 'warn' : 'pass') : 'fail',
      message: v.explanation,
      ...(v.ok ? {} : {fix: `Give the token repo.write on ${repo.namespace}.`}),
    });
  }
  for (const repo of job.reads) {
    const v = evaluateGoal(info, {kind: 'read-private', repo});
    lines.push({
      id: 'token-repo',
      status: v.ok ? (v.uncertain ? 'warn' : 'pass') : 'fail',
      message: v.explanation,
      ...(v.ok ? {} : {fix: `Give the token repo.content.read on ${repo.namespace}.`}),
    });
  }
  return lines;
}

/** The Hub's words for an org's token policy holding a token back (pending approval, or revoked by an admin). */
export const ORG_POLICY_WORDS = /organization token policy|revoked by the organization/i;

/** A server error (5xx) in the words describeHubError gives it: not the connection's fault. */
const SERVER_ERROR_WORDS = /\bserver error\b|\b5\d\d\b/i;

/** On the sandbox, the practice orgs that fail on purpose are fixed by running elsewhere, never by waiting. */
const SANDBOX_ELSEWHERE =
  'run the job in your own namespace (remove "namespace" from hf-job.json, or no `--namespace`)';

function authCheckLine(result: AuthCheckResult, namespace: string, sandbox: boolean): PreflightLine {
  if ('unavailable' in result) {
    const server = SERVER_ERROR_WORDS.test(result.unavailable);
    return {
      id: 'auth-check',
      status: 'warn',
      // One full stop: the described error often ends with its own ("… Internal Server Error".." read twice).
      message: `The Hub's Jobs permission check for ${namespace} could not be asked: ${result.unavailable.replace(/[.\s]+$/, '')}.`,
      fix:
        server && sandbox
          ? `On the sandbox this is on purpose (practice-outage answers 500 every time): ${SANDBOX_ELSEWHERE}.`
          : server
            ? 'The Hub had a server error: the submit may fail the same way; retry in a minute (https://status.huggingface.co).'
            : 'The job may still be refused at submit; check your connection and try again.',
    };
  }
  if (result.ok)
    return {id: 'auth-check', status: 'pass', message: `The Hub confirms this token may run jobs in ${namespace}.`};
  return {
    id: 'auth-check',
    status: 'fail',
    message: `The Hub refuses jobs in ${namespace} for this token${result.status ? ` (${result.status})` : ''}: ${result.message}`,
    fix:
      result.status === 401
        ? 'Log in again with a valid token.'
        : ORG_POLICY_WORDS.test(result.message) && sandbox
          ? `On the sandbox, ${namespace} leaves every token pending on purpose (no admin approves it; another token would wait too): ${SANDBOX_ELSEWHERE}.`
          : ORG_POLICY_WORDS.test(result.message)
            ? `Ask an admin of ${namespace} to approve this token (the org's token policy; another token would wait too), or run the job in your own namespace.`
            : `Use a token with job.write on ${namespace}, or run the job in your own namespace.`,
  };
}

function billingLines(who: WhoAmIBilling, namespace: string, sandbox: boolean): PreflightLine[] {
  const org = namespace === who.name ? undefined : who.orgs?.find((o) => o.name === namespace);
  const canPay = namespace === who.name ? who.canPay : org?.canPay;
  const whose = namespace === who.name ? 'your account' : `the org ${namespace}`;
  const settings = namespace === who.name ? '/settings/billing' : `/organizations/${namespace}/settings/billing`;
  const lines: PreflightLine[] = [];
  if (canPay === true)
    lines.push({
      id: 'billing',
      status: 'pass',
      message: `${capital(whose)} can pay for Jobs${sandbox ? ' (practice billing: nothing is charged in the sandbox)' : ''}.`,
    });
  else if (canPay === false)
    lines.push({
      id: 'billing',
      status: 'fail',
      message: `${capital(whose)} cannot pay for Jobs: the Hub will answer 402 "Pre-paid credit balance is insufficient - add more credits to your account to use Jobs."`,
      // The sandbox has no billing page to send anyone to: only another namespace fixes it there.
      fix: sandbox
        ? `The sandbox has no billing page: run the job in a namespace that can pay (your own, ${who.name}), not ${namespace}.`
        : `Add credits or a payment method at ${settings}${namespace === who.name ? '' : ' (an org admin can)'}, or run the job in a namespace that can pay.`,
    });
  else
    lines.push({
      id: 'billing',
      status: 'warn',
      message: `The Hub did not say whether ${whose} can pay for Jobs.`,
      fix: `Check ${settings} before a long job.`,
    });

  const restrictions = org?.securityRestrictions ?? [];
  if (restrictions.includes('token-revoked'))
    lines.push({
      id: 'org-policy',
      status: 'fail',
      message: `${namespace} has revoked this token: the Hub answers 403 "Your token has been revoked by the organization administrator".`,
      fix: `Ask an admin of ${namespace}, or use a new token.`,
    });
  else if (restrictions.includes('token-policy'))
    lines.push({
      id: 'org-policy',
      status: 'warn',
      message: `${namespace} has a token policy: a token may need the org's approval before it can run jobs there (403 "Due to the organization token policy, your token needs to be approved…").`,
      fix: `If the job is refused, ask an admin of ${namespace} to approve the token in the org's settings.`,
    });
  return lines;
}

function expiryLine(info: TokenInfo, timeoutSeconds: number, now: Date): PreflightLine | undefined {
  if (!info.expiresAt) return undefined;
  const left = (Date.parse(info.expiresAt) - now.getTime()) / 1000;
  if (Number.isNaN(left)) return undefined;
  if (left <= 0)
    return {
      id: 'token-expiry',
      status: 'fail',
      message: `The token expired at ${info.expiresAt}.`,
      fix: 'Log in again to get a new token.',
    };
  if (left < timeoutSeconds)
    return {
      id: 'token-expiry',
      status: 'warn',
      message: `The token expires in ${describeDuration(Math.max(60, Math.floor(left / 60) * 60))}, before the job's timeout (${describeDuration(timeoutSeconds)}): a job that uses it late will get 401.`,
      fix: 'Log in again with a token that lasts longer before a long job.',
    };
  return {id: 'token-expiry', status: 'pass', message: `The token is valid until ${info.expiresAt}.`};
}

function costLine(
  job: PlannedJob,
  timeoutSeconds: number,
  hardware: HardwarePrice[] | undefined,
  sandbox: boolean,
): {line: PreflightLine; max?: number} {
  const hw = hardware?.find((h) => h.name === job.flavor);
  if (!hw) {
    return {
      line: hardware
        ? {
            id: 'cost',
            status: 'fail',
            message: `The Hub does not list the flavor "${job.flavor}".`,
            fix: 'Pick a flavor from `hf jobs hardware` (e.g. cpu-basic).',
          }
        : {
            id: 'cost',
            status: 'warn',
            message: `The price of ${job.flavor} could not be read (GET /api/jobs/hardware failed).`,
          },
    };
  }
  const max = perMinuteUsd(hw) * Math.ceil(timeoutSeconds / 60);
  const practice = sandbox ? '; practice prices: the sandbox charges nothing' : '';
  const rate = `${hw.prettyName ? `${hw.prettyName}, ` : ''}${usd(perMinuteUsd(hw) * 60)}/hour, billed per minute`;
  return {
    line: {
      id: 'cost',
      status: 'pass',
      message: `At most ${usd(max)} for ${describeDuration(timeoutSeconds)} on ${job.flavor} (${rate}${practice}).`,
    },
    max,
  };
}

function timeoutLine(job: PlannedJob): PreflightLine {
  if (job.timeoutSeconds !== undefined)
    return {
      id: 'timeout',
      status: 'pass',
      message: `The job stops after ${describeDuration(job.timeoutSeconds)} at the latest.`,
    };
  if (job.looksLong)
    return {
      id: 'timeout',
      status: 'warn',
      message:
        'No timeout is set, so the Hub stops the job after its default of 30 min (stage ERROR, "Job timeout"); this job looks longer than that.',
      fix: `Set a timeout that fits, e.g. \`--timeout ${timeoutFlag(2 * 3600)}\` (or "timeout": "2h" in hf-job.json).`,
    };
  return {
    id: 'timeout',
    status: 'pass',
    message: 'No timeout is set: the Hub stops the job after its default of 30 min.',
  };
}

export function preflight(input: PreflightInput): PreflightReport {
  const info = classifyWhoAmI(input.who);
  const timeoutSeconds = input.job.timeoutSeconds ?? DEFAULT_JOB_TIMEOUT_SECONDS;
  const lines: PreflightLine[] = [
    ...tokenLines(info, input.job),
    authCheckLine(input.authCheck, input.job.namespace, Boolean(input.sandbox)),
    ...billingLines(input.who, input.job.namespace, Boolean(input.sandbox)),
  ];
  const expiry = expiryLine(info, timeoutSeconds, input.now ?? new Date());
  if (expiry) lines.push(expiry);
  const cost = costLine(input.job, timeoutSeconds, input.hardware, Boolean(input.sandbox));
  lines.push(cost.line, timeoutLine(input.job));
  const verdict: PreflightStatus = lines.some((l) => l.status === 'fail')
    ? 'fail'
    : lines.some((l) => l.status === 'warn')
      ? 'warn'
      : 'pass';
  return cost.max === undefined ? {verdict, lines} : {verdict, lines, maxCostUsd: cost.max};
}

/** The one-line summary a screen or command shows above the lines. */
export function preflightSummary(report: PreflightReport): string {
  const fails = report.lines.filter((l) => l.status === 'fail').length;
  const warns = report.lines.filter((l) => l.status === 'warn').length;
  if (report.verdict === 'fail')
    return `Pre-flight: this job would be refused or fail (${fails} problem${fails === 1 ? '' : 's'}); fix ${fails === 1 ? 'it' : 'them'} before submitting.`;
  if (report.verdict === 'warn') return `Pre-flight: the job may run, with ${warns} warning${warns === 1 ? '' : 's'}.`;
  return 'Pre-flight: the job will be allowed.';
}

function capital(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** The goals a job's token must allow (run the job, push, read private), as a planned job for pre-flight. */
export function plannedJobFromGoals(
  namespace: string,
  flavor: string,
  timeoutSeconds: number | undefined,
  goals: readonly ({kind: 'run-job'} | {kind: 'push' | 'read-private'; repo: RepoRef} | {kind: string})[],
  looksLong = false,
): PlannedJob {
  const writes: RepoRef[] = [];
  const reads: RepoRef[] = [];
  for (const g of goals) {
    if ('repo' in g && g.kind === 'push') writes.push(g.repo);
    if ('repo' in g && g.kind === 'read-private') reads.push(g.repo);
  }
  return {namespace, flavor, ...(timeoutSeconds !== undefined ? {timeoutSeconds} : {}), writes, reads, looksLong};
}

const MARK: Record<PreflightStatus, string> = {pass: '✓', warn: '!', fail: '✗'};

/** The report as plain text lines (summary first, then one mark + message per line, its fix indented below). */
export function preflightText(report: PreflightReport): string[] {
  const out = [preflightSummary(report)];
  for (const l of report.lines) {
    out.push(`  ${MARK[l.status]} ${l.message}`);
    if (l.fix && l.status !== 'pass') out.push(`      ${l.fix}`);
  }
  return out;
}
