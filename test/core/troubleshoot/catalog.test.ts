// The troubleshooting catalog's shape, written out: ids, titles, cause ids and how many symptoms, solutions and
// checks each problem has. Recorded before buildCatalog (one 504-line function) was split into builders per
// problem family, so the split provably changed nothing a reader or a classifier sees. A new problem or cause
// is added here on purpose, in the order of PROBLEM_IDS.
import {describe, expect, it} from 'vitest';
import {CATALOG, catalogFor, getProblem, PROBLEM_IDS} from '../../../src/core/troubleshoot/catalog.js';

type Row = [id: string, title: string, causes: string[], symptoms: number, solutions: number, checks: number];

const EXPECTED: Row[] = [
  [
    'unauthorized-401',
    '401 Unauthorized: the Hub did not accept a token',
    ['no-token-in-job', 'literal-placeholder', 'invalid-token', 'env-override', 'wrong-secret-key'],
    4,
    3,
    6,
  ],
  [
    'forbidden-403',
    '403 Forbidden: the token is valid but may not do this',
    ['read-token', 'missing-scope', 'org-role', 'org-policy', 'no-credits'],
    3,
    3,
    2,
  ],
  [
    'token-missing',
    'No token: HF_TOKEN is not set where the code runs',
    ['no-token-in-job', 'wrong-secret-key', 'not-logged-in'],
    4,
    3,
    4,
  ],
  [
    'repo-access-denied',
    'Repository not found or not accessible',
    ['repo-missing', 'private-no-access', 'anonymous', 'wrong-namespace'],
    3,
    3,
    3,
  ],
  [
    'gated-repo',
    'Gated repo: access has to be granted first',
    ['not-approved', 'fine-grained-no-gated', 'anonymous'],
    3,
    3,
    2,
  ],
  ['invalid-token-format', 'The token is not in a usable form', ['placeholder', 'pasted-badly', 'org-token'], 4, 2, 3],
  ['rate-limited', '429 Too Many Requests: rate limited', ['too-many-requests', 'anonymous-limits'], 3, 3, 1],
  ['network-error', 'Could not reach the Hub', ['unreachable', 'wrong-endpoint', 'offline-mode'], 3, 2, 1],
  [
    'payment-required',
    '402 Payment Required: the namespace running the job has no credits',
    ['no-credits', 'wrong-namespace-billing', 'no-subscription'],
    3,
    3,
    0,
  ],
  ['job-timeout', 'The job hit its timeout and was stopped', ['default-timeout', 'too-slow', 'stuck'], 2, 3, 0],
  [
    'job-not-found',
    'Job not found: wrong job id or wrong namespace',
    ['org-job-under-user', 'wrong-id', 'other-account'],
    2,
    2,
    0,
  ],
  ['server-error', 'The Hub had a server error (500/502/503/504)', ['transient', 'bad-request-body'], 2, 3, 0],
  [
    'org-token-policy',
    "The organization's token policy refuses this token",
    ['pending-approval', 'revoked-by-admin', 'classic-refused'],
    2,
    2,
    1,
  ],
  [
    'job-script-failed',
    'The job ran and its script failed: not a token problem',
    ['missing-dependency', 'cpu-flavor-for-gpu', 'out-of-memory', 'sandbox-python-lacks-package', 'script-error'],
    4,
    3,
    0,
  ],
  ['unknown', 'Not recognised as a token or access problem', ['other'], 1, 2, 0],
];

function rows(endpoint?: string): Row[] {
  const catalog = catalogFor(endpoint);
  return Object.values(catalog).map((p) => [
    p.id,
    p.title,
    p.causes.map((c) => c.id),
    p.symptoms.length,
    p.solutions.length,
    p.checks.length,
  ]);
}

describe('the troubleshooting catalog', () => {
  it('holds every problem id once, in the order of PROBLEM_IDS, each under its own key', () => {
    expect(Object.keys(CATALOG)).toEqual([...PROBLEM_IDS]);
    for (const id of PROBLEM_IDS) expect(CATALOG[id].id).toBe(id);
  });

  it('has the recorded titles, cause ids and numbers of symptoms, solutions and checks', () => {
    expect(rows()).toEqual(EXPECTED);
  });

  it('has the same shape on the sandbox and on another Hub, worded for each', () => {
    expect(rows('http://127.0.0.1:7860')).toEqual(EXPECTED);
    expect(rows('https://hub.example.org')).toEqual(EXPECTED);
    const sandbox = getProblem('forbidden-403', 'http://127.0.0.1:7860');
    const hub = getProblem('forbidden-403');
    expect(sandbox.solutions[1]).toContain('practice');
    expect(hub.solutions[1]).not.toContain('practice');
    // A 402 on the sandbox: run under practice-user with no --namespace; no fix below says "--namespace ORG" for it.
    const pay = getProblem('payment-required', 'http://127.0.0.1:7860').solutions;
    expect(pay[0]).toContain('no `--namespace`');
    expect(pay.filter((s) => /^Run the job in the namespace that pays/.test(s))).toEqual([]);
    expect(getProblem('payment-required').solutions).toContain(
      'Run the job in the namespace that pays: `--namespace ORG`.',
    );
  });

  it('on the sandbox, the practice orgs that fail on purpose are fixed by another namespace, not by waiting or an admin', () => {
    const cause = (problem: 'server-error' | 'org-token-policy', id: string, endpoint?: string) =>
      getProblem(problem, endpoint).causes.find((c) => c.id === id)!.fix;
    const outage = cause('server-error', 'transient', 'http://127.0.0.1:7860');
    expect(outage).toContain('practice-outage');
    expect(outage).toContain('your own namespace');
    expect(cause('server-error', 'transient')).toBe('Wait a minute and retry; check https://status.huggingface.co.');
    const policy = cause('org-token-policy', 'pending-approval', 'http://127.0.0.1:7860');
    expect(policy).toContain('no admin approves it');
    expect(policy).toContain('your own namespace');
    expect(cause('org-token-policy', 'pending-approval')).toMatch(/^Ask an org admin to approve the token/);
    // A stopped sandbox: how that sandbox starts again (a workshop's: whoever started it, its folder and port).
    const stopped = getProblem('network-error', 'http://127.0.0.1:8765').causes.find((c) => c.id === 'wrong-endpoint')!;
    expect(stopped.fix).toMatch(/does not answer: whoever started it|Start the sandbox again/);
    expect(stopped.fix).not.toContain('Unset HF_ENDPOINT');
  });

  it('gives every cause a text and a fix, and never repeats a cause id within a problem', () => {
    for (const p of Object.values(CATALOG)) {
      expect(p.symptoms.length).toBeGreaterThan(0);
      expect(p.solutions.length).toBeGreaterThan(0);
      expect(p.verify.length).toBeGreaterThan(0);
      expect(new Set(p.causes.map((c) => c.id)).size).toBe(p.causes.length);
      for (const c of p.causes) {
        expect(c.text.length, `${p.id}/${c.id}`).toBeGreaterThan(10);
        expect(c.fix.length, `${p.id}/${c.id}`).toBeGreaterThan(10);
      }
    }
  });

  it('builds a catalog once per endpoint and hands back the same one', () => {
    expect(catalogFor('https://huggingface.co/')).toBe(CATALOG);
    expect(catalogFor('http://127.0.0.1:7860')).toBe(catalogFor('http://127.0.0.1:7860'));
  });
});
