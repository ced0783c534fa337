// The standing newcomer check (issue 17): what a first-time user sees, at 60 and 100 columns, in a real terminal.
// It walks the happy path, the read-token fix, --plain, NO_COLOR=1 and `troubleshoot --sandbox`, and fails on a line
// cut mid-word, a step header scrolled off, an escape sequence in plain mode, or an exit code that is not the README's.
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, startCli, useE2eHomes} from './pty.js';

const home = useE2eHomes();
type Cli = ReturnType<typeof startCli>;

/** The exit codes the README documents, read from it (the test follows the README, not the other way round). */
function readmeExitCodes(): Record<string, number> {
  const text = readFileSync(join(process.cwd(), 'README.md'), 'utf8').replace(/\s+/g, ' ');
  const line = /Exit codes: (.*?130 [^.]*)\./.exec(text)?.[1] ?? '';
  return {
    success: /(^|, )0 success/.test(line) ? 0 : -1,
    quit: /0 success, or quitting the wizard by choice/.test(line) ? 0 : -1,
    failed: /1 a check or job failed/.test(line) ? 1 : -1,
    ctrlC: /130 Ctrl-C/.test(line) ? 130 : -1,
  };
}

/**
 * Rows that run to the last column and go on with the next row without a space: a word cut in two (inside a box: to
 * its inner edge). A word longer than the row (a long URL) has to be cut: only words that would fit count.
 */
function midWordCuts(screen: string, cols: number): string[] {
  const rows = screen.split('\n');
  const cuts: string[] = [];
  const word = /[A-Za-z0-9_]/;
  for (let i = 0; i + 1 < rows.length; i++) {
    const row = rows[i]!;
    const boxed = row.startsWith('│') && row.length === cols;
    const text = boxed ? row.slice(2, cols - 2) : row;
    const nextRaw = rows[i + 1]!;
    const next = boxed ? (nextRaw.startsWith('│') ? nextRaw.slice(2) : '') : nextRaw;
    const width = boxed ? cols - 4 : cols;
    if (text.length < width || !word.test(text.at(-1) ?? '') || !word.test(next[0] ?? '')) continue;
    const tail = /\S+$/.exec(text)?.[0] ?? '';
    const head = /^\S+/.exec(next)?.[0] ?? '';
    if (tail.length + head.length <= width) cuts.push(`${row}⏎${nextRaw}`);
  }
  return cuts;
}

/**
 * A row that starts with one space and then text right under a row that reaches the right edge: a wrapped row that
 * kept the space it was broken at. (A tab bar's padded labels start with one space too, under a short row.)
 */
function strayLeadingSpaces(screen: string, cols: number): string[] {
  const rows = screen.split('\n');
  return rows.slice(1).filter((row, i) => /^ \S/.test(row) && rows[i]!.length >= cols - 1);
}

/** The visible screen has the step header at its top, no word cut mid-way and no wrapped row with a stray space. */
function expectClean(cli: Cli, cols: number, header: RegExp | string, where: string): void {
  const seen = cli.visible();
  if (typeof header === 'string') expect(seen, `${where}: header scrolled off`).toContain(header);
  else expect(seen, `${where}: header scrolled off`).toMatch(header);
  expect(midWordCuts(seen, cols), `${where}: a line cut mid-word`).toEqual([]);
  expect(strayLeadingSpaces(seen, cols), `${where}: a wrapped row starting with a stray space`).toEqual([]);
}

describe.each([100, 60])('the newcomer path at %i columns', (cols) => {
  it('happy path: practice write token to a completed job, every step header in view, exit 0', async () => {
    const codes = readmeExitCodes();
    const {dir, env} = await home();
    const cli = startCli([CLI, '--sandbox'], {env, cwd: dir, cols, rows: 30});
    await cli.waitFor('How do you want to log in?');
    expectClean(cli, cols, 'Step 1/7 · Log in', 'login');
    await cli.press('\r');
    await cli.waitFor('❯ write token');
    await cli.press('\r');
    await cli.waitFor('✓ Your token fits.');
    expectClean(cli, cols, 'Step 2/7 · Token type', 'token type');
    await cli.press('\r');
    await cli.waitFor('❯ Write 4 files');
    expectClean(cli, cols, 'Step 3/7 · Job config', 'job config');
    await cli.press('\r');
    await cli.waitFor('No issues found.');
    expectClean(cli, cols, 'Step 4/7 · Checklist', 'checklist');
    await cli.press('\r');
    await cli.waitFor('❯ Run this job');
    expectClean(cli, cols, 'Step 5/7 · Example job', 'example');
    await cli.press('\r');
    await cli.waitFor('COMPLETED: your first job ran', 30_000);
    expectClean(cli, cols, 'Step 7/7 · Result', 'result');
    await cli.press('\r');
    expect(await cli.exited).toBe(codes.success);
  }, 60_000);
});

