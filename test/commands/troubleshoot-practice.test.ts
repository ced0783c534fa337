// Practice switches (issue 14, part 4): each failure the troubleshooter knows can be produced on purpose on the
// sandbox and is answered end to end by `troubleshoot` (the --job path where a job exists or is looked up, the
// client's own error text where the Hub refused to start one): 402 no credits, the org token policy, a server
// error, a job timeout, a script that fails on its own, and an org job looked up under the user.
import {join} from 'node:path';
import {beforeAll, describe, expect, it} from 'vitest';
import {viaMain} from '../helpers/command.js';
import {createHubClient, type HubClient} from '../../src/core/hub/client.js';
import {SWITCH_TEXTS} from '../../src/sandbox/practice-switches.js';
import {useSandbox} from '../helpers/sandbox.js';
import {useTempDirs} from '../helpers/wizard-flow.js';
import {makeIo} from './helpers-auth.js';

const troubleshoot = viaMain('troubleshoot');
const sb = useSandbox();
const tempDir = useTempDirs();
let dir: string;
let client: HubClient;
beforeAll(async () => {
  dir = await tempDir('hfjw-ts-practice-');
  client = createHubClient({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});
});

const SOME_ID = '0123456789abcdef01234567';

function io(stdinText?: string) {
  const i = makeIo(
    {HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), HF_TOKEN: sb.current.tokens.write, HF_WIZARD_LOG_WAIT_MS: '3000'},
    stdinText === undefined ? {tty: true} : {stdinText},
  );
  i.cwd = dir;
  return i;
}

/** A job running Python code under `namespace` on cpu-basic (python:3.12), with the spec's other fields. */
function runPython(namespace: string, code: string, more: Record<string, unknown> = {}) {
  return client.runJob(namespace, {
    dockerImage: 'python:3.12',
    command: ['python3', '-c', code],
    flavor: 'cpu-basic',
    environment: {},
    ...more,
  } as never);
}

async function finished(namespace: string, id: string): Promise<string> {
  for (let n = 0; n < 150; n++) {
    const stage = String((await client.getJob(namespace, id)).status.stage);
    if (!['RUNNING', 'SCHEDULING'].includes(stage)) return stage;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`job ${id} did not finish`);
}

async function refusal(namespace: string): Promise<string> {
  try {
    await client.runJob(namespace, {
      dockerImage: 'python:3.12',
      command: ['python3', '-c', 'print(1)'],
      flavor: 'cpu-basic',
      environment: {},
    } as never);
  } catch (error) {
    return String(error);
  }
  throw new Error(`the sandbox started a job under ${namespace}`);
}

async function json(
  args: string[],
  stdinText?: string,
): Promise<{code: number; out: Record<string, any>; text: string}> {
  const i = io(stdinText);
  const code = await troubleshoot([...args, '--endpoint', sb.current.url, '--json'], i);
  return {code, out: JSON.parse(i.out()), text: i.out() + i.err()};
}

