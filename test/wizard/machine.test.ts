// The wizard reducer: every step's transitions, Esc back without losing answers, and the effects each event asks for.
import {describe, expect, it} from 'vitest';
import {initialState, quitCode, transition} from '../../src/core/wizard/machine.js';
import {preflightTokenProblem, runChoices} from '../../src/core/wizard/preflight.js';
import type {Account, ExampleSummary, PreflightReport, WizardEvent, WizardState} from '../../src/core/wizard/types.js';
import {FAKE_ACCOUNT} from '../helpers/fake-services.js';

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';
const example: ExampleSummary = {
  id: 'push-dataset',
  title: 'Push a dataset',
  summary: 's',
  needs: 'write',
  scriptName: 'a.py',
  script: 'print(1)\n',
  config: '{}\n',
  flavor: 'cpu-basic',
  snippets: [],
};
const account: Account = {...FAKE_ACCOUNT, source: 'input', sourceLabel: 'pasted'};

function run(state: WizardState, ...events: WizardEvent[]) {
  let s = state;
  let effects: ReturnType<typeof transition>['effects'] = [];
  for (const e of events) ({state: s, effects} = transition(s, e));
  return {state: s, effects};
}

const ready: WizardEvent = {
  type: 'target-ready',
  target: {kind: 'sandbox', endpoint: 'http://127.0.0.1:1', practice: true},
  examples: [example],
};

describe('welcome', () => {
  it('preselects the sandbox without a saved token, huggingface.co with one', () => {
    expect(initialState({cwd: '/x'}).welcome.choice).toBe('sandbox');
    expect(initialState({cwd: '/x', hasSavedToken: true}).welcome.choice).toBe('hub');
  });
  it('the busy line names the Hub being prepared: the sandbox, the --endpoint host, or huggingface.co', () => {
    const busy = (opts: Parameters<typeof initialState>[0]) => run(initialState(opts), {type: 'start'}).state.busy;
    expect(busy({cwd: '/x', presetTarget: 'sandbox'})).toBe('Starting the sandbox Hub');
    expect(busy({cwd: '/x', presetTarget: 'hub', hubEndpoint: 'http://127.0.0.1:4567/'})).toBe(
      'Connecting to 127.0.0.1:4567',
    );
    expect(busy({cwd: '/x', presetTarget: 'hub'})).toBe('Connecting to huggingface.co');
  });
  it('a preset target skips the choice and starts preparing it; Esc from login does not land on welcome', () => {
    const {state, effects} = run(initialState({cwd: '/x', presetTarget: 'sandbox'}), {type: 'start'});
    expect(effects).toEqual([{kind: 'prepare-target', target: 'sandbox'}]);
    expect(state.busy).toMatch(/sandbox/);
    const after = run(state, ready, {type: 'token-detected'}, {type: 'back'}).state;
    expect(after.step).toBe('login');
  });
  it('choosing a target prepares it, then login detects a saved token', () => {
    const s0 = initialState({cwd: '/x'});
    expect(run(s0, {type: 'start'}).effects).toEqual([]);
    const chosen = run(s0, {type: 'choose-target', target: 'hub'});
    expect(chosen.effects).toEqual([{kind: 'prepare-target', target: 'hub'}]);
    const {state, effects} = run(chosen.state, ready);
    expect(state.step).toBe('login');
    expect(state.goal).toBe('push-dataset');
    expect(effects).toEqual([{kind: 'detect-token'}]);
    expect(run(state, {type: 'back'}).state.step).toBe('welcome');
  });
});

