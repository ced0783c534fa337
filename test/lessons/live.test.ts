// Live exercise runs: the job body comes from the examples catalog and the workspace's hf-job.json (read by the
// app's own config parser), the token is resolved in memory only, and a real sandbox runs it.
import {mkdtemp, readFile, rm, writeFile} from 'node:fs/promises';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {Course} from '../../src/core/lessons/course.js';
import {EXERCISE_LABEL, JobConfigError, buildSpec, exampleFor, readJobConfig} from '../../src/core/lessons/live.js';
import {loadLessons} from '../../src/core/lessons/loader.js';
import type {LiveExercise} from '../../src/core/lessons/model.js';
import {openTarget, TargetError, type LearnTarget} from '../../src/core/lessons/target.js';
import {servesDataDir} from '../../src/sandbox/owner.js';
import {createServer, type IncomingHttpHeaders} from 'node:http';
import {findExample} from '../../src/examples/catalog.js';
import {learnTargetOn, useSandbox} from '../helpers/sandbox.js';
import {startSandbox} from '../../src/sandbox/index.js';
import {runEndLine} from '../../src/core/lessons/format.js';
import {CATALOG} from '../helpers/lessons.js';

const FAKE = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake99';
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lessons-live-'));
});
afterAll(async () => {
  await rm(dir, {recursive: true, force: true});
});

async function config(text: string) {
  await writeFile(join(dir, 'hf-job.json'), text);
  return readJobConfig(dir);
}

describe('hf-job.json of a live exercise', () => {
  it("errors name the file, the line and the key, with the config parser's words", async () => {
    const flavor = await config(
      '{\n  "script": "push_dataset.py",\n  "flavor": "cpu-basics",\n  "secrets": {"HF_TOKEN": "$HF_TOKEN"}\n}\n',
    ).catch((e: unknown) => e);
    expect(flavor).toBeInstanceOf(JobConfigError);
    expect((flavor as JobConfigError).message).toMatch(/hf-job\.json:3: .*cpu-basics.*cpu-basic/);
    expect((flavor as JobConfigError).issues[0]?.key).toBe('flavor');

    const timeout = await config('{\n  "script": "push_dataset.py",\n  "timeout": "90min"\n}\n').catch(
      (e: unknown) => e,
    );
    expect((timeout as JobConfigError).message).toMatch(/hf-job\.json:3: Timeout "90min" is not a valid format.*"90m"/);

    const json = await config('{"script": "push_dataset.py",}').catch((e: unknown) => e);
    expect((json as JobConfigError).message).toMatch(/hf-job\.json:1: hf-job\.json is not valid JSON/);

    const pasted = await config(`{"script": "push_dataset.py", "secrets": {"HF_TOKEN": "${FAKE}"}}`).catch(
      (e: unknown) => e,
    );
    expect(pasted).toBeInstanceOf(JobConfigError);
    expect((pasted as JobConfigError).message).toContain('real-looking token');
    expect((pasted as JobConfigError).message).not.toContain(FAKE);

    await rm(join(dir, 'hf-job.json'));
    await expect(readJobConfig(dir)).rejects.toThrow(/is missing: reset the exercise/);
  });

  it("the job body is the catalog example's, with the workspace's secrets, env, flavor and timeout", async () => {
    const parsed = await config(
      JSON.stringify({
        script: 'push_dataset.py',
        flavor: 'cpu-upgrade',
        timeout: '1.5h',
        env: {MODE: 'test', AUTH: 'Bearer $HF_TOKEN'},
        secrets: {HF_TOKEN: '${HF_TOKEN}', OTHER: '$HF_TOKEN '},
      }),
    );
    const spec = buildSpec(exampleFor(CATALOG, 'push-dataset'), parsed, FAKE, {
      user: 'practice-user',
      exercise: 'push-dataset',
    });
    const base = findExample('push-dataset')!.sandboxJob({namespace: 'practice-user'});
    expect(spec.dockerImage).toBe(base.dockerImage);
    expect(spec.command).toEqual(base.command);
    expect(spec.flavor).toBe('cpu-upgrade');
    expect(spec.timeoutSeconds).toBe(5400);
    // Whole-value placeholders only (surrounding spaces allowed, as the MCP tool trims): "Bearer $HF_TOKEN" stays literal.
    expect(spec.secrets).toEqual({HF_TOKEN: FAKE, OTHER: FAKE});
    expect(spec.environment).toEqual({MODE: 'test', AUTH: 'Bearer $HF_TOKEN'});
    expect(spec.labels).toMatchObject({...base.labels, [EXERCISE_LABEL]: 'push-dataset'});
    // The token never reaches the command line.
    expect(JSON.stringify(spec.command)).not.toContain(FAKE);

    const defaults = buildSpec(
      exampleFor(CATALOG, 'push-dataset'),
      await config('{"script": "push_dataset.py"}'),
      FAKE,
      {
        user: 'u',
        exercise: 'e',
      },
    );
    expect(defaults.flavor).toBe('cpu-basic');
    expect(defaults.timeoutSeconds).toBe(600);
    expect(defaults.secrets).toEqual({});
    expect(() => buildSpec(exampleFor(CATALOG, 'no-such-example'), {}, FAKE, {user: 'u', exercise: 'e'})).toThrow(
      /Unknown example job "no-such-example"/,
    );
  });
});

