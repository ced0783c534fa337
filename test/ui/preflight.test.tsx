// Pre-flight in the wizard, before Run, against a real sandbox Hub: the same core as `example` and `check` decides,
// the example screen (Ink) and plain mode show its lines, a failed verdict submits nothing and says the fix, a pass runs.
import {PassThrough} from 'node:stream';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {createHubClient} from '../../src/core/hub/client.js';
import {gatherPreflight} from '../../src/core/preflight/gather.js';
import {addMissingPracticeTokens, createPracticeAccounts} from '../../src/sandbox/accounts.js';
import {WizardController} from '../../src/core/wizard/controller.js';
import {runPlain} from '../../src/plain/wizard.js';
import {App} from '../../src/ui/App.js';
import {preflight, plannedJobFromGoals} from '../../src/core/preflight/preflight.js';
import {classifyWhoAmI, describeKind} from '../../src/core/tokens/classify.js';
import {findExample} from '../../src/examples/catalog.js';
import {exampleSummary} from '../../src/wizard/services/index.js';
import {FAKE_ACCOUNT, fakeServices} from '../helpers/fake-services.js';
import {useSandbox} from '../helpers/sandbox.js';
import {logIn, sandboxWizard, startWizard, toExample, useTempDirs} from '../helpers/wizard-flow.js';
import {KEYS, press, waitForText} from './helpers.js';

const sb = useSandbox();
afterEach(() => cleanup());
const tempDir = useTempDirs();

async function setup() {
  const dir = await tempDir('wizard-pf-');
  const {env, services} = sandboxWizard(sb.current, {dir, pollMs: 100});
  return {dir, env, services};
}

/** A wizard on the sandbox logged in with a practice token, walked to the example step (files not written). */
async function atExample(label: 'write' | 'read' | 'expiring') {
  const {dir, services} = await setup();
  const controller = await startWizard(services, dir);
  await logIn(controller, services, sb.current.tokens[label]);
  await toExample(controller);
  return controller;
}

const jobCount = async (token: string) =>
  (await createHubClient({hubUrl: sb.current.url, accessToken: token}).listJobs('practice-user')).length;

describe('pre-flight in the wizard (controller, real sandbox)', () => {
  it('a write token: the verdict is not a fail, the Hub confirms the jobs check, the cost line says nothing is charged, and Run completes', async () => {
    const controller = await atExample('write');
    await controller.idle();
    const pf = controller.getState().example.preflight;
    expect(pf?.phase).toBe('done');
    expect(pf?.report?.verdict).not.toBe('fail');
    expect(pf?.report?.lines.find((l) => l.id === 'auth-check')).toMatchObject({status: 'pass'});
    expect(pf?.report?.lines.find((l) => l.id === 'cost')?.message).toMatch(
      /^At most \$\d+\.\d+ for 10 min on cpu-basic .*the sandbox charges nothing/,
    );
    controller.dispatch({type: 'run-example'});
    await controller.idle();
    expect(controller.getState().result?.stage).toBe('COMPLETED');
    await controller.dispose();
  }, 60_000);

  it('a read token: pre-flight fails on the token, Run submits nothing and says the fix', async () => {
    const controller = await atExample('read');
    const before = await jobCount(sb.current.tokens.write);
    // Run at once, before pre-flight answered: it waits, then stops.
    controller.dispatch({type: 'run-example'});
    expect(controller.getState().busy).toMatch(/^Pre-flight/);
    await controller.idle();
    const s = controller.getState();
    expect(s.example.preflight?.report?.verdict).toBe('fail');
    expect(s.example.preflight?.report?.lines.find((l) => l.id === 'auth-check')?.status).toBe('fail');
    expect(s.step).toBe('example');
    expect(s.run.phase).toBe('idle');
    expect(s.error).toMatch(/^Not submitted: pre-flight found \d+ problems .*job\.write on practice-user/);
    expect(await jobCount(sb.current.tokens.write)).toBe(before);
    await controller.dispose();
  }, 60_000);
});