describe('login', () => {
  const atLogin = run(initialState({cwd: '/x'}), {type: 'choose-target', target: 'sandbox'}, ready, {
    type: 'token-detected',
  }).state;

  it('offers the saved token and continues as that account', () => {
    const s = run(
      atLogin,
      {type: 'token-detected', offer: {account, sourceLabel: 'the saved login'}},
      {type: 'use-saved'},
    ).state;
    expect(s.login.phase).toBe('done');
    expect(s.account?.user).toBe('practice-user');
    const next = run(s, {type: 'login-continue'});
    expect(next.state.step).toBe('token-type');
    expect(next.effects).toEqual([{kind: 'evaluate-goal'}]);
  });

  it('Esc out of a browser login waiting for approval stops it and gives the menu its keys back', () => {
    const waiting = run(
      atLogin,
      {type: 'login-method', method: 'browser'},
      {type: 'browser-code', url: 'http://127.0.0.1:1/verify', code: 'ABCD-EFGH'},
    ).state;
    expect(waiting.busy).toBeTruthy();
    const back = run(waiting, {type: 'back'});
    expect(back.state.login.phase).toBe('choose');
    expect(back.state.busy).toBeUndefined();
    expect(back.state.login.browser).toBeUndefined();
    expect(back.effects).toEqual([{kind: 'cancel-browser-login'}]);
  });

  it('rejects a malformed paste with a reason and stays on the paste box', () => {
    const s = run(atLogin, {type: 'login-method', method: 'paste'}, {type: 'paste-submit', value: 'hf_xxx'});
    expect(s.state.login.phase).toBe('paste');
    expect(s.state.error).toMatch(/placeholder/);
    expect(s.effects).toEqual([]);
  });

  it('cleans a pasted token (newline, HF_TOKEN=) and validates it', () => {
    const s = run(
      atLogin,
      {type: 'login-method', method: 'paste'},
      {type: 'paste-submit', value: `HF_TOKEN=${FAKE}\n`},
    );
    expect(s.state.login.phase).toBe('validating');
    expect(s.effects).toEqual([{kind: 'validate-token', token: FAKE, source: 'input'}]);
    expect(JSON.stringify({...s.state, login: s.state.login, busy: s.state.busy})).not.toContain(FAKE);
  });

  it('a refused token returns to where it came from with the message', () => {
    const pasted = run(
      atLogin,
      {type: 'login-method', method: 'paste'},
      {type: 'paste-submit', value: FAKE},
      {type: 'login-failed', message: 'Invalid user token.'},
    ).state;
    expect(pasted.login.phase).toBe('paste');
    expect(pasted.error).toBe('Invalid user token.');
    const practice = run(
      atLogin,
      {type: 'login-method', method: 'practice'},
      {type: 'practice-pick', label: 'expired'},
      {type: 'login-failed', message: '401'},
    ).state;
    expect(practice.login.phase).toBe('practice');
    expect(practice.login.lastPractice).toBe('expired');
  });

  it('Esc from a method goes back to the choice; browser login asks for a code', () => {
    expect(run(atLogin, {type: 'login-method', method: 'paste'}, {type: 'back'}).state.login.phase).toBe('choose');
    const b = run(atLogin, {type: 'login-method', method: 'browser'});
    expect(b.effects).toEqual([{kind: 'browser-login'}]);
    expect(run(b.state, {type: 'browser-code', url: 'http://x/device', code: 'ABCD-1234'}).state.login.browser).toEqual(
      {url: 'http://x/device', code: 'ABCD-1234'},
    );
  });
});

function atStep(step: 'token-type' | 'config' | 'checklist' | 'example'): WizardState {
  let s = run(
    initialState({cwd: '/x'}),
    {type: 'choose-target', target: 'sandbox'},
    ready,
    {type: 'token-detected'},
    {type: 'validated', account},
    {type: 'login-continue'},
  ).state;
  if (step === 'token-type') return s;
  s = run(
    s,
    {type: 'goal-evaluated', verdict: {ok: true, explanation: 'fine'}},
    {type: 'token-type-continue'},
    {type: 'config-planned', plan: {dir: '/x/d', files: []}},
  ).state;
  if (step === 'config') return s;
  s = run(s, {type: 'config-confirm'}, {type: 'config-written', files: ['/x/d/hf-job.json']}).state;
  if (step === 'checklist') return s;
  return run(s, {type: 'checks-done', items: []}, {type: 'checklist-continue'}, {type: 'preflight-done', report: PASS})
    .state;
}

