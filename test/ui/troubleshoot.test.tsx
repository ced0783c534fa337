// Every troubleshooting screen (one per problem id) rendered with its live diagnosis against a real sandbox Hub;
// a fix that really edits hf-job.json (env -> secrets) after which the checklist passes; the paste-an-error entry.
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {getProblem, PROBLEM_IDS, type ProblemId} from '../../src/core/troubleshoot/catalog.js';
import type {WizardController} from '../../src/core/wizard/controller.js';
import {createServices} from '../../src/wizard/services/index.js';
import {EXAMPLES} from '../../src/examples/catalog.js';
import {App} from '../../src/ui/App.js';
import {fakeServices} from '../helpers/fake-services.js';
import {useSandbox} from '../helpers/sandbox.js';
import {logIn, sandboxWizard, startWizard, toExample, useTempDirs} from '../helpers/wizard-flow.js';
import {KEYS, delay, moveTo, press, waitForText} from './helpers.js';

const sb = useSandbox();
afterEach(() => cleanup());
const tempDir = useTempDirs();

type Label = 'write' | 'read' | 'fine-grained' | 'expired';
const PUSH = EXAMPLES.find((e) => e.id === 'push-dataset')!;

/** A wizard on the sandbox, logged in with a practice token, optionally with an hf-job.json already in place. */
async function wizard(label: Label | undefined, config?: unknown) {
  const dir = await tempDir('wizard-ts-');
  const s = sb.current;
  const {services, context} = sandboxWizard(s, {dir, pollMs: 100});
  if (config !== undefined) {
    await mkdir(join(dir, 'my-first-hf-job'), {recursive: true});
    await writeFile(join(dir, 'my-first-hf-job', 'hf-job.json'), JSON.stringify(config, null, 2) + '\n');
    await writeFile(join(dir, 'my-first-hf-job', PUSH.scriptName), PUSH.python);
  }
  const controller = await startWizard(services, dir, label ? 'sandbox' : 'welcome');
  if (label === 'expired') {
    // The Hub refuses it (that is the point), so it cannot be validated: the services' session holds it as a login
    // that has expired since (the state only has its handle).
    const read = await services.validateToken(controller.getState().target!, s.tokens.read, 'input');
    if (!read.ok) throw new Error(read.message);
    const account = {...read.account, tokenRef: context.rememberToken(s.tokens.expired), masked: 'hf_…(expired)'};
    controller.dispatch({type: 'validated', account});
  } else if (label) await logIn(controller, services, s.tokens[label]);
  return {controller, dir, token: label ? s.tokens[label] : undefined};
}

async function openProblem(controller: WizardController, problem: ProblemId, evidence?: string) {
  controller.dispatch({type: 'open-problem', problem, ...(evidence ? {evidence} : {})});
  await controller.idle();
  const app = render(<App controller={controller} onExit={() => {}} />);
  await delay(30);
  return app;
}

/** Which practice token (and hf-job.json) brings each problem's actual cause out, and that cause. */
/** `ran`: the problem comes from a job this wizard ran (its "Run the job again" is offered only then). */
const CASES: {
  problem: ProblemId;
  label: Label;
  config?: unknown;
  actual?: string | RegExp;
  suggested?: string;
  ran?: boolean;
}[] = [
  {problem: 'unauthorized-401', label: 'expired', actual: 'invalid-token', suggested: 'Log in \\(again'},
  // On the sandbox the practice picker is the token page: "Log in again" is what works there (issue 17, defect 7).
  {problem: 'forbidden-403', label: 'read', actual: 'read-token', suggested: 'Log in \\(again'},
  {
    problem: 'token-missing',
    label: 'write',
    config: {...PUSH.config, secrets: {TOKEN: '$HF_TOKEN'}},
    actual: 'wrong-secret-key',
    suggested: 'Rename the secret',
  },
  {problem: 'repo-access-denied', label: 'write'},
  {problem: 'gated-repo', label: 'fine-grained', actual: 'fine-grained-no-gated', suggested: 'Log in \\(again'},
  {problem: 'invalid-token-format', label: 'write'},
  {problem: 'rate-limited', label: 'write', actual: 'too-many-requests', suggested: 'Run the job again', ran: true},
  {problem: 'network-error', label: 'write'},
  {problem: 'payment-required', label: 'write', actual: 'no-credits'},
  {problem: 'job-timeout', label: 'write'},
  {problem: 'job-not-found', label: 'write'},
  {problem: 'server-error', label: 'write', actual: 'transient', suggested: 'Run the job again', ran: true},
  {problem: 'org-token-policy', label: 'fine-grained'},
  {problem: 'job-script-failed', label: 'write'},
  {problem: 'unknown', label: 'write'},
];