describe('a live run on a real sandbox', () => {
  const sandbox = useSandbox();
  it('a config error stops the run before any job is created; the fixed config runs the catalog job', async () => {
    const s = sandbox.current;
    const target: LearnTarget = learnTargetOn(s);
    const course = await Course.open({
      examples: CATALOG,
      env: {XDG_CONFIG_HOME: join(dir, 'config')},
      cwd: dir,
      workspace: join(dir, 'ws'),
    });
    const lessons = await loadLessons(CATALOG);
    const lesson = lessons.find((l) => l.id === 'verify')!;
    const exercise = lesson.exercises.find((e) => e.kind === 'live') as LiveExercise;
    await course.start(lesson, exercise);
    const file = join(course.workspaceDir(lesson, exercise), 'hf-job.json');
    const good = await readFile(file, 'utf8');
    await writeFile(file, good.replace('"10m"', '"ten minutes"'));
    await expect(course.run(lesson, exercise, 'write', target)).rejects.toThrow(
      /hf-job\.json:\d+: Timeout "ten minutes"/,
    );
    expect(course.progress.runsFor(lesson.id, exercise.id, target.key)).toEqual([]);

    await writeFile(file, good);
    const lines: string[] = [];
    const outcome = await course.run(lesson, exercise, 'fine-grained', target, (l) => lines.push(l));
    expect(outcome.stage).toBe('COMPLETED');
    expect(lines.join('\n')).toContain('Uploaded README.md, data/train.csv in one commit.');
    expect(lines.join('\n')).not.toContain(s.tokens['fine-grained']);
    const job = await fetch(`${s.url}/api/jobs/${target.user}/${outcome.record.jobId}`, {
      headers: {authorization: `Bearer ${s.tokens.write}`},
    }).then((r) => r.json() as Promise<{labels?: Record<string, string>}>);
    expect(job.labels).toMatchObject({example: 'push-dataset', [EXERCISE_LABEL]: exercise.id});
  });
});

describe('a live run whose sandbox stops mid-run (the instructor closed it, flaky machine)', () => {
  it(
    "the wait is said, the stage is the log's, and the end line says the sandbox stopped answering",
    {timeout: 40_000},
    async () => {
      const s = await startSandbox();
      let closed = false;
      try {
        const target: LearnTarget = learnTargetOn(s);
        const course = await Course.open({
          examples: CATALOG,
          env: {XDG_CONFIG_HOME: join(dir, 'config-stop')},
          cwd: dir,
          workspace: join(dir, 'ws-stop'),
        });
        const lessons = await loadLessons(CATALOG);
        const lesson = lessons.find((l) => l.id === 'verify')!;
        const exercise = lesson.exercises.find((e) => e.kind === 'live') as LiveExercise;
        await course.start(lesson, exercise);
        const lines: string[] = [];
        const started = Date.now();
        const outcome = await course.run(lesson, exercise, 'write', target, (l) => {
          lines.push(l);
          if (!closed && l.startsWith('===== Job started')) {
            closed = true;
            void s.close();
          }
        });
        expect(closed).toBe(true);
        expect(outcome.stage).toBe('CANCELED');
        expect(outcome.unanswered).toBe(s.url);
        // Not the 60 s the log is followed at most.
        expect(Date.now() - started).toBeLessThan(20_000);
        expect(lines.join('\n')).toContain('its status cannot be read');
        expect(runEndLine(outcome)).toBe(
          `Job ${outcome.record.jobId} ended CANCELED (as its log says): the sandbox at ${s.url} stopped answering. Start it again (or ask whoever runs it), then run the job again.`,
        );
      } finally {
        if (!closed) await s.close();
      }
    },
  );
});

describe('a workshop sandbox (--endpoint) that stopped while learn was open, its port now held by another program', () => {
  it('run, verify and whoami send no practice token there: each says the sandbox no longer answers', async () => {
    const dataDir = join(dir, 'workshop-data');
    const s = await startSandbox({dataDir});
    const target = await openTarget({endpoint: s.url, sandboxData: dataDir, servesDataDir});
    const course = await Course.open({
      examples: CATALOG,
      env: {XDG_CONFIG_HOME: join(dir, 'config-taken')},
      cwd: dir,
      workspace: join(dir, 'ws-taken'),
    });
    const lessons = await loadLessons(CATALOG);
    const lesson = lessons.find((l) => l.id === 'verify')!;
    const exercise = lesson.exercises.find((e) => e.kind === 'live') as LiveExercise;
    await course.start(lesson, exercise);
    expect((await course.whoami(target, 'read')).ok).toBe(true);
    await s.close();
    // Another local program takes the port the sandbox listened on.
    const seen: IncomingHttpHeaders[] = [];
    const other = createServer((req, res) => {
      seen.push(req.headers);
      res.writeHead(401, {'content-type': 'application/json'});
      res.end('{"error":"Invalid credentials"}');
    });
    await new Promise<void>((r) => other.listen(Number(new URL(s.url).port), '127.0.0.1', r));
    try {
      await expect(course.run(lesson, exercise, 'write', target)).rejects.toThrow(TargetError);
      const who = await course.whoami(target, 'write');
      expect(who.ok).toBe(false);
      expect(who.lines[0]).toContain(`No sandbox serving ${dataDir} answers at ${s.url}`);
      const verified = await course.verify(lesson, exercise, {target});
      expect(verified.passed).toBe(false);
      expect(verified.summary).toContain('were not sent there');
      // A sandbox that stopped cleanly removed its owner.json: nothing is asked at that address at all.
      expect(seen.filter((h) => h.authorization)).toEqual([]);
    } finally {
      other.closeAllConnections();
      await new Promise((r) => other.close(r));
    }
  });
});