describe('pre-flight practice cases on the sandbox', () => {
  it('the expiring practice token: whoami says it expires in 5 minutes, pre-flight warns before a 10-minute job, and Run goes on', async () => {
    const who = (await (
      await fetch(`${sb.current.url}/api/whoami-v2`, {headers: {Authorization: `Bearer ${sb.current.tokens.expiring}`}})
    ).json()) as {auth: {expiresAt?: string}};
    const left = Date.parse(who.auth.expiresAt!) - Date.now();
    expect(left).toBeGreaterThan(4 * 60_000);
    expect(left).toBeLessThanOrEqual(5 * 60_000);
    const controller = await atExample('expiring');
    await controller.idle();
    const report = controller.getState().example.preflight?.report;
    expect(report?.verdict).toBe('warn');
    expect(report?.lines.find((l) => l.id === 'token-expiry')).toMatchObject({
      status: 'warn',
      message: expect.stringMatching(/^The token expires in [45] min, before the job's timeout \(10 min\)/),
    });
    controller.dispatch({type: 'run-example'});
    await controller.idle();
    expect(controller.getState().result?.stage).toBe('COMPLETED');
    await controller.dispose();
  }, 60_000);

  it('a job in practice-org: whoami says the org can pay (the sandbox runs its jobs), so billing passes', async () => {
    const report = await gatherPreflight({
      hubUrl: sb.current.url,
      accessToken: sb.current.tokens.write,
      job: {namespace: 'practice-org', flavor: 'cpu-basic', timeoutSeconds: 600, writes: [], reads: []},
      sandbox: true,
    });
    expect(report.lines.find((l) => l.id === 'billing')).toMatchObject({
      status: 'pass',
      message: expect.stringMatching(/^The org practice-org can pay for Jobs/),
    });
    expect(report.lines.find((l) => l.id === 'auth-check')?.status).toBe('pass');
  });

  it('the practice org without credits fails pre-flight on billing (before the 402); the one with a token policy warns (before the 403)', async () => {
    const ask = (namespace: string) =>
      gatherPreflight({
        hubUrl: sb.current.url,
        accessToken: sb.current.tokens.write,
        job: {namespace, flavor: 'cpu-basic', timeoutSeconds: 600, writes: [], reads: []},
        sandbox: true,
      });
    const noCredits = await ask('practice-no-credits');
    expect(noCredits.verdict).toBe('fail');
    expect(noCredits.lines.find((l) => l.id === 'billing')).toMatchObject({
      status: 'fail',
      message: expect.stringContaining('Pre-paid credit balance is insufficient'),
    });
    const policy = await ask('practice-token-policy');
    expect(policy.lines.find((l) => l.id === 'org-policy')?.status).toBe('warn');
  });

  it('a data folder saved before the expiring token existed gets it, once', () => {
    const accounts = createPracticeAccounts();
    accounts.tokens = accounts.tokens.filter((t) => t.label !== 'expiring');
    expect(addMissingPracticeTokens(accounts)).toBe(true);
    expect(accounts.tokens.filter((t) => t.label === 'expiring')).toHaveLength(1);
    expect(addMissingPracticeTokens(accounts)).toBe(false);
  });
});

describe('pre-flight on the screens', () => {
  it('Ink: the example screen shows the ✗ lines with their fixes and offers another login instead of Run (FakeServices: the screen is the point)', async () => {
    // A read token: the account and the pre-flight report the core makes of its whoami and of the Hub's 403 to the
    // jobs check (core/preflight preflight, as gatherPreflight does after asking).
    const who = {
      type: 'user',
      name: 'practice-user',
      orgs: [],
      auth: {type: 'access_token', accessToken: {displayName: 'practice read token', role: 'read'}},
    };
    const info = classifyWhoAmI(who);
    const push = findExample('push-dataset')!;
    const report = preflight({
      who,
      job: plannedJobFromGoals('practice-user', push.config.flavor ?? 'cpu-basic', 600, push.goals('practice-user')),
      authCheck: {ok: false, status: 403, message: 'You need a token with job.write to run jobs in practice-user.'},
      sandbox: true,
    });
    const services = fakeServices({examples: [exampleSummary(push)], preflight: report});
    const controller = await startWizard(services, await tempDir('wizard-pf-fake-'));
    const account = {...FAKE_ACCOUNT, kind: info.kind, kindLabel: describeKind(info), info, masked: 'hf_…ad12'};
    controller.dispatch({type: 'validated', account});
    await toExample(controller);
    await controller.idle();
    const app = render(<App controller={controller} onExit={() => {}} />);
    const frame = await waitForText(app.lastFrame, 'Pre-flight: this job would be refused');
    expect(frame).toMatch(/✗ .*practice-user/);
    expect(frame).toContain('Use a token with job.write on practice-user');
    expect(frame).toContain('❯ Log in with another token');
    expect(frame).toContain('Check again (pre-flight)');
    expect(frame).not.toContain('Run this job');
    for (const f of app.frames) expect(f).not.toContain(sb.current.tokens.read);
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, /Log in/);
    expect(controller.getState().step).toBe('login');
    await controller.dispose();
  });

  it('plain: the verdict lines print before the example question, a write token runs to COMPLETED', async () => {
    const {dir, env, services} = await setup();
    const controller = new WizardController(services, {cwd: dir, presetTarget: 'sandbox'});
    const stdin = new PassThrough();
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d.toString()));
    stdin.end(['', '', '', '', '', '', '', ''].map((a) => a + '\n').join(''));
    const code = await runPlain(controller, {stdin, stdout, stderr: new PassThrough(), env, cwd: dir});
    await controller.dispose();
    expect(code).toBe(0);
    const verdict = out.search(/\nPre-flight: the job (will be allowed|may run)/);
    expect(verdict).toBeGreaterThan(-1);
    expect(out.indexOf('✓ The Hub confirms this token may run jobs in practice-user.')).toBeGreaterThan(verdict);
    expect(out.indexOf('1) Run this job')).toBeGreaterThan(verdict);
    expect(out).toContain('✓ COMPLETED');
  }, 60_000);
});
