// The whole wizard, typed as a user would, against a real in-process sandbox Hub: a pasted write token pushes a
// dataset (COMPLETED, and the dataset exists); a read token is stopped by pre-flight, whose "why" opens the 403 screen naming the role.
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {createHubClient} from '../../src/core/hub/client.js';
import {WizardController} from '../../src/core/wizard/controller.js';
import {App} from '../../src/ui/App.js';
import {useSandbox} from '../helpers/sandbox.js';
import {sandboxWizard, useTempDirs} from '../helpers/wizard-flow.js';
import {KEYS, delay, press, waitForText} from './helpers.js';

const sb = useSandbox();
afterEach(() => cleanup());
const tempDir = useTempDirs();

async function startWizard() {
  const dir = await tempDir('wizard-flow-');
  const {services} = sandboxWizard(sb.current, {dir, pollMs: 100});
  const controller = new WizardController(services, {cwd: dir, presetTarget: 'sandbox'});
  let exitCode: number | undefined;
  const app = render(<App controller={controller} onExit={(c) => (exitCode = c)} />);
  controller.dispatch({type: 'start'});
  await delay(30);
  return {...app, controller, dir, exit: () => exitCode};
}

async function pasteToken(app: Awaited<ReturnType<typeof startWizard>>, token: string) {
  await waitForText(app.lastFrame, 'How do you want to log in?');
  await press(app.stdin, KEYS.down); // practice token -> paste
  await waitForText(app.lastFrame, '❯ Paste a token');
  await press(app.stdin, KEYS.enter);
  await waitForText(app.lastFrame, 'Token:');
  await press(app.stdin, token + '\r'); // a terminal paste: one input event ending in a newline
}

describe('the wizard flow on the sandbox', () => {
  it('paste a write token, push a dataset, COMPLETED, and the dataset exists', async () => {
    const token = sb.current.tokens.write;
    const app = await startWizard();
    await pasteToken(app, token);
    await waitForText(app.lastFrame, '✓ Logged in as practice-user');
    expect(app.lastFrame()).toContain('write token');
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, '✓ Your token fits.');
    expect(app.lastFrame()).toContain('❯ Push a dataset');
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, '❯ Write 4 files');
    expect(app.lastFrame()).toContain('"HF_TOKEN": "$HF_TOKEN"');
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, 'No issues found.');
    expect(app.lastFrame()).toContain('Wrote 4 files.');
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, '❯ Run this job');
    await press(app.stdin, KEYS.enter);
    const done = await waitForText(app.lastFrame, 'COMPLETED: your first job ran', 30_000);
    expect(done).toContain('/datasets/practice-user/hf-jobs-wizard-demo-dataset');
    expect(done).toContain('It created');
    // Every suggested command works as typed after a sandbox run: npx, and --sandbox.
    expect(done).toMatch(/^ {4}npx hf-jobs-wizard check my-first-hf-job\/hf-job.json --sandbox$/m);
    expect(done).toContain('npx hf-jobs-wizard example push-dataset --sandbox');
    expect(done).not.toMatch(/(^|[^x] )hf-jobs-wizard (check|example|learn)/m);
    expect(done.replace(/\s+/g, ' ')).toMatch(/stops when you finish, and its links \(above\) stop working then/);

    const hub = createHubClient({hubUrl: sb.current.url, accessToken: token});
    expect(await hub.repoExists({type: 'dataset', name: 'practice-user/hf-jobs-wizard-demo-dataset'})).toBe(true);
    for (const frame of app.frames) expect(frame).not.toContain(token);

    await press(app.stdin, KEYS.enter); // Finish
    await app.controller.exited;
    expect(app.exit()).toBe(0);
    await app.controller.dispose();
  }, 60_000);

  it('a read token is stopped by pre-flight, whose "why" opens the 403 screen naming the role', async () => {
    const token = sb.current.tokens.read;
    const app = await startWizard();
    await pasteToken(app, token);
    await waitForText(app.lastFrame, '✓ Logged in as practice-user');
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, '✗ Your token does not fit.');
    await press(app.stdin, KEYS.enter); // continue anyway
    await waitForText(app.lastFrame, '❯ Write 4 files');
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, '❯ Continue anyway to the example job');
    expect(app.lastFrame()).toContain('✗ Token may run the job (and push)');
    await press(app.stdin, KEYS.enter);
    // Pre-flight stops it before anything is submitted (the Hub's Jobs check answers 403); "why" opens the 403 screen.
    await waitForText(app.lastFrame, '❯ Log in with another token', 30_000);
    expect(app.lastFrame()).toContain('Pre-flight: this job would be refused');
    expect(app.lastFrame()).not.toContain('Run this job');
    await press(app.stdin, KEYS.down);
    await waitForText(app.lastFrame, '❯ Why it would be refused (troubleshoot)');
    await press(app.stdin, KEYS.enter);
    const screen = await waitForText(app.lastFrame, /role: read/, 30_000);
    expect(screen).toContain('cannot run Jobs');
    expect(screen).toContain('problem id: forbidden-403');
    expect(screen).toContain('A read token was used to push, create a repo or run a Job. (this is it)');
    // The sandbox's fix stays in the wizard: log in again with another practice token, suggested first.
    expect(screen).toMatch(/❯ Log in \(again, with another token\)\s+\(suggested\)/);
    for (const frame of app.frames) expect(frame).not.toContain(token);
    await app.controller.dispose();
  }, 60_000);
});
