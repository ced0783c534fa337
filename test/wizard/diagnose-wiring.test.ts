// The wizard's troubleshooting uses one wording per Hub: the catalog entry shown, the classification and the live
// diagnosis all take the session's endpoint (sandbox: its practice tokens), and the diagnosis reads the pasted
// text / job log and the example's repo with its type.
import {describe, expect, it} from 'vitest';
import {getProblem} from '../../src/core/troubleshoot/index.js';
import type {Session} from '../../src/core/wizard/services.js';
import {useSandbox} from '../helpers/sandbox.js';
import {sandboxWizard, useTempDirs} from '../helpers/wizard-flow.js';

const sb = useSandbox();
const tempDir = useTempDirs();

async function services() {
  const dir = await tempDir('wizard-diag-');
  const sv = sandboxWizard(sb.current, {dir}).services;
  const {target} = await sv.prepareTarget('sandbox');
  return {sv, target, dir};
}

describe('troubleshooting wired to the session', () => {
  it('a read token on the sandbox: the screen and the diagnosis give the same fix, in sandbox words', async () => {
    const {sv, target, dir} = await services();
    const valid = await sv.validateToken(target, sb.current.tokens.read, 'input');
    if (!valid.ok) throw new Error(valid.message);
    const session: Session = {target, account: valid.account, exampleId: 'push-dataset', cwd: dir};
    const info = sv.problemInfo('forbidden-403', session);
    const d = await sv.diagnose(
      session,
      'forbidden-403',
      '403 Forbidden: You don\'t have the rights to create a dataset under the namespace "practice-user"',
    );
    expect(d.actual).toBeDefined();
    const shown = info.causes.find((c) => c.id === d.actual!.id);
    expect(shown?.fix).toBe(d.actual!.fix);
    // Every fix on the screen is the sandbox's wording (some differ from huggingface.co's).
    expect(info.causes.map((c) => c.fix)).toEqual(
      getProblem('forbidden-403', target.endpoint).causes.map((c) => c.fix),
    );
    expect(info.causes.map((c) => c.fix)).not.toEqual(getProblem('forbidden-403').causes.map((c) => c.fix));
    // The real site's settings page is not where a sandbox token comes from.
    expect(d.actual!.fix).not.toContain('huggingface.co/settings');
    const classified = sv.classifyFailure('huggingface_hub.errors.HfHubHTTPError: 403 Forbidden', session);
    expect(classified.problem).toBe('forbidden-403');
  });

  it('the pasted text reaches the diagnosis: "Invalid credentials" with no token here points to an invalid token', async () => {
    const {sv, target, dir} = await services();
    const session: Session = {target, cwd: dir, detached: true};
    const without = await sv.diagnose(session, 'unauthorized-401');
    const withText = await sv.diagnose(
      session,
      'unauthorized-401',
      '401 Client Error: Unauthorized\n{"error":"Invalid credentials in Authorization header"}',
    );
    expect(withText.actual?.id).toBe('invalid-token');
    expect(without.actual?.id).not.toBe('invalid-token');
  });
});

describe('no token here, for a failure no token can tell', () => {
  it('a pasted job timeout with nobody logged in: no "log in to name the cause", no ✗ for the missing token', async () => {
    const {sv, target, dir} = await services();
    const session: Session = {target, cwd: dir, detached: true};
    const timeout = "Error: Job 6650f0c2a1b2c3d4e5f60718 finished with stage 'ERROR': Job timeout";
    const d = await sv.diagnose(session, 'job-timeout', timeout, {pasted: true});
    expect(d.cause).not.toContain('log in');
    expect(d.actions).not.toContain('re-login');
    const noToken = d.findings.find((f) => f.text.startsWith('No token is in effect here'));
    expect(noToken?.status).toBe('unknown');
    // Where a token is the story, no token here is still the finding and logging in the suggestion.
    const missing = await sv.diagnose(session, 'token-missing', "KeyError: 'HF_TOKEN'", {pasted: true});
    expect(missing.findings.find((f) => f.text.startsWith('No token is in effect here'))?.status).toBe('bad');
  });
});

