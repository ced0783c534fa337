import {describe, expect, it} from 'vitest';
import {
  preflight,
  preflightSummary,
  type PreflightInput,
  type WhoAmIBilling,
} from '../../../src/core/preflight/preflight.js';
import {whoRead, whoWrite} from '../tokens/fixtures.js';

const hardware = [
  {name: 'cpu-basic', prettyName: 'CPU Basic', unitCostUSD: 0.0001667, unitLabel: 'minute'},
  {name: 'a10g-small', prettyName: 'Nvidia A10G - small', unitCostUSD: 1 / 60, unitLabel: 'minute'},
];
const job = {
  namespace: 'alice',
  flavor: 'cpu-basic',
  timeoutSeconds: 600,
  writes: [{type: 'dataset' as const, namespace: 'alice', name: 'd'}],
  reads: [],
};
const input = (patch: Partial<PreflightInput> = {}): PreflightInput => ({
  who: whoWrite as WhoAmIBilling,
  job,
  authCheck: {ok: true},
  hardware,
  now: new Date('2026-12-06T00:00:00Z'),
  ...patch,
});
const line = (r: ReturnType<typeof preflight>, id: string) => r.lines.find((l) => l.id === id);

describe('preflight', () => {
  it('passes a write token in its own namespace that can pay, and gives the most the job can cost', () => {
    const r = preflight(input({job: {...job, flavor: 'a10g-small', timeoutSeconds: 3600}}));
    expect(r.verdict).toBe('pass');
    expect(line(r, 'cost')?.message).toMatch(
      /^At most \$1\.00 for 1 h on a10g-small \(.*\$1\.00\/hour, billed per minute\)\.$/,
    );
    expect(r.maxCostUsd).toBeCloseTo(1, 5);
    expect(preflightSummary(r)).toBe('Pre-flight: the job will be allowed.');
  });
  it('fails a read token before submit, with the permission it lacks', () => {
    const r = preflight(
      input({
        who: whoRead as WhoAmIBilling,
        authCheck: {ok: false, status: 403, message: 'You do not have permission to run jobs in alice'},
      }),
    );
    expect(r.verdict).toBe('fail');
    expect(line(r, 'token-namespace')).toMatchObject({status: 'fail'});
    expect(line(r, 'auth-check')?.message).toContain('(403)');
  });
  it('fails an org that cannot pay with the Hub’s own 402 words, and warns about a token policy', () => {
    const who = {
      ...whoWrite,
      orgs: [
        {type: 'org', name: 'team-write', roleInOrg: 'write', canPay: false, securityRestrictions: ['token-policy']},
      ],
    } as WhoAmIBilling;
    const r = preflight(input({who, job: {...job, namespace: 'team-write', writes: []}}));
    expect(line(r, 'billing')).toMatchObject({status: 'fail'});
    expect(line(r, 'billing')?.message).toContain('Pre-paid credit balance is insufficient');
    expect(line(r, 'billing')?.fix).toContain('/organizations/team-write/settings/billing');
    expect(line(r, 'org-policy')).toMatchObject({status: 'warn'});
    // The sandbox has no billing page: its fix is the namespace that can pay, not a settings path.
    const practice = preflight(input({who, job: {...job, namespace: 'team-write', writes: []}, sandbox: true}));
    expect(line(practice, 'billing')).toMatchObject({status: 'fail'});
    expect(line(practice, 'billing')?.fix).not.toContain('settings/billing');
    expect(line(practice, 'billing')?.fix).toContain(`your own, ${whoWrite.name}`);
  });
  it('warns when the token expires before the job’s timeout, fails when it has expired', () => {
    const soon = {...whoWrite, auth: {...whoWrite.auth, expiresAt: '2026-12-06T00:05:00Z'}} as WhoAmIBilling;
    expect(line(preflight(input({who: soon})), 'token-expiry')).toMatchObject({status: 'warn'});
    const gone = {...whoWrite, auth: {...whoWrite.auth, expiresAt: '2026-12-05T00:00:00Z'}} as WhoAmIBilling;
    expect(line(preflight(input({who: gone})), 'token-expiry')).toMatchObject({status: 'fail'});
  });
  it('warns that a long-looking job without a timeout stops at the 30-minute default, and prices that default', () => {
    const r = preflight(input({job: {...job, timeoutSeconds: undefined, looksLong: true}}));
    expect(line(r, 'timeout')).toMatchObject({status: 'warn'});
    expect(line(r, 'timeout')?.fix).toContain('--timeout 2h');
    expect(line(r, 'cost')?.message).toContain('for 30 min on cpu-basic');
  });
  it('fails an unknown flavor and warns when the price list or the auth check cannot be read', () => {
    expect(line(preflight(input({job: {...job, flavor: 'h999-mega'}})), 'cost')).toMatchObject({status: 'fail'});
    const r = preflight(input({hardware: undefined, authCheck: {unavailable: 'no answer within 10 s'}}));
    expect(line(r, 'cost')).toMatchObject({status: 'warn'});
    expect(line(r, 'auth-check')).toMatchObject({status: 'warn'});
    expect(r.verdict).toBe('warn');
  });
  it('an auth check answered 500: one full stop, and a fix that fits (not "check your connection"; on the sandbox, run elsewhere)', () => {
    const unavailable = '500: the Hub had a server error; retry in a moment. The Hub said: "Internal Server Error".';
    const hub = line(preflight(input({authCheck: {unavailable}})), 'auth-check');
    expect(hub?.message).toMatch(/"Internal Server Error"\.$/);
    expect(hub?.message).not.toContain('..');
    expect(hub?.fix).not.toContain('connection');
    const sandbox = line(
      preflight(input({authCheck: {unavailable}, job: {...job, namespace: 'practice-outage'}, sandbox: true})),
      'auth-check',
    );
    expect(sandbox?.fix).toContain('your own namespace');
  });
  it('a token policy refusal on the sandbox says no admin will approve it there, and where to run instead', () => {
    const refused = {
      ok: false as const,
      status: 403,
      message:
        'Due to the organization token policy, your token needs to be approved by the organization before you can access this resource.',
    };
    const hub = line(preflight(input({authCheck: refused})), 'auth-check');
    expect(hub?.fix).toContain('Ask an admin');
    const sandbox = line(preflight(input({authCheck: refused, sandbox: true})), 'auth-check');
    expect(sandbox?.fix).not.toContain('Ask an admin');
    expect(sandbox?.fix).toContain('your own namespace');
  });
});
