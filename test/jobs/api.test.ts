// The Jobs API of the sandbox through @huggingface/hub: run, inspect, list, cancel, logs, hardware, validation, auth.
import {cancelJob, getJob, HubApiError, listJobHardware, listJobs, runJob, streamJobLogs} from '@huggingface/hub';
import {existsSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {useSandbox} from '../helpers/sandbox.js';
import {collectLogs, goneWithin, hostPidOf, NS, nodeJob, ownLines, uniqueMarker, waitForStage} from './helpers.js';

/** On Linux each job's processes carry HF_SANDBOX_JOB, the mark a kill finds them by (src/sandbox/jobs/proc-tree.ts). */
const MARKED = process.platform !== 'win32' && existsSync('/proc/self/stat');

describe('sandbox Jobs API through @huggingface/hub', () => {
  const sb = useSandbox();
  const hub = () => ({hubUrl: sb.current.url, accessToken: sb.current.tokens.write});

  it('lists the real flavors with specs and per-minute prices', async () => {
    const hardware = await listJobHardware({hubUrl: sb.current.url});
    const names = hardware.map((h) => h.name);
    expect(names).toEqual(
      expect.arrayContaining(['cpu-basic', 'cpu-upgrade', 't4-small', 'a10g-small', 'a100-large', 'h200', 'l4x1']),
    );
    const basic = hardware.find((h) => h.name === 'cpu-basic')!;
    expect(basic).toMatchObject({
      prettyName: 'CPU Basic',
      cpu: '2 vCPU',
      ram: '16 GB',
      accelerator: null,
      unitLabel: 'minute',
    });
    expect(basic.unitCostUSD * 60).toBeCloseTo(0.01, 4);
    const a100 = hardware.find((h) => h.name === 'a100-large')!;
    expect(a100.accelerator).toMatchObject({model: 'A100', vram: '80 GB'});
    expect(a100.unitCostUSD * 60).toBeCloseTo(2.5, 2);
  });

  it('runs a job to COMPLETED with the Hub job JSON and the framed log', async () => {
    const job = await runJob({
      ...hub(),
      namespace: NS,
      ...nodeJob('console.log("hello from the job")'),
      labels: {name: 'hello'},
      timeoutSeconds: 60,
    });
    expect(job.id).toMatch(/^[0-9a-f]{24}$/);
    expect(['SCHEDULING', 'RUNNING']).toContain(job.status.stage);
    expect(job.owner).toMatchObject({name: NS, type: 'user'});
    expect(job.owner?.id).toMatch(/^[0-9a-f]{24}$/);
    expect(job).toMatchObject({
      dockerImage: 'node:20-slim',
      flavor: 'cpu-basic',
      labels: {name: 'hello'},
      timeoutSeconds: 60,
      command: ['node', '-e', 'console.log("hello from the job")'],
    });
    expect(Date.parse(job.createdAt)).not.toBeNaN();

    const lines = await collectLogs(hub(), job.id);
    expect(lines[0]).toMatch(/^===== Job started/);
    expect(lines.at(-1)).toBe('===== Job finished: status=COMPLETED =====');
    expect(
      lines.some((l) => l.startsWith('[sandbox]') && l.includes('node:20-slim') && l.includes('not in a container')),
    ).toBe(true);
    expect(ownLines(lines)).toEqual(['hello from the job']);
    const done = await getJob({...hub(), namespace: NS, jobId: job.id});
    expect(done.status.stage).toBe('COMPLETED');

    const listed = await listJobs({...hub(), namespace: NS});
    expect(listed.map((j) => j.id)).toContain(job.id);
    // A finished job's log stays readable, identically.
    expect(await collectLogs(hub(), job.id)).toEqual(lines);
  });

  it('ends in ERROR with the exit code when the command fails', async () => {
    const job = await runJob({...hub(), namespace: NS, ...nodeJob('console.error("boom"); process.exit(3)')});
    const done = await waitForStage(hub(), job.id);
    expect(done.status.stage).toBe('ERROR');
    expect(done.status.message).toContain('exited with code 3');
    const lines = await collectLogs(hub(), job.id);
    expect(ownLines(lines)).toEqual(['boom']);
    expect(lines.at(-1)).toBe('===== Job finished: status=ERROR =====');
  });

  it('keeps stdout and stderr lines in the order they were written', async () => {
    const job = await runJob({
      ...hub(),
      namespace: NS,
      ...nodeJob('for (let i = 0; i < 50; i++) (i % 2 ? process.stderr : process.stdout).write(`line ${i}\\n`)'),
    });
    const lines = ownLines(await collectLogs(hub(), job.id));
    expect(lines).toEqual(Array.from({length: 50}, (_, i) => `line ${i}`));
  });

  it('returns environment values but only secret names', async () => {
    const job = await runJob({
      ...hub(),
      namespace: NS,
      ...nodeJob('console.log(process.env.GREETING, process.env.MY_SECRET.length)'),
      environment: {GREETING: 'bonjour'},
      secrets: {MY_SECRET: 'sandbox-secret-value'},
    });
    expect(job.environment).toEqual({GREETING: 'bonjour'});
    expect(job.secrets).toEqual(['MY_SECRET']);
    expect(JSON.stringify(job)).not.toContain('sandbox-secret-value');
    await waitForStage(hub(), job.id);
    const inspected = await getJob({...hub(), namespace: NS, jobId: job.id});
    expect(inspected.secrets).toEqual(['MY_SECRET']);
    expect(JSON.stringify(inspected)).not.toContain('sandbox-secret-value');
    expect(ownLines(await collectLogs(hub(), job.id))).toEqual(['bonjour 20']);
  });

  it("serves logs verbatim: a secret the job prints is in the log (masking is the display's job)", async () => {
    const job = await runJob({
      ...hub(),
      namespace: NS,
      ...nodeJob('console.log("value=" + process.env.MY_SECRET)'),
      secrets: {MY_SECRET: 'sandbox-secret-printed'},
    });
    expect(ownLines(await collectLogs(hub(), job.id))).toEqual(['value=sandbox-secret-printed']);
  });

  it("runs python:* images with this machine's python3 (when installed)", async () => {
    const {which} = await import('../../src/sandbox/jobs/images.js');
    const job = await runJob({
      ...hub(),
      namespace: NS,
      dockerImage: 'python:3.12',
      command: [
        'python',
        '-c',
        'import os, sys; print(sys.version_info[0], sorted(k for k in os.environ if k not in ("PWD", "SHLVL", "_", "LC_CTYPE")))',
      ],
      flavor: 'cpu-basic',
    });
    const done = await waitForStage(hub(), job.id);
    const lines = await collectLogs(hub(), job.id);
    if (!which('python3', process.env.PATH)) {
      expect(done.status.stage).toBe('ERROR');
      expect(done.status.message).toContain('needs python3');
      return;
    }
    expect(done.status.stage, lines.join('\n')).toBe('COMPLETED');
    expect(ownLines(lines)).toEqual([
      MARKED
        ? "3 ['HF_ENDPOINT', 'HF_SANDBOX_JOB', 'HOME', 'JOB_ID', 'PATH']"
        : "3 ['HF_ENDPOINT', 'HOME', 'JOB_ID', 'PATH']",
    ]);
    expect(lines.some((l) => l.includes('"python:3.12" runs as this machine\'s python3'))).toBe(true);
  });

  it('passes a literal "$HF_TOKEN" secret through unexpanded', async () => {
    const job = await runJob({
      ...hub(),
      namespace: NS,
      ...nodeJob('console.log(JSON.stringify(process.env.HF_TOKEN))'),
      secrets: {HF_TOKEN: '$HF_TOKEN'},
    });
    expect(ownLines(await collectLogs(hub(), job.id))).toEqual(['"$HF_TOKEN"']);
  });

  it('gives the job only its own environment, a fresh HOME and working directory, removed afterwards', async () => {
    const saved = process.env.HF_TOKEN;
    process.env.HF_TOKEN = 'hf_FAKEfakeFAKEfakeFAKEfakeFAKEfake12';
    process.env.HF_JOBS_TEST_LEAK = 'leak';
    try {
      const source =
        'console.log(JSON.stringify({keys: Object.keys(process.env).sort(), home: process.env.HOME, cwd: process.cwd(), endpoint: process.env.HF_ENDPOINT, id: process.env.JOB_ID}))';
      const job = await runJob({...hub(), namespace: NS, ...nodeJob(source), environment: {MODE: 'test'}});
      const [line] = ownLines(await collectLogs(hub(), job.id));
      const seen = JSON.parse(line!) as {keys: string[]; home: string; cwd: string; endpoint: string; id: string};
      expect(seen.keys).not.toContain('HF_TOKEN');
      expect(seen.keys).not.toContain('HF_JOBS_TEST_LEAK');
      // Node itself may add nothing; the shell wrapper may export PWD/SHLVL/_ (not from the user's environment).
      expect(seen.keys.filter((k) => !['PWD', 'SHLVL', '_', 'OLDPWD'].includes(k))).toEqual([
        'HF_ENDPOINT',
        ...(MARKED ? ['HF_SANDBOX_JOB'] : []),
        'HOME',
        'JOB_ID',
        'MODE',
        'PATH',
      ]);
      expect(seen.endpoint).toBe(sb.current.url);
      expect(seen.id).toBe(job.id);
      expect(seen.home).not.toBe(process.env.HOME);
      const {existsSync} = await import('node:fs');
      expect(existsSync(seen.cwd)).toBe(false);
      expect(existsSync(seen.home)).toBe(false);
    } finally {
      if (saved === undefined) delete process.env.HF_TOKEN;
      else process.env.HF_TOKEN = saved;
      delete process.env.HF_JOBS_TEST_LEAK;
    }
  });

  it('runs several jobs at once, each in its own directory', async () => {
    const source =
      'const fs = require("node:fs"); fs.writeFileSync("mine.txt", process.env.JOB_ID); setTimeout(() => console.log(fs.readdirSync(".").join(","), fs.readFileSync("mine.txt", "utf8") === process.env.JOB_ID), 300)';
    const jobs = await Promise.all([1, 2, 3].map(() => runJob({...hub(), namespace: NS, ...nodeJob(source)})));
    const started = Date.now();
    const logs = await Promise.all(jobs.map((j) => collectLogs(hub(), j.id)));
    expect(Date.now() - started).toBeLessThan(3000);
    for (const lines of logs) expect(ownLines(lines)).toEqual(['mine.txt true']);
  });

  it('fails an image it cannot emulate, naming the problem, without hanging', async () => {
    const job = await runJob({
      ...hub(),
      namespace: NS,
      dockerImage: 'pytorch/pytorch:2.6.0-cuda12.4-cudnn9-devel',
      command: ['python', 'train.py'],
      flavor: 'a10g-small',
    });
    const done = await waitForStage(hub(), job.id, undefined, 5000);
    expect(done.status.stage).toBe('ERROR');
    expect(done.status.message).toContain('cannot emulate image "pytorch/pytorch:2.6.0-cuda12.4-cudnn9-devel"');
    const lines = await collectLogs(hub(), job.id);
    expect(lines.some((l) => l.includes('python:*') && l.includes('node:*'))).toBe(true);
    expect(lines.at(-1)).toBe('===== Job finished: status=ERROR =====');
  });

  it('runs a uv image with uv when installed; without uv, its stand-in refuses anything but `uv run` and says how to get uv', async () => {
    const job = await runJob({
      ...hub(),
      namespace: NS,
      dockerImage: 'ghcr.io/astral-sh/uv:python3.12-bookworm',
      command: ['uv', '--version'],
      flavor: 'cpu-basic',
    });
    const done = await waitForStage(hub(), job.id, undefined, 10_000);
    const {findInterpreters} = await import('../../src/sandbox/jobs/images.js');
    const found = await findInterpreters();
    const lines = await collectLogs(hub(), job.id);
    if (found.uv) {
      expect(done.status.stage).toBe('COMPLETED');
    } else if (found.python3) {
      expect(done.status.stage).toBe('ERROR');
      expect(lines).toContain(
        "[sandbox] uv is not installed on this machine: the sandbox's stand-in only runs `uv run`, not `uv --version`. Install uv (https://docs.astral.sh/uv/getting-started/installation/).",
      );
    } else {
      expect(done.status.stage).toBe('ERROR');
      expect(done.status.message).toMatch(/needs uv \(or at least python3\).*Install uv/);
    }
    // Each "[sandbox]" line once.
    const notes = lines.filter((l) => l.startsWith('[sandbox]'));
    expect(new Set(notes).size).toBe(notes.length);
  });

  it('times out: ERROR with a timeout message within 2 s of the deadline, whole process tree killed', async () => {
    // The grandchild carries an argument only it has: the host finds its pid by it (c.pid would be its number in the
    // job's PID namespace, and the job's /proc is the namespace's).
    const marker = uniqueMarker();
    const grandchildSource = 'console.log("child"); setInterval(() => {}, 1000)';
    const source = `const {spawn} = require("node:child_process"); spawn(process.execPath, ["-e", ${JSON.stringify(grandchildSource)}, ${JSON.stringify(marker)}], {stdio: ["ignore", "inherit", "ignore"]}); setInterval(() => {}, 1000)`;
    const started = Date.now();
    const job = await runJob({...hub(), namespace: NS, ...nodeJob(source), timeoutSeconds: 1});
    const grandchild = await hostPidOf(marker, 2000);
    expect(grandchild).toBeGreaterThan(0);
    const done = await waitForStage(hub(), job.id, ['ERROR', 'COMPLETED', 'CANCELED'], 6000);
    expect(done.status.stage).toBe('ERROR');
    expect(done.status.message).toBe('Job timeout'); // the Hub's words, which troubleshoot classifies as job-timeout
    expect(Date.now() - started).toBeLessThan(1000 + 2000);
    const lines = await collectLogs(hub(), job.id);
    expect(lines.join('\n')).toMatch(/Job timeout: timed out after 1s/);
    expect(ownLines(lines)[0]).toBe('child');
    expect(await goneWithin(grandchild, 3000)).toBe(true);
    expect(lines.some((l) => l.includes('timed out'))).toBe(true);
  });

  it('cancels a running job: CANCELED within 2 s, cancel answers JSON', async () => {
    const job = await runJob({
      ...hub(),
      namespace: NS,
      ...nodeJob('console.log("working"); setInterval(() => {}, 1000)'),
    });
    await waitForStage(hub(), job.id, ['RUNNING']);
    const started = Date.now();
    const canceled = await cancelJob({...hub(), namespace: NS, jobId: job.id});
    expect(canceled.id).toBe(job.id);
    const done = await waitForStage(hub(), job.id, ['CANCELED', 'ERROR', 'COMPLETED'], 3000);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(done.status.stage).toBe('CANCELED');
    expect(done.status.message).toContain('Canceled by practice-user');
    expect((await collectLogs(hub(), job.id)).at(-1)).toBe('===== Job finished: status=CANCELED =====');
  });

  it('streams log lines as they are produced, and ends when the job does', async () => {
    const job = await runJob({
      ...hub(),
      namespace: NS,
      ...nodeJob(
        'let i = 0; const t = setInterval(() => { console.log("tick " + i); if (++i === 8) clearInterval(t); }, 100)',
      ),
    });
    const arrivals: {line: string; at: number}[] = [];
    for await (const entry of streamJobLogs({...hub(), namespace: NS, jobId: job.id}))
      arrivals.push({line: entry.message, at: Date.now()});
    const ticks = arrivals.filter((a) => a.line.startsWith('tick '));
    expect(ticks.map((t) => t.line)).toEqual(Array.from({length: 8}, (_, i) => `tick ${i}`));
    // Seen one by one: the first tick arrives long before the last one (not buffered to the end).
    expect(ticks.at(-1)!.at - ticks[0]!.at).toBeGreaterThan(500);
    // And one at a time: most lines arrive on their own, ~100 ms after the previous one (slack for a loaded CI).
    const spaced = ticks.slice(1).filter((t, i) => t.at - ticks[i]!.at > 40).length;
    expect(spaced).toBeGreaterThanOrEqual(5);
    expect(arrivals.at(-1)!.line).toBe('===== Job finished: status=COMPLETED =====');
  });

  it('answers a log stream joined mid-run with the whole log, then the rest live', async () => {
    const job = await runJob({
      ...hub(),
      namespace: NS,
      ...nodeJob(
        'let i = 0; const t = setInterval(() => { console.log("n" + i); if (++i === 10) clearInterval(t); }, 50)',
      ),
    });
    await waitForStage(hub(), job.id, ['RUNNING']);
    await new Promise((r) => setTimeout(r, 250));
    const lines = ownLines(await collectLogs(hub(), job.id));
    expect(lines).toEqual(Array.from({length: 10}, (_, i) => `n${i}`));
  });

  it('answers ?tail=N with the last N lines (as `hf jobs logs -n` asks)', async () => {
    const job = await runJob({
      ...hub(),
      namespace: NS,
      ...nodeJob('for (let i = 0; i < 20; i++) console.log("t" + i)'),
    });
    await collectLogs(hub(), job.id);
    const res = await fetch(`${sb.current.url}/api/jobs/${NS}/${job.id}/logs?tail=3`, {
      headers: {Authorization: `Bearer ${sb.current.tokens.write}`},
    });
    const events = (await res.text())
      .split('\n\n')
      .filter(Boolean)
      .map((e) => (JSON.parse(e.slice('data: '.length)) as {data: string}).data);
    expect(events).toEqual(['t18', 't19', '===== Job finished: status=COMPLETED =====']);
  });

  describe('validation (400 with a clear error)', () => {
    const post = (body: unknown) =>
      fetch(`${sb.current.url}/api/jobs/${NS}`, {
        method: 'POST',
        headers: {Authorization: `Bearer ${sb.current.tokens.write}`, 'Content-Type': 'application/json'},
        body: JSON.stringify(body),
      });
    const base = {dockerImage: 'python:3.12', command: ['python', '-c', 'print(1)'], flavor: 'cpu-basic'};
    it.each([
      ['missing flavor', {...base, flavor: undefined}, /"flavor" is required/],
      ['unknown flavor', {...base, flavor: 'gpu-t4-small'}, /Invalid flavor "gpu-t4-small": expected one of cpu-basic/],
      ['missing command', {...base, command: undefined}, /"command" is required/],
      ['empty command', {...base, command: []}, /must not be empty/],
      ['bad secret key', {...base, secrets: {'1TOKEN': 'x'}}, /Invalid secrets key "1TOKEN"/],
      ['secret key with a dash', {...base, secrets: {'HF-TOKEN': 'x'}}, /Invalid secrets key "HF-TOKEN"/],
      ['both image and space', {...base, spaceId: 'user/space'}, /either "dockerImage" or "spaceId", not both/],
      ['neither image nor space', {...base, dockerImage: undefined}, /Either "dockerImage" or "spaceId" is required/],
      ['bad timeout', {...base, timeoutSeconds: -5}, /positive integer/],
      ['non-string env value', {...base, environment: {MODE: 3}}, /"environment.MODE" must be a string/],
    ])('%s', async (_name, body, message) => {
      const res = await post(body);
      expect(res.status).toBe(400);
      const json = (await res.json()) as {error: string};
      expect(json.error).toMatch(message);
    });

    it('surfaces through @huggingface/hub as a HubApiError with the message', async () => {
      const error = await runJob({
        ...hub(),
        namespace: NS,
        dockerImage: 'python:3.12',
        command: ['python'],
        flavor: 'not-a-flavor' as 'cpu-basic',
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HubApiError);
      expect((error as HubApiError).statusCode).toBe(400);
      expect((error as HubApiError).message).toContain('Invalid flavor "not-a-flavor"');
    });
  });

  describe('authorization', () => {
    const tryRun = (token: string, namespace = NS) =>
      runJob({hubUrl: sb.current.url, accessToken: token, namespace, ...nodeJob('1')}).catch(
        (e: unknown) => e as HubApiError,
      );

    it('refuses a read token with 403 naming what is needed', async () => {
      const error = await tryRun(sb.current.tokens.read);
      expect(error).toBeInstanceOf(HubApiError);
      expect((error as HubApiError).statusCode).toBe(403);
      expect((error as HubApiError).message).toMatch(
        /read token; running jobs needs a write token, or a fine-grained token with the "job.write" permission/,
      );
    });

    it('refuses an expired token with 401', async () => {
      const error = await tryRun(sb.current.tokens.expired);
      expect((error as HubApiError).statusCode).toBe(401);
    });

    it('refuses a namespace the user cannot run jobs in with 403', async () => {
      const error = await tryRun(sb.current.tokens.write, 'practice-friend');
      expect((error as HubApiError).statusCode).toBe(403);
      expect((error as HubApiError).message).toContain('practice-user is not a member of "practice-friend"');
    });

    it('accepts a fine-grained token with job.write on the namespace, not elsewhere', async () => {
      const ok = await tryRun(sb.current.tokens['fine-grained']);
      expect(ok).not.toBeInstanceOf(Error);
      const error = await tryRun(sb.current.tokens['fine-grained'], 'practice-org');
      expect((error as HubApiError).statusCode).toBe(403);
      expect((error as HubApiError).message).toContain('does not have the "job.write" permission on "practice-org"');
    });

    it('runs in an org where the user has the write role, with the org as owner', async () => {
      const job = await runJob({...hub(), namespace: 'practice-org', ...nodeJob('console.log("org job")')});
      expect(job.owner).toMatchObject({name: 'practice-org', type: 'org'});
      expect(ownLines(await collectLogs(hub(), job.id, 'practice-org'))).toEqual(['org job']);
    });

    it('answers 404 for an unknown job id and for a job of another namespace', async () => {
      const error = (await getJob({...hub(), namespace: NS, jobId: '0123456789abcdef01234567'}).catch(
        (e: unknown) => e,
      )) as HubApiError;
      expect(error.statusCode).toBe(404);
      const orgJob = await runJob({...hub(), namespace: 'practice-org', ...nodeJob('1')});
      const wrongNs = (await getJob({...hub(), namespace: NS, jobId: orgJob.id}).catch(
        (e: unknown) => e,
      )) as HubApiError;
      expect(wrongNs.statusCode).toBe(404);
      const logs = await collectLogs(hub(), '0123456789abcdef01234567').catch((e: unknown) => e as HubApiError);
      expect((logs as HubApiError).statusCode).toBe(404);
    });
  });
});
