import {describe, expect, it} from 'vitest';
import {gatherPreflight} from '../../../src/core/preflight/gather.js';
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