describe('practice switches, answered by troubleshoot', () => {
  it("practice-no-credits: the submit is refused with the Hub's 402 text, and its error is payment-required (no new token advised)", async () => {
    const error = await refusal('practice-no-credits');
    expect(error).toContain(SWITCH_TEXTS.noCredits);
    const r = await json(['-'], error);
    expect(r.code).toBe(0);
    expect(r.out.problem).toBe('payment-required');
    expect(r.out.report.causes[0].id).toBe('no-credits');
    // The sandbox has no billing page; its fix names the practice user, who can pay.
    expect(r.out.report.actions.map((a: {id: string}) => a.id)).not.toContain('open-billing');
    expect(r.out.report.fix[0]).toContain('practice-user');
    expect(r.out.report.fix.join('\n')).toContain('not a token problem');
    expect(r.text).not.toContain(sb.current.tokens.write);
  });

  it('practice-credits-run-out: a running job is canceled with cancel reason NO_CREDITS, and troubleshoot --job says payment-required', async () => {
    const job = await runPython('practice-credits-run-out', 'import time; print("step 1", flush=True); time.sleep(60)');
    expect(await finished('practice-credits-run-out', job.id)).toBe('CANCELED');
    const status = (await client.getJob('practice-credits-run-out', job.id)).status as unknown as {
      cancelReason?: string;
    };
    expect(status.cancelReason).toBe('NO_CREDITS');
    const r = await json(['--job', `practice-credits-run-out/${job.id}`]);
    expect(r.code).toBe(0);
    expect(r.out.problem).toBe('payment-required');
    expect(r.out.report.actual.id).toBe('no-credits');
    expect(r.out.report.job).toMatchObject({stage: 'CANCELED'});
  }, 30_000);

  it('practice-token-policy: every jobs request answers 403 "token policy"; troubleshoot --job names the pending approval', async () => {
    expect(await refusal('practice-token-policy')).toContain(SWITCH_TEXTS.tokenPolicy);
    const r = await json(['--job', `practice-token-policy/${SOME_ID}`]);
    expect(r.code).toBe(1); // the job could not be fetched, and the answer says why
    expect(r.out.problem).toBe('org-token-policy');
    expect(r.out.report.actual.id).toBe('pending-approval');
    expect(r.text).toContain('could not fetch job');
  });

  it('practice-outage: 500 on jobs requests; troubleshoot --job answers server-error (transient) and offers no job to run again', async () => {
    expect(await refusal('practice-outage')).toMatch(/500|Internal Server Error/);
    const r = await json(['--job', `practice-outage/${SOME_ID}`]);
    expect(r.code).toBe(1);
    expect(r.out.problem).toBe('server-error');
    expect(r.out.report.actual.id).toBe('transient');
    expect(r.out.report.actions.map((a: {id: string}) => a.id)).not.toContain('retry');
  }, 30_000);

  it('a job longer than its --timeout ends ERROR "Job timeout" (the Hub\'s words) and troubleshoot --job says job-timeout', async () => {
    const job = await runPython('practice-user', 'import time; print("training...", flush=True); time.sleep(60)', {
      timeoutSeconds: 1,
    });
    expect(await finished('practice-user', job.id)).toBe('ERROR');
    const r = await json(['--job', `practice-user/${job.id}`]);
    expect(r.code).toBe(0);
    expect(r.out.problem).toBe('job-timeout');
    expect(r.out.report.job).toMatchObject({stage: 'ERROR', message: 'Job timeout'});
    expect(r.out.report.fix.join('\n')).toContain('--timeout');
    // The job's own timeout was given (1 s): the answer says so and which to pass, not "no timeout was given".
    expect(r.out.report.why).toContain('(1s) was shorter than its work');
    expect(r.out.report.findings.map((f: {text: string}) => f.text).join('\n')).toContain('timeoutSeconds 1');
  });

  it('a script importing a package it does not declare fails with ModuleNotFoundError: job-script-failed, missing dependency', async () => {
    const job = await runPython('practice-user', 'import hf_wizard_practice_missing_package', {
      secrets: {HF_TOKEN: sb.current.tokens.write},
    });
    expect(await finished('practice-user', job.id)).toBe('ERROR');
    const r = await json(['--job', `practice-user/${job.id}`]);
    expect(r.out.problem).toBe('job-script-failed');
    expect(r.out.report.actual.id).toBe('missing-dependency');
    expect(r.text).not.toContain(sb.current.tokens.write);
  });

  it('an org job looked up under the user is job-not-found, and the answer names the org to pass', async () => {
    const job = await runPython('practice-org', 'print(1)');
    const r = await json(['--job', job.id]);
    expect(r.code).toBe(1);
    expect(r.out.problem).toBe('job-not-found');
    expect(r.out.report.actual.id).toBe('org-job-under-user');
    expect(r.out.report.findings.map((f: {text: string}) => f.text).join('\n')).toContain(
      `--namespace practice-org ${job.id}`,
    );
  });

  it('--job under the wrong namespace: the job is looked up under each org and found where it is, not guessed as the first org', async () => {
    const job = await runPython('practice-credits-run-out', 'print(1)');
    const r = await json(['--job', job.id]);
    expect(r.code).toBe(1);
    expect(r.out.problem).toBe('job-not-found');
    expect(r.out.report.actual.id).toBe('org-job-under-user');
    const findings = r.out.report.findings.map((f: {text: string}) => f.text).join('\n');
    expect(findings).toContain(`is not under practice-user but under practice-credits-run-out`);
    expect(findings).toContain(`--namespace practice-credits-run-out ${job.id}`);
    expect(findings).not.toContain('--namespace practice-org');
  });

  it('--job with an id that is nowhere: the namespaces tried are named and the id is the cause, no org is guessed', async () => {
    const r = await json(['--job', SOME_ID]);
    expect(r.code).toBe(1);
    expect(r.out.problem).toBe('job-not-found');
    expect(r.out.report.actual.id).toBe('wrong-id');
    const findings = r.out.report.findings.map((f: {text: string}) => f.text).join('\n');
    expect(findings).toMatch(new RegExp(`No job ${SOME_ID} under practice-user, practice-org`));
    expect(findings).not.toContain('an org job is found only under the org');
  });
});
