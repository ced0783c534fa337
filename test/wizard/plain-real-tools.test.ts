// Issue 16 in plain mode, against a real sandbox Hub: after the first completed sandbox job plain mode offers the
// same job with the real hf CLI (the Ink Result screen's choice) through the same service: the env file is 0600 with
// the whole token while the screen shows it masked, hf is run when it is on PATH (a stand-in here, see
// helpers/stub-hf.ts) and the new commit is checked, else the exact commands are printed; and typing "status" at any
// question shows the token dashboard (the Ink header's `s`), then asks the question again.
import {readFile, stat} from 'node:fs/promises';
import {join} from 'node:path';
import {PassThrough} from 'node:stream';
import {describe, expect, it} from 'vitest';
import {WizardController} from '../../src/core/wizard/controller.js';
import {runPlain} from '../../src/plain/wizard.js';
import {useSandbox} from '../helpers/sandbox.js';
import {stubHf} from '../helpers/stub-hf.js';
import {sandboxWizard, useTempDirs} from '../helpers/wizard-flow.js';

const sb = useSandbox();
const tempDir = useTempDirs();

/** Enter alone from the login choice to the job's COMPLETED (practice write token, push a dataset, write the files). */
const TO_COMPLETED = ['', '', '', '', '', '', ''];

/** Plain mode with `answers` piped in (then the input ends); PATH holds only `pathDirs`, node's folder and /usr/bin:/bin. */
async function plainRun(answers: string[], pathDirs: string[] = []) {
  const dir = await tempDir('wizard-plain-rt-');
  // The env file goes in the sandbox's data folder: one per test here (the sandbox itself is shared).
  const data = await tempDir('wizard-plain-rt-data-');
  const path = [...pathDirs, join(process.execPath, '..'), '/usr/bin', '/bin'].join(':');
  const {env, services} = sandboxWizard(sb.current, {dir, path, dataDir: data, pollMs: 100});
  const controller = new WizardController(services, {cwd: dir, presetTarget: 'sandbox'});
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  stdin.end(answers.map((a) => a + '\n').join(''));
  const code = await runPlain(controller, {stdin, stdout, stderr, env, cwd: dir});
  await controller.dispose();
  return {code, out, err, dir, data};
}

describe('plain mode: the step to the real hf, and the token dashboard', () => {
  it('after COMPLETED on the sandbox it offers the real hf; with hf on PATH it runs it and the dataset has a new commit', async () => {
    const stub = await stubHf(0, tempDir);
    const {code, out, data, dir} = await plainRun([...TO_COMPLETED, '2'], [stub.dir]);
    const token = sb.current.tokens.write;
    expect(out).toContain('✓ COMPLETED: your first job ran with the right token.');
    expect(out).toMatch(/\d\) Next: the same job with the real hf CLI — the export lines, a 0600 env file/);
    expect(out).toContain('→ Next: the same job with the real hf CLI');
    expect(out).toContain(`    export HF_TOKEN=hf_…${token.slice(-4)}`);
    expect(out).toMatch(/ {2}\| Job started with ID: stand-in, token hf_…/);
    expect(out).toContain(
      '✓ hf ran the same job and it landed: practice-user/hf-jobs-wizard-demo-dataset has a new commit',
    );
    expect(out).toContain('Then on huggingface.co:');
    expect(out).not.toContain(token);
    // The token hf printed over two lines: masked whole, where it began.
    expect(out).toContain(`token over two lines hf_…${token.slice(-4)} (its end)`);
    expect(out).not.toContain(token.slice(12, 24));
    const envFile = join(data, 'sandbox-hf.env');
    expect(out).toContain(`These lines, with the whole token, are in ${envFile} (mode 0600).`);
    expect((await stat(envFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(envFile, 'utf8')).toContain(`export HF_TOKEN=${token}\n`);
    const rec = JSON.parse(await readFile(stub.record, 'utf8')) as {argv: string[]; hasToken: boolean; cwd: string};
    expect(rec.argv.join(' ')).toBe('jobs uv run --flavor cpu-basic --timeout 10m --secrets HF_TOKEN push_dataset.py');
    expect(rec.hasToken).toBe(true);
    expect(rec.cwd).toBe(join(dir, 'my-first-hf-job'));
    expect(code).toBe(0);
  }, 90_000);

  it('an hf without its hf_xet package: the verdict says what is missing and how to install it', async () => {
    // The last line the real hf prints here (npm run fidelity:real-tools, huggingface_hub from Debian's packages).
    const stub = await stubHf(1, tempDir, "ModuleNotFoundError: No module named 'hf_xet'");
    const {code, out} = await plainRun([...TO_COMPLETED, '2'], [stub.dir]);
    expect(out).toContain("  | ModuleNotFoundError: No module named 'hf_xet'");
    expect(out).toMatch(/✗ hf ended with exit code 1: hf could not upload the script: its hf_xet package is missing/);
    expect(code).toBe(0);
  }, 90_000);

  it('without hf on PATH it prints the exact commands and says why hf did not run', async () => {
    const {code, out} = await plainRun([...TO_COMPLETED, '2']);
    expect(out).toContain('    hf jobs uv run --flavor cpu-basic --timeout 10m --secrets HF_TOKEN push_dataset.py');
    expect(out).toContain('`hf` is not installed here');
    expect(out).not.toContain('hf ran the same job');
    expect(code).toBe(0);
  }, 90_000);

  it('the input ending at the COMPLETED question is Finish: exit 0, nothing run', async () => {
    const {code, out, err} = await plainRun(TO_COMPLETED);
    expect(out).toContain('? Next?\n  1) Finish\n');
    expect(out).not.toContain('export HF_TOKEN');
    expect(err).not.toContain('the input ended');
    expect(code).toBe(0);
  }, 90_000);

  it('"status" at a question prints the token dashboard (masked) and asks the same question again', async () => {
    // practice token · write · goal · continue · write the files (the login is saved then) · "status" at the
    // checklist's question · then the input ends
    const {code, out, err} = await plainRun(['', '', '', '', '', 'status']);
    const token = sb.current.tokens.write;
    expect(out).toContain('type "status" at any question to see your saved tokens');
    const at = out.indexOf('Your tokens (as `status` shows them):');
    expect(at).toBeGreaterThan(out.indexOf('1) Continue to the example job'));
    expect(out.slice(at)).toContain(`hf_…${token.slice(-4)}`);
    expect(out.slice(at)).toContain('Type a number and press Enter');
    expect(out).not.toContain(token);
    expect(err).toContain('the input ended before the question "Next?" was answered');
    expect(code).toBe(2);
  }, 60_000);
});
