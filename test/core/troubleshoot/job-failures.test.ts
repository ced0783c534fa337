// The failures of HF Jobs that are not token errors: a job's own verdict (stage, message, cancel reason, log),
// the facts an error text states, and live diagnosis of the new problems against a real sandbox.
import {mkdtemp, rm} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createHubClient} from '../../../src/core/hub/client.js';
import {classifyJob} from '../../../src/core/troubleshoot/classify.js';
import {diagnose, gatherDiagnoseContext} from '../../../src/core/troubleshoot/diagnose.js';
import {extractFacts} from '../../../src/core/troubleshoot/facts.js';
import {useSandbox} from '../../helpers/sandbox.js';

const ID = '6650f0c2a1b2c3d4e5f60718';

describe('classifyJob', () => {
  it('a billing cancel reason is payment-required, whatever the log says', () => {
    for (const reason of ['NO_CREDITS', 'NO_SUBSCRIPTION', 'RESOURCE_GROUP_LIMIT']) {
      const c = classifyJob({stage: 'CANCELED', cancelReason: reason, log: 'Downloading model...'});
      expect(c.problem).toBe('payment-required');
      expect(c.evidence[0]).toContain(reason);
    }
  });

  it('stage ERROR with message "Job timeout" is job-timeout', () => {
    expect(classifyJob({stage: 'ERROR', message: 'Job timeout', log: 'Epoch 1/3 ...'}).problem).toBe('job-timeout');
  });

  it('a log ending in a script error is job-script-failed; a token error in the log wins over it', () => {
    expect(
      classifyJob({
        stage: 'ERROR',
        log: "Traceback (most recent call last):\nModuleNotFoundError: No module named 'trl'",
      }).problem,
    ).toBe('job-script-failed');
    expect(classifyJob({stage: 'ERROR', log: 'ZeroDivisionError: division by zero'}).problem).toBe('job-script-failed');
    expect(
      classifyJob({
        stage: 'ERROR',
        log: "ModuleNotFoundError: No module named 'x'\nhuggingface_hub.errors.HfHubHTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2",
      }).problem,
    ).toBe('unauthorized-401');
    expect(classifyJob({stage: 'ERROR', log: "KeyError: 'HF_TOKEN'"}).problem).toBe('token-missing');
  });

  it('an ERROR with an empty log is still the job failing on its own, not unknown', () => {
    const c = classifyJob({stage: 'ERROR', message: 'exit code 1', log: ''});
    expect(c.problem).toBe('job-script-failed');
    expect(c.jobFailed).toBe(true);
  });

  it('a completed job with a clean log stays unknown (nothing to fix)', () => {
    expect(classifyJob({stage: 'COMPLETED', log: 'done'}).problem).toBe('unknown');
  });
});

describe('extractFacts', () => {
  it('reads the namespace and repo type from a 403 on repo creation', () => {
    const f = extractFacts(
      `huggingface_hub.errors.HfHubHTTPError: 403 Forbidden: You don't have the rights to create a model under the namespace "acme-org".\nCannot access content at: https://huggingface.co/api/repos/create.`,
    );
    expect(f.status).toBe(403);
    expect(f.namespace).toBe('acme-org');
    expect(f.url).toBe('https://huggingface.co/api/repos/create');
  });

  it('reads the job id and the namespace it was looked up under', () => {
    const f = extractFacts(
      `JobNotFoundError: Job Not Found for url: https://huggingface.co/api/jobs/alice/${ID}/logs.`,
    );
    expect(f.job).toEqual({id: ID, namespace: 'alice'});
    expect(f.namespace).toBe('alice');
  });

  it('reads a dataset repo from its URL and a 402 status', () => {
    expect(
      extractFacts('404 Client Error: Not Found for url: https://huggingface.co/api/datasets/bob/my-data/revision/main')
        .repo,
    ).toEqual({type: 'dataset', namespace: 'bob', name: 'my-data'});
    expect(
      extractFacts("Client error '402 Payment Required' for url 'https://huggingface.co/api/jobs/alice'").status,
    ).toBe(402);
  });

  it('finds nothing in a text that states nothing, and does not choke on a huge one', () => {
    expect(extractFacts('something went wrong')).toEqual({});
    expect(extractFacts('x'.repeat(2_000_000))).toEqual({});
  });
});

