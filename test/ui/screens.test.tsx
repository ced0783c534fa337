// Each screen rendered in its states, and keys driving its events (the reducer builds the states).
import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {initialState, transition} from '../../src/core/wizard/machine.js';
import type {Account, ExampleSummary, WizardEvent, WizardState} from '../../src/core/wizard/types.js';
import {MaskedInput} from '../../src/ui/components/MaskedInput.js';
import {Checklist} from '../../src/ui/screens/Checklist.js';
import {Config} from '../../src/ui/screens/Config.js';
import {Example} from '../../src/ui/screens/Example.js';
import {Login} from '../../src/ui/screens/Login.js';
import {Result} from '../../src/ui/screens/Result.js';
import {Run} from '../../src/ui/screens/Run.js';
import {TokenType} from '../../src/ui/screens/TokenType.js';
import {Troubleshoot} from '../../src/ui/screens/Troubleshoot.js';
import {Welcome} from '../../src/ui/screens/Welcome.js';
import {hintsFor} from '../../src/ui/App.js';
import {footerText} from '../../src/ui/keys.js';
import {KEYS, delay, press} from './helpers.js';

afterEach(() => cleanup());
const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';
const example: ExampleSummary = {
  id: 'push-dataset',
  title: 'Push a dataset',
  summary: 'Pushes a CSV.',
  needs: 'a write token',
  scriptName: 'push_dataset.py',
  script: 'import os\nprint(1)\n',
  config: '{"secrets": {"HF_TOKEN": "$HF_TOKEN"}}\n',
  flavor: 'cpu-basic',
  snippets: [{label: 'hf CLI', language: 'sh', text: 'hf jobs uv run --secrets HF_TOKEN push_dataset.py'}],
};
const account: Account = {
  user: 'practice-user',
  kind: 'read',
  kindLabel: 'read token (classic)',
  info: {
    user: 'practice-user',
    kind: 'read',
    role: 'read',
    storageName: 'r',
    scopes: [],
    globalPermissions: [],
    canReadGatedRepos: true,
    orgs: [],
  },
  source: 'input',
  sourceLabel: 'pasted',
  masked: 'hf_…ke12',
  permissions: ['Can read.'],
  storageName: 'r',
  tokenRef: 'token-1',
};

function state(...events: WizardEvent[]): WizardState {
  let s = initialState({cwd: '/w'});
  for (const e of [
    {type: 'choose-target', target: 'sandbox'} as WizardEvent,
    {
      type: 'target-ready',
      target: {kind: 'sandbox', endpoint: 'http://127.0.0.1:9', practice: true},
      examples: [example],
    } as WizardEvent,
    ...events,
  ])
    s = transition(s, e).state;
  return s;
}
/** `--sandbox`: no welcome step, the login menu is the first screen. */
function sandboxLogin(): WizardState {
  let s = initialState({cwd: '/w', presetTarget: 'sandbox'});
  for (const e of [
    {type: 'start'} as WizardEvent,
    {
      type: 'target-ready',
      target: {kind: 'sandbox', endpoint: 'http://127.0.0.1:9', practice: true},
      examples: [example],
    } as WizardEvent,
    {type: 'token-detected'} as WizardEvent,
  ])
    s = transition(s, e).state;
  return s;
}
function mount(
  Screen: (p: {state: WizardState; dispatch: (e: WizardEvent) => void}) => React.ReactNode,
  s: WizardState,
) {
  const dispatch = vi.fn<(e: WizardEvent) => void>();
  const app = render(<Screen state={s} dispatch={dispatch} />);
  return {...app, dispatch};
}

