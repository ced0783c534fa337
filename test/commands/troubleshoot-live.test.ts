// The live check of a pasted text (issue 14, part 3), against a real sandbox Hub: when the text names a namespace,
// a repo or a job and a token is in effect, `troubleshoot` asks the Hub (whoami and its orgs, the repo, where the job
// is) and says what it found, with the cause it points to; --offline and no token keep it to the text.
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {viaMain} from '../helpers/command.js';
import {createHubClient, type HubClient} from '../../src/core/hub/client.js';
import {useSandbox} from '../helpers/sandbox.js';
import {useTempDirs} from '../helpers/wizard-flow.js';
import {makeIo} from './helpers-auth.js';

const troubleshoot = viaMain('troubleshoot');
const sb = useSandbox();
const tempDir = useTempDirs();
let dir: string;
let client: HubClient;
beforeAll(async () => {
  dir = await tempDir('hfjw-ts-live-');
  client = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
});

type Finding = {status: string; text: string};

async function paste(
  text: string,
  options: {token?: boolean; extra?: string[]} = {},
): Promise<{code: number; out: Record<string, any>; err: string; findings: string}> {
  const env: Record<string, string> = {HOME: dir, XDG_CACHE_HOME: join(dir, 'cache')};
  if (options.token !== false) env.HF_TOKEN = sb.current.tokens.write;
  const i = makeIo(env, {stdinText: text});
  i.cwd = dir;
  const code = await troubleshoot(['-', '--endpoint', sb.current.url, '--json', ...(options.extra ?? [])], i);
  const out = JSON.parse(i.out());
  return {code, out, err: i.err(), findings: (out.report.findings as Finding[]).map((f) => f.text).join('\n')};
}

const NOT_A_JOB = '0123456789abcdef01234567';

describe('troubleshoot: the live check of a pasted text', () => {
  it('a 403 on creating a repo under an org: whoami says the user is not a member, and that is the cause', async () => {
    const r = await paste(
      `huggingface_hub.errors.HfHubHTTPError: 403 Forbidden: You don't have the rights to create a model under the namespace "acme-org".\nCannot access content at: ${sb.current.url}/api/repos/create.`,
    );
    expect(r.code).toBe(0);
    expect(r.out.problem).toBe('forbidden-403');
    expect(r.err).toContain('Checking what the text names');
    expect(r.out.report.diagnosed).toBe(true);
    expect(r.findings).toContain('You (practice-user) are not a member of acme-org');
    expect(r.out.report.actual.id).toBe('org-role');
    // A repo that could not be created: no sentence about running jobs there.
    expect(r.findings).not.toMatch(/run (?:J|j)obs/);
  });

  it('an org job looked up under the user: the job is found under the org and the command to read it is given', async () => {
    const job = await client.runJob('practice-org', {
      dockerImage: 'python:3.12',
      command: ['python3', '-c', 'print(1)'],
      flavor: 'cpu-basic',
      environment: {},
    } as never);
    const r = await paste(
      `huggingface_hub.errors.JobNotFoundError: 404 Client Error.\n\nJob Not Found for url: ${sb.current.url}/api/jobs/practice-user/${job.id}/logs.\nPlease make sure you specified the correct job ID and namespace.`,
    );
    expect(r.out.problem).toBe('job-not-found');
    expect(r.findings).toContain(`Job ${job.id} is not under practice-user but under practice-org`);
    expect(r.findings).toContain(`hf jobs logs --namespace practice-org ${job.id}`);
    expect(r.out.report.actual.id).toBe('org-job-under-user');
    // A pasted text ran no job here: none is offered to run again.
    expect(r.out.report.actions.map((a: {id: string}) => a.id)).not.toContain('retry');
  });

  it('a job id that is nowhere this token can see: the namespaces tried are named and the id is the cause', async () => {
    const r = await paste(
      `JobNotFoundError: Job Not Found for url: ${sb.current.url}/api/jobs/practice-user/${NOT_A_JOB}`,
    );
    expect(r.out.problem).toBe('job-not-found');
    expect(r.findings).toMatch(new RegExp(`No job ${NOT_A_JOB} under practice-user, practice-org`));
    expect(r.out.report.actual.id).toBe('wrong-id');
  });

  it('a repo that is not there: the Hub is asked and says so', async () => {
    const r = await paste(
      `huggingface_hub.errors.RepositoryNotFoundError: 404 Client Error.\n\nRepository Not Found for url: ${sb.current.url}/api/models/practice-user/no-such-model-here/revision/main.`,
    );
    expect(r.out.problem).toBe('repo-access-denied');
    expect(r.findings).toContain('practice-user/no-such-model-here does not exist');
    expect(r.out.report.actual.id).toBe('repo-missing');
  });

  it('--offline, no token, or a text that names nothing: no live check, the answer is the text alone', async () => {
    const text = `403 Forbidden: You don't have the rights to create a model under the namespace "acme-org".`;
    for (const r of [
      await paste(text, {extra: ['--offline']}),
      await paste(text, {token: false}),
      await paste('requests.exceptions.HTTPError: 429 Client Error: Too Many Requests'),
    ]) {
      expect(r.code).toBe(0);
      expect(r.out.report.diagnosed).toBe(false);
      expect(r.out.diagnosis).toBeUndefined();
      expect(r.err).not.toContain('Checking what the text names');
    }
  });

  it('never prints the token it checked with', async () => {
    const r = await paste(
      `403 Forbidden: You don't have the rights to create a dataset under the namespace "acme-org".`,
    );
    expect(JSON.stringify(r.out) + r.err).not.toContain(sb.current.tokens.write);
  });
});
