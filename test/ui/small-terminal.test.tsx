// On an 80x24 terminal every step keeps its header: Ink cannot scroll, and a frame taller than the terminal loses
// its top lines (the step and the account). The token-type step with a read token on the sandbox was 26 rows.
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import {WizardController} from '../../src/core/wizard/controller.js';
import {App} from '../../src/ui/App.js';
import {useSandbox} from '../helpers/sandbox.js';
import {sandboxWizard, useTempDirs} from '../helpers/wizard-flow.js';
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
