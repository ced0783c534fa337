// On an 80x24 terminal every step keeps its header: Ink cannot scroll, and a frame taller than the terminal loses
// its top lines (the step and the account). The token-type step with a read token on the sandbox was 26 rows.
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it, vi} from 'vitest';
import {WizardController} from '../../src/core/wizard/controller.js';
import {App} from '../../src/ui/App.js';
import {findExample} from '../../src/examples/catalog.js';
import {exampleSummary} from '../../src/wizard/services/index.js';
import {FAKE_ACCOUNT, fakeServices} from '../helpers/fake-services.js';
import {useSandbox} from '../helpers/sandbox.js';
import {sandboxWizard, startWizard, toExample, useTempDirs} from '../helpers/wizard-flow.js';
import {KEYS, delay, press, waitForText} from './helpers.js';

const sb = useSandbox();
afterEach(() => cleanup());
const tempDir = useTempDirs();

describe('an 80x24 terminal', () => {
  it('a read token: token type and the failed pre-flight keep the header on screen', async () => {
    const dir = await tempDir('wizard-small-');
    const {services} = sandboxWizard(sb.current, {dir});
    const controller = new WizardController(services, {cwd: dir, presetTarget: 'sandbox'});
    const app = render(<App controller={controller} onExit={() => undefined} />);
    Object.defineProperty(app.stdout, 'columns', {value: 80, configurable: true});
    Object.defineProperty(app.stdout, 'rows', {value: 24, configurable: true});
    app.stdout.emit('resize');
    controller.dispatch({type: 'start'});
    await waitForText(app.lastFrame, 'How do you want to log in?');
    await press(app.stdin, KEYS.enter); // practice token
    await waitForText(app.lastFrame, '❯ write token');
    await press(app.stdin, KEYS.down, KEYS.enter); // the read token
    await waitForText(app.lastFrame, '✗ Your token does not fit.');
    await delay(50);
    const lines = app.lastFrame()!.replace(/\n+$/, '').split('\n');
    expect(lines[0]).toContain('Step 2/7 · Token type');
    expect(lines.length).toBeLessThanOrEqual(23);
    expect(app.lastFrame()).toContain('Press Esc to log in with another practice token');
    // On to the example: pre-flight fails (3 problems, 3 ways out) and the code box gives up its rows, not the header.
    await press(app.stdin, KEYS.enter); // continue anyway
    await waitForText(app.lastFrame, '❯ Write 4 files');
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, '❯ Continue anyway to the example job');
    await press(app.stdin, KEYS.enter);
    await waitForText(app.lastFrame, 'Pre-flight: this job would be refused');
    await waitForText(app.lastFrame, 'Check again (pre-flight)');
    await delay(50);
    const example = app.lastFrame()!.replace(/\n+$/, '').split('\n');
    expect(example[0]).toContain('Step 5/7 · Example job');
    expect(example.length).toBeLessThanOrEqual(24);
    await controller.dispose();
  }, 30_000);
});

describe('Ctrl-C once the job has ended', () => {
  it('quits (130) instead of asking to cancel a job that is over; while it runs, it asks', async () => {
    // To the run step with the fake services; the submit never answers, the test plays the job's events.
    const push = findExample('push-dataset')!;
    const fake = fakeServices({examples: [exampleSummary(push)], preflight: {verdict: 'pass', lines: []}});
    const services = {...fake, submitJob: () => new Promise<never>(() => undefined)};
    const controller = await startWizard(services, await tempDir('wizard-ctrl-c-'));
    controller.dispatch({type: 'validated', account: FAKE_ACCOUNT});
    await toExample(controller);
    await controller.idle();
    controller.dispatch({type: 'run-example'});
    let code: number | undefined;
    const app = render(<App controller={controller} onExit={(c) => (code = c)} />);
    controller.dispatch({type: 'job-submitted', job: {id: 'abc', namespace: 'u', url: 'http://x/jobs/u/abc'}, at: 0});
    controller.dispatch({type: 'job-stage', stage: 'RUNNING', at: 1});
    await delay(30);
    await press(app.stdin, '\u0003');
    await waitForText(app.lastFrame, 'Cancel the job on the Hub? (y/n)');
    expect(code).toBeUndefined();
    await press(app.stdin, 'n');
    controller.dispatch({type: 'job-stage', stage: 'COMPLETED', at: 2});
    await waitForText(app.lastFrame, '✓ COMPLETED');
    await press(app.stdin, '\u0003');
    await vi.waitFor(() => expect(code).toBe(130));
    await controller.dispose();
  });
});
