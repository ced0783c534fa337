// A resize that folds the checklist (passed checks collapse into one line) keeps the same item selected:
// the list selects by value, not by index (newcomer report #8).
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {initialState, transition} from '../../src/core/wizard/machine.js';
import type {CheckItem, WizardEvent, WizardState} from '../../src/core/wizard/types.js';
import {Checklist} from '../../src/ui/screens/Checklist.js';
import {KEYS, press, waitForText} from './helpers.js';

afterEach(() => cleanup());

function checklistState(): WizardState {
  const items: CheckItem[] = [
    ...Array.from({length: 6}, (_, i) => ({
      id: `ok-${i}`,
      status: 'pass' as const,
      title: `Check ${i} passes`,
      message: 'fine',
    })),
    {
      id: 'token-permission',
      status: 'fail',
      title: 'Token may push',
      message: 'read token',
      fix: 'Create a write token.',
      problem: 'forbidden-403',
    },
  ] as CheckItem[];
  let s = initialState({cwd: '/w'});
  for (const e of [
    {type: 'choose-target', target: 'sandbox'},
    {type: 'target-ready', target: {kind: 'sandbox', endpoint: 'http://127.0.0.1:9', practice: true}, examples: []},
    {type: 'checks-done', items},
  ] as WizardEvent[])
    s = transition(s, e).state;
  return {...s, step: 'checklist'};
}

describe('resize', () => {
  it('the highlighted item stays "Continue anyway" when the list folds on a short terminal', async () => {
    const app = render(<Checklist state={checklistState()} dispatch={() => {}} />);
    await waitForText(app.lastFrame, '❯ Continue anyway to the example job');
    expect(app.lastFrame()).toContain('Check 3 passes');
    Object.defineProperty(app.stdout, 'rows', {value: 20, configurable: true});
    app.stdout.emit('resize');
    // Under load a frame can lag behind a key or a resize: wait for the frame instead of a fixed delay.
    await waitForText(app.lastFrame, /✓ 6 passed \(a taller window lists them\)/);
    expect(app.lastFrame()).toContain('❯ Continue anyway to the example job');
    await press(app.stdin, KEYS.up);
    await waitForText(app.lastFrame, '❯ ✗ Token may push');
  });
});
