// Words the wizard prints when it stops or finishes: the step as the person saw it, commands that work as typed.
import {describe, expect, it} from 'vitest';
import {createdLine, endedLine, quitLine, stoppedLine, wizardCommand} from '../../src/core/wizard/content.js';

describe('stop and result wording', () => {
  it('q names the step title and a command that starts the wizard again on the same Hub', () => {
    const line = stoppedLine('config', wizardCommand({kind: 'sandbox', endpoint: 'http://127.0.0.1:1'}));
    expect(line).toMatch(/^Stopped at the Job config step\. Run npx hf-jobs-wizard --sandbox to start again/);
    expect(line).not.toContain('"config"');
    expect(wizardCommand({kind: 'hub', endpoint: 'https://hub.example'}, {endpointFlag: 'https://hub.example'})).toBe(
      'npx hf-jobs-wizard --endpoint https://hub.example',
    );
    expect(wizardCommand(undefined)).toBe('npx hf-jobs-wizard');
  });

  it('a repo that existed before the job is "added a commit to", not "created"', () => {
    expect(createdLine({repoExisted: true})).toBe('It added a commit to');
    expect(createdLine({repoExisted: false})).toBe('It created');
    expect(createdLine({})).toBe('It created');
  });
});

describe('quitLine', () => {
  const cmds = {wizard: 'npx hf-jobs-wizard --sandbox', here: 'npx hf-jobs-wizard troubleshoot --sandbox'};
  it('says how to resume whatever ended the wizard short of a completed job, and nothing after one', () => {
    expect(quitLine({step: 'token-type'}, cmds)).toBe(
      'Stopped at the Token type step. Run npx hf-jobs-wizard --sandbox to start again: files already written are kept (shown as unchanged).',
    );
    expect(quitLine({step: 'result', result: {stage: 'CANCELED'}}, cmds)).toMatch(
      /^The job was cancelled\. Run npx hf-jobs-wizard --sandbox to start again/,
    );
    expect(quitLine({step: 'result', result: {stage: 'ERROR'}}, cmds)).toMatch(
      /^The job ended with ERROR\. Run npx hf-jobs-wizard --sandbox to try again/,
    );
    expect(quitLine({step: 'result', result: {stage: 'COMPLETED'}}, cmds)).toBeUndefined();
    // The Hub's cancel for credits is not "cancelled" by the person.
    expect(quitLine({step: 'result', result: {stage: 'CANCELED', cancelReason: 'NO_CREDITS'}}, cmds)).toMatch(
      /^The Hub canceled the job \(NO_CREDITS\): its namespace could not pay\. Run npx hf-jobs-wizard --sandbox/,
    );
  });
  it('endedLine: who canceled, and the Hub\'s message without a second "Canceled"', () => {
    expect(endedLine({stage: 'CANCELED', message: 'Canceled: out of credits', cancelReason: 'NO_CREDITS'})).toBe(
      'CANCELED by the Hub (cancel reason NO_CREDITS): out of credits',
    );
    expect(endedLine({stage: 'CANCELED'})).toBe('CANCELED');
    expect(endedLine({stage: 'ERROR', message: 'Job timeout'})).toBe('ERROR: Job timeout');
  });
  it('troubleshoot: nothing after its diagnosis, its own command at the paste box, the wizard once the person went on', () => {
    expect(quitLine({step: 'troubleshoot', troubleshootDone: true}, cmds)).toBeUndefined();
    expect(quitLine({step: 'troubleshoot'}, cmds)).toContain(
      'Run npx hf-jobs-wizard troubleshoot --sandbox to start again',
    );
    expect(quitLine({step: 'login', troubleshootDone: true}, cmds)).toContain(
      'Stopped at the Log in step. Run npx hf-jobs-wizard --sandbox',
    );
  });
});
