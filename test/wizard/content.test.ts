// Words the wizard prints when it stops or finishes: the step as the person saw it, commands that work as typed.
import {describe, expect, it} from 'vitest';
import {createdLine, stoppedLine, wizardCommand} from '../../src/core/wizard/content.js';

describe('stop and result wording', () => {
  it('q names the step title and a command that starts the wizard again on the same Hub', () => {
    const line = stoppedLine('config', wizardCommand({kind: 'sandbox', endpoint: 'http://127.0.0.1:1'}));
    expect(line).toMatch(/^Stopped at the Job config step\. Run npx hf-jobs-wizard --sandbox to start again/);
    expect(line).not.toContain('"config"');
    expect(wizardCommand({kind: 'hub', endpoint: 'https://hub.example'}, {endpointFlag: 'https://hub.example'})).toBe('npx hf-jobs-wizard --endpoint https://hub.example');
    expect(wizardCommand(undefined)).toBe('npx hf-jobs-wizard');
  });

  it('a repo that existed before the job is "added a commit to", not "created"', () => {
    expect(createdLine({repoExisted: true})).toBe('It added a commit to');
    expect(createdLine({repoExisted: false})).toBe('It created');
    expect(createdLine({})).toBe('It created');
  });
});