describe('the newcomer path, other ways in', () => {
  it('a read token: the fix (log in again with a write practice token) works from the token-type step, at 100 columns', async () => {
    const {dir, env} = await home();
    const cli = startCli([CLI, '--sandbox'], {env, cwd: dir, cols: 100, rows: 30});
    await cli.waitFor('How do you want to log in?');
    await cli.press('\r');
    await cli.waitFor('❯ write token');
    await cli.press('\u001B[B\r'); // the read token
    await cli.waitFor('Your token does not fit');
    expectClean(cli, 100, 'Step 2/7 · Token type', 'token type with a read token');
    await cli.press('\u001B'); // Esc: log in with another token
    await cli.waitFor('❯ Continue');
    await cli.press('\u001B[B');
    await cli.waitFor('❯ Use another token');
    await cli.press('\r');
    await cli.waitFor('How do you want to log in?');
    await cli.press('\r');
    await cli.waitFor('❯ read token'); // the picker remembers the last pick
    await cli.press('\u001B[A');
    await cli.waitFor('❯ write token');
    await cli.press('\r');
    await cli.waitFor('✓ Your token fits.');
    cli.pty.kill();
    await cli.exited;
  }, 30_000);

  it('a read token at 60 columns, continuing anyway: steps 2 to 5 keep their header in view, no word cut', async () => {
    const {dir, env} = await home();
    const cli = startCli([CLI, '--sandbox'], {env, cwd: dir, cols: 60, rows: 30});
    await cli.waitFor('How do you want to log in?');
    await cli.press('\r');
    await cli.waitFor('❯ write token');
    await cli.press('\u001B[B\r'); // the read token
    await cli.waitFor('Your token does not fit');
    expectClean(cli, 60, 'Step 2/7 · Token type', 'token type, read token');
    await cli.press('\r'); // Enter continues anyway
    await cli.waitFor('❯ Write 4 files');
    expectClean(cli, 60, 'Step 3/7 · Job config', 'job config, read token');
    await cli.press('\r');
    await cli.waitFor('Continue anyway to the example job');
    expectClean(cli, 60, 'Step 4/7 · Checklist', 'checklist, read token');
    expect(cli.visible()).not.toContain('login --sandbox');
    await cli.press('\r');
    await cli.waitFor('❯ Log in with another token', 15_000);
    expectClean(cli, 60, 'Step 5/7 · Example job', 'example, read token');
    expect(cli.visible()).toMatch(/\(2 more problems: a taller terminal lists all\)/);
    cli.pty.kill();
    await cli.exited;
  }, 45_000);

  it('--plain writes no escape sequence and ends with the README exit code; NO_COLOR=1 writes no colour', async () => {
    const codes = readmeExitCodes();
    const {dir, env} = await home();
    const plain = startCli([CLI, '--sandbox', '--plain'], {env, cwd: dir, cols: 60, rows: 30, color: true});
    await plain.waitFor('How do you want to log in?');
    await plain.press('\r');
    await plain.waitFor('Which practice token?');
    await plain.press('\r');
    await plain.waitFor('What should your first job do?');
    await plain.press(`${'\r'}`);
    await plain.waitFor('Next?');
    // Quit by choice: the README's code, and one line saying how to resume.
    const quitAt = plain
      .screen()
      .split('\n')
      .reverse()
      .find((l) => /^\s+\d+\) Quit$/.test(l));
    await plain.press(`${/\d+/.exec(quitAt ?? '')?.[0] ?? ''}\r`);
    expect(await plain.exited).toBe(codes.quit);
    // The last line is wrapped at spaces for the terminal's width (commands/wizard.ts): a break stands for a space.
    expect(plain.screen().replace(/\s*\n\s*/g, ' ')).toContain('Run npx hf-jobs-wizard --sandbox to start again');
    expect(plain.raw(), 'an escape sequence in plain mode').not.toMatch(/\u001B/);

    const {dir: dir2, env: env2} = await home();
    const noColor = startCli([CLI, '--sandbox'], {
      env: {...env2, NO_COLOR: '1'},
      cwd: dir2,
      cols: 60,
      rows: 30,
      color: true,
    });
    await noColor.waitFor('How do you want to log in?');
    await noColor.press('\u0003');
    expect(await noColor.exited).toBe(codes.ctrlC);
    expect(noColor.raw(), 'a colour with NO_COLOR=1').not.toMatch(/\u001B\[[0-9;]*[1-9][0-9;]*m/);
  }, 40_000);

  it.each([100, 60])(
    'troubleshoot --sandbox at %i columns: a pasted 403 is diagnosed, no word cut; q exits 0',
    async (cols) => {
      const codes = readmeExitCodes();
      const {dir, env} = await home();
      const cli = startCli([CLI, 'troubleshoot', '--sandbox'], {env, cwd: dir, cols, rows: 30});
      await cli.waitFor('Paste the error you got');
      expectClean(cli, cols, 'hf-jobs-wizard · Troubleshooting', 'paste box');
      await cli.press("HfHubHTTPError: 403 Forbidden: You don't have the rights to create a job\r");
      await cli.press('\u0004');
      const s = await cli.waitFor('Fix it', 15_000);
      expect(s).toContain('403');
      // The diagnosis fits 30 rows at either width: at 60 columns the causes that do not fit are counted in a hint.
      expectClean(cli, cols, 'hf-jobs-wizard · Troubleshooting', 'diagnosis');
      if (cols < 100) expect(cli.visible()).toMatch(/\(and \d other causes?: a taller terminal lists/);
      await cli.press('q');
      expect(await cli.exited).toBe(codes.success);
    },
    30_000,
  );
});