const PASS: PreflightReport = {
  verdict: 'pass',
  lines: [{id: 'auth-check', status: 'pass', message: 'The Hub confirms this token may run jobs in practice-user.'}],
};
const WARN: PreflightReport = {
  verdict: 'warn',
  lines: [
    {
      id: 'billing',
      status: 'warn',
      message: 'The Hub did not say whether your account can pay for Jobs.',
      fix: 'Check /settings/billing before a long job.',
    },
  ],
};
const FAIL: PreflightReport = {
  verdict: 'fail',
  lines: [
    {id: 'auth-check', status: 'pass', message: 'ok'},
    {
      id: 'billing',
      status: 'fail',
      message: 'Your account cannot pay for Jobs.',
      fix: 'Add credits or a payment method at /settings/billing.',
    },
  ],
};
const TOKEN_FAIL: PreflightReport = {
  verdict: 'fail',
  lines: [
    {
      id: 'token-namespace',
      status: 'fail',
      message: 'A read token cannot run jobs.',
      fix: 'Use a token with job.write on practice-user.',
    },
  ],
};

describe('pre-flight before Run', () => {
  const opening = () => {
    const s = atStep('example');
    return run({...s, step: 'checklist', history: s.history.slice(0, -1)}, {type: 'checklist-continue'});
  };
  it('opening the example asks pre-flight (and the price on huggingface.co); its answer is kept for the screen', () => {
    const {state, effects} = opening();
    expect(state.step).toBe('example');
    expect(state.example.preflight).toEqual({phase: 'running'});
    expect(effects).toEqual([{kind: 'preflight'}]);
    const hub = run(
      {...atStep('checklist'), target: {kind: 'hub', endpoint: 'https://huggingface.co', practice: false}},
      {type: 'checks-done', items: []},
      {type: 'checklist-continue'},
    );
    expect(hub.effects).toEqual([{kind: 'preflight'}, {kind: 'fetch-price'}]);
    expect(run(state, {type: 'preflight-done', report: WARN}).state.example.preflight).toEqual({
      phase: 'done',
      report: WARN,
    });
  });
  it('Run while pre-flight is still asking waits for it, then runs on pass or warn', () => {
    const waiting = run(opening().state, {type: 'run-example'});
    expect(waiting.effects).toEqual([]);
    expect(waiting.state.busy).toMatch(/^Pre-flight/);
    expect(waiting.state.step).toBe('example');
    const warned = run(waiting.state, {type: 'preflight-done', report: WARN});
    expect(warned.state.step).toBe('run');
    expect(warned.effects).toEqual([{kind: 'submit-job'}]);
  });
  it('a failed pre-flight stops Run with its fix and submits nothing, even when the answer comes after Run', () => {
    const done = run(opening().state, {type: 'preflight-done', report: FAIL}, {type: 'run-example'});
    expect(done.effects).toEqual([]);
    expect(done.state.step).toBe('example');
    expect(done.state.error).toMatch(
      /^Not submitted: pre-flight found a problem .*Add credits or a payment method at \/settings\/billing\.$/,
    );
    const late = run(opening().state, {type: 'run-example'}, {type: 'preflight-done', report: FAIL});
    expect(late.effects).toEqual([]);
    expect(late.state.step).toBe('example');
    expect(late.state.busy).toBeUndefined();
    expect(late.state.error).toMatch(/^Not submitted/);
  });
  it('on huggingface.co a passed pre-flight still asks to confirm the spend', () => {
    const hub = {
      ...atStep('example'),
      target: {kind: 'hub' as const, endpoint: 'https://huggingface.co', practice: false},
    };
    const asked = run(hub, {type: 'run-example'});
    expect(asked.state.example.confirming).toBe(true);
    expect(asked.effects).toEqual([]);
  });
  it('pre-flight that could not be run does not block: the Hub decides at submit', () => {
    const s = run(
      opening().state,
      {type: 'preflight-done', error: 'the Hub did not answer in 10 s'},
      {type: 'run-example'},
    );
    expect(s.effects).toEqual([{kind: 'submit-job'}]);
  });
  it('check again asks anew; a token failure offers another login, a billing one does not', () => {
    const failed = run(opening().state, {type: 'preflight-done', report: FAIL}, {type: 'run-example'}).state;
    const again = run(failed, {type: 'rerun-preflight'});
    expect(again.effects).toEqual([{kind: 'preflight'}]);
    expect(again.state.example.preflight).toEqual({phase: 'running'});
    expect(again.state.error).toBeUndefined();
    expect(preflightTokenProblem(failed)).toBe(false);
    expect(preflightTokenProblem(run(failed, {type: 'preflight-done', report: TOKEN_FAIL}).state)).toBe(true);
  });
  it('the choices instead of Run: billing opens payment-required, a token failure offers another login first', () => {
    expect(runChoices(atStep('example')).map((c) => c.value)).toEqual(['run']);
    const billing = run(opening().state, {type: 'preflight-done', report: FAIL}).state;
    expect(runChoices(billing).map((c) => c.value)).toEqual(['why', 'recheck']);
    expect(runChoices(billing)[0]!.event).toEqual({
      type: 'open-problem',
      problem: 'payment-required',
      evidence: 'Your account cannot pay for Jobs.',
    });
    const token = run(opening().state, {type: 'preflight-done', report: TOKEN_FAIL}).state;
    expect(runChoices(token).map((c) => [c.value, c.event.type])).toEqual([
      ['relogin', 'fix'],
      ['why', 'open-problem'],
      ['recheck', 'rerun-preflight'],
    ]);
    const why = run(token, runChoices(token)[1]!.event);
    expect(why.effects).toEqual([{kind: 'load-problem', problem: 'forbidden-403'}]);
  });
  it('an answer arriving after Esc left the example does not start the job', () => {
    const waiting = run(opening().state, {type: 'run-example'}, {type: 'back'}).state;
    expect(waiting.step).toBe('checklist');
    const s = run(waiting, {type: 'preflight-done', report: PASS});
    expect(s.effects).toEqual([]);
    expect(s.state.step).toBe('checklist');
  });
});

