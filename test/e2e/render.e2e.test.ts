// The real app in a pseudo-terminal under the conditions people bring: NO_COLOR, a screen reader
// (INK_SCREEN_READER=true), a 60-column window, `troubleshoot` typed on a terminal, Ctrl-C in plain mode.
import {describe, expect, it} from 'vitest';
import {CLI, startCli, useE2eHomes} from './pty.js';

const SGR_COLOR = /\u001B\[(?:3[0-8]|9[0-7]|4[0-8])(?:;[\d;]*)?m/;
const OSC8 = /\u001B\]8;;/;

const home = useE2eHomes({HF_WIZARD_NO_BROWSER: '1'});

describe('rendering in a real terminal', () => {
  it('colours by default, none at all with NO_COLOR (and no OSC 8 links)', async () => {
    const a = await home();
    const coloured = startCli([CLI, '--sandbox'], {env: a.env, cwd: a.dir, color: true});
    await coloured.waitFor('How do you want to log in?');
    await coloured.press('q');
    await coloured.exited;
    expect(coloured.raw()).toMatch(SGR_COLOR);

    const b = await home();
    const plain = startCli([CLI, '--sandbox'], {env: {...b.env, NO_COLOR: '1'}, cwd: b.dir, color: true});
    await plain.waitFor('How do you want to log in?');
    await plain.press('\u001B[B'); // paste a token: its screen has the token page link
    await plain.waitFor('❯ Paste a token');
    await plain.press('\r');
    await plain.waitFor('Make a token with just what this job needs'); // the least-privilege link
    await plain.press('\u0003');
    expect(await plain.exited).toBe(130);
    expect(plain.raw()).not.toMatch(SGR_COLOR);
    expect(plain.raw()).not.toMatch(OSC8);
  }, 60_000);

  it('INK_SCREEN_READER=true: plain text, no spinner frames, the choices still readable and usable', async () => {
    const {dir, env} = await home();
    const cli = startCli([CLI, '--sandbox'], {env: {...env, INK_SCREEN_READER: 'true'}, cwd: dir});
    const first = await cli.waitFor('How do you want to log in?');
    expect(first).toContain('Use a practice token');
    expect(first).toContain('About 2 minutes, 7 steps');
    await cli.press('\r');
    await cli.waitFor('write token');
    await cli.press('\r');
    await cli.waitFor('Logged in as practice-user');
    expect(cli.raw()).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
    await cli.press('\u0003');
    expect(await cli.exited).toBe(130);
  }, 60_000);

  it('60 columns: borders fit, the footer stays on one line, nothing is cut mid-word into the next screen', async () => {
    const {dir, env} = await home();
    const cli = startCli([CLI, 'troubleshoot'], {env, cwd: dir, cols: 60, rows: 40});
    const screen = await cli.waitFor('Paste the error you got');
    const lines = screen.split('\n');
    const top = lines.find((l) => l.startsWith('╭'));
    const bottom = lines.find((l) => l.startsWith('╰'));
    expect(top?.trimEnd()).toMatch(/^╭─+╮$/);
    expect(bottom?.trimEnd()).toMatch(/^╰─+╯$/);
    expect(lines.filter((l) => l.includes('Ctrl-D done')).length).toBe(1);
    await cli.press("KeyError: 'HF_TOKEN'\r");
    await cli.press('\r');
    const diagnosed = await cli.waitFor(/Fix it/);
    const joined = diagnosed.replace(/\s*\n\s*/g, ' ');
    expect(joined).toContain('No token: HF_TOKEN is not set where the code runs · problem id: token-missing');
    expect(joined).toMatch(/❯ Log in .*\(suggested\)/);
    for (const line of diagnosed.split('\n')) expect(line.length).toBeLessThanOrEqual(60);
    await cli.press('q');
    expect(await cli.exited).toBe(0); // troubleshoot: a diagnosed paste is a success
  }, 60_000);

  it('plain mode: Ctrl-C while the job runs asks before cancelling; "no" keeps watching to COMPLETED', async () => {
    const {dir, env} = await home();
    const cli = startCli([CLI, '--sandbox', '--plain'], {env, cwd: dir});
    await cli.waitFor('How do you want to log in?');
    await cli.press('\r');
    await cli.waitFor('Which practice token?');
    await cli.press('\r');
    await cli.waitFor('✓ Logged in as practice-user');
    await cli.waitFor('What should your first job do?');
    await cli.press('\r');
    await cli.waitFor('✓ Your token fits.');
    await cli.press('\r');
    await cli.waitFor('Write these files?');
    await cli.press('\r');
    await cli.waitFor('Next?');
    await cli.press('\r');
    await cli.waitFor('Run this job');
    await cli.press('\r');
    await cli.waitFor(/submitted/);
    await cli.press('\u0003');
    await cli.waitFor('Cancel the job on the Hub?');
    await cli.press('n');
    await cli.press('\r');
    await cli.waitFor('COMPLETED: your first job ran', 30_000);
    await cli.waitFor('1) Finish');
    await cli.press('\r'); // Finish (the other choice: the same job with the real hf CLI)
    expect(cli.screen()).not.toContain('CANCELED');
    expect(await cli.exited).toBe(0);
  }, 60_000);
});
