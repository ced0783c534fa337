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

const gather = (token: string | undefined, extra: {namespace?: string} = {}) =>
  gatherDiagnoseContext({env: {HOME: home, XDG_CACHE_HOME: join(home, 'c'), ...(token ? {HF_TOKEN: token} : {})}, endpoint: sb.current.url, hub: (o) => createHubClient(o), ...extra});

describe('diagnose', () => {
  it('401 with a job that has no HF_TOKEN: the job got no token', async () => {
    const ctx = await gather(sb.current.tokens.write);
    const d = diagnose('unauthorized-401', {...ctx, job: {secretNames: [], envNames: []}});
    expect(d.actual?.id).toBe('no-token-in-job');
    expect(JSON.stringify(d)).not.toContain(sb.current.tokens.write);
  });

  it('401 with an expired token: invalid token', async () => {
    const d = diagnose('unauthorized-401', await gather(sb.current.tokens.expired));
    expect(d.actual?.id).toBe('invalid-token');
  });

  it('401 although the job has HF_TOKEN and the token is valid: the literal placeholder', async () => {
    const ctx = await gather(sb.current.tokens.write);
    expect(diagnose('unauthorized-401', {...ctx, job: {secretNames: ['HF_TOKEN'], envNames: []}}).actual?.id).toBe('literal-placeholder');
  });

  it('token-missing with a job passing TOKEN: wrong key', async () => {
    const ctx = await gather(sb.current.tokens.write);
    expect(diagnose('token-missing', {...ctx, job: {secretNames: ['TOKEN'], envNames: []}}).actual?.id).toBe('wrong-secret-key');
  });

  it('403: read token vs fine-grained token missing job.write on the org', async () => {
    expect(diagnose('forbidden-403', await gather(sb.current.tokens.read)).actual?.id).toBe('read-token');
    expect(diagnose('forbidden-403', await gather(sb.current.tokens['fine-grained'], {namespace: 'practice-org'})).actual?.id).toBe('missing-scope');
    expect(diagnose('forbidden-403', await gather(sb.current.tokens.write, {namespace: 'someone-else'})).actual?.id).toBe('org-role');
  });

  it('gated: fine-grained token without the gated box; not logged in: anonymous', async () => {
    expect(diagnose('gated-repo', await gather(sb.current.tokens['fine-grained'])).actual?.id).toBe('fine-grained-no-gated');
    expect(diagnose('gated-repo', await gather(sb.current.tokens.write)).actual?.id).toBe('not-approved');
    expect(diagnose('gated-repo', await gather(undefined)).actual?.id).toBe('anonymous');
  });

  it('network: an endpoint that is not serving', async () => {
    const ctx = await gatherDiagnoseContext({env: {HOME: home, HF_TOKEN: sb.current.tokens.write}, endpoint: 'http://127.0.0.1:9', hub: (o) => createHubClient(o)});
    expect(diagnose('network-error', ctx).actual?.id).toBe('wrong-endpoint');
  });

  it('invalid-token-format: an org token', () => {
    expect(diagnose('invalid-token-format', {token: 'api_org_FAKEfakeFAKEfakeFAKEfake'}).actual?.id).toBe('org-token');
  });
});
