// Step 2's "How do you want to log in?" menu, shared by the Ink screen and the plain mode: which ways are offered,
// their words, which one is the default, and the event each one dispatches.
import {tokenPageUrl} from './machine.js';
import type {WizardEvent, WizardState} from './types.js';

export type LoginMethod = 'saved' | 'paste' | 'browser' | 'practice' | 'error';

export interface LoginChoice {
  value: LoginMethod;
  label: string;
  hint: string;
}

/** The ways to log in, in menu order. `maskInLabel` puts the saved token's mask in its label (plain mode shows no hints). */
export function loginChoices(state: WizardState, options: {maskInLabel?: boolean} = {}): LoginChoice[] {
  const {login, target} = state;
  const choices: LoginChoice[] = [];
  const saved = login.offer?.account;
  if (saved) {
    const kind = options.maskInLabel ? `${saved.kindLabel}, ${saved.masked}` : saved.kindLabel;
    const failed = login.afterFailure ? ' — the token that just failed' : '';
    choices.push({
      value: 'saved',
      label: `Continue as ${saved.user} (${kind})${failed}`,
      hint: `Token ${saved.masked} from ${login.offer!.sourceLabel}.`,
    });
  }
  if (target?.practice)
    choices.push({
      value: 'practice',
      label: 'Use a practice token (nothing to paste)',
      hint: 'The sandbox has write, read, fine-grained and expired tokens to try.',
    });
  choices.push({
    value: 'paste',
    label: 'Paste a token',
    // The sandbox's token page makes tokens only from the app's own link (its form key): the next screen shows it.
    hint:
      target?.practice && target.kind === 'sandbox'
        ? "Make one on the sandbox's token page (the next screen links it)."
        : `From ${tokenPageUrl(target?.endpoint)}`,
  });
  choices.push({
    value: 'browser',
    label: 'Log in with the browser',
    hint: 'You approve in the browser; no copy and paste.',
  });
  choices.push({
    value: 'error',
    label: 'I have an error message to troubleshoot',
    hint: 'Paste it: the wizard names the problem, checks your token, and offers fixes.',
  });
  return choices;
}

/** After a failure, the token that failed is not the default: another way to log in is. */
export function defaultLoginMethod(state: WizardState): LoginMethod | undefined {
  if (!state.login.afterFailure || !state.login.offer?.account) return undefined;
  return state.target?.practice ? 'practice' : 'paste';
}

/** The question above the menu. */
export function loginQuestion(state: WizardState): string {
  return state.login.offer ? 'How do you want to log in?' : 'No saved token was found. How do you want to log in?';
}

export function loginMethodEvent(method: LoginMethod): WizardEvent {
  if (method === 'saved') return {type: 'use-saved'};
  if (method === 'error') return {type: 'paste-error'};
  return {type: 'login-method', method};
}
