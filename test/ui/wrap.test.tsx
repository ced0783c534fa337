// Long text wraps instead of being cut off (newcomer report #7): troubleshoot causes and the "Seen:" line, long paths,
// and no "… 1 more lines" hiding a single line. ink-testing-library draws 100 columns.
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {initialState, transition} from '../../src/core/wizard/machine.js';
import type {ExampleSummary, WizardEvent, WizardState} from '../../src/core/wizard/types.js';
import {linesToShow, moreLines} from '../../src/ui/format.js';
import {Config} from '../../src/ui/screens/Config.js';
import {Example} from '../../src/ui/screens/Example.js';
import {Troubleshoot} from '../../src/ui/screens/Troubleshoot.js';
import {delay, KEYS, press} from './helpers.js';

afterEach(() => cleanup());
const flat = (s: string | undefined) => (s ?? '').replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
const LONG_CAUSE =
  'The token is fine-grained and is scoped to the user namespace only, so it lacks permission for the organization practice-org where the job pushes its dataset at the end';
const LONG_SEEN =
  'huggingface_hub.errors.HfHubHTTPError: 403 Forbidden: Forbidden: you must use a write token to upload to a repository. Cannot access content at: https://huggingface.co/api/datasets/practice-org/x/commit/main';

function base(): WizardState {
  let s = initialState({cwd: '/w'});
  const example: ExampleSummary = {
    id: 'push-dataset',
    title: 'Push a dataset',
    summary: 'Pushes a CSV.',
    needs: 'a write token',
    scriptName: 'p.py',
    script: Array.from({length: 24}, (_, i) => `line ${i + 1}`).join('\n') + '\n',
    config: '{}\n',
    flavor: 'cpu-basic',
    snippets: [],
  };
  for (const e of [
    {type: 'choose-target', target: 'sandbox'},
    {
      type: 'target-ready',
      target: {kind: 'sandbox', endpoint: 'http://127.0.0.1:9', practice: true},
      examples: [example],
    },
  ] as WizardEvent[])
    s = transition(s, e).state;
  return s;
}

describe('wrapping, not cutting', () => {
  it('Troubleshoot: every word of a long other cause, a long finding and the Seen line is on screen', () => {
    const s: WizardState = {
      ...base(),
      step: 'troubleshoot',
      troubleshoot: {
        problem: 'forbidden-403',
        phase: 'done',
        evidence: LONG_SEEN,
        info: {
          id: 'forbidden-403',
          title: '403 Forbidden',
          symptoms: ['"403 Forbidden"'],
          causes: [
            {id: 'read-token', text: 'A read token', fix: 'Use a write token.'},
            {id: 'scope', text: LONG_CAUSE, fix: 'Add the org.'},
          ],
          solutions: [],
          verify: 'Run check.',
        },
        diagnosis: {
          cause: 'A read token',
          actual: {id: 'read-token', text: 'A read token', fix: 'Use a write token.'},
          findings: [{status: 'bad', text: `Token role: read. ${LONG_CAUSE}`}],
          actions: ['re-login'],
          suggested: 're-login',
        },
      },
    };
    const {lastFrame} = render(<Troubleshoot state={s} dispatch={() => {}} />);
    const screen = flat(lastFrame());
    expect(screen).toContain(`Seen: ${LONG_SEEN}`);
    expect(screen).toContain(`2. ${LONG_CAUSE}`);
    expect(screen).toContain(`Token role: read. ${LONG_CAUSE}`);
    expect(lastFrame()).not.toContain('…');
  });

  it('Config: a long path is shown whole', () => {
    const path = `/home/someone/projects/${'a-rather-long-folder-name/'.repeat(4)}my-first-hf-job/hf-job.json`;
    const s: WizardState = {
      ...base(),
      step: 'config',
      config: {
        phase: 'review',
        plan: {dir: '/x', files: [{path, role: 'job config', exists: false, unchanged: false, preview: ['{', '}']}]},
      },
    };
    const {lastFrame} = render(<Config state={s} dispatch={() => {}} />);
    expect(flat(lastFrame()).replace(/ /g, '')).toContain(path);
  });

  it('never hides a single line; "1 more line" / "N more lines"', () => {
    expect(linesToShow(15, 14)).toBe(15);
    expect(linesToShow(16, 14)).toBe(14);
    expect(moreLines(1)).toBe('… 1 more line');
    expect(moreLines(3)).toBe('… 3 more lines');
    expect(moreLines(1, 'above')).toBe('… 1 line above');
    const {lastFrame} = render(<Example state={{...base(), step: 'example'}} dispatch={() => {}} />);
    expect(lastFrame()).toMatch(/… \d+ more lines \(c copies all of it\)|line 24/);
  });
});

describe('login and checklist wording', () => {
  it('after a failure the saved (failed) token is named as such and not preselected; expired says expired', async () => {
    const {Login} = await import('../../src/ui/screens/Login.js');
    const account = {
      user: 'practice-user',
      kind: 'read',
      kindLabel: 'read token (classic)',
      info: {
        user: 'practice-user',
        kind: 'read',
        storageName: 'r',
        scopes: [],
        globalPermissions: [],
        canReadGatedRepos: true,
        orgs: [],
      },
      source: 'practice',
      sourceLabel: 'practice token',
      masked: 'hf_…ke12',
      permissions: [],
      storageName: 'r',
      tokenRef: 'token-1',
    } as WizardState['account'];
    let s = transition(base(), {type: 'fix', action: 're-login'}).state;
    s = transition(s, {type: 'token-detected', offer: {account: account!, sourceLabel: 'the saved login'}}).state;
    const {lastFrame} = render(<Login state={s} dispatch={() => {}} />);
    expect(lastFrame()).toContain('  Continue as practice-user (read token (classic)) — the token that just failed');
    expect(lastFrame()).toContain('❯ Use a practice token');
    cleanup();
    const practice = render(
      <Login state={{...s, login: {...s.login, phase: 'practice', lastPractice: 'expired'}}} dispatch={() => {}} />,
    );
    expect(practice.lastFrame()).toContain('Expired: past its expiry date');
    expect(practice.lastFrame()).not.toContain('Revoked');
  });

  it('checklist: Enter adds what was checked and why, the not-applicable checks are named, t on a passed line says so', async () => {
    const {Checklist} = await import('../../src/ui/screens/Checklist.js');
    const items = [
      {id: 'logged-in', status: 'pass', title: 'Logged in', message: 'Token hf_…ke12 from your saved login.'},
      {
        id: 'literal-placeholder',
        status: 'skip',
        title: '"$HF_TOKEN" only where it is filled in',
        message: 'No job submissions found.',
      },
    ] as const;
    let s = transition(base(), {type: 'checks-done', items: [...items]}).state;
    s = {...s, step: 'checklist', checklist: {...s.checklist, expanded: 'logged-in'}};
    const dispatch = vi.fn();
    const app = render(<Checklist state={s} dispatch={dispatch} />);
    const frame = flat(app.lastFrame());
    expect(frame).toContain('Checked: Whether a token is in effect here');
    expect(frame).toContain('Why it matters:');
    expect(frame).toContain('Not applicable here: "$HF_TOKEN" only where it is filled in.');
    await delay();
    await press(app.stdin, KEYS.up, 't'); // from "Continue" up to "Logged in" (passed)
    expect(dispatch).toHaveBeenCalledWith({
      type: 'notice',
      text: expect.stringContaining('Nothing to troubleshoot on "Logged in": it passed.'),
    });
  });
});
