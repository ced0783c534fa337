// "Run the job again" is offered only once this wizard has run (or tried to submit) the job: from the checklist or
// a refused pre-flight nothing has run, and the action would submit a job the pre-flight just said would be refused.
import {describe, expect, it} from 'vitest';
import {getProblem} from '../../src/core/troubleshoot/catalog.js';
import {initialState, transition} from '../../src/core/wizard/machine.js';
import {wizardReport} from '../../src/core/wizard/troubleshoot-report.js';
import type {WizardEvent, WizardState} from '../../src/core/wizard/types.js';

function troubleshooting(...before: WizardEvent[]): WizardState {
  let s = initialState({cwd: '/w'});
  const p = getProblem('server-error');
  for (const e of [
    {type: 'choose-target', target: 'sandbox'},
    {type: 'target-ready', target: {kind: 'sandbox', endpoint: 'http://127.0.0.1:9', practice: true}, examples: []},
    ...before,
    {type: 'open-problem', problem: 'server-error', evidence: '500 Internal Server Error'},
    {type: 'classified', problem: 'server-error', info: {...p, causes: [...p.causes]}},
    {
      type: 'diagnosed',
      diagnosis: {cause: 'transient', findings: [], actions: ['retry', 'rerun-checks'], suggested: 'retry'},
    },
  ] as WizardEvent[])
    s = transition(s, e).state;
  return s;
}

describe('the troubleshooting report offers "Run the job again" only after a run', () => {
  it('nothing ran yet: no retry, and it is not the suggested fix', () => {
    const r = wizardReport(troubleshooting())!;
    expect(r.actions.map((a) => a.id)).toEqual(['rerun-checks']);
    expect(r.actions.some((a) => a.suggested)).toBe(false);
  });

  it('a job was submitted: retry is there, suggested', () => {
    const job = {id: 'a'.repeat(24), namespace: 'practice-user', url: 'x'};
    const r = wizardReport(troubleshooting({type: 'job-submitted', job, at: 0}))!;
    expect(r.actions.find((a) => a.id === 'retry')?.suggested).toBe(true);
  });
});
