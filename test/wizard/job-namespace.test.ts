// The job runs where hf-job.json says: its "namespace" is the one the checklist and the pre-flight judge, and the one
// the wizard submits to (it once ran every job under your own user whatever the file said).
import {readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Session} from '../../src/core/wizard/services.js';
import {useSandbox} from '../helpers/sandbox.js';
import {sandboxWizard, useTempDirs} from '../helpers/wizard-flow.js';

const sb = useSandbox();
const tempDir = useTempDirs();

async function withNamespace(namespace: string) {
  const dir = await tempDir('wizard-job-ns-');
  const s = sb.current;
  const sv = sandboxWizard(s, {dir, pollMs: 100}).services;
  const {target} = await sv.prepareTarget('sandbox');
  const valid = await sv.validateToken(target, s.tokens.write, 'input');
  if (!valid.ok) throw new Error(valid.message);
  const session: Session = {target, account: valid.account, exampleId: 'token-check', cwd: dir};
  await sv.writeConfig(session, await sv.planConfig(session));
  const file = join(dir, 'my-first-hf-job', 'hf-job.json');
  const config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
  await writeFile(file, JSON.stringify({...config, namespace}, null, 2));
  return {sv, session};
}

describe('hf-job.json "namespace" in the wizard', () => {
  it('the job is submitted under the namespace the file names', async () => {
    const {sv, session} = await withNamespace('practice-org');
    const job = await sv.submitJob(session);
    expect(job.namespace).toBe('practice-org');
    expect(job.url).toContain('/jobs/practice-org/');
  });

  it('an org that cannot pay: the pre-flight says so and the submit gets the 402, not a run under the user', async () => {
    const {sv, session} = await withNamespace('practice-no-credits');
    const report = await sv.preflight(session);
    expect(report.verdict).toBe('fail');
    expect(JSON.stringify(report.lines)).toContain('practice-no-credits');
    const error = await sv.submitJob(session).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String((error as {statusCode?: number})?.statusCode ?? error)).toContain('402');
  });

  it("a job's failure is diagnosed in the namespace it ran under, not the user's (credits canceled under an org)", async () => {
    const {sv, session} = await withNamespace('practice-credits-run-out');
    const d = await sv.diagnose(
      session,
      'payment-required',
      'Job ended CANCELED: Canceled: the namespace ran out of pre-paid credits while the job ran (cancel reason NO_CREDITS)',
    );
    const findings = d.findings.map((f) => f.text).join('\n');
    expect(findings).toContain('"practice-credits-run-out"');
    // It was said of the user, who can pay: "the job ran under another namespace" although the wizard knew which.
    expect(findings).not.toContain('can pay now');
    expect(d.actual?.id).toBe('no-credits');
  });

  it("a timeout is diagnosed with the timeout hf-job.json gave the job (not 'no timeout was given')", async () => {
    const {sv, session} = await withNamespace('practice-user');
    const file = join(session.cwd, 'my-first-hf-job', 'hf-job.json');
    const config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({...config, timeout: '1s'}, null, 2));
    await sv.submitJob(session);
    const d = await sv.diagnose(session, 'job-timeout', 'Job timeout');
    expect(d.actual).toBeUndefined();
    expect(d.cause).toContain('(1s) was shorter than its work');
    expect(d.findings.map((f) => f.text).join('\n')).toContain('`--timeout 2s`');
  });

  it('an org in an outage: the submit error says the Hub answered with a server error (not that its answer was lost)', async () => {
    const {sv, session} = await withNamespace('practice-outage');
    const error = await sv.submitJob(session).then(
      () => undefined,
      (e: unknown) => e as Error,
    );
    expect(error?.message).toMatch(/^The Hub answered the submit with a server error \(500/);
    expect(error?.message).toContain('it may be running');
  }, 30_000);
});
