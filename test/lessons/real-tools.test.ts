// The step to the real tools: lesson 7's last exercise is passed only by a job submitted from outside the tutorial
// with HF_TOKEN as a secret; its help writes the sandbox's address and token to a 0600 env file and shows the token
// masked; the end line mirrors `hf jobs`.
import {mkdtemp, readFile, rm, stat} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Course} from '../../src/core/lessons/course.js';
import {followLog, submitLikeHfCli, exampleFor} from '../../src/core/lessons/live.js';
import {loadLessons} from '../../src/core/lessons/loader.js';
import type {LearnTarget} from '../../src/core/lessons/target.js';
import {createHubClient} from '../../src/core/hub/client.js';
import {jobEndLine as hfJobEndLine} from '../../src/core/jobs/stages.js';
import {realToolsStep} from '../../src/core/preflight/real-tools.js';
import {learnTargetOn, useSandbox} from '../helpers/sandbox.js';
import {CATALOG} from '../helpers/lessons.js';

const lessons = await loadLessons(CATALOG);
const sandbox = useSandbox();
let home: string;
beforeAll(async () => {
  home = await mkdtemp(join(tmpdir(), 'lessons-real-'));
});
afterAll(async () => {
  await rm(home, {recursive: true, force: true});
});

const target = (): LearnTarget => learnTargetOn(sandbox.current);

describe('realToolsStep and hfJobEndLine', () => {
  it('shows the token masked, writes it whole only in the env file content, and builds the hf command', () => {
    const token = 'hf_FAKErealTOOLStokenABCDEFGHIJKLMNOP';
    const step = realToolsStep({
      endpoint: 'http://127.0.0.1:9',
      token,
      envFilePath: '/home/me/.config/x/sandbox-hf.env',
      scriptName: 'push_dataset.py',
    });
    expect(step.exportLines).toEqual(['export HF_ENDPOINT=http://127.0.0.1:9', 'export HF_TOKEN=hf_…MNOP']);
    expect(step.envFileContent).toContain(`export HF_TOKEN=${token}`);
    expect(step.hfCommand).toBe('hf jobs uv run --flavor cpu-basic --timeout 10m --secrets HF_TOKEN push_dataset.py');
    expect(step.sandboxCommands[0]).toBe('source /home/me/.config/x/sandbox-hf.env');
    expect(step.realHubCommands.join('\n')).toContain('unset HF_ENDPOINT HF_TOKEN');
    expect([...step.exportLines, ...step.sandboxCommands, ...step.realHubCommands].join('\n')).not.toContain(token);
  });

  it("ends like huggingface_hub's `hf jobs` (cli/jobs.py)", () => {
    expect(hfJobEndLine('abc', 'COMPLETED')).toBe('Job abc completed');
    expect(hfJobEndLine('abc', 'ERROR', 'Job timeout')).toBe("Error: Job abc finished with stage 'ERROR': Job timeout");
    expect(hfJobEndLine('abc', 'CANCELED')).toBe("Error: Job abc finished with stage 'CANCELED'");
  });
});

describe('lesson 7, real-hf', () => {
  const lesson = lessons.find((l) => l.dirName.startsWith('07'))!;
  const exercise = lesson.exercises.find((e) => e.id === 'real-hf')!;

  it('before any outside job: fails, says what to type with the token masked, and writes a 0600 env file', async () => {
    const dir = join(home, 'a');
    const course = await Course.open({
      examples: CATALOG,
      env: {XDG_CONFIG_HOME: join(dir, 'config')},
      cwd: dir,
      workspace: join(dir, 'ws'),
    });
    await course.start(lesson, exercise);
    const t = target();
    const r = await course.verify(lesson, exercise, {target: t});
    expect(r.passed).toBe(false);
    const text = r.items.map((i) => i.text).join('\n');
    expect(text).toMatch(
      /source \S*sandbox-hf\.env && hf jobs uv run --flavor cpu-basic --timeout 10m --secrets HF_TOKEN push_dataset\.py/,
    );
    expect(text).toMatch(/export HF_TOKEN=hf_…\w{4}/);
    for (const token of Object.values(t.tokens)) expect(text).not.toContain(token);
    const envFile = /(\S*sandbox-hf\.env)/.exec(text)![1]!;
    expect((await stat(envFile)).mode & 0o777).toBe(0o600);
    expect(await readFile(envFile, 'utf8')).toContain(`export HF_ENDPOINT=${t.hubUrl}`);
  });

  it('a job that got HF_TOKEN with -e (a plain env value) does not pass: the check asks for --secrets', async () => {
    const t = target();
    const client = createHubClient({hubUrl: t.hubUrl, accessToken: t.tokens.write});
    const job = await client.runJob(t.user, {
      dockerImage: 'python:3.12',
      command: ['python', '-c', 'print(1)'],
      environment: {HF_TOKEN: t.tokens.write},
      flavor: 'cpu-basic',
      timeoutSeconds: 60,
    });
    const dir = join(home, 'b');
    const course = await Course.open({
      examples: CATALOG,
      env: {XDG_CONFIG_HOME: join(dir, 'config')},
      cwd: dir,
      workspace: join(dir, 'ws'),
    });
    await course.start(lesson, exercise);
    const r = await course.verify(lesson, exercise, {target: t});
    expect(r.passed).toBe(false);
    expect(r.items.map((i) => i.text).join('\n')).toContain(`Job ${job.id} got HF_TOKEN with -e`);
  });

  it(
    'the reference solution, sent as `hf jobs uv run` sends it (script in the jobs-artifacts bucket, mounted at /data), passes',
    {timeout: 90_000},
    async () => {
      const t = target();
      const job = await submitLikeHfCli(t, exampleFor(CATALOG, 'push-dataset'), 'fine-grained');
      await followLog(t, job.id, 60_000);
      const dir = join(home, 'c');
      const course = await Course.open({
        examples: CATALOG,
        env: {XDG_CONFIG_HOME: join(dir, 'config')},
        cwd: dir,
        workspace: join(dir, 'ws'),
      });
      await course.start(lesson, exercise);
      const r = await course.verify(lesson, exercise, {target: t});
      const text = r.items.map((i) => i.text).join('\n');
      expect(r.passed, text).toBe(true);
      expect(text).toMatch(
        new RegExp(
          `It was sent as \`hf jobs uv run\` sends it: the script uploaded to the bucket ${t.user}/jobs-artifacts \\(folder \\d{8}T\\d{6}-[0-9a-f]{6}\\), mounted at /data\\.`,
        ),
      );
    },
  );
});
