// Long text wraps instead of being cut off (newcomer report #7): troubleshoot causes and the "Seen:" line, long paths,
// and no "… 1 more lines" hiding a single line. ink-testing-library draws 100 columns.
import {cleanup, render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {initialState, transition} from '../../src/core/wizard/machine.js';
import type {ExampleSummary, WizardEvent, WizardState} from '../../src/core/wizard/types.js';
import {linesToShow, moreLines} from '../../src/ui/format.js';
import {Config} from '../../src/ui/screens/Config.js';
import {Example} from '../../src/ui/screens/Example.js';
import {Troubleshoot} from '../../src/ui/screens/Troubleshoot.js';

afterEach(() => cleanup());
const flat = (s: string | undefined) => (s ?? '').replace(/[│╭╮╰╯─]/g, ' ').replace(/\s+/g, ' ');
const LONG_CAUSE = 'The token is fine-grained and is scoped to the user namespace only, so it lacks permission for the organization practice-org where the job pushes its dataset at the end';
const LONG_SEEN = 'huggingface_hub.errors.HfHubHTTPError: 403 Forbidden: Forbidden: you must use a write token to upload to a repository. Cannot access content at: https://huggingface.co/api/datasets/practice-org/x/commit/main';

function base(): WizardState {
  let s = initialState({cwd: '/w'});
  const example: ExampleSummary = {id: 'push-dataset', title: 'Push a dataset', summary: 'Pushes a CSV.', needs: 'a write token', scriptName: 'p.py', script: Array.from({length: 24}, (_, i) => `line ${i + 1}`).join('\n') + '\n', config: '{}\n', flavor: 'cpu-basic', snippets: []};
  for (const e of [{type: 'choose-target', target: 'sandbox'}, {type: 'target-ready', target: {kind: 'sandbox', endpoint: 'http://127.0.0.1:9', practice: true}, examples: [example]}] as WizardEvent[]) s = transition(s, e).state;
  return s;
}

describe('wrapping, not cutting', () => {
  it('Troubleshoot: every word of a long other cause, a long finding and the Seen line is on screen', () => {
    const s: WizardState = {...base(), step: 'troubleshoot', troubleshoot: {problem: 'forbidden-403', phase: 'done', evidence: LONG_SEEN,
      info: {id: 'forbidden-403', title: '403 Forbidden', symptoms: ['"403 Forbidden"'], causes: [{id: 'read-token', text: 'A read token', fix: 'Use a write token.'}, {id: 'scope', text: LONG_CAUSE, fix: 'Add the org.'}], solutions: [], verify: 'Run check.'},
      diagnosis: {cause: 'A read token', actual: {id: 'read-token', text: 'A read token', fix: 'Use a write token.'}, findings: [{status: 'fail', text: `Token role: read. ${LONG_CAUSE}`}], actions: ['re-login'], suggested: 're-login'}}};
    const {lastFrame} = render(<Troubleshoot state={s} dispatch={() => {}} />);
    const screen = flat(lastFrame());
    expect(screen).toContain(`Seen: ${LONG_SEEN}`);
    expect(screen).toContain(`2. ${LONG_CAUSE}`);
    expect(screen).toContain(`Token role: read. ${LONG_CAUSE}`);
    expect(lastFrame()).not.toContain('…');
  });

  it('Config: a long path is shown whole', () => {
    const path = `/home/someone/projects/${'a-rather-long-folder-name/'.repeat(4)}my-first-hf-job/hf-job.json`;
    const s: WizardState = {...base(), step: 'config', config: {phase: 'review', plan: {dir: '/x', files: [{path, role: 'job config', exists: false, unchanged: false, preview: ['{', '}']}]}}};
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
