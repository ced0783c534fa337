// The one troubleshooting report: built once from the classification and the live diagnosis, and the actions that
// fit the situation (no "run the job again" for a pasted text, no billing page on the sandbox).
import {describe, expect, it} from 'vitest';
import {buildReport, reportLines} from '../../../src/core/troubleshoot/report.js';
import {getProblem} from '../../../src/core/troubleshoot/catalog.js';
import {rememberOwnSandbox} from '../../../src/core/practice.js';

const SANDBOX = 'http://127.0.0.1:7860';

describe('buildReport', () => {
  it('a pasted text never offers to run the job again, even when the caller listed it', () => {
    const transient = getProblem('server-error').causes.find((c) => c.id === 'transient')!;
    const r = buildReport({
      problem: 'server-error',
      origin: 'pasted',
      diagnosis: {actual: transient, findings: []},
      actions: {actions: ['retry', 'rerun-checks'], suggested: 'retry'},
    });
    expect(r.actions.map((a) => a.id)).toEqual(['rerun-checks']);
    const chosenHere = buildReport({
      problem: 'server-error',
      origin: 'pasted',
      diagnosis: {actual: transient, findings: []},
    });
    expect(chosenHere.actions.map((a) => a.id)).not.toContain('retry');
  });

  it('a job that failed on the Hub side offers to run it again, suggested', () => {
    const transient = getProblem('server-error').causes.find((c) => c.id === 'transient')!;
    const r = buildReport({
      problem: 'server-error',
      origin: 'job',
      job: {namespace: 'alice', id: 'a'.repeat(24), stage: 'ERROR'},
      diagnosis: {actual: transient, findings: []},
    });
    expect(r.actions[0]).toMatchObject({id: 'retry', label: 'Run the job again', suggested: true});
  });

  it('names the actual cause, marks it among the likely ones and puts its fix first', () => {
    const cause = getProblem('token-missing').causes.find((c) => c.id === 'no-token-in-job')!;
    const r = buildReport({
      problem: 'token-missing',
      origin: 'job',
      seen: ["KeyError: 'HF_TOKEN'"],
      diagnosis: {
        actual: cause,
        findings: [{status: 'bad', text: 'The job was started without HF_TOKEN (no secret, no env var).'}],
      },
    });
    expect(r.why).toBe(cause.text);
    expect(r.fix[0]).toBe(cause.fix);
    expect(r.causes.filter((c) => c.likely).map((c) => c.id)).toEqual(['no-token-in-job']);
    expect(r.actions.find((a) => a.suggested)?.id).toBe('rewrite-config');
  });

  it('without a live diagnosis there is no "why" and no cause is marked', () => {
    const r = buildReport({problem: 'forbidden-403', origin: 'pasted', seen: ['403 Forbidden']});
    expect(r.diagnosed).toBe(false);
    expect(r.why).toBeUndefined();
    expect(r.causes.some((c) => c.likely)).toBe(false);
  });

  it("the sandbox's own cause of a failed script (its python3 stand-in for uv) is offered only on the sandbox", () => {
    const ids = (endpoint?: string) =>
      buildReport({problem: 'job-script-failed', origin: 'pasted', ...(endpoint ? {endpoint} : {})}).causes.map(
        (c) => c.id,
      );
    expect(ids()).not.toContain('sandbox-python-lacks-package');
    expect(ids()).toContain('missing-dependency');
    expect(ids(SANDBOX)).toContain('sandbox-python-lacks-package');
    // When the facts name it (the sandbox's words in the log), it stays, marked, whatever the endpoint.
    const cause = getProblem('job-script-failed').causes.find((c) => c.id === 'sandbox-python-lacks-package')!;
    const r = buildReport({problem: 'job-script-failed', origin: 'job', diagnosis: {actual: cause, findings: []}});
    expect(r.causes.filter((c) => c.likely).map((c) => c.id)).toEqual(['sandbox-python-lacks-package']);
  });

  it("job not found: the diagnosed cause's fix leads and no fix is said twice in other words", () => {
    for (const id of ['wrong-id', 'org-job-under-user']) {
      const cause = getProblem('job-not-found').causes.find((c) => c.id === id)!;
      const r = buildReport({problem: 'job-not-found', origin: 'job', diagnosis: {actual: cause, findings: []}});
      expect(r.fix[0]).toBe(cause.fix);
      expect(r.fix.filter((f) => /hf jobs ps -a/.test(f))).toHaveLength(1);
      expect(r.fix.filter((f) => /--namespace ORG ID/.test(f))).toHaveLength(1);
    }
  });

  it('a 402 offers the billing page on the Hub, and not on the sandbox (it has no billing)', () => {
    const hub = buildReport({problem: 'payment-required', origin: 'pasted'});
    expect(hub.actions.find((a) => a.id === 'open-billing')?.url).toBe('https://huggingface.co/settings/billing');
    const sandbox = buildReport({problem: 'payment-required', origin: 'pasted', endpoint: SANDBOX});
    expect(sandbox.actions.map((a) => a.id)).not.toContain('open-billing');
    expect(sandbox.fix.join('\n')).toContain('practice-user');
  });

  it('actions say what does them: a page for the token page, a pasteable command for logging in', () => {
    const r = buildReport({problem: 'invalid-token-format', origin: 'pasted', endpoint: SANDBOX});
    expect(r.actions.find((a) => a.id === 'open-token-page')?.url).toBe(`${SANDBOX}/settings/tokens`);
    // A sandbox reached by its URL (a workshop's) is named by it; the app's own sandbox by --sandbox (newcomer s10 A).
    expect(r.actions.find((a) => a.id === 're-login')?.command).toBe(
      `npx hf-jobs-wizard login --endpoint ${SANDBOX} --practice write`,
    );
    expect(r.checkCommand).toBe(`npx hf-jobs-wizard check --endpoint ${SANDBOX}`);
    const own = 'http://127.0.0.1:5999';
    rememberOwnSandbox(own);
    const onOwn = buildReport({problem: 'invalid-token-format', origin: 'pasted', endpoint: own});
    expect(onOwn.actions.find((a) => a.id === 're-login')?.command).toBe(
      'npx hf-jobs-wizard login --sandbox --practice write',
    );
    expect(onOwn.checkCommand).toBe('npx hf-jobs-wizard check --sandbox');
  });

  it('a job that completed has nothing to fix and offers nothing', () => {
    const r = buildReport({
      problem: 'unknown',
      origin: 'job',
      job: {namespace: 'alice', id: 'b'.repeat(24), stage: 'COMPLETED'},
    });
    expect(r.resolved).toContain('nothing to fix');
    expect(r.actions).toEqual([]);
    expect(reportLines(r).join('\n')).toContain('✓ This job completed');
  });
});

