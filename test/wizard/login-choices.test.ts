// The login menu and the checklist's t key, decided in core for both faces (Ink and plain).
import {describe, expect, it} from 'vitest';
import {troubleshootCheckEvent} from '../../src/core/wizard/check-notes.js';
import {
  defaultLoginMethod,
  loginChoices,
  loginMethodEvent,
  loginQuestion,
} from '../../src/core/wizard/login-choices.js';
import {initialState} from '../../src/core/wizard/machine.js';
import type {Account, CheckItem, WizardState} from '../../src/core/wizard/types.js';

const account = {user: 'practice-user', kindLabel: 'read token (classic)', masked: 'hf_…abcd'} as Account;

function loginState(login: Partial<WizardState['login']>, practice = true): WizardState {
  const s = initialState({cwd: '/tmp'});
  return {
    ...s,
    target: {practice, endpoint: 'http://127.0.0.1:1'} as WizardState['target'],
    login: {...s.login, phase: 'choose', ...login},
  };
}

describe('login menu', () => {
  it('offers the saved token first; after it failed, it is labelled and another way is the default', () => {
    const s = loginState({offer: {account, sourceLabel: 'the saved login'}, afterFailure: true});
    const choices = loginChoices(s);
    expect(choices.map((c) => c.value)).toEqual(['saved', 'practice', 'paste', 'browser', 'error']);
    expect(choices[0]!.label).toBe('Continue as practice-user (read token (classic)) — the token that just failed');
    expect(loginChoices(s, {maskInLabel: true})[0]!.label).toContain('(read token (classic), hf_…abcd)');
    expect(defaultLoginMethod(s)).toBe('practice');
    expect(defaultLoginMethod(loginState({offer: {account, sourceLabel: 'x'}, afterFailure: true}, false))).toBe(
      'paste',
    );
    expect(defaultLoginMethod(loginState({offer: {account, sourceLabel: 'x'}}))).toBeUndefined();
  });

  it('no saved token: says so, and each way dispatches its event', () => {
    const s = loginState({}, false);
    expect(loginChoices(s).map((c) => c.value)).toEqual(['paste', 'browser', 'error']);
    expect(loginQuestion(s)).toBe('No saved token was found. How do you want to log in?');
    expect(loginMethodEvent('saved')).toEqual({type: 'use-saved'});
    expect(loginMethodEvent('error')).toEqual({type: 'paste-error'});
    expect(loginMethodEvent('browser')).toEqual({type: 'login-method', method: 'browser'});
  });
});

describe('t on a checklist line', () => {
  const items: CheckItem[] = [
    {id: 'a', status: 'fail', title: 'Token valid', message: '401', problem: 'unauthorized-401'},
    {id: 'b', status: 'pass', title: 'Logged in', message: 'ok'},
    {id: 'c', status: 'warn', title: 'No screen', message: 'hm'},
  ];
  it('opens the problem of a failed line, and says why not elsewhere', () => {
    expect(troubleshootCheckEvent(items, 'a')).toEqual({
      type: 'open-problem',
      problem: 'unauthorized-401',
      evidence: '401',
    });
    expect(troubleshootCheckEvent(items, 'b')).toEqual({
      type: 'notice',
      text: expect.stringContaining('"Logged in": it passed.'),
    });
    expect(troubleshootCheckEvent(items, 'c')).toEqual({
      type: 'notice',
      text: expect.stringContaining('has no troubleshooting screen'),
    });
    expect(troubleshootCheckEvent(items, undefined)).toEqual({
      type: 'notice',
      text: expect.stringContaining('move to a ✗ or ! line first'),
    });
  });
});