describe('token type, config, checklist', () => {
  it('changing the goal drops the old verdict and re-evaluates', () => {
    const s = run(
      atStep('token-type'),
      {type: 'goal-evaluated', verdict: {ok: false, explanation: 'no'}},
      {type: 'choose-goal', goal: 'token-check'},
    );
    expect(s.state.verdict).toBeUndefined();
    expect(s.state.goal).toBe('token-check');
    expect(s.effects).toEqual([{kind: 'evaluate-goal'}]);
  });
  it('opens the token page with a write preset', () => {
    expect(run(atStep('token-type'), {type: 'open-token-page'}).effects).toEqual([
      {kind: 'open-url', url: 'http://127.0.0.1:1/settings/tokens/new?tokenType=write'},
    ]);
  });
  it('with least-privilege advice, the token page is the one for exactly the job; a new goal drops the old advice', () => {
    const url = 'http://127.0.0.1:1/settings/tokens/new?tokenType=fineGrained&ownUserPermissions=job.write&key=k';
    const advised = run(atStep('token-type'), {
      type: 'token-advice',
      advice: {
        url,
        scopes: 'job.write on practice-user',
        fit: {enough: true, broader: true, advice: 'more than needed'},
      },
    });
    expect(advised.state.tokenAdvice?.fit?.broader).toBe(true);
    expect(run(advised.state, {type: 'open-token-page'}).effects).toEqual([{kind: 'open-url', url}]);
    const other = run(advised.state, {type: 'choose-goal', goal: 'token-check'});
    expect(other.state.tokenAdvice).toBeUndefined();
    expect(other.effects).toEqual([{kind: 'evaluate-goal'}]);
  });
  it('writes only after confirmation, then runs the checks', () => {
    const s = atStep('config');
    expect(s.config.phase).toBe('review');
    const confirmed = run(s, {type: 'config-confirm'});
    expect(confirmed.effects).toEqual([{kind: 'write-config'}]);
    const written = run(confirmed.state, {type: 'config-written', files: ['a']});
    expect(written.state.step).toBe('checklist');
    expect(written.effects).toEqual([{kind: 'run-checks'}]);
    expect(run(s, {type: 'config-skip'}).state.config.phase).toBe('skipped');
  });
  it('checks arrive one by one, expand on Enter, re-run, and a failure opens its problem', () => {
    const s = run(
      atStep('checklist'),
      {type: 'check-result', item: {id: 'logged-in', status: 'pass', title: 'Logged in', message: 'ok'}},
      {
        type: 'check-result',
        item: {id: 'token-permission', status: 'fail', title: 'Perm', message: 'read token', problem: 'forbidden-403'},
      },
    ).state;
    expect(s.checklist.items.map((i) => i.id)).toEqual(['logged-in', 'token-permission']);
    const expanded = run(s, {type: 'toggle-check', id: 'token-permission'}).state;
    expect(expanded.checklist.expanded).toBe('token-permission');
    expect(run(expanded, {type: 'back'}).state.checklist.expanded).toBeUndefined();
    const rerun = run(s, {type: 'rerun-checks'});
    expect(rerun.state.checklist).toEqual({phase: 'running', items: []});
    expect(rerun.state.history).toEqual(s.history);
    const problem = run(s, {type: 'open-problem', problem: 'forbidden-403', evidence: 'read token'});
    expect(problem.effects).toEqual([{kind: 'load-problem', problem: 'forbidden-403'}]);
    const shown = run(problem.state, {
      type: 'classified',
      problem: 'forbidden-403',
      info: {id: 'forbidden-403', title: 't', symptoms: [], causes: [], solutions: [], verify: 'v'},
    });
    expect(shown.state.step).toBe('troubleshoot');
    expect(shown.state.troubleshoot.returnTo).toBe('checklist');
    // The diagnosis comes within the same effect (no second round trip through the machine).
    expect(shown.effects).toEqual([]);
    expect(run(shown.state, {type: 'back'}).state.step).toBe('checklist');
  });
  it('Esc keeps answers: back from config to token type keeps the goal and account', () => {
    const s = run(atStep('config'), {type: 'back'}).state;
    expect(s.step).toBe('token-type');
    expect(s.goal).toBe('push-dataset');
    expect(s.account?.user).toBe('practice-user');
  });
});