describe("a pasted error is not the wizard's own job", () => {
  it('hf-job.json written earlier does not turn a pasted 401 into "$HF_TOKEN sent as is"', async () => {
    const {sv, target, dir} = await services();
    const valid = await sv.validateToken(target, sb.current.tokens.write, 'input');
    if (!valid.ok) throw new Error(valid.message);
    const session: Session = {target, account: valid.account, exampleId: 'push-dataset', cwd: dir};
    // The config step's files exist (hf-job.json with "$HF_TOKEN", filled in at submit time by the wizard).
    await sv.writeConfig(session, await sv.planConfig(session));
    const pasted =
      'requests.exceptions.HTTPError: 401 Client Error: Unauthorized for url: https://huggingface.co/api/whoami-v2';
    const d = await sv.diagnose(session, 'unauthorized-401', pasted, {pasted: true});
    expect(d.actual?.id).not.toBe('literal-placeholder');
    // No job of this wizard failed: "Run the job again" would run the example, not the job the text came from.
    expect(d.actions).not.toContain('retry');
    const own = await sv.diagnose(session, 'unauthorized-401', pasted);
    expect(own.actions).toContain('retry');
  });
});

describe("the repo check uses the wizard's token", () => {
  it('a write token is not told it "cannot read" its own (or a missing) dataset', async () => {
    const {sv, target, dir} = await services();
    const valid = await sv.validateToken(target, sb.current.tokens.write, 'input');
    if (!valid.ok) throw new Error(valid.message);
    const session: Session = {target, account: valid.account, exampleId: 'read-private-dataset', cwd: dir};
    const d = await sv.diagnose(session, 'repo-access-denied');
    const texts = d.findings.map((f) => f.text).join('\n');
    expect(texts).not.toContain('cannot read it');
    expect(texts).toContain('practice-user/private-dataset is readable with this token');
  });
});

describe('a pasted text that names an org: the wizard checks it live (issue 14)', () => {
  it("a 403 under an org the user is not in: whoami's orgs say so, and that is the cause; no job to run again", async () => {
    const {sv, target, dir} = await services();
    const valid = await sv.validateToken(target, sb.current.tokens.write, 'input');
    if (!valid.ok) throw new Error(valid.message);
    const session: Session = {target, account: valid.account, exampleId: 'push-dataset', cwd: dir};
    const d = await sv.diagnose(
      session,
      'forbidden-403',
      '403 Forbidden: You don\'t have the rights to create a model under the namespace "acme-org".',
      {pasted: true},
    );
    expect(d.findings.map((f) => f.text).join('\n')).toContain('You (practice-user) are not a member of acme-org');
    expect(d.actual?.id).toBe('org-role');
    expect(d.actions).not.toContain('retry');
  });
});

describe('the dataset a push example creates (newcomer review item 2)', () => {
  it('before its first run, the dataset is "created by the job" (not "does not exist"), with whether the token can create it', async () => {
    const {sv, target, dir} = await services();
    const write = await sv.validateToken(target, sb.current.tokens.write, 'input');
    if (!write.ok) throw new Error(write.message);
    const session: Session = {target, account: write.account, exampleId: 'push-dataset', cwd: dir};
    const d = await sv.diagnose(session, 'repo-access-denied', '404 Client Error: Not Found');
    const texts = d.findings.map((f) => f.text);
    expect(texts.join('\n')).not.toMatch(/does not exist \(or is hidden/);
    const created = d.findings.find((f) => f.text.includes('the job creates it when it pushes'));
    expect(created).toEqual({
      status: 'ok',
      text: 'dataset practice-user/hf-jobs-wizard-demo-dataset does not exist yet: the job creates it when it pushes, and this token can create it in practice-user.',
    });
    // A missing repo is not named as the cause of a 404 when the job is the one that creates it.
    expect(d.actual?.id).not.toBe('repo-missing');

    // A read token cannot create it: said on the same line, as a ✗.
    const read = await sv.validateToken(target, sb.current.tokens.read, 'input');
    if (!read.ok) throw new Error(read.message);
    const r = await sv.diagnose({...session, account: read.account}, 'forbidden-403');
    const line = r.findings.find((f) => f.text.includes('the job creates it when it pushes'));
    expect(line?.status).toBe('bad');
    expect(line?.text).toContain('but this token cannot create it in practice-user');
  });
});
