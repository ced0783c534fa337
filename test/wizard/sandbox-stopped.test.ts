// A sandbox stopped in the middle of a wizard run (a workshop's instructor pressed Ctrl-C): the job's log ends with
// the sandbox's cancel, then nothing answers. The wizard says the Hub stopped answering and explains it, instead of
// "! CANCELED" as if the person had cancelled (exit 0, "The job was cancelled").
import {describe, expect, it} from 'vitest';
import {createHubClient} from '../../src/core/hub/client.js';
import {quitLine} from '../../src/core/wizard/content.js';
import {initialState, quitCode, transition} from '../../src/core/wizard/machine.js';
import type {Session} from '../../src/core/wizard/services.js';
import {startSandbox} from '../../src/sandbox/index.js';
import {sandboxWizard, useTempDirs} from '../helpers/wizard-flow.js';

const tempDir = useTempDirs();

describe('the sandbox stops while the wizard follows a job', () => {
  it('the outcome says the Hub stopped answering, the failure is explained (network), and quitting exits 1', async () => {
    const dir = await tempDir('wizard-sandbox-stopped-');
    const sandbox = await startSandbox({dataDir: await tempDir('wizard-sandbox-stopped-data-')});
    try {
      const sv = sandboxWizard(sandbox, {dir, pollMs: 100}).services;
      const {target} = await sv.prepareTarget('sandbox');
      const valid = await sv.validateToken(target, sandbox.tokens.write, 'input');
      if (!valid.ok) throw new Error(valid.message);
      const session: Session = {target, account: valid.account, exampleId: 'push-dataset', cwd: dir};
      const client = createHubClient({hubUrl: sandbox.url, accessToken: sandbox.tokens.write});
      const job = await client.runJob('practice-user', {
        dockerImage: 'python:3.12',
        command: ['python3', '-c', 'import time; print("working", flush=True); time.sleep(60)'],
        flavor: 'cpu-basic',
        environment: {},
      } as never);
      let stopped: Promise<void> | undefined;
      const followed = await sv.followJob(
        session,
        {id: job.id, namespace: 'practice-user', url: ''},
        {
          log: (line) => {
            // The job is running: the instructor stops the sandbox.
            if (line.includes('working')) stopped ??= sandbox.close();
          },
          stage: () => {},
        },
        new AbortController().signal,
      );
      await stopped;
      expect(followed.outcome.stage).toBe('CANCELED');
      expect(followed.outcome.hubLost).toBeTruthy();
      expect(followed.failureText?.split('\n')[0]).toMatch(/^The job's log says it ended CANCELED, then its status/);
      expect(sv.classifyFailure(followed.failureText!, session).problem).toBe('network-error');
      // The machine explains it (a classify effect), and quitting says so with exit 1.
      const state = {...initialState({cwd: dir}), step: 'run' as const};
      const next = transition(state, {
        type: 'job-finished',
        outcome: followed.outcome,
        failureText: followed.failureText!,
      });
      expect(next.effects).toEqual([{kind: 'classify', text: followed.failureText}]);
      expect(quitCode(next.state)).toBe(1);
      expect(quitLine({step: 'result', result: followed.outcome}, {wizard: 'npx hf-jobs-wizard --sandbox'})).toMatch(
        /^The Hub stopped answering while the job ran \(its log says CANCELED\)/,
      );
    } finally {
      await sandbox.close();
    }
  }, 60_000);
});
