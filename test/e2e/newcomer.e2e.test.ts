// What a first-time user tripped on (issue 17), each driven through the real app in a pseudo-terminal: one test per
// defect, so a regression shows on the screen a newcomer would see.
import {execFileSync} from 'node:child_process';
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {CLI, startCli, useE2eHomes} from './pty.js';

const home = useE2eHomes();

/** A saved practice login on the sandbox, as `login --sandbox --practice KIND` leaves it. */
function sandboxLogin(env: Record<string, string>, cwd: string, kind: 'write' | 'read' = 'write'): void {
  execFileSync(process.execPath, [CLI, 'login', '--sandbox', '--practice', kind], {
    cwd,
    env: {...process.env, CI: '', ...env},
    stdio: 'pipe',
  });
}

/** Moves the cursor down to the item starting with `label` (whatever was suggested first), waiting for each frame. */
async function selectItem(cli: ReturnType<typeof startCli>, label: string): Promise<void> {
  const at = new RegExp(`❯ ${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
  for (let i = 0; i < 8; i++) {
    try {
      await cli.waitFor(at, 600);
      return;
    } catch {
      await cli.press('\u001B[B', 50);
    }
  }
  await cli.waitFor(at, 600);
}

const FORBIDDEN = "huggingface_hub.errors.HfHubHTTPError: 403 Forbidden: You don't have the rights to create a job";

describe('newcomer defects, in a pseudo-terminal', () => {
  it('troubleshoot --sandbox diagnoses with the saved sandbox login, and its "Log in again" is step 1/7 of the same wizard', async () => {
    const {dir, env} = await home();
    sandboxLogin(env, dir);
    const cli = startCli([CLI, 'troubleshoot', '--sandbox'], {env, cwd: dir, cols: 100, rows: 30});
    await cli.waitFor('Paste the error you got');
    await cli.press(`${FORBIDDEN}\r`);
    await cli.press('\u0004'); // Ctrl-D
    const diagnosis = await cli.waitFor('Fix it', 15_000);
    expect(diagnosis).not.toContain('No token is in effect');
    expect(diagnosis).not.toContain('no saved login');
    await cli.waitFor('Log in (again');
    await selectItem(cli, 'Log in (again');
    await cli.press('\r');
    const login = await cli.waitFor('How do you want to log in?');
    expect(login).toContain('Step 1/7 · Log in');
    expect(login).not.toContain('Welcome');
    expect(login).not.toMatch(/Step \d\/8/);
    // q in the wizard opened from troubleshoot: 0 as everywhere, with the line saying how to resume (was silent).
    await cli.press('q');
    expect(await cli.exited).toBe(0);
    expect(cli.screen().replace(/\n/g, ' ')).toContain(
      'Stopped at the Log in step. Run npx hf-jobs-wizard --sandbox to start again',
    );
  }, 30_000);

  it('q mid-wizard exits 0 with one line saying how to resume, as the README and --help say', async () => {
    const readme = readFileSync(join(process.cwd(), 'README.md'), 'utf8').replace(/\s+/g, ' ');
    expect(readme).toContain(
      'Exit codes: 0 success, or quitting the wizard by choice (q, Quit, Finish after a cancelled job',
    );
    const help = execFileSync(process.execPath, [CLI, '--help'], {encoding: 'utf8'});
    expect(help).toContain('0 ok (quitting the wizard with q too)');
    const {dir, env} = await home();
    const cli = startCli([CLI, '--sandbox'], {env, cwd: dir, cols: 100, rows: 30});
    await cli.waitFor('How do you want to log in?');
    await cli.press('\r');
    await cli.waitFor('❯ write token');
    await cli.press('\r');
    await cli.waitFor('✓ Your token fits.');
    await cli.press('q');
    expect(await cli.exited).toBe(0);
    expect(cli.screen().replace(/\n/g, ' ')).toContain(
      'Stopped at the Token type step. Run npx hf-jobs-wizard --sandbox to start again',
    );
  }, 30_000);

  it('standalone troubleshoot: "Open the token page" with no browser to open says so and prints the URL', async () => {
    const {dir, env} = await home();
    // No display and the wizard's own switch: no browser can open here, whatever the machine running the test has.
    const cli = startCli([CLI, 'troubleshoot'], {
      env: {...env, DISPLAY: '', WAYLAND_DISPLAY: '', HF_WIZARD_NO_BROWSER: '1', HF_ENDPOINT: ''},
      cwd: dir,
      cols: 100,
      rows: 30,
    });
    await cli.waitFor('Paste the error you got');
    await cli.press('HTTP 401 Unauthorized: Invalid credentials in Authorization header\r');
    await cli.press('\u0004');
    await cli.waitFor('Open the token page in your browser', 15_000);
    await selectItem(cli, 'Open the token page');
    await cli.press('\r');
    const s = await cli.waitFor('settings/tokens/new');
    expect(s).toContain('No browser could be opened from here');
    expect(s.replace(/\n/g, '')).toContain('https://huggingface.co/settings/tokens/new?tokenType=write yourself.');
    cli.pty.kill();
    await cli.exited;
  }, 30_000);

  it('the example screen at 60x30: the MCP and JavaScript tabs show the call with its secret, the script folded, the header in view', async () => {
    const {dir, env} = await home();
    const cli = startCli([CLI, '--sandbox'], {env, cwd: dir, cols: 60, rows: 30});
    for (const prompt of [
      'How do you want to log in?',
      '❯ write token',
      '✓ Your token fits.',
      '❯ Write 4 files',
      'No issues found.',
    ]) {
      await cli.waitFor(prompt, 15_000);
      await cli.press('\r');
    }
    await cli.waitFor('❯ Run this job');
    const tabs: [string, string][] = [
      ['hf-job.json', '"secrets"'],
      ['hf CLI', '--secrets HF_TOKEN'],
      ['Python', 'secrets='],
      ['MCP', '"secrets": {"HF_TOKEN": "$HF_TOKEN"}'],
      ['JavaScript', 'secrets: {"HF_TOKEN": accessToken}'],
    ];
    for (const [tab, secretLine] of tabs) {
      await cli.press('\u001B[C', 300);
      await cli.waitFor(`c copies ${tab}`);
      const seen = cli.visible();
      expect(seen, tab).toContain('Step 5/7 · Example job');
      expect(seen, tab).toContain(secretLine);
      expect(seen, tab).not.toMatch(/\\n {0,4}\S/); // no escaped script on screen
    }
    cli.pty.kill();
    await cli.exited;
  }, 60_000);

  it('plain mode: Ctrl-C during a job holds the log lines off the cancel prompt, and a job that ends meanwhile withdraws the question', async () => {
    const {dir, env} = await home();
    const cli = startCli([CLI, '--sandbox', '--plain'], {env, cwd: dir, cols: 100, rows: 30});
    for (const [prompt, key] of [
      ['How do you want to log in?', '\r'],
      ['Which practice token?', '\r'],
      ['What should your first job do?', '\r'],
      ['✓ Your token fits.', '\r'],
      ['Write these files?', '\r'],
      ['Next?', '\r'],
      ['Run this job', '\r'],
    ] as const) {
      await cli.waitFor(prompt);
      await cli.press(key);
    }
    await cli.waitFor(/submitted/);
    await cli.press('\u0003');
    await cli.waitFor('Cancel the job on the Hub?');
    // No answer: the job completes on its own; the app must not sit on a hidden question.
    const done = await cli.waitFor('COMPLETED: your first job ran', 30_000);
    await cli.waitFor('1) Finish');
    await cli.press('\r'); // Finish (the other choice: the same job with the real hf CLI)
    expect(await cli.exited).toBe(0);
    expect(done).toContain('The job ended while the question was open: there is nothing left to cancel.');
    expect(done).not.toContain('Still watching the job.');
    for (const line of done.split('\n'))
      expect(line, 'a log line written onto the prompt').not.toMatch(/Enter alone: \d+\):.*\S.*\|/);
    // Every log line the job printed is still shown, after the question.
    expect(done).toContain('| OK: pushed to ');
    expect(done.indexOf('| OK: pushed to ')).toBeGreaterThan(done.indexOf('Cancel the job on the Hub?'));
  }, 60_000);

  it('in the sandbox the fixes stay in the wizard: the expired token points at the picker, a read token at Esc, a 403 at Log in again', async () => {
    const {dir, env} = await home();
    const cli = startCli([CLI, '--sandbox'], {env, cwd: dir, cols: 100, rows: 30});
    await cli.waitFor('How do you want to log in?');
    await cli.press('\r');
    await cli.waitFor('❯ write token');
    await selectItem(cli, 'expired token');
    await cli.press('\r');
    const expired = (await cli.waitFor('Pick the write token above')).replace(/\n/g, ' ');
    expect(expired).not.toContain('login --sandbox --practice write');
    await selectItem(cli, 'read token'); // Down wraps round to the top of the list
    await cli.press('\r');
    const readToken = (await cli.waitFor('Your token does not fit')).replace(/\n/g, ' ');
    expect(readToken).toContain('Press Esc to log in with another practice token (the write token fits).');
    expect(readToken).not.toContain('settings/tokens');
    cli.pty.kill();
    await cli.exited;

    sandboxLogin(env, dir, 'read');
    const ts = startCli([CLI, 'troubleshoot', '--sandbox'], {env, cwd: dir, cols: 100, rows: 30});
    await ts.waitFor('Paste the error you got');
    await ts.press(`${FORBIDDEN}\r`);
    await ts.press('\u0004');
    const fixes = await ts.waitFor('Fix it', 15_000);
    expect(fixes.slice(fixes.lastIndexOf('Fix it'))).toMatch(
      /Fix it\n❯ Log in \(again, with another token\)\s+\(suggested\)/,
    );
    ts.pty.kill();
    await ts.exited;
  }, 45_000);

  it('piped stdin: the commands it suggests instead keep --sandbox (they would go to huggingface.co without it)', () => {
    let stderr = '';
    let status = 0;
    try {
      execFileSync(process.execPath, [CLI, '--sandbox'], {
        input: '\n',
        env: {...process.env, CI: ''},
        stdio: ['pipe', 'pipe', 'pipe'],
      });
    } catch (error) {
      const e = error as {status: number; stderr: Buffer};
      status = e.status;
      stderr = e.stderr.toString();
    }
    expect(status).toBe(2);
    const suggested = stderr.split('\n').filter((l) => l.trim().startsWith('npx hf-jobs-wizard'));
    // login, check, example, and --plain (which reads its answers from the pipe).
    expect(suggested.length).toBe(4);
    for (const line of suggested) expect(line).toContain('--sandbox');
    expect(stderr).toContain('npx hf-jobs-wizard login --sandbox --practice write');
    expect(stderr).toContain('npx hf-jobs-wizard --plain --sandbox');
  });
});