describe('reportLines', () => {
  it('prints the problem, what was seen, causes, the diagnosis, the fix, how to verify and the actions', () => {
    const cause = getProblem('token-missing').causes.find((c) => c.id === 'no-token-in-job')!;
    const r = buildReport({
      problem: 'token-missing',
      origin: 'job',
      job: {namespace: 'alice', id: 'c'.repeat(24), stage: 'ERROR'},
      seen: ["KeyError: 'HF_TOKEN'"],
      diagnosis: {actual: cause, findings: [{status: 'bad', text: 'no HF_TOKEN'}]},
    });
    const text = reportLines(r).join('\n');
    for (const part of [
      `Job alice/${'c'.repeat(24)}: ERROR`,
      '[token-missing]',
      "KeyError: 'HF_TOKEN'",
      '=> 1.',
      '(this is it)',
      '✗ no HF_TOKEN',
      `=> The actual cause: ${cause.text}`,
      cause.fix,
      'Verify:',
      'Next:',
      'Run the job again',
    ]) {
      expect(text).toContain(part);
    }
    expect(reportLines(r, {actions: false}).join('\n')).not.toContain('Next:');
  });
});

describe('a 402 names the namespace that could not pay', () => {
  it('from the URL of a pasted 402, or from the job; nothing is added when the text names none', () => {
    const pasted = buildReport({
      problem: 'payment-required',
      origin: 'pasted',
      seen: ["Client error '402 Payment Required' for url 'https://huggingface.co/api/jobs/acme-org'"],
    });
    expect(pasted.fix[1]).toBe(
      'This 402 is about acme-org: that namespace could not pay for the job. Add credits to it, or submit under a namespace that pays (`--namespace` / `namespace=`).',
    );
    const job = buildReport({
      problem: 'payment-required',
      origin: 'job',
      job: {namespace: 'alice', id: '0123456789abcdef01234567', stage: 'CANCELED'},
      seen: [],
    });
    expect(job.fix[1]).toMatch(/^This 402 is about alice:/);
    const none = buildReport({
      problem: 'payment-required',
      origin: 'pasted',
      seen: ['Pre-paid credit balance is insufficient - add more credits to your account to use Jobs.'],
    });
    expect(none.fix.some((f) => f.startsWith('This 402 is about'))).toBe(false);
    // Another problem's text naming a namespace gets no such line.
    const other = buildReport({
      problem: 'forbidden-403',
      origin: 'pasted',
      seen: ["403 Forbidden for url 'https://huggingface.co/api/jobs/acme-org'"],
    });
    expect(other.fix.some((f) => f.startsWith('This 402 is about'))).toBe(false);
  });
});