describe('screens', () => {
  it('Welcome: preselects the sandbox; ↓ Enter picks huggingface.co', async () => {
    const {lastFrame, stdin, dispatch} = mount(Welcome, initialState({cwd: '/w'}));
    expect(lastFrame()).toContain('❯ The built-in sandbox Hub (free, offline)');
    await delay();
    await press(stdin, KEYS.down, KEYS.enter);
    expect(dispatch).toHaveBeenCalledWith({type: 'choose-target', target: 'hub'});
  });

  it('Login: offers the saved token first, then practice, paste and browser', async () => {
    const {lastFrame, stdin, dispatch} = mount(
      Login,
      state({type: 'token-detected', offer: {account, sourceLabel: 'the saved login'}}),
    );
    expect(lastFrame()).toContain('❯ Continue as practice-user (read token (classic))');
    expect(lastFrame()).toContain('Use a practice token');
    await delay();
    await press(stdin, 'j', 'j', KEYS.enter);
    expect(dispatch).toHaveBeenCalledWith({type: 'login-method', method: 'paste'});
  });

  it('Login paste: dots and a character count, never the text; ⌫ deletes; a paste with a newline submits', async () => {
    const {lastFrame, stdin, dispatch} = mount(
      Login,
      state({type: 'token-detected'}, {type: 'login-method', method: 'paste'}),
    );
    expect(lastFrame()).toContain('right-click pastes');
    await delay();
    await press(stdin, 'h');
    expect(lastFrame()).toContain('• (1 character)');
    await press(stdin, 'f_ab', KEYS.backspace);
    expect(lastFrame()).toContain('•••• (4 characters)');
    await press(stdin, 'cd\n');
    expect(dispatch).toHaveBeenCalledWith({type: 'paste-submit', value: 'hf_acd'});
    expect(lastFrame()).not.toContain('hf_a');
  });

  it('MaskedInput: long tokens stay on one line', async () => {
    const onSubmit = vi.fn();
    const {lastFrame, stdin} = render(<MaskedInput onSubmit={onSubmit} />);
    await delay();
    await press(stdin, FAKE);
    expect(lastFrame()).toContain(`(${FAKE.length} characters)`);
    expect(lastFrame()).not.toContain('FAKE');
    await press(stdin, KEYS.enter);
    expect(onSubmit).toHaveBeenCalledWith(FAKE);
  });

  it('TokenType: the four kinds (org legacy), the verdict, o opens the token page', async () => {
    const s = state(
      {type: 'token-detected'},
      {type: 'validated', account},
      {type: 'login-continue'},
      {type: 'goal-evaluated', verdict: {ok: false, explanation: 'This is a read token: it cannot push.'}},
    );
    const {lastFrame, stdin, dispatch} = mount(TokenType, s);
    const frame = lastFrame() ?? '';
    for (const kind of ['read', 'write', 'fine-grained', 'org token']) expect(frame).toContain(kind);
    expect(frame).toContain('legacy');
    expect(frame).toContain('✗ Your token does not fit. This is a read token');
    await delay();
    await press(stdin, 'o');
    expect(dispatch).toHaveBeenCalledWith({type: 'open-token-page'});
    await press(stdin, KEYS.enter);
    expect(dispatch).toHaveBeenCalledWith({type: 'token-type-continue'});
  });

  it('Config: lists the files with paths and a diff for an existing one; Enter confirms', async () => {
    const s = state(
      {type: 'token-detected'},
      {type: 'validated', account},
      {type: 'login-continue'},
      {type: 'token-type-continue'},
      {
        type: 'config-planned',
        plan: {
          dir: '/w/d',
          files: [
            {
              path: '/w/d/hf-job.json',
              role: 'job config',
              exists: true,
              unchanged: false,
              diff: ['  {', '- "env": {"HF_TOKEN": "hf_…ke12"}', '+ "secrets": {"HF_TOKEN": "$HF_TOKEN"}', '  }'],
              preview: [],
            },
            {path: '/w/d/push_dataset.py', role: 'script', exists: false, unchanged: false, preview: ['a', 'b']},
          ],
        },
      },
    );
    const {lastFrame, stdin, dispatch} = mount(Config, s);
    expect(lastFrame()).toContain('/w/d/hf-job.json');
    expect(lastFrame()).toContain('+ "secrets": {"HF_TOKEN": "$HF_TOKEN"}');
    expect(lastFrame()).toContain('exists: changes below');
    expect(lastFrame()).toContain('❯ Write 2 files');
    await delay();
    await press(stdin, KEYS.enter);
    expect(dispatch).toHaveBeenCalledWith({type: 'config-confirm'});
  });

  it('Checklist: pass/fail lines, a fix line, t opens troubleshooting of the highlighted failure, r re-runs', async () => {
    const s = state({
      type: 'checks-done',
      items: [
        {id: 'logged-in', status: 'pass', title: 'Logged in', message: 'ok'},
        {
          id: 'token-permission',
          status: 'fail',
          title: 'Token may: push a dataset',
          message: 'read token',
          fix: 'Create a write token.',
          problem: 'forbidden-403',
        },
      ],
    });
    const {lastFrame, stdin, dispatch} = mount(Checklist, {...s, step: 'checklist'});
    expect(lastFrame()).toContain('✓ Logged in');
    expect(lastFrame()).toContain('✗ Token may: push a dataset: Create a write token.');
    expect(lastFrame()).toContain('1 failed.');
    await delay();
    await press(stdin, KEYS.up); // from "Continue" to the failed check
    await press(stdin, 't');
    expect(dispatch).toHaveBeenCalledWith({type: 'open-problem', problem: 'forbidden-403', evidence: 'read token'});
    await press(stdin, 'r');
    expect(dispatch).toHaveBeenCalledWith({type: 'rerun-checks'});
  });

  it('Example: views switch with →, c copies, Enter runs; on huggingface.co y confirms', async () => {
    const s = state();
    const {lastFrame, stdin, dispatch} = mount(Example, {...s, step: 'example'});
    expect(lastFrame()).toContain('import os');
    await delay();
    await press(stdin, KEYS.right);
    expect(dispatch).toHaveBeenCalledWith({type: 'example-view', view: 'config'});
    await press(stdin, 'c');
    expect(dispatch).toHaveBeenCalledWith({type: 'copy', label: 'hf-job.json', text: example.config}); // the tab asked for, even before the state re-renders
    await press(stdin, KEYS.enter);
    expect(dispatch).toHaveBeenCalledWith({type: 'run-example'});
    cleanup();
    const hub = mount(Example, {
      ...s,
      step: 'example',
      example: {view: 'hf CLI', confirming: true, price: 'CPU Basic: $0.01 per hour'},
    });
    expect(hub.lastFrame()).toContain('hf jobs uv run --secrets HF_TOKEN');
    expect(hub.lastFrame()).toContain('$0.01 per hour');
    await delay();
    await press(hub.stdin, 'y');
    expect(hub.dispatch).toHaveBeenCalledWith({type: 'confirm-run', yes: true});
  });

  it('Example: shows hf-job.json as written in my-first-hf-job/ once it is read, not the built-in example', () => {
    const written = {...example, config: '{"timeout": "7m"}\n', flavor: 'cpu-upgrade'};
    const s = state(
      {type: 'checklist-continue'},
      {type: 'example-view', view: 'config'},
      {type: 'written-job', job: written},
    );
    const {lastFrame} = mount(Example, s);
    expect(lastFrame()).toContain('{"timeout": "7m"}');
    expect(lastFrame()).not.toContain('"$HF_TOKEN"');
  });

  it('Run: stage with elapsed time; the cancel question takes y/n', async () => {
    const s = {
      ...state(),
      step: 'run' as const,
      run: {
        phase: 'running' as const,
        job: {id: 'abc', namespace: 'u', url: 'http://x/jobs/u/abc'},
        stage: 'RUNNING',
        startedAt: Date.now() - 3000,
        logs: [],
        confirmCancel: true,
      },
    };
    const {lastFrame, stdin, dispatch} = mount(Run, s);
    expect(lastFrame()).toMatch(/RUNNING: Running… \(3s\)/);
    expect(lastFrame()).toContain('Cancel the job on the Hub? (y/n)');
    await delay();
    await press(stdin, 'n');
    expect(dispatch).toHaveBeenCalledWith({type: 'cancel-answer', yes: false});
  });

  it('Run: once the job reached a final stage the spinner and the clock stop (no turning while the result is read)', async () => {
    const at = Date.now();
    const s = {
      ...state(),
      step: 'run' as const,
      run: {
        phase: 'running' as const,
        job: {id: 'abc', namespace: 'u', url: 'http://x/jobs/u/abc'},
        stage: 'COMPLETED',
        startedAt: at - 5000,
        stageAt: at,
        logs: ['done'],
        confirmCancel: false,
      },
    };
    const {lastFrame, frames} = mount(Run, s);
    expect(lastFrame()).toContain('✓ COMPLETED: Completed after 5s');
    expect(lastFrame()).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
    const drawn = frames.length;
    await delay(350);
    // A spinner draws a new frame every 100 ms; a finished job's line is drawn once.
    expect(frames.length).toBe(drawn);
    const failed = mount(Run, {...s, run: {...s.run, stage: 'ERROR'}});
    expect(failed.lastFrame()).toContain('✗ ERROR: Failed after 5s');
    // Nothing left to cancel: the footer does not offer it and Esc does not ask.
    expect(footerText(hintsFor(s))).toBe('? help');
    expect(transition(s, {type: 'request-cancel'}).state.run.confirmCancel).toBe(false);
    expect(footerText(hintsFor({...s, run: {...s.run, stage: 'RUNNING'}}))).toContain('Esc/Ctrl-C cancel the job');
  });

  it('Result: success shows what was created and next steps', async () => {
    const s = {
      ...state(),
      step: 'result' as const,
      result: {
        stage: 'COMPLETED',
        created: 'http://x/datasets/u/d',
        nextSteps: [{what: 'Learn the rest', command: 'npx hf-jobs-wizard learn'}],
      },
    };
    const {lastFrame, stdin, dispatch} = mount(Result, s);
    expect(lastFrame()).toContain('✓ COMPLETED');
    expect(lastFrame()).toContain('http://x/datasets/u/d');
    expect(lastFrame()).toContain('• Learn the rest:');
    expect(lastFrame()).toContain('npx hf-jobs-wizard learn');
    await delay();
    await press(stdin, KEYS.enter);
    expect(dispatch).toHaveBeenCalledWith({type: 'result-continue'});
  });

  it('Troubleshoot: symptoms, causes, the diagnosed cause highlighted, the suggested fix first', async () => {
    const s = {
      ...state({type: 'token-detected'}),
      step: 'troubleshoot' as const,
      troubleshoot: {
        problem: 'forbidden-403' as const,
        phase: 'done' as const,
        evidence: '403 Forbidden: nope',
        info: {
          id: 'forbidden-403' as const,
          title: '403 Forbidden',
          symptoms: ['"403 Forbidden"'],
          causes: [
            {id: 'read-token', text: 'A read token', fix: 'Use a write token.'},
            {id: 'org-role', text: 'Org role', fix: 'Ask.'},
          ],
          solutions: [],
          verify: 'Run check.',
        },
        diagnosis: {
          cause: 'A read token',
          actual: {id: 'read-token', text: 'A read token', fix: 'Use a write token.'},
          findings: [{status: 'bad' as const, text: 'Token role: read'}],
          actions: ['open-token-page' as const, 're-login' as const],
          suggested: 'open-token-page' as const,
        },
      },
    };
    const {lastFrame, stdin, dispatch} = mount(Troubleshoot, s);
    expect(lastFrame()).toContain('Seen: 403 Forbidden: nope');
    expect(lastFrame()).toContain('→ 1. A read token (this is it)');
    // A cause that wraps keeps its marker's space, and its second row is indented under its text.
    const long = 'A read token was used to push, create a repo or run a Job, which only a write token may do '.repeat(
      2,
    );
    const wrapped = mount(Troubleshoot, {
      ...s,
      troubleshoot: {
        ...s.troubleshoot,
        info: {...s.troubleshoot.info, causes: [{id: 'read-token', text: long.trim(), fix: 'Use a write token.'}]},
      },
    });
    expect(wrapped.lastFrame()).toMatch(/→ 1\. A read token was used/);
    expect(wrapped.lastFrame()).toMatch(/\n {2}read token was used to push/);
    expect(lastFrame()).toContain('Fix: Use a write token.');
    expect(lastFrame()).toContain('❯ Open the token page in your browser  (suggested)');
    await delay();
    await press(stdin, KEYS.enter);
    expect(dispatch).toHaveBeenCalledWith({type: 'fix', action: 'open-token-page'});
  });

  it('Welcome with --sandbox, while the sandbox starts: what is about to happen (7 steps), no menu that vanishes', () => {
    const starting = transition(initialState({cwd: '/w', presetTarget: 'sandbox'}), {type: 'start'}).state;
    expect(starting.step).toBe('welcome');
    const {lastFrame} = mount(Welcome, starting);
    expect(lastFrame()).toContain('About 2 minutes, 7 steps: log in');
    expect(lastFrame()).not.toContain('Where do you want to practise?');
  });

  it('footer: Esc is offered only where it goes somewhere, never on the first screen', () => {
    expect(footerText(hintsFor(initialState({cwd: '/w'})))).toBe('↑↓/j k move · Enter select · q quit · ? help');
    const preset = sandboxLogin();
    expect(preset.step).toBe('login');
    expect(footerText(hintsFor(preset))).toBe('↑↓/j k move · Enter select · q quit · ? help');
    const pasting = transition(preset, {type: 'login-method', method: 'paste'}).state;
    expect(footerText(hintsFor(pasting))).toContain('Esc back');
  });

  it('Login, back from a way to log in (Esc): the intro is there and the cursor is on the way picked last', async () => {
    const back = (s: WizardState, ...events: WizardEvent[]) =>
      [...events, {type: 'back'} as WizardEvent].reduce((acc, e) => transition(acc, e).state, s);
    const fromPaste = back(sandboxLogin(), {type: 'login-method', method: 'paste'});
    const {lastFrame} = mount(Login, fromPaste);
    await delay();
    expect(lastFrame()).toContain('This wizard takes you from a Hugging Face account');
    expect(lastFrame()).toContain('❯ Paste a token');
    cleanup();
    // Logged in with a pasted token, then "Use another token": the intro is still there, the cursor on Paste.
    const pasted = transition(sandboxLogin(), {type: 'login-method', method: 'paste'}).state;
    const other = back({...pasted, account, login: {...pasted.login, phase: 'done'}});
    const again = mount(Login, other);
    await delay();
    expect(again.lastFrame()).toContain('This wizard takes you from a Hugging Face account');
    expect(again.lastFrame()).toContain('❯ Paste a token');
  });

  it('footer: typing disables letter keys; running offers cancel', () => {
    expect(footerText(hintsFor(state({type: 'token-detected'})))).toBe(
      '↑↓/j k move · Enter select · Esc back · q quit · ? help',
    );
    expect(footerText(hintsFor(state({type: 'token-detected'}, {type: 'login-method', method: 'paste'})))).toBe(
      'Enter check the token · Ctrl-U clear · Esc back · Ctrl-C quit',
    );
  });
});
