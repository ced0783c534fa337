// The config step's line diff and the hf-job.json repair (token to secrets as HF_TOKEN), both pure.
import {describe, expect, it} from 'vitest';
import {repairConfig} from '../../src/core/wizard/config-repair.js';
import {compactDiff, diffStats, lineDiff} from '../../src/core/wizard/diff.js';
import {fixesFor} from '../../src/core/wizard/fixes.js';
import {parseJobConfig} from '../../src/core/jobspec/index.js';

const FALLBACK = {script: 'push_dataset.py', secrets: {HF_TOKEN: '$HF_TOKEN'}};
const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';

describe('lineDiff', () => {
  it('marks removed lines before added ones, keeps the rest', () => {
    expect(lineDiff('a\nb\nc\n', 'a\nB\nc\n')).toEqual(['  a', '- b', '+ B', '  c']);
  });
  it('a new file is all additions; an emptied file all removals; equal texts no change', () => {
    expect(lineDiff('', 'x\ny')).toEqual(['+ x', '+ y']);
    expect(lineDiff('x\ny\n', '')).toEqual(['- x', '- y']);
    expect(diffStats(lineDiff('same\n', 'same\n'))).toEqual({added: 0, removed: 0});
  });
  it('CRLF files compare equal to LF ones', () => {
    expect(diffStats(lineDiff('a\r\nb\r\n', 'a\nb\n'))).toEqual({added: 0, removed: 0});
  });
  it('compactDiff keeps changes with context and marks the gaps', () => {
    const before = Array.from({length: 12}, (_, i) => `l${i}`).join('\n');
    const after = before.replace('l6', 'L6');
    expect(compactDiff(lineDiff(before, after), 1)).toEqual(['  …', '  l5', '- l6', '+ L6', '  l7', '  …']);
  });
});

describe('repairConfig', () => {
  it('moves HF_TOKEN from env to secrets, keeping other env vars', () => {
    const r = repairConfig(JSON.stringify({script: 'a.py', env: {HF_TOKEN: '$HF_TOKEN', DEBUG: '1'}}), FALLBACK);
    if ('error' in r) throw new Error(r.error);
    const parsed = parseJobConfig(r.text);
    expect(parsed.ok && parsed.config).toEqual({script: 'a.py', env: {DEBUG: '1'}, secrets: {HF_TOKEN: '$HF_TOKEN'}});
    expect(r.changes.join(' ')).toMatch(/moved HF_TOKEN from "env"/);
  });
  it('renames a wrong secret key and adds a missing one', () => {
    const renamed = repairConfig(JSON.stringify({script: 'a.py', secrets: {TOKEN: '$HF_TOKEN'}}), FALLBACK);
    if ('error' in renamed) throw new Error(renamed.error);
    expect(JSON.parse(renamed.text).secrets).toEqual({HF_TOKEN: '$HF_TOKEN'});
    expect(renamed.changes[0]).toMatch(/renamed the secret TOKEN to HF_TOKEN/);
    const added = repairConfig(JSON.stringify({script: 'a.py'}), FALLBACK);
    if ('error' in added) throw new Error(added.error);
    expect(JSON.parse(added.text).secrets).toEqual({HF_TOKEN: '$HF_TOKEN'});
  });
  it('a token written in the file is replaced, never copied into the new text', () => {
    const r = repairConfig(JSON.stringify({script: 'a.py', secrets: {HF_TOKEN: FAKE}}), FALLBACK);
    if ('error' in r) throw new Error(r.error);
    expect(r.text).not.toContain(FAKE);
    expect(r.changes.join(' ')).toMatch(/revoke/);
  });
  it('a correct config comes back with no changes; unreadable text is an error, not a throw', () => {
    const ok = repairConfig(JSON.stringify({script: 'a.py', secrets: {HF_TOKEN: '$HF_TOKEN'}}), FALLBACK);
    expect('error' in ok ? ok.error : ok.changes).toEqual([]);
    const bad = repairConfig('{"script": ', FALLBACK);
    expect('error' in bad && bad.error).toMatch(/cannot be read/);
  });
});

describe('fixesFor', () => {
  it('the diagnosed cause decides the suggestion, listed first', () => {
    expect(fixesFor('forbidden-403', 'read-token', {hasTarget: true, loggedIn: true})).toEqual({
      actions: ['open-token-page', 're-login', 'retry', 'rerun-checks'],
      suggested: 'open-token-page',
    });
    expect(fixesFor('token-missing', 'wrong-secret-key', {hasTarget: true, loggedIn: true}).actions[0]).toBe(
      'rename-secret',
    );
  });
  it("on the sandbox an org's token policy offers no other login or token page: the org refuses every practice token", () => {
    const sandbox = fixesFor('org-token-policy', 'pending-approval', {hasTarget: true, loggedIn: true, sandbox: true});
    expect(sandbox.actions).toEqual(['retry', 'rerun-checks']);
    expect(fixesFor('org-token-policy', 'pending-approval', {hasTarget: true, loggedIn: true}).actions).toContain(
      'open-token-page',
    );
  });
  it('without a Hub (a pasted error) only log-in and the token page remain', () => {
    expect(fixesFor('token-missing', 'no-token-in-job', {hasTarget: false, loggedIn: false})).toEqual({
      actions: ['re-login'],
    });
  });
});
