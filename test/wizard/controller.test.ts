// The wizard's controller over FakeServices (no network: the Hub is not the point here): a pasted error is
// classified and diagnosed in one round trip, a diagnosis that arrives after the person moved on is dropped, and a
// practice login hands the state an account without a token.
import {describe, expect, it} from 'vitest';
import {WizardController} from '../../src/core/wizard/controller.js';
import type {WizardEvent} from '../../src/core/wizard/types.js';
import {fakeServices} from '../helpers/fake-services.js';

function recorded(controller: WizardController): WizardEvent[] {
  const seen: WizardEvent[] = [];
  const dispatch = controller.dispatch.bind(controller);
  controller.dispatch = (event: WizardEvent) => {
    seen.push(event);
    dispatch(event);
  };
  return seen;
}

describe('the wizard controller', () => {
  it('a pasted error: classified, then diagnosed, in one effect (one classify, one diagnose, no second trip)', async () => {
    const sv = fakeServices({problem: 'unauthorized-401'});
    const controller = new WizardController(sv, {cwd: '/x', startAt: 'paste-error'});
    const events = recorded(controller);
    controller.dispatch({type: 'start'});
    controller.dispatch({type: 'error-pasted', text: '401 Client Error: Unauthorized\nInvalid credentials'});
    await controller.idle();
    expect(sv.calls.filter((c) => c.startsWith('classifyFailure') || c.startsWith('diagnose'))).toEqual([
      'classifyFailure:401 Client Error: Unauthorized',
      'diagnose:unauthorized-401',
    ]);
    const types = events.map((e) => e.type);
    expect(types.slice(types.indexOf('error-pasted'))).toEqual(['error-pasted', 'classified', 'diagnosed']);
    const t = controller.getState().troubleshoot;
    expect(t.problem).toBe('unauthorized-401');
    expect(t.phase).toBe('done');
    expect(t.diagnosis?.cause).toBe('Diagnosed unauthorized-401.');
  });

  it('the problem shows before the live diagnosis ends; a diagnosis for a problem the person left is dropped', async () => {
    const sv = fakeServices();
    const controller = new WizardController(sv, {cwd: '/x', startAt: 'paste-error'});
    controller.dispatch({type: 'start'});
    sv.gate('diagnose:forbidden-403');
    controller.dispatch({type: 'error-pasted', text: '403 Forbidden'});
    for (let i = 0; i < 50 && controller.getState().troubleshoot.problem === undefined; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect(controller.getState().troubleshoot.problem).toBe('forbidden-403');
    expect(controller.getState().troubleshoot.phase).toBe('diagnosing');
    // The person opens another problem before the first diagnosis is back.
    controller.dispatch({type: 'open-problem', problem: 'rate-limited'});
    for (let i = 0; i < 50 && controller.getState().troubleshoot.phase !== 'done'; i++)
      await new Promise((r) => setTimeout(r, 5));
    expect(controller.getState().troubleshoot.diagnosis?.cause).toBe('Diagnosed rate-limited.');
    // Now the late one arrives: it must not replace what the person is looking at.
    sv.release('diagnose:forbidden-403');
    await controller.idle();
    const t = controller.getState().troubleshoot;
    expect(t.problem).toBe('rate-limited');
    expect(t.diagnosis?.cause).toBe('Diagnosed rate-limited.');
  });

  it('a practice login: the services validate it, the state and the events get the account without a token', async () => {
    const sv = fakeServices();
    const controller = new WizardController(sv, {cwd: '/x', presetTarget: 'sandbox'});
    const events = recorded(controller);
    controller.dispatch({type: 'start'});
    await controller.idle();
    controller.dispatch({type: 'login-method', method: 'practice'});
    controller.dispatch({type: 'practice-pick', label: 'write'});
    await controller.idle();
    expect(sv.calls).toContain('practiceLogin');
    expect(controller.getState().account?.tokenRef).toBe('token-1');
    expect(JSON.stringify(events)).not.toMatch(/hf_[A-Za-z]{20,}/);
  });
});
