// The token stays inside the services' session (issue 11): the wizard's state, every event it dispatched and every
// effect it ran hold the account's masked form and a handle, never the token; the services still act with it
// (whoami, the saved login, the job's HF_TOKEN secret), and a text quoting it is masked by value.
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {redactSecrets} from '../../src/core/tokens/mask.js';
import {WizardController} from '../../src/core/wizard/controller.js';
import type {WizardEvent} from '../../src/core/wizard/types.js';
import {useSandbox} from '../helpers/sandbox.js';
import {sandboxWizard, throughConfig, useTempDirs} from '../helpers/wizard-flow.js';

const sb = useSandbox();
const tempDir = useTempDirs();

describe("the token stays in the services' session", () => {
  it(
    'a practice login: the state and the events carry only the mask; config and the saved login still get the token',
    {timeout: 30_000},
    async () => {
      const dir = await tempDir('wizard-vault-');
      const s = sb.current;
      const {sandboxEnv: sbEnv, services} = sandboxWizard(s, {dir});
      const controller = new WizardController(services, {cwd: dir, presetTarget: 'sandbox'});
      const seen: WizardEvent[] = [];
      const dispatch = controller.dispatch.bind(controller);
      controller.dispatch = (event: WizardEvent) => {
        seen.push(event);
        dispatch(event);
      };
      controller.dispatch({type: 'start'});
      await controller.idle();
      controller.dispatch({type: 'login-method', method: 'practice'});
      controller.dispatch({type: 'practice-pick', label: 'write'});
      await controller.idle();
      const state = controller.getState();
      expect(state.account?.user).toBe('practice-user');
      expect(state.account?.masked).toBe(`hf_…${s.tokens.write.slice(-4)}`);
      expect(state.account?.tokenRef).toMatch(/^token-\d+$/);
      expect(JSON.stringify(state)).not.toContain(s.tokens.write);
      expect(JSON.stringify(seen)).not.toContain(s.tokens.write);

      // The services act with it: the config step saves the real token (0600 file), and the job's secret is the token.
      await throughConfig(controller);
      const saved = await readFile(join(sbEnv.HF_HOME!, 'token'), 'utf8');
      expect(saved.trim()).toBe(s.tokens.write);
      expect(JSON.stringify(controller.getState())).not.toContain(s.tokens.write);

      // Anything that quotes it is masked by value (a registered secret), whatever surrounds it.
      expect(redactSecrets(`token=${s.tokens.write}x`)).not.toContain(s.tokens.write);
    },
  );
});
