import {describe, expect, it} from 'vitest';
import {gatherPreflight} from '../../../src/core/preflight/gather.js';
import {preflightProblem, runChoices} from '../../../src/core/wizard/preflight.js';
import {useSandbox} from '../../helpers/sandbox.js';

describe('gatherPreflight against the sandbox Hub', () => {
  const sandbox = useSandbox();
  const job = (namespace = 'practice-user') => ({
    namespace,
    flavor: 'cpu-basic',
    timeoutSeconds: 600,
    writes: [{type: 'dataset' as const, namespace, name: 'preflight'}],
    reads: [],
  });

  it('clears the practice write token for a job in its own namespace, priced from the live hardware list', async () => {
    const r = await gatherPreflight({
      hubUrl: sandbox.current.url,
      accessToken: sandbox.current.tokens.write,
      job: job(),
      sandbox: true,
    });
    expect(r.lines.find((l) => l.id === 'token-namespace')?.status).toBe('pass');
    expect(r.lines.find((l) => l.id === 'billing')?.status).toBe('pass');
    expect(r.lines.find((l) => l.id === 'cost')?.message).toMatch(
      /^At most \$0\.\d+ for 10 min on cpu-basic \(.*; practice prices/,
    );
    expect(r.lines.find((l) => l.id === 'auth-check')?.status).not.toBe('fail');
    expect(r.verdict).not.toBe('fail');
  });

  it("an org's token policy: the Hub's 403 names it, the fix is the org's approval, the wizard's why is org-token-policy", async () => {
    const r = await gatherPreflight({
      hubUrl: sandbox.current.url,
      accessToken: sandbox.current.tokens.write,
      job: job('practice-token-policy'),
      sandbox: true,
    });
    expect(r.verdict).toBe('fail');
    const auth = r.lines.find((l) => l.id === 'auth-check')!;
    expect(auth.message).toMatch(/organization token policy/);
    // On the sandbox no admin approves it: the fix is another namespace (on the Hub: the org's approval, preflight.test.ts).
    expect(auth.fix).toContain('practice-token-policy leaves every token pending on purpose');
    expect(auth.fix).toContain('your own namespace');
    // The example step's ways out: the org-token-policy screen, and no "log in with another token" (it would wait too).
    const state = {example: {view: 'script', confirming: false, preflight: {phase: 'done' as const, report: r}}};
    expect(preflightProblem(r)?.problem).toBe('org-token-policy');
    expect(runChoices(state).map((c) => c.value)).toEqual(['why', 'recheck']);
  });

  it('fails the practice read token before anything is submitted', async () => {
    const r = await gatherPreflight({
      hubUrl: sandbox.current.url,
      accessToken: sandbox.current.tokens.read,
      job: job(),
      sandbox: true,
    });
    expect(r.verdict).toBe('fail');
    expect(r.lines.find((l) => l.id === 'token-namespace')?.message).toContain('read token');
  });

  it('throws the Hub’s 401 for the expired practice token (there is nothing to judge)', async () => {
    await expect(
      gatherPreflight({
        hubUrl: sandbox.current.url,
        accessToken: sandbox.current.tokens.expired,
        job: job(),
        sandbox: true,
      }),
    ).rejects.toMatchObject({statusCode: 401});
  });
});
