// Plain mode is truly line by line (screen readers, TERM=dumb): no escape sequence at all is written, questions
// print numbered choices once, the checklist heading comes before its lines, with the summary and "anyway".
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {WizardController} from '../../src/core/wizard/controller.js';
import {runPlain} from '../../src/plain/wizard.js';
import {useSandbox} from '../helpers/sandbox.js';
import {sandboxWizard, useTempDirs} from '../helpers/wizard-flow.js';

const sb = useSandbox();
const tempDir = useTempDirs();

async function plainRun(answers: string[], startAt?: 'paste-error') {
  const dir = await tempDir('wizard-plain-');
  const {env, services} = sandboxWizard(sb.current, {dir, pollMs: 100});
  const controller = new WizardController(services, {cwd: dir, presetTarget: 'sandbox', ...(startAt ? {startAt} : {})});
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  let out = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  // Typed ahead: every answer is one line; the questions take them in order. Then the input ends (like Ctrl-D).
  stdin.end(answers.map((a) => a + '\n').join(''));
  const code = await runPlain(controller, {stdin, stdout, stderr: new PassThrough(), env, cwd: dir});
  await controller.dispose();
  return {code, out};
}

describe('plain mode', () => {
  it('a read token: no escape sequences, numbered choices, heading then checks then the summary, "Continue anyway"', async () => {
    // login: practice · which: read (2) · continue · goal · continue anyway · write files · a wrong answer, then the
    // input (a pipe here) ends before an answer: exit 2 (the e2e pipe test checks what it says).
    const {code, out} = await plainRun(['', '2', '', '', '', '', 'x']);
    expect(code).toBe(2);
    expect(out).not.toContain('\u001B');
    expect(out).toContain('  1) Use a practice token (nothing to paste)');
    expect(out).toContain('→ read token');
    const heading = out.indexOf('== Checklist (sandbox Hub) ==');
    const firstCheck = out.search(/\[[✓✗!]\] /);
    expect(heading).toBeGreaterThan(-1);
    expect(firstCheck).toBeGreaterThan(heading);
    expect(out.slice(heading)).toMatch(/\n\d+ failed(, \d+ warnings?)?\.\n/);
    expect(out).toContain('1) Continue anyway to the example job');
    expect(out).toContain('"x" is not one of the numbers 1 to');
  }, 30_000);

  it('a write token reaches COMPLETED with Enter alone at every question', async () => {
    const {code, out} = await plainRun(['', '', '', '', '', '', '', '']);
    expect(out).not.toContain('\u001B');
    expect(out).toContain('✓ COMPLETED: your first job ran with the right token.');
    expect(out).toContain('1) Continue to the example job');
    // Every question offers the "Back" and "Quit" the introduction promises, the goal question included.
    const goal = out.slice(out.indexOf('What should your first job do?'));
    expect(goal.slice(0, goal.indexOf('→'))).toMatch(/\d\) Back\n[\s\S]*\d\) Quit/);
    expect(code).toBe(0);
  }, 30_000);

  it('a pasted error prints the same report as the troubleshoot command, and offers no "Run the job again"', async () => {
    const pasted =
      "httpx.HTTPStatusError: Client error '402 Payment Required' for url 'https://huggingface.co/api/jobs/alice'";
    const {out} = await plainRun([pasted, '', 'x'], 'paste-error');
    expect(out).not.toContain('\u001B');
    expect(out).toContain('[payment-required]');
    expect(out).toContain('Seen:');
    expect(out).toContain('402 Payment Required');
    expect(out).toContain('Likely causes:');
    expect(out).toContain('Verify:');
    expect(out).toContain('Fix it?');
    expect(out).not.toContain('Run the job again');
  }, 30_000);

  it("a pasted text no rule knows gets the second tier's answer, said to be a best guess", async () => {
    const {out} = await plainRun(
      ['ConnectionResetError while reading the dataset shards from the mirror', '', 'x'],
      'paste-error',
    );
    expect(out).toContain('? Best guess: ');
    expect(out).toContain('[network-error]');
    expect(out).toContain('No rule recognised this text; this is a best guess');
  }, 30_000);
});
