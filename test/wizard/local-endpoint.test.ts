// The wizard on a sandbox reached by --endpoint (`hf-jobs-wizard sandbox start` in another terminal, then
// `hf-jobs-wizard --endpoint http://127.0.0.1:PORT`): jobs run on this machine for free, so the example is built as
// `example --endpoint` builds it (uv, python3 with huggingface_hub, or the Node twin: one answer, core/practice
// runsLocally), no spend confirmation is asked, and the next steps name that Hub again rather than huggingface.co.
import {describe, expect, it} from 'vitest';
import {WizardController} from '../../src/core/wizard/controller.js';
import {createServices} from '../../src/wizard/services/index.js';
import {useSandbox} from '../helpers/sandbox.js';
import {advance, logIn, useTempDirs} from '../helpers/wizard-flow.js';

const sb = useSandbox();
const tempDir = useTempDirs();

describe('the wizard on a local Hub given by --endpoint', () => {
  it(
    'runs the example as the sandbox runs it, without a spend confirmation, and keeps --endpoint in the next steps',
    {timeout: 60_000},
    async () => {
      const dir = await tempDir('wizard-local-endpoint-');
      const env = {HOME: dir, XDG_CACHE_HOME: `${dir}/cache`, HF_HOME: `${dir}/hf`, PATH: process.env.PATH};
      const services = createServices({env, cwd: dir, endpointFlag: sb.current.url, pollMs: 100});
      const controller = new WizardController(services, {cwd: dir, presetTarget: 'hub', hubEndpoint: sb.current.url});
      await advance(controller, {type: 'start'});
      expect(controller.getState().target).toMatchObject({kind: 'hub', endpoint: sb.current.url});
      await logIn(controller, services, sb.current.tokens.write, 'input');
      await advance(controller, {type: 'login-continue'}, {type: 'token-type-continue'}, {type: 'config-skip'});
      await advance(controller, {type: 'checklist-continue'});
      expect(controller.getState().example.preflight?.phase).toBe('done');
      await advance(controller, {type: 'run-example'});
      // No "Run it now? (y/n)": nothing is billed on this machine.
      expect(controller.getState().example.confirming).toBe(false);
      for (let i = 0; i < 300 && controller.getState().step !== 'result'; i++) {
        await new Promise((r) => setTimeout(r, 100));
        await controller.idle();
      }
      const state = controller.getState();
      expect(state.run.stage, state.run.logs.join('\n')).toBe('COMPLETED');
      // Built by the sandbox's runner choice: its opening log line names the runner (the hub path has no such line).
      expect(state.run.logs.join('\n')).toMatch(/runner|Node twin|uv|python3/);
      const jobs = await fetch(`${sb.current.url}/api/jobs/practice-user`, {
        headers: {authorization: `Bearer ${sb.current.tokens.write}`},
      }).then((r) => r.json() as Promise<{labels?: Record<string, string>}[]>);
      expect(jobs.at(-1)?.labels?.runner).toMatch(/^(python-uv|node-twin)$/);
      const next = state.result?.nextSteps.map((s) => s.command).join('\n') ?? '';
      expect(next).toContain(`--endpoint ${sb.current.url}`);
      expect(next).not.toContain('--sandbox');
      // The lessons on the same sandbox (a workshop's), not on learn's own.
      expect(next).toContain(`npx hf-jobs-wizard learn --endpoint ${sb.current.url}`);
    },
  );
});
