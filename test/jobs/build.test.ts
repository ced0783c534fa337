// core/jobs buildJob, the one place a job's body is made for the wizard, `example` and the lessons: the example's
// image and command on the sandbox, the config's uv script on the Hub, "$HF_TOKEN" filled in only in secret/env values,
// the labels each caller asks for; and a scan of src/ that no other file builds a job body or fills in the token.
import {readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative, resolve} from 'node:path';
import {describe, expect, it} from 'vitest';
import {buildJob} from '../../src/core/jobs/build.js';
import {UV_IMAGE} from '../../src/core/jobspec/index.js';
import {EXERCISE_LABEL, buildSpec, exampleFor} from '../../src/core/lessons/live.js';
import {findExample} from '../../src/examples/catalog.js';
import {blankNonCode} from '../helpers/source-scan.js';
import {CATALOG} from '../helpers/lessons.js';

const FAKE = 'hf_FAKEbuildjobTOKENxxxxxxxxxxxxxxxx9z';
const pushDataset = findExample('push-dataset')!;

describe('buildJob', () => {
  it("on the sandbox runs the example's own image and command, with the token only as the secret HF_TOKEN", () => {
    const built = buildJob({
      example: pushDataset,
      token: FAKE,
      target: 'sandbox',
      namespace: 'practice-user',
      prefer: 'node-twin',
    });
    const base = pushDataset.sandboxJob({namespace: 'practice-user', prefer: 'node-twin'});
    expect(built.spec.dockerImage).toBe(base.dockerImage);
    expect(built.spec.command).toEqual(base.command);
    expect(built.spec.secrets).toEqual({HF_TOKEN: FAKE});
    expect(built.spec.environment).toEqual({});
    expect(built.spec.flavor).toBe('cpu-basic');
    expect(built.spec.timeoutSeconds).toBe(600);
    expect(built.spec.labels).toEqual({
      name: 'hf-jobs-wizard-push-dataset',
      example: 'push-dataset',
      runner: 'node-twin',
      script: 'push_dataset.py',
    });
    expect(built.runner).toBe('node-twin');
    expect(built.note).toBe(base.note);
    expect(built.secretNames).toEqual(['HF_TOKEN']);
    expect(JSON.stringify(built.spec.command)).not.toContain(FAKE);
  });

  it("on the Hub sends the config's script inline under uv, labelled with the example, the token never in the command", () => {
    const built = buildJob({example: pushDataset, token: FAKE, target: 'hub', namespace: 'someone'});
    expect(built.spec.dockerImage).toBe(UV_IMAGE);
    expect(built.spec.secrets).toEqual({HF_TOKEN: FAKE});
    expect(built.spec.labels).toEqual({name: 'hf-jobs-wizard-push-dataset', example: 'push-dataset'});
    expect(built.runner).toBe('python-uv');
    expect(built.note).toBe('runs push_dataset.py with uv on HF Jobs');
    const command = (built.spec.command ?? []).join(' ');
    expect(command).toContain('uv run');
    // The script text goes along, base64 (the file does not exist inside the container); the token does not.
    expect(command).toContain(Buffer.from(pushDataset.python, 'utf8').toString('base64'));
    expect(command).not.toContain(FAKE);
    expect(built.spec.timeoutSeconds).toBe(600);
  });

  it('applies the edited config on both targets: flavor, timeout, env, secrets (whole "$HF_TOKEN" only), labels', () => {
    const config = {
      script: 'push_dataset.py',
      flavor: 'cpu-upgrade',
      timeout: '1.5h',
      env: {MODE: 'test', AUTH: 'Bearer $HF_TOKEN'},
      secrets: {HF_TOKEN: '${HF_TOKEN}', OTHER: '$HF_TOKEN '},
      labels: {team: 'demo'},
    };
    for (const target of ['sandbox', 'hub'] as const) {
      const built = buildJob({
        example: pushDataset,
        config,
        scriptSource: '# my edited script\nprint(1)\n',
        token: FAKE,
        target,
        namespace: 'u',
        labels: {extra: 'x'},
      });
      expect(built.spec.flavor, target).toBe('cpu-upgrade');
      expect(built.spec.timeoutSeconds, target).toBe(5400);
      expect(built.spec.secrets, target).toEqual({HF_TOKEN: FAKE, OTHER: FAKE});
      expect(built.spec.environment, target).toEqual({MODE: 'test', AUTH: 'Bearer $HF_TOKEN'});
      expect(built.spec.labels, target).toMatchObject({team: 'demo', extra: 'x', example: 'push-dataset'});
      expect(built.envNames, target).toEqual(['MODE', 'AUTH']);
      expect(built.notes.join('\n'), target).toMatch(/env\.AUTH contains \$HF_TOKEN inside a longer value/);
    }
    // The edited script is what runs on the Hub; the sandbox runs the example's own code.
    const edited = Buffer.from('# my edited script\nprint(1)\n', 'utf8').toString('base64');
    expect(
      buildJob({
        example: pushDataset,
        config,
        scriptSource: '# my edited script\nprint(1)\n',
        token: FAKE,
        target: 'hub',
        namespace: 'u',
      }).spec.command?.join(' '),
    ).toContain(edited);
    expect(
      buildJob({
        example: pushDataset,
        config,
        scriptSource: '# my edited script\nprint(1)\n',
        token: FAKE,
        target: 'sandbox',
        namespace: 'u',
      }).spec.command?.join(' '),
    ).not.toContain(edited);
  });

  it('like a job from `hf jobs uv run`, carries no label of this app when asked, and no HF_TOKEN without a secret', () => {
    const plain = buildJob({
      example: findExample('token-check')!,
      token: FAKE,
      target: 'sandbox',
      namespace: 'u',
      appLabels: 'none',
    });
    expect(plain.spec.labels).toBeUndefined();
    expect(plain.spec.secrets).toEqual({HF_TOKEN: FAKE});
    const none = buildJob({
      example: pushDataset,
      config: {script: 'push_dataset.py'},
      token: FAKE,
      target: 'sandbox',
      namespace: 'u',
    });
    expect(none.spec.secrets).toEqual({});
    expect(none.secretNames).toEqual([]);
    expect(none.notes.join('\n')).toMatch(/No HF_TOKEN is passed/);
  });

  it("the lessons' exercise job is buildJob's sandbox job plus the exercise label", () => {
    const config = {script: 'push_dataset.py', secrets: {HF_TOKEN: '$HF_TOKEN'}};
    const lesson = buildSpec(exampleFor(CATALOG, 'push-dataset'), config, FAKE, {user: 'u', exercise: 'ex-1'});
    const built = buildJob({example: pushDataset, config, token: FAKE, target: 'sandbox', namespace: 'u'}).spec;
    expect(lesson).toEqual({...built, labels: {...built.labels, [EXERCISE_LABEL]: 'ex-1'}});
  });

  it('a config that cannot make a job is refused with the key at fault, not sent', () => {
    expect(() =>
      buildJob({
        example: pushDataset,
        config: {script: 'push_dataset.py', timeout: 'soon'},
        token: FAKE,
        target: 'hub',
        namespace: 'u',
      }),
    ).toThrow(/timeout|soon/i);
    expect(() =>
      buildSpec(exampleFor(CATALOG, 'push-dataset'), {script: 'push_dataset.py', timeout: 'soon'}, FAKE, {
        user: 'u',
        exercise: 'e',
      }),
    ).toThrow(/^hf-job\.json: /);
  });
});

describe('one job builder in src/', () => {
  const SRC = resolve(import.meta.dirname, '../../src');
  const files = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? files(join(dir, n)) : /\.tsx?$/.test(n) ? [join(dir, n)] : [],
    );

  it("only core/jobs/build.ts turns a config into a job body or reads an example's sandbox job", () => {
    const users = files(SRC)
      .filter((f) => /(?<!function )\btoJobSpec\(|\.sandboxJob\(/.test(blankNonCode(readFileSync(f, 'utf8'))))
      .map((f) => relative(SRC, f));
    expect(users).toEqual(['core/jobs/build.ts']);
  });
});
