// The result says what the job did to its repo: "created" the first time, "added a commit to" when it was there.
// And its next steps are commands that work as typed after a sandbox run.
import {mkdir, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import type {Session} from '../../src/core/wizard/services.js';
import {useSandbox} from '../helpers/sandbox.js';
import {sandboxWizard, useTempDirs} from '../helpers/wizard-flow.js';

const sb = useSandbox();
const tempDir = useTempDirs();

describe('the outcome of a job', () => {
  it('first run: repo did not exist; second run: it did', async () => {
    const dir = await tempDir('wizard-outcome-');
    const s = sb.current;
    const sv = sandboxWizard(s, {dir, pollMs: 100}).services;
    const {target} = await sv.prepareTarget('sandbox');
    const valid = await sv.validateToken(target, s.tokens.write, 'input');
    if (!valid.ok) throw new Error(valid.message);
    const session: Session = {target, account: valid.account, exampleId: 'push-model', cwd: dir};
    const runOnce = async () => {
      const job = await sv.submitJob(session);
      return (await sv.followJob(session, job, {log: () => {}, stage: () => {}}, new AbortController().signal)).outcome;
    };
    const first = await runOnce();
    expect(first.stage).toBe('COMPLETED');
    expect(first.repoExisted).toBe(false);
    expect(first.sandbox).toBe(true);
    expect(first.nextSteps).toContainEqual({
      what: 'Run it again without the wizard',
      command: 'npx hf-jobs-wizard example push-model --sandbox',
    });
    const second = await runOnce();
    expect(second.stage).toBe('COMPLETED');
    expect(second.repoExisted).toBe(true);
    // Reading a private dataset creates nothing and adds no commit: the result must not say it did.
    const job = await sv.submitJob({...session, exampleId: 'read-private-dataset'});
    const stages: string[] = [];
    const read = (
      await sv.followJob(
        {...session, exampleId: 'read-private-dataset'},
        job,
        {log: () => {}, stage: (st) => stages.push(st)},
        new AbortController().signal,
      )
    ).outcome;
    // The stage line moves forward only and ends on the log's final stage (it once read SCHEDULING after COMPLETED).
    expect(stages.at(-1)).toBe('COMPLETED');
    expect(stages).toContain('RUNNING');
    expect(stages.slice(stages.indexOf('RUNNING'))).not.toContain('SCHEDULING');
    expect(new Set(stages).size).toBe(stages.length);
    expect(read.stage).toBe('COMPLETED');
    expect(read.created).toBeUndefined();
    expect(read.repoExisted).toBeUndefined();
  }, 60_000);

  it('a job the Hub cancels for credits (practice-credits-run-out) comes back with its cancel reason and the text that names it', async () => {
    const dir = await tempDir('wizard-outcome-credits-');
    const s = sb.current;
    const sv = sandboxWizard(s, {dir, pollMs: 100}).services;
    const {target} = await sv.prepareTarget('sandbox');
    const valid = await sv.validateToken(target, s.tokens.write, 'input');
    if (!valid.ok) throw new Error(valid.message);
    // hf-job.json as a newcomer edits it to practise: the push-dataset example under the org whose credits run out.
    await mkdir(join(dir, 'my-first-hf-job'), {recursive: true});
    await writeFile(
      join(dir, 'my-first-hf-job', 'hf-job.json'),
      JSON.stringify({
        script: 'push_dataset.py',
        namespace: 'practice-credits-run-out',
        flavor: 'cpu-basic',
        timeout: '10m',
        secrets: {HF_TOKEN: '$HF_TOKEN'},
      }),
    );
    const session: Session = {target, account: valid.account, exampleId: 'push-dataset', cwd: dir};
    const job = await sv.submitJob(session);
    expect(job.namespace).toBe('practice-credits-run-out');
    const followed = await sv.followJob(session, job, {log: () => {}, stage: () => {}}, new AbortController().signal);
    expect(followed.outcome).toMatchObject({stage: 'CANCELED', cancelReason: 'NO_CREDITS'});
    expect(followed.failureText?.split('\n')[0]).toMatch(/^Job ended CANCELED: .*\(cancel reason NO_CREDITS\)$/);
  }, 60_000);
});
