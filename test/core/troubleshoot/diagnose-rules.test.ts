// diagnose()'s rule per problem on facts written out by hand (no network: diagnose is pure). Covers the causes the
// sandbox-backed diagnose tests do not reach, so each rule split out of the former 201-line diagnose() has a test.
import {describe, expect, it} from 'vitest';
import type {WhoAmIOutcome} from '../../../src/core/checks/live-context.js';
import type {TokenInfo} from '../../../src/core/tokens/classify.js';
import {classifyText} from '../../../src/core/troubleshoot/classify.js';
import {diagnose, type DiagnoseContext} from '../../../src/core/troubleshoot/diagnose.js';

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';

function whoOk(info: Partial<TokenInfo>): WhoAmIOutcome {
  const full: TokenInfo = {
    user: 'alice',
    kind: 'write',
    storageName: 'laptop',
    scopes: [],
    globalPermissions: [],
    canReadGatedRepos: true,
    orgs: [],
    ...info,
  };
  return {ok: true, who: {} as never, info: full};
}
const whoFails = (kind: 'unauthorized' | 'network'): WhoAmIOutcome => ({ok: false, error: {kind, message: kind}});
const base: DiagnoseContext = {token: FAKE, source: 'file'};

describe('diagnose rules', () => {
  it('a missing module: the finding names it and the dependency to add (sklearn is scikit-learn)', () => {
    const finding = (log: string) =>
      diagnose('job-script-failed', {...base, evidence: log}).findings.find((f) => f.status === 'bad')?.text;
    const d = diagnose('job-script-failed', {...base, evidence: "ModuleNotFoundError: No module named 'transformers'"});
    expect(d.actual?.id).toBe('missing-dependency');
    expect(finding("ModuleNotFoundError: No module named 'transformers'")).toContain('Add "transformers"');
    expect(finding("ModuleNotFoundError: No module named 'sklearn.linear_model'")).toContain('Add "scikit-learn"');
    expect(finding('RuntimeError: Found no NVIDIA driver on your system')).toBeUndefined();
  });

  it("a GPU script on a CPU flavor, or out of memory: the job's own flavor is named with what to pass instead", () => {
    const job = (flavor: string) => ({secretNames: ['HF_TOKEN'], envNames: [], flavor});
    const gpu = diagnose('job-script-failed', {
      ...base,
      job: job('cpu-basic'),
      evidence: 'RuntimeError: Found no NVIDIA driver on your system',
    });
    expect(gpu.actual?.id).toBe('cpu-flavor-for-gpu');
    expect(gpu.findings.map((f) => f.text).join('\n')).toContain('The job ran on cpu-basic, a CPU flavor');
    const oom = diagnose('job-script-failed', {
      ...base,
      job: job('t4-small'),
      evidence: 'torch.OutOfMemoryError: CUDA out of memory.',
    });
    expect(oom.actual?.id).toBe('out-of-memory');
    expect(oom.findings.map((f) => f.text).join('\n')).toContain('more (GPU) memory than t4-small');
  });

  it("a timeout: the job's own timeoutSeconds tells the 30-minute default from a given one, and names the timeout to pass", () => {
    const job = (timeoutSeconds?: number) => ({
      secretNames: ['HF_TOKEN'],
      envNames: [],
      ...(timeoutSeconds ? {timeoutSeconds} : {}),
    });
    const given = diagnose('job-timeout', {...base, job: job(1)});
    expect(given.actual).toBeUndefined();
    expect(given.cause).toContain('(1s) was shorter than its work');
    expect(given.cause).toContain('`--timeout 2s`');
    expect(given.findings.find((f) => f.status === 'bad')?.text).toContain('not the 30-minute default');
    const byDefault = diagnose('job-timeout', {...base, job: job(1800)});
    expect(byDefault.actual?.id).toBe('default-timeout');
    expect(byDefault.findings.find((f) => f.status === 'bad')?.text).toContain('`--timeout 1h`');
    // Unknown timeout (a pasted text): nothing is claimed.
    const unknown = diagnose('job-timeout', {...base, job: job()});
    expect(unknown.actual).toBeUndefined();
    expect(unknown.cause).toBeUndefined();
  });

  it('401 from a token that an HF_TOKEN variable puts over a different saved login: the env override', () => {
    const d = diagnose('unauthorized-401', {
      ...base,
      source: 'HF_TOKEN',
      shadowsSavedToken: true,
      who: whoFails('unauthorized'),
    });
    expect(d.actual?.id).toBe('env-override');
    expect(d.findings.map((f) => f.text)).toContain('HF_TOKEN overrides a different saved login.');
  });

  it('401 with no job details and the Hub saying the token was refused: an invalid token', () => {
    const d = diagnose('unauthorized-401', {...base, evidence: 'Invalid credentials in Authorization header'});
    expect(d.actual?.id).toBe('invalid-token');
    expect(d.findings[0]?.status).toBe('bad');
  });

  it('401 with no local token and no job: nothing can be said and the finding is unknown, not bad', () => {
    const d = diagnose('unauthorized-401', {});
    expect(d.actual).toBeUndefined();
    expect(d.findings).toHaveLength(1);
    expect(d.findings[0]?.status).toBe('unknown');
  });

  it('403 with a write token in your own namespace but no way to pay: no credits', () => {
    expect(diagnose('forbidden-403', {...base, who: whoOk({canPay: false})}).actual?.id).toBe('no-credits');
    expect(diagnose('forbidden-403', {...base, who: whoOk({canPay: true})}).actual).toBeUndefined();
  });

  it('repo not found under a namespace that is neither yours nor an org of yours: the wrong namespace', () => {
    const repo = {type: 'model' as const, namespace: 'username', name: 'my-model', exists: false};
    expect(diagnose('repo-access-denied', {...base, who: whoOk({}), repo}).actual?.id).toBe('wrong-namespace');
    const own = {...repo, namespace: 'alice'};
    expect(diagnose('repo-access-denied', {...base, who: whoOk({}), repo: own}).actual?.id).toBe('repo-missing');
  });

  it('a repo the job creates when it pushes: "does not exist yet", never the cause; in a foreign namespace still the wrong one', () => {
    const repo = {type: 'dataset' as const, namespace: 'alice', name: 'demo', exists: false, createdByJob: true};
    const d = diagnose('repo-access-denied', {...base, who: whoOk({}), repo});
    expect(d.actual).toBeUndefined();
    expect(d.findings.at(-1)).toEqual({
      status: 'ok',
      text: 'dataset alice/demo does not exist yet: the job creates it when it pushes, and this token can create it in alice.',
    });
    const noWho = diagnose('repo-access-denied', {...base, repo});
    expect(noWho.findings.at(-1)?.status).toBe('unknown');
    const foreign = {...repo, namespace: 'acme'};
    const f = diagnose('repo-access-denied', {...base, who: whoOk({}), repo: foreign});
    expect(f.actual?.id).toBe('wrong-namespace');
    expect(f.findings.at(-1)?.status).toBe('bad');
    expect(f.findings.at(-1)?.text).toContain('but this token cannot create it in acme');
  });

  it('repo that exists but cannot be read with the token: private, no access', () => {
    const repo = {type: 'dataset' as const, namespace: 'acme', name: 'secret', readable: false};
    const d = diagnose('repo-access-denied', {...base, who: whoOk({}), repo});
    expect(d.actual?.id).toBe('private-no-access');
    expect(d.findings.at(-1)?.text).toContain('exists but this token cannot read it');
  });

  it('a token of the wrong form: placeholder, org token, or pasted badly, as the format check says', () => {
    expect(diagnose('invalid-token-format', {token: 'hf_xxx'}).actual?.id).toBe('placeholder');
    expect(diagnose('invalid-token-format', {token: 'api_org_FAKEfakeFAKEfakeFAKEfakeFAKE'}).actual?.id).toBe(
      'org-token',
    );
    expect(diagnose('invalid-token-format', {token: 'hf_FAKE fake'}).actual?.id).toBe('pasted-badly');
    expect(diagnose('invalid-token-format', base).actual).toBeUndefined();
  });

  it("the Hub's words for a refused token name the cause, whatever token is here", () => {
    // The Hub's X-Error-Message after huggingface_hub's "Repository Not Found" (tune text 649).
    const expired = diagnose('unauthorized-401', {
      ...base,
      evidence:
        'Repository Not Found for url: https://huggingface.co/acme/x/resolve/main/config.json.\nUser Access Token "notebooks" is expired',
    });
    expect(expired.actual?.id).toBe('invalid-token');
    expect(expired.findings[0]?.status).toBe('bad');
    // "Organization tokens cannot be used to access" a gated repo (tune text 652): the job's token was an org token,
    // though the one here (a user's) is well formed.
    const org =
      'Cannot access gated repo for url https://huggingface.co/api/datasets/acme/set. Organization tokens cannot be used to access';
    expect(diagnose('invalid-token-format', {...base, evidence: org}).actual?.id).toBe('org-token');
    // A token named in the evidence without being refused says nothing.
    expect(
      diagnose('unauthorized-401', {...base, evidence: 'Using User Access Token "notebooks"'}).actual,
    ).toBeUndefined();
    expect(diagnose('invalid-token-format', {...base, evidence: 'Organization: acme'}).actual).toBeUndefined();
  });

  it('429 from a job without a token is the anonymous limit, otherwise too many requests', () => {
    const job = {secretNames: [], envNames: []};
    expect(diagnose('rate-limited', {...base, job}).actual?.id).toBe('anonymous-limits');
    expect(diagnose('rate-limited', base).actual?.id).toBe('too-many-requests');
  });

  it('network error on huggingface.co is unreachable; on another endpoint the endpoint is suspect', () => {
    const who = whoFails('network');
    expect(diagnose('network-error', {...base, who, endpoint: 'https://huggingface.co'}).actual?.id).toBe(
      'unreachable',
    );
    expect(diagnose('network-error', {...base, who, endpoint: 'http://127.0.0.1:9'}).actual?.id).toBe('wrong-endpoint');
    expect(diagnose('network-error', {...base, who: whoOk({})}).actual).toBeUndefined();
  });

  it('402 under your own account that cannot pay while you belong to an org: the wrong namespace pays', () => {
    const who = whoOk({canPay: false, orgs: [{name: 'acme', roleInOrg: 'write'} as TokenInfo['orgs'][number]]});
    const d = diagnose('payment-required', {...base, who});
    expect(d.actual?.id).toBe('wrong-namespace-billing');
    expect(d.findings.at(-1)?.text).toContain('canPay is false');
    const alone = diagnose('payment-required', {...base, who: whoOk({canPay: false})});
    expect(alone.actual?.id).toBe('no-credits');
  });

  it('org token policy with a classic write token and no words from the Hub: classic token refused', () => {
    expect(diagnose('org-token-policy', {...base, who: whoOk({kind: 'write'})}).actual?.id).toBe('classic-refused');
    expect(diagnose('org-token-policy', {...base, who: whoOk({kind: 'fineGrained'})}).actual).toBeUndefined();
  });

  it('job not found with no job id in the evidence: the id is wrong', () => {
    expect(diagnose('job-not-found', {...base, evidence: '404 Not Found'}).actual?.id).toBe('wrong-id');
  });

  it('a script failure the log does not name is a script error; with no log, no cause', () => {
    expect(diagnose('job-script-failed', {...base, evidence: 'ZeroDivisionError'}).actual?.id).toBe('script-error');
    expect(diagnose('job-script-failed', {...base, evidence: 'Killed (exit code 137)'}).actual?.id).toBe(
      'out-of-memory',
    );
    expect(diagnose('job-script-failed', base).actual).toBeUndefined();
  });

  it("the sandbox's own line about a python3 without a listed package names that cause, from the classified log", () => {
    const log = [
      "[sandbox] uv is not installed on this machine, and python3 (/usr/bin/python3) cannot import huggingface_hub>=0.34, which this script needs. Install uv (https://docs.astral.sh/uv/), or install them for that python3 (python3 -m pip install 'huggingface_hub>=0.34').",
      '[sandbox] Command exited with code 1.',
      '===== Job finished: status=ERROR =====',
    ].join('\n');
    const classified = classifyText(log);
    expect(classified.problem).toBe('job-script-failed');
    expect(classified.evidence[0]).toContain('cannot import huggingface_hub>=0.34');
    expect(diagnose('job-script-failed', {...base, evidence: classified.evidence[0]}).actual?.id).toBe(
      'sandbox-python-lacks-package',
    );
  });

  it('a timeout and an unknown problem leave every cause open', () => {
    expect(diagnose('job-timeout', base).actual).toBeUndefined();
    expect(diagnose('unknown', base).actual).toBeUndefined();
  });
});
