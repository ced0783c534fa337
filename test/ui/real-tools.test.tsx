// The step to the real tools after a first completed sandbox job, against a real sandbox Hub: the env file is 0600
// and holds the whole token while the screen shows it masked; without `hf` on PATH the exact commands are printed;
// with an `hf` on PATH it is run with the token in its environment only (never argv), its output is redacted, and
// the dataset's new commit is what says the job landed. The `hf` here is a stand-in (a small Node script that commits
// to the dataset through @huggingface/hub as the real job would): huggingface_hub cannot be installed on this machine.
import {mkdir, readFile, stat, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {cleanup, render} from 'ink-testing-library';
import {afterEach, describe, expect, it} from 'vitest';
import type {Session} from '../../src/core/wizard/services.js';
import {App} from '../../src/ui/App.js';
import {EXAMPLES} from '../../src/examples/catalog.js';
import {useSandbox} from '../helpers/sandbox.js';
import {stubHf} from '../helpers/stub-hf.js';
import {advance, logIn, sandboxWizard, startWizard, throughConfig, useTempDirs} from '../helpers/wizard-flow.js';
import {KEYS, moveTo, press, waitForText} from './helpers.js';

const sb = useSandbox();
afterEach(() => cleanup());
const tempDir = useTempDirs();
const PUSH = EXAMPLES.find((e) => e.id === 'push-dataset')!;

async function setup(pathDirs: string[]) {
  const dir = await tempDir('wizard-rt-');
  // The env file goes in the sandbox's data folder: one per test here (the sandbox itself is shared).
  const data = await tempDir('wizard-rt-data-');
  const s = sb.current;
  // PATH: the stand-in (if any) and node's own folder, so `#!/usr/bin/env node` works; never a real hf.
  const path = [...pathDirs, join(process.execPath, '..'), '/usr/bin', '/bin'].join(':');
  const {env, services} = sandboxWizard(s, {dir, path, dataDir: data, pollMs: 100});
  const target = {kind: 'sandbox' as const, endpoint: s.url, practice: true};
  const v = await services.validateToken(target, s.tokens.write, 'practice');
  if (!v.ok) throw new Error(v.message);
  const session: Session = {target, account: v.account, exampleId: 'push-dataset', cwd: dir};
  return {dir, data, env, services, session};
}

async function scriptOnDisk(dir: string) {
  await mkdir(join(dir, 'my-first-hf-job'), {recursive: true});
  await writeFile(join(dir, 'my-first-hf-job', PUSH.scriptName), PUSH.python);
}

describe('the step to the real hf (service, real sandbox)', () => {
  it('without hf: a 0600 env file with the whole token, masked export lines, the exact commands, and why hf did not run', async () => {
    const {dir, data, services, session} = await setup([]);
    await scriptOnDisk(dir);
    const v = await services.realTools(session, () => {});
    const token = sb.current.tokens.write;
    expect(v.envFile).toBe(join(data, 'sandbox-hf.env'));
    expect((await stat(v.envFile!)).mode & 0o777).toBe(0o600);
    expect(await readFile(v.envFile!, 'utf8')).toContain(`export HF_TOKEN=${token}\n`);
    expect(v.exportLines).toEqual([`export HF_ENDPOINT=${sb.current.url}`, `export HF_TOKEN=hf_…${token.slice(-4)}`]);
    expect(v.commands).toEqual([
      `cd ${join(dir, 'my-first-hf-job')}`,
      `source ${v.envFile}`,
      'hf jobs uv run --flavor cpu-basic --timeout 10m --secrets HF_TOKEN push_dataset.py',
    ]);
    expect(v.note).toMatch(/^`hf` is not installed here/);
    expect(v.hf).toBeUndefined();
    expect(JSON.stringify({...v, envFile: ''})).not.toContain(token);
  }, 30_000);

  it('the script not on disk: says to write the files first, and does not run hf', async () => {
    const stub = await stubHf(0, tempDir);
    const {services, session} = await setup([stub.dir]);
    const v = await services.realTools(session, () => {});
    expect(v.note).toMatch(/push_dataset\.py is not on disk/);
    await expect(stat(stub.record)).rejects.toThrow();
  }, 30_000);

  it('hf on PATH: run with the token in its environment, not argv; output redacted; a failing hf says so', async () => {
    const stub = await stubHf(1, tempDir);
    const {dir, services, session} = await setup([stub.dir]);
    await scriptOnDisk(dir);
    const lines: string[] = [];
    const v = await services.realTools(session, (l) => lines.push(l));
    const rec = JSON.parse(await readFile(stub.record, 'utf8')) as {
      argv: string[];
      hasToken: boolean;
      endpoint: string;
      cwd: string;
    };
    expect(rec).toEqual({
      argv: [
        'jobs',
        'uv',
        'run',
        '--flavor',
        'cpu-basic',
        '--timeout',
        '10m',
        '--secrets',
        'HF_TOKEN',
        'push_dataset.py',
      ],
      hasToken: true,
      endpoint: sb.current.url,
      cwd: join(dir, 'my-first-hf-job'),
    });
    expect(lines[0]).toMatch(/^Job started with ID: stand-in, token hf_…/);
    expect(lines.join('\n')).not.toContain(sb.current.tokens.write);
    expect(lines).toContain("Error: Job stand-in finished with stage 'ERROR': exit code 1");
    expect(v.hf).toEqual({
      exitCode: 1,
      verified: false,
      verdict: '✗ hf ended with exit code 1: its last lines above say why.',
    });
  }, 30_000);
});

describe('the step to the real hf in the wizard (Ink, real sandbox)', () => {
  it('after the first completed sandbox job, "Next: the same job with the real hf CLI" runs hf and the dataset has a new commit', async () => {
    const stub = await stubHf(0, tempDir);
    const {dir, services} = await setup([stub.dir]);
    const controller = await startWizard(services, dir);
    await logIn(controller, services, sb.current.tokens.write);
    await throughConfig(controller);
    await advance(controller, {type: 'checklist-continue'}, {type: 'run-example'});
    expect(controller.getState().result?.stage).toBe('COMPLETED');
    const app = render(<App controller={controller} onExit={() => {}} />);
    await waitForText(app.lastFrame, 'Next: the same job with the real hf CLI');
    await moveTo(app.lastFrame, app.stdin, KEYS.down, /Next: the same job with the real hf CLI/);
    await press(app.stdin, KEYS.enter);
    const frame = await waitForText(app.lastFrame, 'hf ran the same job and it landed', 30_000);
    expect(frame).toContain('export HF_TOKEN=hf_…');
    expect(frame).toContain('(mode 0600)');
    expect(frame).toContain('Then on huggingface.co');
    expect(frame).toContain('npx hf-jobs-wizard check');
    expect(frame).not.toContain('Next: the same job with the real hf CLI');
    for (const f of app.frames) expect(f).not.toContain(sb.current.tokens.write);
    await controller.dispose();
  }, 90_000);
});
