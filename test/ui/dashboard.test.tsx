// The token dashboard in the wizard's header, on request (s), against a real sandbox Hub: the same lines as
// `status` for the Hub in use (the saved login the config step wrote, its kind and who it is), never a whole token;
// s again hides it.
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {initialState, transition} from '../../src/core/wizard/machine.js';
import {App} from '../../src/ui/App.js';
import {useSandbox} from '../helpers/sandbox.js';
import {logIn, sandboxWizard, startWizard, throughConfig, useTempDirs} from '../helpers/wizard-flow.js';
import {press, waitForText} from './helpers.js';

const sb = useSandbox();
afterEach(() => cleanup());
const tempDir = useTempDirs();

describe('the token dashboard (reducer)', () => {
  it('s asks for it once a Hub is chosen, its lines replace the loading note, s again hides it', () => {
    const none = transition(initialState({cwd: '/x'}), {type: 'toggle-dashboard'});
    expect(none.effects).toEqual([]);
    expect(none.state.dashboard).toBeUndefined();
    const ready = transition(initialState({cwd: '/x'}), {
      type: 'target-ready',
      target: {kind: 'sandbox', endpoint: 'http://127.0.0.1:1', practice: true},
      examples: [],
    }).state;
    const asked = transition(ready, {type: 'toggle-dashboard'});
    expect(asked.effects).toEqual([{kind: 'dashboard'}]);
    expect(asked.state.dashboard).toEqual({phase: 'loading', lines: []});
    const shown = transition(asked.state, {type: 'dashboard-ready', lines: ['Endpoint:  http://127.0.0.1:1']}).state;
    expect(shown.dashboard).toEqual({phase: 'shown', lines: ['Endpoint:  http://127.0.0.1:1']});
    const hidden = transition(shown, {type: 'toggle-dashboard'});
    expect(hidden.state.dashboard).toBeUndefined();
    expect(hidden.effects).toEqual([]);
    // An answer after it was hidden does not bring it back.
    expect(transition(hidden.state, {type: 'dashboard-ready', lines: ['x']}).state.dashboard).toBeUndefined();
  });
});

describe('the token dashboard (Ink, real sandbox)', () => {
  it('after the config step saved the login, s shows it as status does: endpoint, account, masked token, saved tokens', async () => {
    const dir = await tempDir('wizard-dash-');
    const s = sb.current;
    const {services} = sandboxWizard(s, {dir, pollMs: 100});
    const controller = await startWizard(services, dir);
    await logIn(controller, services, s.tokens.write);
    await throughConfig(controller);
    const app = render(<App controller={controller} onExit={() => {}} />);
    await waitForText(app.lastFrame, 'No issues found.', 15_000);
    await press(app.stdin, 's');
    const frame = await waitForText(app.lastFrame, 'Saved tokens');
    expect(frame).toContain(`Endpoint:  ${s.url}`);
    expect(frame).toContain('Account:   practice-user');
    expect(frame).toMatch(/Token: +hf_…\w{4} from the saved login/);
    expect(frame).toContain('s hides this');
    for (const f of app.frames) expect(f).not.toContain(s.tokens.write);
    await press(app.stdin, 's');
    await waitForText(app.lastFrame, 'No issues found.');
    expect(app.lastFrame()).not.toContain('Saved tokens');
    await controller.dispose();
  }, 30_000);
});
