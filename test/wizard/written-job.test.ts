// The example step shows the job Run submits: my-first-hf-job/hf-job.json as the person edited it (its flavor,
// timeout and env, the commands built from it, the step to the real hf), not the built-in example it was written
// from; a token typed into the file is masked there.
import {mkdir, readFile, writeFile} from 'node:fs/promises';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {sandboxRunNote, shownExample, skipChoiceLabel} from '../../src/core/wizard/shown-example.js';
import {useSandbox} from '../helpers/sandbox.js';
import {advance, logIn, sandboxWizard, startWizard, throughConfig, useTempDirs} from '../helpers/wizard-flow.js';

const sb = useSandbox();
const tempDir = useTempDirs();

describe('the example step shows hf-job.json as written', () => {
  it('an edit made after the config step is what the screen shows, and what its commands say', async () => {
    const dir = await tempDir('wizard-written-');
    // No `hf` on PATH: the step to the real tools prints its commands instead of running them.
    const {services} = sandboxWizard(sb.current, {dir, path: join(dir, 'no-bin'), pollMs: 100});
    const controller = await startWizard(services, dir);
    await logIn(controller, services, sb.current.tokens.write);
    await throughConfig(controller);
    const file = join(dir, 'my-first-hf-job', 'hf-job.json');
    const config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    expect(config.timeout).toBe('10m');
    // The person edits the file in their editor while the checklist is on the screen.
    await writeFile(file, JSON.stringify({...config, timeout: '7m', env: {GREETING: 'hello'}}, null, 2) + '\n');
    await advance(controller, {type: 'checklist-continue'});
    const shown = shownExample(controller.getState())!;
    expect(shown.config).toContain('"7m"');
    expect(shown.config).toContain('GREETING');
    const cli = shown.snippets.find((s) => s.label === 'hf CLI')!.text;
    expect(cli).toContain('--timeout 7m');
    expect(cli).toContain('GREETING');
    expect(shown.scriptEdited).toBeUndefined();
    expect(sandboxRunNote(controller.getState())).toContain('the Python script with uv');
    // Built-in example's text is not what is shown any more.
    const builtIn = controller.getState().examples.find((e) => e.id === shown.id)!;
    expect(builtIn.config).toContain('"10m"');
    // The step to the real hf after the run says the same job: the file's timeout.
    const state = controller.getState();
    // An edited script is shown, and the screen says the sandbox still runs the built-in one.
    await writeFile(join(dir, 'my-first-hf-job', shown.scriptName), '# my own edit\nprint("hi")\n');
    await advance(controller, {type: 'rerun-preflight'});
    expect(shownExample(controller.getState())!.script).toContain('# my own edit');
    expect(sandboxRunNote(controller.getState())).toContain(`the built-in ${shown.scriptName} runs`);
    expect(sandboxRunNote(controller.getState())).toContain('not your edited copy');
    const real = await services.realTools(
      {target: state.target!, account: state.account!, exampleId: shown.id, cwd: dir},
      () => undefined,
    );
    expect([...real.commands, ...real.realHubCommands].join('\n')).toContain('--timeout 7m');
    expect([...real.commands, ...real.realHubCommands].join('\n')).not.toContain('10m');
    // Run: the result's "run it again" is `example`, the built-in job: it says the edits are not in it.
    await advance(controller, {type: 'run-example'});
    const result = controller.getState().result!;
    expect(result.stage).toBe('COMPLETED');
    expect(result.nextSteps[0]!.what).toContain('your edits to my-first-hf-job/ are not in it');
    await controller.dispose();
  }, 30_000);

  it('a token typed into hf-job.json is masked on the screen and in the commands; a broken file is shown as it is', async () => {
    const dir = await tempDir('wizard-written-token-');
    const {services} = sandboxWizard(sb.current, {dir});
    const controller = await startWizard(services, dir);
    const token = sb.current.tokens.write;
    await logIn(controller, services, token);
    await throughConfig(controller);
    const file = join(dir, 'my-first-hf-job', 'hf-job.json');
    const config = JSON.parse(await readFile(file, 'utf8')) as Record<string, unknown>;
    await writeFile(file, JSON.stringify({...config, secrets: {HF_TOKEN: token}}, null, 2) + '\n');
    await advance(controller, {type: 'checklist-continue'});
    const shown = shownExample(controller.getState())!;
    expect(shown.config).toContain('HF_TOKEN');
    expect(JSON.stringify(shown)).not.toContain(token);
    await writeFile(file, '{"flavor": "cpu-basic",\n');
    await advance(controller, {type: 'rerun-preflight'});
    const broken = shownExample(controller.getState())!;
    expect(broken.config).toBe('{"flavor": "cpu-basic",\n');
    expect(broken.snippets).toEqual([]);
    await controller.dispose();
  }, 30_000);

  it('the config step\'s "skip" says what Run will submit: the example from memory, or hf-job.json as it is', async () => {
    const dir = await tempDir('wizard-written-skip-');
    const {services} = sandboxWizard(sb.current, {dir});
    const first = await startWizard(services, dir);
    await logIn(first, services, sb.current.tokens.write);
    await advance(first, {type: 'login-continue'}, {type: 'token-type-continue'});
    expect(skipChoiceLabel(first.getState().config.plan)).toBe('Skip writing; run the example from memory');
    await first.dispose();
    const file = join(dir, 'my-first-hf-job', 'hf-job.json');
    await mkdir(join(dir, 'my-first-hf-job'), {recursive: true});
    await writeFile(file, JSON.stringify({script: 'push_dataset.py', timeout: '7m', secrets: {HF_TOKEN: '$HF_TOKEN'}}));
    const again = await startWizard(services, dir);
    await logIn(again, services, sb.current.tokens.write);
    await advance(again, {type: 'login-continue'}, {type: 'token-type-continue'});
    expect(skipChoiceLabel(again.getState().config.plan)).toBe('Skip writing; run hf-job.json as it is now');
    await advance(again, {type: 'config-skip'}, {type: 'checklist-continue'});
    expect(shownExample(again.getState())!.config).toContain('"7m"');
    await again.dispose();
  }, 30_000);
});