describe('example, run, result', () => {
  it('the sandbox runs at once; huggingface.co asks to confirm the price first', () => {
    expect(run(atStep('example'), {type: 'run-example'}).effects).toEqual([{kind: 'submit-job'}]);
    const hub = {
      ...atStep('example'),
      target: {kind: 'hub' as const, endpoint: 'https://huggingface.co', practice: false},
    };
    const asked = run(hub, {type: 'run-example'});
    expect(asked.state.example.confirming).toBe(true);
    expect(asked.effects).toEqual([]);
    expect(run(asked.state, {type: 'confirm-run', yes: false}).state.step).toBe('example');
    expect(run(asked.state, {type: 'confirm-run', yes: true}).state.step).toBe('run');
  });
  it('streams, and COMPLETED ends on the result', () => {
    const s = run(
      atStep('example'),
      {type: 'run-example'},
      {type: 'job-submitted', job: {id: 'j1', namespace: 'u', url: 'http://x/jobs/u/j1'}, at: 1},
      {type: 'job-stage', stage: 'RUNNING', at: 2},
      {type: 'job-log', line: 'hello'},
      {
        type: 'job-finished',
        outcome: {
          stage: 'COMPLETED',
          nextSteps: [{what: 'x', command: 'npx hf-jobs-wizard x'}],
          created: 'http://x/datasets/u/d',
        },
      },
    );
    expect(s.state.step).toBe('result');
    expect(s.state.run.logs).toEqual(['hello']);
    expect(s.effects).toEqual([]);
    expect(run(s.state, {type: 'result-continue'}).effects).toEqual([{kind: 'exit', code: 0}]);
  });
  it('the step to the real hf is offered only after a completed sandbox job; its lines stream in, then its view', () => {
    const ran = run(
      atStep('example'),
      {type: 'run-example'},
      {type: 'job-submitted', job: {id: 'j1', namespace: 'u', url: 'u'}, at: 1},
    );
    const done = run(ran.state, {
      type: 'job-finished',
      outcome: {stage: 'COMPLETED', sandbox: true, nextSteps: []},
    }).state;
    const asked = run(done, {type: 'real-tools'});
    expect(asked.effects).toEqual([{kind: 'real-tools'}]);
    expect(asked.state.realTools?.phase).toBe('running');
    expect(asked.state.busy).toMatch(/hf/);
    expect(run(asked.state, {type: 'real-tools'}).effects).toEqual([]);
    const streamed = run(asked.state, {type: 'real-tools-log', line: 'Job started'}).state;
    expect(streamed.realTools?.lines).toEqual(['Job started']);
    const view = {
      phase: 'done' as const,
      exportLines: ['export HF_TOKEN=hf_…ke12'],
      commands: ['hf jobs uv run x.py'],
      realHubCommands: [],
      lines: ['Job started'],
    };
    const finished = run(streamed, {type: 'real-tools-done', view}).state;
    expect(finished.realTools).toEqual(view);
    expect(finished.busy).toBeUndefined();
    const hub = run(ran.state, {type: 'job-finished', outcome: {stage: 'COMPLETED', nextSteps: []}}).state;
    expect(run(hub, {type: 'real-tools'}).effects).toEqual([]);
    const failed = run(ran.state, {
      type: 'job-finished',
      outcome: {stage: 'ERROR', sandbox: true, nextSteps: []},
      failureText: 'x',
    }).state;
    expect(run(failed, {type: 'real-tools'}).effects).toEqual([]);
  });
  it('Esc while running asks to cancel; yes cancels', () => {
    const running = run(
      atStep('example'),
      {type: 'run-example'},
      {type: 'job-submitted', job: {id: 'j1', namespace: 'u', url: 'u'}, at: 1},
    ).state;
    const asked = run(running, {type: 'back'}).state;
    expect(asked.run.confirmCancel).toBe(true);
    expect(asked.step).toBe('run');
    expect(run(asked, {type: 'cancel-answer', yes: false}).state.run.confirmCancel).toBe(false);
    expect(run(asked, {type: 'cancel-answer', yes: true}).effects).toEqual([{kind: 'cancel-job'}]);
  });
  it('a cancel request is taken only while the job is submitting or running', () => {
    const example = atStep('example');
    expect(run(example, {type: 'request-cancel'}).state.run.confirmCancel).toBeFalsy();
    const running = run(
      example,
      {type: 'run-example'},
      {type: 'job-submitted', job: {id: 'j1', namespace: 'u', url: 'u'}, at: 1},
    ).state;
    const asked = run(running, {type: 'request-cancel'});
    expect(asked.state.run.confirmCancel).toBe(true);
    expect(asked.effects).toEqual([]);
    const cancelling = run(asked.state, {type: 'cancel-answer', yes: true}).state;
    expect(cancelling.run.phase).toBe('cancelling');
    expect(cancelling.busy).toBe('Cancelling the job');
    const finished = run(cancelling, {type: 'job-finished', outcome: {stage: 'CANCELED', nextSteps: []}}).state;
    expect(finished.step).toBe('result');
    expect(run(finished, {type: 'request-cancel'}).state.run.confirmCancel).toBe(false);
  });
  it('a failed job is classified from its log; a refused submit opens its problem directly', () => {
    const base = run(
      atStep('example'),
      {type: 'run-example'},
      {type: 'job-submitted', job: {id: 'j1', namespace: 'u', url: 'u'}, at: 1},
    ).state;
    const failed = run(base, {
      type: 'job-finished',
      outcome: {stage: 'ERROR', nextSteps: []},
      failureText: '403 Forbidden',
    });
    expect(failed.effects).toEqual([{kind: 'classify', text: '403 Forbidden'}]);
    const refused = run(
      atStep('example'),
      {type: 'run-example'},
      {type: 'submit-failed', message: '403 Forbidden: read token', problem: 'forbidden-403'},
    );
    expect(refused.state.result?.stage).toBe('ERROR');
    expect(refused.effects).toEqual([{kind: 'load-problem', problem: 'forbidden-403'}]);
  });
  it('a job the Hub canceled for credits (cancel reason NO_CREDITS) is classified and quits 1; a cancel of your own is not', () => {
    const base = run(
      atStep('example'),
      {type: 'run-example'},
      {type: 'job-submitted', job: {id: 'j1', namespace: 'practice-credits-run-out', url: 'u'}, at: 1},
    ).state;
    const text = 'Job ended CANCELED: Canceled: out of credits (cancel reason NO_CREDITS)';
    const billed = run(base, {
      type: 'job-finished',
      outcome: {stage: 'CANCELED', message: 'Canceled: out of credits', cancelReason: 'NO_CREDITS', nextSteps: []},
      failureText: text,
    });
    expect(billed.effects).toEqual([{kind: 'classify', text}]);
    expect(quitCode(billed.state)).toBe(1);
    const own = run(base, {type: 'job-finished', outcome: {stage: 'CANCELED', nextSteps: []}});
    expect(own.effects).toEqual([]);
    expect(quitCode(own.state)).toBe(0);
  });
  it('troubleshooting fixes lead back into the flow', () => {
    const s = atStep('example');
    const relogin = run(s, {type: 'fix', action: 're-login'});
    expect(relogin.state).toMatchObject({step: 'login', login: {phase: 'detecting'}});
    expect(relogin.effects).toEqual([{kind: 'detect-token'}]);
    expect(run(s, {type: 'fix', action: 'rewrite-config'}).effects).toEqual([{kind: 'plan-config', rewrite: true}]);
    expect(run(s, {type: 'fix', action: 'retry'}).effects).toEqual([{kind: 'submit-job'}]);
    expect(run(s, {type: 'fix', action: 'rerun-checks'}).effects).toEqual([{kind: 'run-checks'}]);
  });
  it('q quits with 0 (quitting by choice), and Finish is 1 only after a job that failed', () => {
    // README: 0 ok or quit by choice, 1 a check or job failed, 130 Ctrl-C.
    expect(run(atStep('example'), {type: 'quit'}).effects).toEqual([{kind: 'exit', code: 0}]);
    expect(quitCode({result: {stage: 'CANCELED', nextSteps: []}})).toBe(0);
    expect(quitCode({result: {stage: 'COMPLETED', nextSteps: []}})).toBe(0);
    expect(quitCode({result: {stage: 'ERROR', nextSteps: []}})).toBe(1);
    expect(
      run({...atStep('example'), result: {stage: 'ERROR', nextSteps: []}}, {type: 'result-continue'}).effects,
    ).toEqual([{kind: 'exit', code: 1}]);
  });
});

