// A token pasted into the wizard's error box over two lines (a wrapped terminal copy, a log with the token cut) is
// masked as the token it spells: in the draft kept for the box, in the evidence, and in the text the classifier
// reads, whose lines it shows one by one (each masked on its own showed both halves).
import {describe, expect, it} from 'vitest';
import {initialState, transition} from '../../src/core/wizard/machine.js';
import type {WizardEffect} from '../../src/core/wizard/types.js';

const TOKEN = 'hf_FAKEq3Rk9LmZ2xPw7TnB4vYc8HjD5s1234';
const TEXT = `HTTPError: 401 Client Error: Unauthorized\nAuthorization: Bearer ${TOKEN.slice(0, 12)}\n${TOKEN.slice(12)}\n`;

describe('a token cut by a line break in a pasted error', () => {
  it('is masked whole in the draft, the evidence and the text classified', () => {
    const start = initialState({cwd: '/w', startAt: 'paste-error'});
    const drafted = transition(start, {type: 'paste-draft', text: TEXT}).state;
    expect(drafted.troubleshoot.draft).toContain('Bearer hf_…1234');
    const {state, effects} = transition(drafted, {type: 'error-pasted', text: TEXT});
    expect(state.troubleshoot.evidence).toContain('Bearer hf_…1234');
    const classify = effects.find((e: WizardEffect) => e.kind === 'classify') as {text: string} | undefined;
    expect(classify?.text).toContain('Bearer hf_…1234');
    for (const text of [drafted.troubleshoot.draft, state.troubleshoot.evidence, classify?.text])
      expect(text).not.toContain(TOKEN.slice(12, 24));
  });
});
