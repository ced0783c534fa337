// Live diagnosis: facts from a real sandbox narrow the cause.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createHubClient} from '../../../src/core/hub/client.js';
import {diagnose, gatherDiagnoseContext} from '../../../src/core/troubleshoot/diagnose.js';
import {useSandbox} from '../../helpers/sandbox.js';

const sb = useSandbox();
let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'hfjw-diag-'));
});
afterAll(async () => {
  await rm(home, {recursive: true, force: true});
});

const gather = (
  token: string | undefined,
  extra: Omit<Parameters<typeof gatherDiagnoseContext>[0], 'env' | 'endpoint' | 'hub'> = {},
) =>
  gatherDiagnoseContext({
    env: {HOME: home, XDG_CACHE_HOME: join(home, 'c'), ...(token ? {HF_TOKEN: token} : {})},
    endpoint: sb.current.url,
    hub: (o) => createHubClient(o),
    ...extra,
  });

describe('diagnose', () => {
  it('401 with a job that has no HF_TOKEN: the job got no token', async () => {
    const ctx = await gather(sb.current.tokens.write);
    const d = diagnose('unauthorized-401', {...ctx, job: {secretNames: [], envNames: []}});
    expect(d.actual?.id).toBe('no-token-in-job');
    expect(JSON.stringify(d)).not.toContain(sb.current.tokens.write);
  });

  it('a job without HF_TOKEN is marked wrong only where a token could be why it failed', async () => {
    const ctx = await gather(sb.current.tokens.write);
    const jobFinding = (problem: Parameters<typeof diagnose>[0]) =>
      diagnose(problem, {...ctx, job: {secretNames: [], envNames: []}}).findings.find(
        (f) => /HF_TOKEN/.test(f.text) && /job/.test(f.text),
      );
    for (const problem of ['job-timeout', 'job-script-failed', 'payment-required', 'server-error'] as const) {
      const f = jobFinding(problem);
      expect(f?.status, problem).toBe('unknown');
      expect(f?.text, problem).toContain('not why it failed');
    }
    for (const problem of ['unauthorized-401', 'token-missing', 'forbidden-403'] as const) {
      const f = jobFinding(problem);
      expect(f?.status, problem).toBe('bad');
      expect(f?.text, problem).not.toContain('not why it failed');
    }
  });

  it('401 with an expired token: invalid token', async () => {
    const d = diagnose('unauthorized-401', await gather(sb.current.tokens.expired));
    expect(d.actual?.id).toBe('invalid-token');
  });

  it('401 although the job has HF_TOKEN and the token is valid: the literal placeholder', async () => {
    const ctx = await gather(sb.current.tokens.write);
    expect(diagnose('unauthorized-401', {...ctx, job: {secretNames: ['HF_TOKEN'], envNames: []}}).actual?.id).toBe(
      'literal-placeholder',
    );
  });

  it('token-missing with a job passing TOKEN: wrong key', async () => {
    const ctx = await gather(sb.current.tokens.write);
    expect(diagnose('token-missing', {...ctx, job: {secretNames: ['TOKEN'], envNames: []}}).actual?.id).toBe(
      'wrong-secret-key',
    );
  });

  it('403: read token vs fine-grained token missing job.write on the org', async () => {
    expect(diagnose('forbidden-403', await gather(sb.current.tokens.read)).actual?.id).toBe('read-token');
    expect(
      diagnose('forbidden-403', await gather(sb.current.tokens['fine-grained'], {namespace: 'practice-org'})).actual
        ?.id,
    ).toBe('missing-scope');
    expect(
      diagnose('forbidden-403', await gather(sb.current.tokens.write, {namespace: 'someone-else'})).actual?.id,
    ).toBe('org-role');
  });

  it('gated: fine-grained token without the gated box; not logged in: anonymous', async () => {
    expect(diagnose('gated-repo', await gather(sb.current.tokens['fine-grained'])).actual?.id).toBe(
      'fine-grained-no-gated',
    );
    expect(diagnose('gated-repo', await gather(sb.current.tokens.write)).actual?.id).toBe('not-approved');
    expect(diagnose('gated-repo', await gather(undefined)).actual?.id).toBe('anonymous');
  });

  it('network: an endpoint that is not serving', async () => {
    const ctx = await gatherDiagnoseContext({
      env: {HOME: home, HF_TOKEN: sb.current.tokens.write},
      endpoint: 'http://127.0.0.1:9',
      hub: (o) => createHubClient(o),
    });
    expect(diagnose('network-error', ctx).actual?.id).toBe('wrong-endpoint');
  });

  it('invalid-token-format: an org token', () => {
    expect(diagnose('invalid-token-format', {token: 'api_org_FAKEfakeFAKEfakeFAKEfake'}).actual?.id).toBe('org-token');
  });

  it('repos carry their type: a dataset is found as a dataset, not reported missing as a model', async () => {
    const ds = await gather(sb.current.tokens.write, {
      repo: {type: 'dataset', namespace: 'practice-user', name: 'hello-dataset'},
    });
    expect(ds.repo).toMatchObject({
      type: 'dataset',
      namespace: 'practice-user',
      name: 'hello-dataset',
      exists: true,
      readable: true,
    });
    const d = diagnose('repo-access-denied', ds);
    expect(d.actual?.id).not.toBe('repo-missing');
    expect(d.findings.map((f) => f.text)).toContain('dataset practice-user/hello-dataset is readable with this token.');
    // The Hub's own spelling works too; a private dataset is readable with its owner's token.
    expect(
      (await gather(sb.current.tokens.write, {repo: 'datasets/practice-user/private-dataset'})).repo,
    ).toMatchObject({type: 'dataset', exists: true});
    // The same name as a model really does not exist.
    const model = await gather(sb.current.tokens.write, {
      repo: {type: 'model', namespace: 'practice-user', name: 'hello-dataset'},
    });
    expect(diagnose('repo-access-denied', model).actual?.id).toBe('repo-missing');
  });

  it('401 with no local token: no cause is invented; "Invalid credentials" points at a bad token, not a missing one', async () => {
    const none = await gather(undefined);
    const blind = diagnose('unauthorized-401', none);
    expect(blind.actual).toBeUndefined();
    expect(blind.findings.find((f) => f.text.startsWith('No token is in effect here'))).toMatchObject({
      status: 'unknown',
    });
    const pasted =
      'huggingface_hub.errors.HfHubHTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2\nInvalid credentials in Authorization header';
    const d = diagnose('unauthorized-401', await gather(undefined, {evidence: pasted}));
    expect(d.actual?.id).toBe('invalid-token');
    expect(d.findings.some((f) => f.status === 'bad' && f.text.includes('not missing'))).toBe(true);
    // Evidence that the job had no token still wins.
    expect(
      diagnose('unauthorized-401', {...none, evidence: pasted, job: {secretNames: [], envNames: []}}).actual?.id,
    ).toBe('no-token-in-job');
    // token-missing with nobody logged in here stays "not logged in".
    expect(diagnose('token-missing', none).actual?.id).toBe('not-logged-in');
  });

  it('on the sandbox, fixes name the practice tokens instead of huggingface.co settings', async () => {
    const d = diagnose('forbidden-403', await gather(sb.current.tokens['fine-grained'], {namespace: 'practice-org'}));
    expect(d.actual?.id).toBe('missing-scope');
    expect(d.actual!.fix).toContain(`hf-jobs-wizard login --endpoint ${sb.current.url} --practice write`);
    expect(d.actual!.fix).not.toContain('huggingface.co');
    const real = diagnose('forbidden-403', {
      ...(await gather(sb.current.tokens['fine-grained'], {namespace: 'practice-org'})),
      endpoint: 'https://huggingface.co',
    });
    expect(real.actual!.fix).toContain('https://huggingface.co/settings/tokens');
  });
});
