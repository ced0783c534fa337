// hf-jobs-wizard --sandbox in a real pseudo-terminal, Ink and plain mode, reaching a completed job.
// The screen (and every byte written) never contains the token.
import {execFileSync} from 'node:child_process';
import {existsSync} from 'node:fs';
import {readFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, startCli, useE2eHomes} from './pty.js';

const home = useE2eHomes();

async function practiceTokens(dir: string): Promise<string[]> {
  const accounts = JSON.parse(await readFile(join(dir, 'cache/hf-jobs-wizard/sandbox-data/accounts.json'), 'utf8')) as {
    tokens: {value: string}[];
  };
  return accounts.tokens.map((t) => t.value);
}

describe('e2e in a pseudo-terminal', () => {
  it('hf-jobs-wizard --sandbox reaches a completed job with a practice token', async () => {
    const {dir, env} = await home();
    const cli = startCli([CLI, '--sandbox'], {env, cwd: dir});
    await cli.waitFor('How do you want to log in?');
    await cli.press('\r'); // practice token
    await cli.waitFor('❯ write token');
    await cli.press('\r'); // one confirmation: the pick goes straight on
    const first = await cli.waitFor('✓ Your token fits.');
    expect(first).toContain('✓ Logged in as practice-user with a write token');
    expect(first).toContain('Step 2/7 · Token type');
    await cli.press('\r');
    await cli.waitFor('❯ Write 4 files');
    await cli.press('\r');
    await cli.waitFor('No issues found.');
    await cli.press('\r');
    await cli.waitFor('❯ Run this job');
    await cli.press('\r');
    await cli.waitFor('COMPLETED: your first job ran', 30_000);
    await cli.press('\r');
    expect(await cli.exited).toBe(0);
    for (const token of await practiceTokens(dir)) {
      expect(cli.screen()).not.toContain(token);
      expect(cli.raw()).not.toContain(token);
    }
    // The practice login went to the sandbox's own HF_HOME, never the real one.
    expect(existsSync(join(dir, 'real-hf-home/token'))).toBe(false);
    expect(existsSync(join(dir, 'my-first-hf-job/hf-job.json'))).toBe(true);
  }, 60_000);

  it('Down Down Enter in ONE write picks the third practice token (keys that arrive together apply in order)', async () => {
    const {dir, env} = await home();
    const cli = startCli([CLI, '--sandbox'], {env, cwd: dir});
    await cli.waitFor('How do you want to log in?');
    await cli.press('\r'); // practice token
    await cli.waitFor('❯ write token');
    await cli.press('\u001B[B\u001B[B\r');
    const s = await cli.waitFor('✓ Logged in as practice-user');
    expect(s).toMatch(/Logged in as practice-user with a fine-grained token/);
    // Step 2: from "Push a dataset", Down Enter in one write goes on with "Push a model".
    await cli.waitFor('❯ Push a dataset');
    await cli.press('\u001B[B\r');
    // The config step first says it is looking at the files: wait for the files themselves.
    const config = await cli.waitFor(/Job config[\s\S]*push_(model|dataset)/);
    expect(config).toContain('push_model');
    expect(config).not.toContain('push_dataset');
    cli.pty.kill();
    await cli.exited;
  }, 30_000);

  it('a narrower terminal redraws one clean frame: one header, the same item selected', async () => {
    const {dir, env} = await home();
    const cli = startCli([CLI, '--sandbox'], {env, cwd: dir, cols: 100, rows: 30});
    await cli.waitFor('How do you want to log in?');
    await cli.press('\u001B[B'); // from "practice token" to "Paste a token"
    await cli.waitFor('❯ Paste a token');
    await cli.resize(60, 30);
    await cli.waitFor('❯ Paste a token');
    // No piece of the old, wider frame is left on screen (Ink erases by its own line count; the terminal reflowed).
    const seen = cli.visible();
    expect(seen.split('\n').filter((l) => l.includes('Step 1/7')).length, seen).toBe(1);
    expect(seen.match(/This wizard takes you/g)?.length, seen).toBe(1);
    cli.pty.kill();
    await cli.exited;
  }, 30_000);

  it('troubleshoot: Esc on the result goes back to the paste box with the text; Ctrl-C names the command to run again', async () => {
    const {dir, env} = await home();
    const cli = startCli([CLI, 'troubleshoot'], {env: {...env, HF_HOME: join(dir, 'hf')}, cwd: dir});
    await cli.waitFor('Paste the error you got');
    await cli.press('HTTP 401 Unauthorized: Invalid credentials in Authorization header\r');
    await cli.press('\u0004'); // Ctrl-D
    await cli.waitFor('Live diagnosis');
    await cli.press('\u001B', 150);
    const box = await cli.waitFor('1 line · Ctrl-D');
    expect(box).toContain('HTTP 401 Unauthorized: Invalid credentials');
    await cli.press('\u0003');
    expect(await cli.exited).toBe(130);
    // The last line is wrapped at spaces for the terminal's width (commands/wizard.ts): a break stands for a space.
    expect(cli.screen().replace(/\s*\n\s*/g, ' ')).toContain('run npx hf-jobs-wizard troubleshoot again');
  }, 30_000);

  it('plain mode (--plain) walks the same flow line by line', async () => {
    const {dir, env} = await home();
    const cli = startCli([CLI, '--sandbox', '--plain'], {env, cwd: dir});
    await cli.waitFor('How do you want to log in?');
    await cli.press('\r'); // practice token
    await cli.waitFor('Which practice token?');
    await cli.press('\r'); // write
    await cli.waitFor('✓ Logged in as practice-user');
    await cli.waitFor('What should your first job do?');
    await cli.press('\r');
    await cli.waitFor('✓ Your token fits.');
    await cli.press('\r'); // continue
    await cli.waitFor('Write these files?');
    await cli.press('\r');
    await cli.waitFor(/\[✓\] Jobs that use the Hub get HF_TOKEN/);
    await cli.press('\r'); // continue to the example job
    await cli.waitFor('Run this job');
    await cli.press('\r');
    await cli.waitFor('COMPLETED: your first job ran', 30_000);
    await cli.waitFor('1) Finish');
    await cli.press('\r'); // Finish (the other choice: the same job with the real hf CLI)
    expect(await cli.exited).toBe(0);
    // Line by line: no cursor movement, no erasing, no hidden cursor (nothing is redrawn in place).
    expect(cli.raw()).not.toMatch(/\u001B\[[0-9;?]*[ABCDEFGHJKSTlh]/);
    const screen = cli.screen();
    expect(screen).toMatch(/Stage: (RUNNING|COMPLETED)/);
    // Wrapped at spaces to the terminal's 80 columns: the URL may be on the next row, under the log's bar.
    expect(screen).toContain('| OK: pushed to');
    for (const token of await practiceTokens(dir)) expect(cli.raw()).not.toContain(token);
  }, 60_000);

  it('without a TTY it names the non-interactive commands and exits 2', async () => {
    let status = 0;
    let stderr = '';
    try {
      execFileSync(process.execPath, [CLI, '--sandbox'], {
        input: '',
        env: {...process.env, CI: ''},
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (error) {
      const e = error as {status: number; stderr: Buffer};
      status = e.status;
      stderr = e.stderr.toString();
    }
    expect(status).toBe(2);
    expect(stderr).toContain('hf-jobs-wizard check --sandbox');
    expect(stderr).toContain('login --sandbox --practice write');
    expect(stderr).toContain('example push-dataset --yes --sandbox');
    expect(stderr).not.toMatch(/Raw mode|at .*\.js:\d+/);
  });
});