const sb = useSandbox();
let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'hfjw-jobfail-'));
});
afterAll(async () => {
  await rm(home, {recursive: true, force: true});
});
const gather = (token: string, extra: {namespace?: string; evidence?: string} = {}) =>
  gatherDiagnoseContext({
    env: {HOME: home, XDG_CACHE_HOME: join(home, 'c'), HF_TOKEN: token},
    endpoint: sb.current.url,
    hub: (o) => createHubClient(o),
    ...extra,
  });

describe('diagnose the new problems on the sandbox', () => {
  it('job-not-found: an org member looking a job up under the user is told the org namespace', async () => {
    const evidence = `JobNotFoundError: Job Not Found for url: ${sb.current.url}/api/jobs/practice-user/${ID}/logs.`;
    const d = diagnose('job-not-found', await gather(sb.current.tokens.write, {evidence}));
    expect(d.actual?.id).toBe('org-job-under-user');
    expect(d.findings.map((f) => f.text).join('\n')).toContain(`hf jobs logs --namespace practice-org ${ID}`);
  });

  it('job-not-found: a namespace you are not a member of is named', async () => {
    const evidence = `JobNotFoundError: Job Not Found for url: ${sb.current.url}/api/jobs/acme-org/${ID}/logs.`;
    const d = diagnose('job-not-found', await gather(sb.current.tokens.write, {evidence}));
    expect(d.actual?.id).toBe('other-account');
    expect(d.findings.map((f) => f.text).join('\n')).toContain('You (practice-user) are not a member of acme-org');
  });

  it('org-token-policy: the Hub words say pending or revoked', async () => {
    const ctx = await gather(sb.current.tokens['fine-grained']);
    expect(
      diagnose('org-token-policy', {
        ...ctx,
        evidence:
          '403 Forbidden: Due to the organization token policy, your token needs to be approved by the organization before you can access this resource.',
      }).actual?.id,
    ).toBe('pending-approval');
    expect(
      diagnose('org-token-policy', {...ctx, evidence: 'Your token has been revoked by the organization administrator'})
        .actual?.id,
    ).toBe('revoked-by-admin');
  });

  it('job-script-failed: the log names the cause (dependency, GPU, memory)', async () => {
    const ctx = await gather(sb.current.tokens.write);
    expect(
      diagnose('job-script-failed', {...ctx, evidence: "ModuleNotFoundError: No module named 'trl'"}).actual?.id,
    ).toBe('missing-dependency');
    expect(
      diagnose('job-script-failed', {...ctx, evidence: 'RuntimeError: Found no NVIDIA driver on your system.'}).actual
        ?.id,
    ).toBe('cpu-flavor-for-gpu');
    expect(
      diagnose('job-script-failed', {...ctx, evidence: 'torch.OutOfMemoryError: CUDA out of memory.'}).actual?.id,
    ).toBe('out-of-memory');
    // The other words for the same causes (corpus texts 272, 281, 259): uv's resolver, Docker, a runner's exit 137.
    expect(
      diagnose('job-script-failed', {
        ...ctx,
        evidence: '  × No solution found when resolving script dependencies:',
      }).actual?.id,
    ).toBe('missing-dependency');
    expect(
      diagnose('job-script-failed', {
        ...ctx,
        evidence: 'Error response from daemon: could not select device driver "nvidia" with capabilities: [[gpu]]',
      }).actual?.id,
    ).toBe('cpu-flavor-for-gpu');
    expect(
      diagnose('job-script-failed', {...ctx, evidence: 'Training task exit with status code 137'}).actual?.id,
    ).toBe('out-of-memory');
  });

  it('payment-required and server-error name their cause', async () => {
    const ctx = await gather(sb.current.tokens.write);
    expect(diagnose('payment-required', {...ctx, evidence: 'cancelReason: NO_SUBSCRIPTION'}).actual?.id).toBe(
      'no-subscription',
    );
    expect(diagnose('payment-required', ctx).actual?.id).toBe('no-credits');
    expect(diagnose('server-error', ctx).actual?.id).toBe('transient');
  });
});