describe('Esc around the paste box keeps the text', () => {
  const info = {id: 'unauthorized-401' as const, title: '401', symptoms: [], causes: [], solutions: [], verify: ''};
  it('`troubleshoot` on its own: Esc on the result goes back to the paste box with the pasted text to edit', () => {
    const start = initialState({cwd: '/w', startAt: 'paste-error'});
    const {state} = run(
      start,
      {type: 'error-pasted', text: 'HTTP 401 Unauthorized'},
      {type: 'classified', problem: 'unauthorized-401', info},
      {type: 'diagnosed', diagnosis: {cause: 'x', findings: [], actions: []}},
    );
    expect(state.troubleshoot.phase).toBe('done');
    const back = run(state, {type: 'back'}).state;
    expect(back.step).toBe('troubleshoot');
    expect(back.troubleshoot.phase).toBe('paste');
    expect(back.troubleshoot.draft).toBe('HTTP 401 Unauthorized');
  });

  it('in the wizard: Esc out of the paste box, then back into it, and the text is still there', () => {
    const s0 = run(initialState({cwd: '/w'}), {type: 'choose-target', target: 'sandbox'}, ready, {
      type: 'token-detected',
    }).state;
    const inBox = run(
      s0,
      {type: 'paste-error'},
      {type: 'paste-draft', text: 'Traceback (most recent call last):'},
    ).state;
    const out = run(inBox, {type: 'back'}).state;
    expect(out.step).toBe('login');
    const again = run(out, {type: 'paste-error'}).state;
    expect(again.troubleshoot.phase).toBe('paste');
    expect(again.troubleshoot.draft).toBe('Traceback (most recent call last):');
  });
});

