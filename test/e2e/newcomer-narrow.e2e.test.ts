// Session 11's newcomer pass, driven through the built app in a pseudo-terminal: what a first-time user saw on a
// narrow terminal, and a practice failure reached from the wizard itself.
import {writeFile, readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, startCli, useE2eHomes} from './pty.js';

const home = useE2eHomes();

describe('newcomer, narrow terminal', () => {
  it('the last line after q is wrapped at spaces: the command to resume is never cut in the middle', async () => {
    const {dir, env} = await home();
    // 50 columns: the terminal's own wrap fell inside "hf-jobs-wizard" ("…npx hf-jobs-wizar" / "d --sandbox …").
    const cli = startCli([CLI, '--sandbox'], {env, cwd: dir, cols: 50, rows: 30});
    await cli.waitFor('❯ Use a practice token');
    await cli.press('q');
    expect(await cli.exited).toBe(0);
    // The pty may deliver the last line after the exit is reported (a loaded machine): wait for it to be drawn.
    await cli.waitFor('unchanged).');
    const rows = cli.screen().split('\n');
    const start = rows.findIndex((r) => r.startsWith('Stopped at the Log in step.'));
    expect(start).toBeGreaterThan(-1);
    const said = rows.slice(start).join(' ').replace(/\s+/g, ' ').trim();
    expect(said).toBe(
      'Stopped at the Log in step. Run npx hf-jobs-wizard --sandbox to start again: files already written are kept (shown as unchanged).',
    );
    expect(rows.slice(start).every((r) => r.length <= 50)).toBe(true);
  }, 30_000);

  it('a job under practice-credits-run-out, from the wizard: the Hub cancels it for credits and the wizard explains it (payment-required), exit 1', async () => {
    const {dir, env} = await home();
    const cli = startCli([CLI, '--sandbox'], {env, cwd: dir, cols: 80, rows: 24});
    await cli.waitFor('How do you want to log in?');
    await cli.press('\r'); // a practice token
    await cli.waitFor('❯ write token');
    await cli.press('\r');
    await cli.waitFor('✓ Your token fits.');
    await cli.press('\r'); // push a dataset
    await cli.waitFor(/Write \d files/);
    await cli.press('\r');
    await cli.waitFor('Continue to the example job', 20_000);
    // The newcomer edits hf-job.json to practise, as README's table says, then re-runs the checks.
    const file = join(dir, 'my-first-hf-job', 'hf-job.json');
    const config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({...config, namespace: 'practice-credits-run-out'}, null, 2));
    await cli.press('r', 1500);
    await cli.press('\r');
    await cli.waitFor('❯ Run this job', 20_000);
    await cli.press('\r');
    const screen = await cli.waitFor(/problem\s+id: payment-required/, 30_000);
    expect(screen).toContain('Seen: Job ended CANCELED');
    // q on the troubleshooting screen once its diagnosis is drawn: the line says how to resume (it was printed only
    // when q came before the diagnosis).
    await cli.waitFor('Fix it', 15_000);
    await cli.press('q');
    expect(await cli.exited).toBe(1);
    // Drawn once the pty has delivered it (it may trail the exit on a loaded machine); a break is a space.
    await cli.waitFor(/The Hub canceled the job \(NO_CREDITS\):\s+its\s+namespace\s+could\s+not\s+pay\./);
  }, 90_000);
});
