// Practice switches: sandbox organizations that fail on purpose, so every failure the troubleshooter knows can be
// practised offline. practice-user is a member (write) of each; a job or request under that namespace gets what the
// Hub answers in that situation, worded as the Hub words it:
//   practice-no-credits    402 on submitting a job: "Pre-paid credit balance is insufficient - add more credits ..."
//   practice-token-policy  403 on every jobs request: the organization token policy leaves the token pending
//   practice-outage        500 Internal Server Error on every jobs request (a fixed switch, never random)
//   practice-credits-run-out  jobs start, then the sandbox cancels them at their first output (at most a few seconds
//                          in, so even a job that ends within a second is canceled) with the cancel reason
//                          NO_CREDITS (the Hub's status.cancelReason when a namespace runs out of credits mid-job)
// The job's own failures need no switch: `--timeout` shorter than the script ends it with the Hub's "Job timeout",
// and a script importing a package it does not declare fails with ModuleNotFoundError.
import {objectId, type Accounts, type SandboxOrg} from './accounts.js';
import {HttpError} from './http.js';

export type PracticeSwitch = 'no-credits' | 'token-policy' | 'outage' | 'credits-run-out';

export const SWITCH_ORGS: Readonly<Record<string, {practice: PracticeSwitch; fullname: string}>> = {
  'practice-no-credits': {practice: 'no-credits', fullname: 'Practice org without credits (sandbox: jobs answer 402)'},
  'practice-token-policy': {
    practice: 'token-policy',
    fullname: 'Practice org with a token policy (sandbox: tokens stay pending, 403)',
  },
  'practice-outage': {practice: 'outage', fullname: 'Practice org in an outage (sandbox: jobs answer 500)'},
  'practice-credits-run-out': {
    practice: 'credits-run-out',
    fullname: 'Practice org whose credits run out (sandbox: jobs are canceled with NO_CREDITS)',
  },
};

/** The Hub's words (the table; the 402 text as the Jobs API sends it). */
export const SWITCH_TEXTS = {
  noCredits: 'Pre-paid credit balance is insufficient - add more credits to your account to use Jobs.',
  tokenPolicy:
    'Due to the organization token policy, your token needs to be approved by the organization before you can access this resource.',
  outage: 'Internal Server Error',
  /** The sandbox's own words for the cancel (the Hub's status.message for it is not documented). */
  creditsRunOut: 'Canceled: the namespace ran out of pre-paid credits while the job ran',
} as const;

/** At most how long a job under practice-credits-run-out runs before it is canceled, if it prints nothing earlier (HF_SANDBOX_CREDITS_RUN_OUT_MS for tests). */
export function creditsRunOutAfterMs(namespace: string): number | undefined {
  if (practiceSwitchOf(namespace) !== 'credits-run-out') return undefined;
  const v = process.env.HF_SANDBOX_CREDITS_RUN_OUT_MS;
  return v && /^\d+$/.test(v) ? Number(v) : 3000;
}

/** Adds the switch orgs (and practice-user's membership) to a fresh or an older saved practice world. */
export function ensurePracticeSwitches(accounts: Accounts, member: string): void {
  for (const [name, {fullname}] of Object.entries(SWITCH_ORGS)) {
    if (!accounts.orgs.some((o) => o.name === name)) {
      const org: SandboxOrg = {id: objectId(), name, fullname};
      // whoami says so, as the Hub does, so a pre-flight can warn before the 403.
      if (SWITCH_ORGS[name]!.practice === 'token-policy') org.securityRestrictions = ['token-policy'];
      accounts.orgs.push(org);
    }
    // whoami says the org without credits cannot pay (the Hub's canPay), so a pre-flight fails before the 402; in a
    // world saved before canPay existed too.
    const org = accounts.orgs.find((o) => o.name === name);
    if (org && SWITCH_ORGS[name]!.practice === 'no-credits') org.canPay = false;
    const user = accounts.users.find((u) => u.name === member);
    if (user && !user.orgs.some((o) => o.name === name)) user.orgs.push({name, roleInOrg: 'write'});
  }
}

export function practiceSwitchOf(namespace: string): PracticeSwitch | undefined {
  return Object.prototype.hasOwnProperty.call(SWITCH_ORGS, namespace) ? SWITCH_ORGS[namespace]!.practice : undefined;
}

/** Throws what the Hub answers when the namespace's switch refuses a jobs request (`run`: submit or duplicate). */
export function refuseJobsBySwitch(namespace: string, action: 'run' | 'read' | 'write'): void {
  switch (practiceSwitchOf(namespace)) {
    case 'no-credits':
      if (action === 'run') throw new HttpError(402, SWITCH_TEXTS.noCredits);
      return;
    case 'token-policy':
      throw new HttpError(403, SWITCH_TEXTS.tokenPolicy);
    case 'outage':
      throw new HttpError(500, SWITCH_TEXTS.outage);
    default:
      return;
  }
}