describe('confusions from the newcomer report', () => {
  it('--sandbox skips the welcome step: the first screen is Step 1/7, not Step 2/8', async () => {
    const {stepCounter} = await import('../../src/core/wizard/machine.js');
    const preset = initialState({cwd: '/w', presetTarget: 'sandbox'});
    expect(stepCounter({...preset, step: 'login'})).toEqual({n: 1, total: 7});
    expect(stepCounter({...preset, step: 'result'})).toEqual({n: 7, total: 7});
    expect(stepCounter({...initialState({cwd: '/w'}), step: 'login'})).toEqual({n: 2, total: 8});
  });

  it('one confirmation: "Continue as …" and a practice pick go straight to the token type, saying who is logged in', () => {
    const s0 = run(initialState({cwd: '/w'}), {type: 'choose-target', target: 'sandbox'}, ready, {
      type: 'token-detected',
      offer: {account, sourceLabel: 'the saved login'},
    }).state;
    const saved = run(s0, {type: 'use-saved'});
    expect(saved.state.step).toBe('token-type');
    expect(saved.state.notice).toBe('✓ Logged in as practice-user with a write token (classic) (hf_…ke12, pasted).');
    expect(saved.effects).toEqual([{kind: 'evaluate-goal'}]);
    const practice = run(
      s0,
      {type: 'login-method', method: 'practice'},
      {type: 'practice-pick', label: 'write'},
      {type: 'validated', account},
    ).state;
    expect(practice.step).toBe('token-type');
    const pasted = run(
      s0,
      {type: 'login-method', method: 'paste'},
      {type: 'paste-submit', value: FAKE},
      {type: 'validated', account},
    ).state;
    expect(pasted.step).toBe('login'); // a pasted token is shown once before going on
  });

  it('"Log in again" after a failure marks the login so the failed token is not preselected', () => {
    const s0 = run(initialState({cwd: '/w'}), {type: 'choose-target', target: 'sandbox'}, ready).state;
    const again = run(
      s0,
      {type: 'fix', action: 're-login'},
      {type: 'token-detected', offer: {account, sourceLabel: 'the saved login'}},
    ).state;
    expect(again.login.phase).toBe('choose');
    expect(again.login.afterFailure).toBe(true);
  });
});