describe('troubleshooting screens on a real sandbox', () => {
  it('covers every problem id of the catalog', () => {
    expect(CASES.map((c) => c.problem).sort()).toEqual([...PROBLEM_IDS].sort());
  });

  for (const c of CASES) {
    it(`${c.problem}: symptoms, causes and a live diagnosis${c.actual ? ` naming ${String(c.actual)}` : ''}`, async () => {
      const {controller, token} = await wizard(c.label, c.config);
      if (c.ran)
        controller.dispatch({
          type: 'job-submitted',
          job: {id: 'a'.repeat(24), namespace: 'practice-user', url: 'x'},
          at: 0,
        });
      const app = await openProblem(controller, c.problem);
      const frame = app.lastFrame() ?? '';
      // Worded for the sandbox, like the diagnosis (one fix text per failure).
      const problem = getProblem(c.problem, controller.getState().target!.endpoint);
      expect(frame).toContain(problem.title);
      expect(frame).toContain(`problem id: ${c.problem}`);
      expect(frame).toContain('Symptoms');
      expect(frame).toContain('Live diagnosis');
      const state = controller.getState().troubleshoot;
      expect(state.phase).toBe('done');
      // Live facts: the token was looked at on the sandbox (accepted, or refused for the expired one).
      expect(frame).toMatch(c.label === 'expired' ? /whoami failed/ : /The Hub accepts it: .* of practice-user/);
      if (c.label !== 'expired')
        expect(frame).toContain(`Token role: ${c.label === 'fine-grained' ? 'fineGrained' : c.label}`);
      if (c.actual) {
        expect(state.diagnosis?.actual?.id).toBe(c.actual);
        const cause = problem.causes.find((x) => x.id === c.actual)!;
        expect(frame).toContain(`${cause.text.slice(0, 40)}`);
        expect(frame).toContain('(this is it)');
      }
      if (c.suggested) expect(frame).toMatch(new RegExp(`❯ ${c.suggested}.*\\(suggested\\)`));
      expect(frame.replace(/\s+/g, ' ')).toContain(`Verify: ${problem.verify.replace(/\s+/g, ' ').slice(0, 30)}`);
      if (token) for (const f of app.frames) expect(f).not.toContain(token);
      await controller.dispose();
    }, 30_000);
  }

  it('fix action: hf-job.json passing HF_TOKEN in env is rewritten to secrets (diff shown, atomic), then the checklist passes', async () => {
    const {controller, dir, token} = await wizard('write', {
      ...PUSH.config,
      secrets: undefined,
      env: {HF_TOKEN: '$HF_TOKEN'},
    });
    controller.dispatch({type: 'login-continue'});
    controller.dispatch({type: 'token-type-continue'});
    await controller.idle();
    controller.dispatch({type: 'config-skip'}); // keep the person's own config: the checks read it
    await controller.idle();
    const warned = controller.getState().checklist.items.find((i) => i.id === 'token-in-env');
    expect(warned?.status).toBe('warn');
    expect(warned?.problem).toBe('token-missing');

    const app = render(<App controller={controller} onExit={() => {}} />);
    await delay(30);
    // Highlight the warning line, then t: its troubleshooting screen.
    await waitForText(app.lastFrame, 'Continue to the example job');
    await moveTo(app.lastFrame, app.stdin, KEYS.up, /Token passed as a secret, not env/);
    await press(app.stdin, 't');
    const screen = await waitForText(
      app.lastFrame,
      /❯ Rewrite hf-job.json to pass HF_TOKEN as a secret.*\(suggested\)/,
    );
    expect(screen).toContain('problem id: token-missing');
    expect(screen).toContain('passes HF_TOKEN under "env"');
    await press(app.stdin, KEYS.enter);
    const review = await waitForText(app.lastFrame, '❯ Write 1 file');
    expect(review).toContain('moved HF_TOKEN from "env"');
    expect(review).toMatch(/- +"env": \{/);
    expect(review).toMatch(/\+ +"secrets": \{/);
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, 'No issues found.', 15_000);
    expect(app.lastFrame()).toContain('Wrote 1 file.');
    const written = JSON.parse(await readFile(join(dir, 'my-first-hf-job', 'hf-job.json'), 'utf8')) as {
      env?: object;
      secrets: object;
    };
    expect(written.env).toBeUndefined();
    expect(written.secrets).toEqual({HF_TOKEN: '$HF_TOKEN'});
    expect(controller.getState().checklist.items.find((i) => i.id === 'token-in-env')?.status).toBe('pass');
    for (const f of app.frames) expect(f).not.toContain(token!);
    await controller.dispose();
  }, 30_000);

  it('a job that fails on a wrong secret name opens token-missing from its log; "rename" then a retry COMPLETES', async () => {
    const {controller, dir, token} = await wizard('write', {...PUSH.config, secrets: {TOKEN: '$HF_TOKEN'}});
    await toExample(controller);
    const app = render(<App controller={controller} onExit={() => {}} />);
    await waitForText(app.lastFrame, '❯ Run this job');
    await press(app.stdin, KEYS.enter);
    const screen = await waitForText(
      app.lastFrame,
      /❯ Rename the secret in hf-job.json to HF_TOKEN.*\(suggested\)/,
      30_000,
    );
    expect(screen).toContain('problem id: token-missing');
    expect(screen).toContain('The job passes "TOKEN" but no HF_TOKEN.');
    expect(controller.getState().result?.stage).toBe('ERROR');
    await press(app.stdin, KEYS.enter);
    const review = await waitForText(app.lastFrame, '❯ Write 1 file');
    expect(review).toContain('renamed the secret TOKEN to HF_TOKEN');
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, 'No issues found.', 15_000);
    await press(app.stdin, KEYS.enter); // continue to the example
    await waitForText(app.lastFrame, '❯ Run this job');
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, 'COMPLETED: your first job ran', 30_000);
    expect(JSON.parse(await readFile(join(dir, 'my-first-hf-job', 'hf-job.json'), 'utf8')).secrets).toEqual({
      HF_TOKEN: '$HF_TOKEN',
    });
    for (const f of app.frames) expect(f).not.toContain(token!);
    await controller.dispose();
  }, 60_000);

  it('on a Hub given by --endpoint the flavor price comes from listJobHardware; at a local address nothing is billed, so Run does not ask', async () => {
    const dir = await tempDir('wizard-ts-');
    const env = {HOME: dir, XDG_CACHE_HOME: join(dir, 'cache'), PATH: process.env.PATH};
    const services = createServices({env, cwd: dir, endpointFlag: sb.current.url});
    const controller = await startWizard(services, dir, 'hub');
    await logIn(controller, services, sb.current.tokens.write, 'input');
    await toExample(controller);
    await controller.idle();
    const price = controller.getState().example.price;
    expect(price).toMatch(/\/hour, billed per minute; at most \$/);
    const app = render(<App controller={controller} onExit={() => {}} />);
    await waitForText(app.lastFrame, '❯ Run this job');
    await press(app.stdin, KEYS.enter);
    // huggingface.co asks "Run it now? (y/n)" with this price (test/wizard/machine.test.ts, test/ui/screens.test.tsx);
    // a sandbox reached by --endpoint runs at once, as `example --endpoint` does.
    await waitForText(app.lastFrame, 'Job ');
    expect(controller.getState().example.confirming).toBe(false);
    expect(controller.getState().step).toBe('run');
    await controller.dispose();
  }, 30_000);

  it('"I have an error message": paste several lines, finish with Ctrl-D, the matching screen opens', async () => {
    const {controller} = await wizard(undefined);
    const app = render(<App controller={controller} onExit={() => {}} />);
    await waitForText(app.lastFrame, 'Where do you want to practise?');
    await press(app.stdin, KEYS.down, KEYS.down);
    await waitForText(app.lastFrame, '❯ I have an error message to troubleshoot');
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, 'Paste the error you got');
    const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';
    await press(
      app.stdin,
      `Traceback (most recent call last):\r\n  File "job.py", line 3, token=${FAKE}\r\n\r\nKeyError: 'HF_TOKEN'\r\n`,
    );
    await waitForText(app.lastFrame, '4 lines');
    await press(app.stdin, '\u0004'); // Ctrl-D
    const screen = await waitForText(app.lastFrame, 'Fix it');
    expect(screen).toContain('problem id: token-missing');
    expect(screen).toContain("Seen: KeyError: 'HF_TOKEN'");
    // The token in the text is said first, as `troubleshoot` says it, with the command that revokes it.
    expect(screen).toContain('⚠ This text holds a token (hf_…ke12): if it was shared, revoke it with');
    expect(screen.replace(/\s+/g, ' ')).toContain('`npx hf-jobs-wizard revoke -` (paste it there)');
    expect(screen).toMatch(/❯ Log in \(again.*\(suggested\)/); // no token anywhere here: logging in comes first
    expect(screen).not.toContain('Re-run the checklist'); // no Hub chosen yet: nothing to re-run
    for (const f of app.frames) expect(f).not.toContain(FAKE); // a token in the pasted text is masked on screen
    expect(JSON.stringify(controller.getState())).not.toContain(FAKE);
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, 'Where do you want to practise?');
    await controller.dispose();
  }, 30_000);

  it("a pasted text no rule knows opens the screen of the second tier's best guess, said to be a guess", async () => {
    const {controller} = await wizard(undefined);
    controller.dispatch({type: 'paste-error'});
    const app = render(<App controller={controller} onExit={() => {}} />);
    await waitForText(app.lastFrame, 'Paste the error you got');
    await press(app.stdin, 'ConnectionResetError while reading the dataset shards from the mirror\r\n');
    await waitForText(app.lastFrame, '1 line');
    await press(app.stdin, '\u0004'); // Ctrl-D
    const screen = await waitForText(app.lastFrame, 'Best guess:');
    expect(screen).toMatch(/problem id: network-error( · a best guess: no rule knew this text| \(a guess\))/);
    expect(controller.getState().troubleshoot).toMatchObject({problem: 'network-error', guess: true});
    await controller.dispose();
  }, 30_000);

  it('an empty paste says what to do instead of classifying nothing (FakeServices: the screen is the point)', async () => {
    const services = fakeServices();
    const controller = await startWizard(services, await tempDir('wizard-ts-fake-'), 'welcome');
    controller.dispatch({type: 'paste-error'});
    const app = render(<App controller={controller} onExit={() => {}} />);
    await waitForText(app.lastFrame, 'Paste the error you got');
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, 'Nothing was pasted');
    expect(services.calls.filter((c) => c.startsWith('classifyFailure'))).toEqual([]);
    await controller.dispose();
  });
});
